"""The theme's settings, read once each time Streamlit reads its configuration, not at every script run.

Streamlit 1.67 starts every script run — a whole page, a statement's answer, a phone's look at the room — with a
`new_session` message carrying the theme, and builds it by walking all of its ~200 settings once for each of the
six theme sections. Profiled under 200 phones that was 3-4% of a server's time and a sixth of a phone's look at the
room (`docs/deployment.md`, "Where the time goes"). The settings change only when Streamlit parses its
configuration again (at start, or when a watched config.toml changes), which empties what is kept here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from streamlit import config

THEME = "theme"  # the sections kept: "theme" and "theme.<light|dark|sidebar|…>"


def _kept_per_section(read: Callable[[str], dict[str, Any]]) -> Callable[[str], dict[str, Any]]:
    kept: dict[str, dict[str, Any]] = {}  # no lock: the first read may parse the configuration, which empties it

    @functools.wraps(read)
    def options_for_section(section: str) -> dict[str, Any]:
        if section != THEME and not section.startswith(THEME + "."):
            return read(section)
        options = kept.get(section)
        if options is None:
            options = kept[section] = read(section)
        return dict(options)  # a copy: a caller may change what it is given

    def forget() -> None:
        kept.clear()

    options_for_section.placeready_kept = kept  # type: ignore[attr-defined]
    config.on_config_parsed(forget, force_connect=True)
    return options_for_section


def read_once_per_configuration() -> None:
    """From now on (once per process), the theme's sections are read from Streamlit's settings once per parse."""
    if not hasattr(config.get_options_for_section, "placeready_kept"):
        config.get_options_for_section = _kept_per_section(config.get_options_for_section)
