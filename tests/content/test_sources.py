"""Every source the built-in content cites: linked at its publisher's own address, never a mirror or a
slide-sharing copy, and one publication spelled, published and linked alike wherever it is cited, so that a
report lists it once."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlparse

import pytest

from assessment.content.exemplar import builtin_exemplars
from assessment.content.framework import builtin_frameworks
from assessment.engine.citations import title_key

# Sites that copy other people's documents (slides, PDFs, council papers), and a publisher's staging host: a
# source found there is cited at its publisher's own address or not at all.
REFUSED_HOSTS = ("slideplayer.", "slideshare.", "docsbay.", "docslib.", "scribd.", "issuu.", "yumpu.",
                 "pdfslide.", "vdocuments.", "fdocuments.", "documents.pub", "dokumen.", "studylib.", "readkong.",
                 "paperzz.", "careersdocbox.", "1library.", "docplayer.", "core-prod.cambridgecore.org",
                 "homsy-staging.cambridgecore.org", "web.archive.org")


def _sources() -> list[tuple[str, str, object]]:
    """(file, id, source) for every source of every built-in framework and exemplar."""
    found = [(f"principles/{f.id}.yaml", s.id or "source", s) for f in builtin_frameworks()
             for s in (f.source, *f.sources)]
    found += [(f"seeds/exemplars/{e.id}.yaml", s.id, s) for e in builtin_exemplars() for s in e.sources]
    return found


@pytest.mark.parametrize(("where", "source_id", "source"), _sources(), ids=lambda value: str(value)[:40])
def test_every_source_is_linked_at_its_publishers_own_address(where, source_id, source):
    assert source.url, f"{where}: {source_id} has no link"
    host = urlparse(source.url).netloc.lower()
    assert not any(refused in host for refused in REFUSED_HOSTS), f"{where}: {source_id} is linked at {host}"


def test_one_publication_is_cited_alike_everywhere():
    by_title: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    by_link: dict[str, set[str]] = defaultdict(set)
    for _, _, source in _sources():
        by_title[title_key(source.title)].add((source.publisher, source.url))
        by_link[source.url].add(title_key(source.title))
    assert {title: cited for title, cited in by_title.items() if len(cited) > 1} == {}
    assert {link: titles for link, titles in by_link.items() if len(titles) > 1} == {}


def test_no_file_lists_one_publication_twice():
    titles: dict[str, list[str]] = defaultdict(list)
    for where, _, source in _sources():
        titles[where].append(title_key(source.title))
    assert {where: t for where, t in titles.items() if len(t) != len(set(t))} == {}


def test_the_refused_hosts_would_catch_the_copies_once_cited():
    for copy in ("https://slideplayer.com./slide/15921554", "https://docsbay.net/salfordcity-council-record-of-decision",
                 "https://pt.slideshare.net/DrGrundy/x", "https://docslib.org/doc/3988982/wigan-in-profile",
                 "https://core-prod.cambridgecore.org/core/journals/x"):
        assert any(refused in urlparse(copy).netloc for refused in REFUSED_HOSTS)
