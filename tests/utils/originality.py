"""Fingerprints of the sources the content was written from, to check no sentence of theirs was copied.

The sources are copyrighted: the project may carry their facts, never their sentences, so it does not keep their
text either. It keeps, per source, a hash of every run of `WORDS_IN_A_ROW` words (lowercase, punctuation dropped).
A run of that many words shared with a source is a copied phrase, not a coincidence of common words.

Add the passages you read of a source (a file of plain text) with:

    python -m tests.utils.originality SOURCE_KEY "Title, publisher" URL < passages.txt

SOURCE_KEY is `framework-id--source-id` or `exemplar-id--source-id`, naming the content that rests on it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator

from tests.conftest import DATA

FINGERPRINTS = DATA / "source_fingerprints.json"
WORDS_IN_A_ROW = 8
# Hex digits kept of each hash: a chance clash among ~20,000 stored and ~30,000 checked runs is about 1 in 2,000.
_DIGITS = 10
_SAME = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def words(text: str) -> list[str]:
    """The text's words, lowercase, with apostrophes kept inside words and every other mark dropped."""
    return re.findall(r"[a-z0-9]+(?:'[a-z0-9]+)*", text.translate(_SAME).lower())


# A quotation in marks is a declared quotation, not a copied sentence: “…”, "…", ‘…’, and '…' where the marks are not
# apostrophes inside a word.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<![A-Za-z])'[^']*'(?![A-Za-z])")


def runs(text: str, *, quotations: bool = True) -> Iterator[tuple[str, str]]:
    """Every run of WORDS_IN_A_ROW words in the text, with its fingerprint; runs inside quotation marks only with
    `quotations` (sources are fingerprinted whole; our text is checked outside its quotations)."""
    found = words(text if quotations else _QUOTED.sub(" … ", text))
    for start in range(len(found) - WORDS_IN_A_ROW + 1):
        run = " ".join(found[start:start + WORDS_IN_A_ROW])
        yield run, hashlib.sha256(run.encode()).hexdigest()[:_DIGITS]


def fingerprints(text: str) -> str:
    """The text's fingerprints, sorted, in one string (the file stays small and its diffs short)."""
    return " ".join(sorted({print_ for _, print_ in runs(text)}))


def load() -> dict[str, dict[str, object]]:
    """Source key -> its title, address and set of fingerprints."""
    return {key: source | {"fingerprints": set(str(source["fingerprints"]).split())}
            for key, source in json.loads(FINGERPRINTS.read_text()).items()}


def add(key: str, title: str, url: str, text: str) -> None:
    known = json.loads(FINGERPRINTS.read_text()) if FINGERPRINTS.exists() else {}
    known[key] = {"title": title, "url": url, "fingerprints": fingerprints(text)}
    FINGERPRINTS.write_text(json.dumps(dict(sorted(known.items())), indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    add(*sys.argv[1:4], sys.stdin.read())
