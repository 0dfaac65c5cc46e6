"""The guides and references in `docs/`, read section by section: the app's help page shows them (offline), and
the tests check the links between them.

A document is its title (the `# ` line), an introduction, and sections (each `## ` heading with what follows it, up
to the next). Anchors are GitHub's, so a link such as `running-a-workshop.md#during-the-workshop` opens the same
place on GitHub, in an editor's preview and in the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assessment.content import REPOSITORY_DIR

DOCS_DIR = REPOSITORY_DIR / "docs"
IMAGES_DIR = DOCS_DIR / "images"
_HEADING = re.compile(r"^(#{1,6}) +(.+?) *#*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces as
    hyphens. `## 5. Agreed, split or too few` → `5-agreed-split-or-too-few`."""
    text = re.sub(r"`|\*\*?|\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def headings(text: str) -> list[tuple[int, str, str]]:
    """Each heading outside code blocks: its level, its words and its anchor (a repeated one numbered, as GitHub
    does: `x`, `x-1`, `x-2`)."""
    found: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            base = anchor(match.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.append((len(match.group(1)), match.group(2), base if count == 0 else f"{base}-{count}"))
    return found


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    text: str  # the heading's body, without the heading
    anchors: tuple[str, ...]  # its own anchor and those of the headings inside it


@dataclass(frozen=True)
class Document:
    name: str  # the file's name without `.md`
    title: str
    introduction: str
    sections: tuple[Section, ...]

    def section(self, wanted: str) -> Section | None:
        """The section with this anchor, or holding a heading with it."""
        return next((s for s in self.sections if wanted in s.anchors), None)


def names() -> list[str]:
    """Every document in `docs/`, by name."""
    return sorted(path.stem for path in DOCS_DIR.glob("*.md"))


@cache
def document(name: str) -> Document | None:
    """The document `docs/{name}.md`, or None when there is none (`name` may be anyone's text: only the names
    of the files there are looked up)."""
    if name not in names():
        return None
    text = (DOCS_DIR / f"{name}.md").read_text()
    lines = text.splitlines()
    found = iter(headings(text))
    title, starts = name, []
    fenced = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _HEADING.match(line):
            level, words, key = next(found)
            if level == 1:
                title = words
            starts.append((number, level, words, key))
    tops = [(n, words, key) for n, level, words, key in starts if level == 2]
    first_body = next((n for n, level, _, _ in starts if level == 1), -1) + 1
    introduction = "\n".join(lines[first_body: tops[0][0] if tops else len(lines)]).strip()
    sections = []
    for index, (start, words, key) in enumerate(tops):
        end = tops[index + 1][0] if index + 1 < len(tops) else len(lines)
        inner = tuple(k for n, level, _, k in starts if start < n < end and level > 2)
        sections.append(Section(title=words, anchor=key, text="\n".join(lines[start + 1: end]).strip(),
                                anchors=(key, *inner)))
    return Document(name=name, title=title, introduction=introduction, sections=tuple(sections))
