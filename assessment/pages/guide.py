"""How this works: the guides and references of `docs/`, a section at a time, served by the app itself so that
they open offline and in a room without the internet. `?doc=running-a-workshop&section=during-the-workshop`
opens a section; the pictures are the guides' own (`docs/images/`).

Links between the documents become links to this page; links to the repository's other files show as their
words, since the app does not serve them.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import streamlit as st

from assessment.content import guides

DEFAULT = "running-a-workshop"
GUIDES = {"running-a-workshop": "Running a workshop", "reports-and-follow-ups": "Reports and follow-ups",
          "hosting": "Hosting"}
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(images/([\w.-]+\.png)\)\s*$")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")


def address(name: str, section: str | None = None) -> str:
    """This page's address (relative, so it holds under any base path) for a document and section."""
    return f"guide?doc={quote(name)}" + (f"&section={quote(section)}" if section else "")


def link(name: str, section: str, label: str = "How this works") -> None:
    """The line on another page that opens its part of a guide (in a tab of its own: the control view stays)."""
    st.markdown(f":material/help: [{label}]({address(name, section)})")


def _in_app(text: str, name: str) -> str:
    """The document's links as the app can follow them."""
    def follow(match: re.Match[str]) -> str:
        words, target = match.groups()
        if re.match(r"https?:|mailto:", target):
            return match.group(0)
        path, _, section = target.partition("#")
        if not path:
            return f"[{words}]({address(name, section)})"
        if path.endswith(".md") and "/" not in path and path[:-3] in guides.names():
            return f"[{words}]({address(path[:-3], section or None)})"
        return words  # a file of the repository

    return _LINK.sub(follow, text)


def _show(text: str, name: str) -> None:
    """Markdown, with each picture on a line of its own drawn from `docs/images/`."""
    chunk: list[str] = []
    for line in text.splitlines():
        picture = _IMAGE.match(line)
        if picture is None:
            chunk.append(line)
            continue
        if chunk:
            st.markdown(_in_app("\n".join(chunk), name))
            chunk = []
        path = guides.IMAGES_DIR / picture.group(2)
        if path.is_file():
            st.image(str(path), caption=picture.group(1), alt=picture.group(1))
    if chunk:
        st.markdown(_in_app("\n".join(chunk), name))


def render() -> None:
    name = st.query_params.get("doc", DEFAULT)
    document = guides.document(name)
    if document is None:
        st.title("How PlaceReady works")
        st.warning("There is no such guide. The guides are listed below.", icon=":material/help:")
        name, document = DEFAULT, guides.document(DEFAULT)
        assert document is not None
    st.title(document.title)
    st.markdown("**Guides:** " + " · ".join(f"[{title}]({address(key)})" for key, title in GUIDES.items())
                + " — **References:** " + " · ".join(
                    f"[{key.replace('-', ' ')}]({address(key)})" for key in guides.names() if key not in GUIDES))
    wanted = document.section(st.query_params.get("section", ""))
    if wanted is None:
        _show(document.introduction, name)
        st.markdown("\n".join(f"- [{s.title}]({address(name, s.anchor)})" for s in document.sections))
        return
    st.header(wanted.title, anchor=False)
    _show(wanted.text, name)
    others = [s for s in document.sections if s is not wanted]
    if others:
        st.markdown("**Other sections:** " + " · ".join(f"[{s.title}]({address(name, s.anchor)})" for s in others))
