"""Sources as a report lists them: once each, with the publisher's own link beside the words.

A framework, its principles' policy notes and the exemplars' judgements and steps cite sources by id; the same
publication can be cited from several files. The report's list holds each publication once, found by its title
(the content tests check that one title is spelled, published and linked alike everywhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from pydantic import BaseModel


class Publication(Protocol):
    """A framework's or an exemplar's source (read-only: the sources are frozen content)."""

    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str | None: ...

    @property
    def named(self) -> str: ...


class Citation(BaseModel):
    text: str  # authors, “title”, publisher, date
    url: str | None  # at the publisher's own address

    @property
    def in_full(self) -> str:
        return f"{self.text} {self.url}" if self.url else self.text


def title_key(title: str) -> str:
    """A title as compared for duplicates: case, quotes, punctuation and spacing ignored."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", title.casefold())).strip()


def citation(source: Publication) -> Citation:
    return Citation(text=source.named, url=source.url)


def reference_list(sources: Iterable[Publication]) -> list[Citation]:
    """Each publication once, in the order first cited: one title, or one link, is one publication."""
    found: list[Citation] = []
    titles: set[str] = set()
    links: set[str] = set()
    for source in sources:
        if title_key(source.title) in titles or (source.url and source.url in links):
            continue
        titles.add(title_key(source.title))
        links.update([source.url] if source.url else [])
        found.append(citation(source))
    return found


def merged(lists: Iterable[Iterable[Citation]]) -> list[Citation]:
    """Several reports' lists as one, each publication once: by its link, or its words where it has none."""
    seen: dict[str, Citation] = {}
    for citations in lists:
        for found in citations:
            seen.setdefault(found.url or found.text, found)
    return list(seen.values())
