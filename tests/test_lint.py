"""The code passes its linter and its type checker: ruff with the rules in pyproject.toml over everything, and mypy
over the layers below the faces (content, engine, storage and services; [tool.mypy] names them). Both are pinned
in the test extras, so these run wherever the suite does."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)


def test_ruff_finds_nothing():
    checked = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_mypy_finds_no_type_errors():
    checked = _run("mypy")  # files, plugins and strictness from [tool.mypy]
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Success: no issues found" in checked.stdout
