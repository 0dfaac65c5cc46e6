"""The README's promises: two Quick start commands, and CI running the second of them."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_quick_start_holds_exactly_two_commands():
    start, test = quick_start_commands()
    assert "streamlit run streamlit_app.py" in start
    assert "pytest" in test


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert quick_start_commands()[1] in ci.splitlines()


def test_no_lock_file_with_download_addresses_is_committed():
    assert not (ROOT / "uv.lock").exists()
