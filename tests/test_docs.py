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
    assert start.endswith(".venv/bin/placeready-app")
    assert "pytest" in test


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert quick_start_commands()[1] in ci.splitlines()


def test_no_lock_file_with_download_addresses_is_committed():
    assert not (ROOT / "uv.lock").exists()


SKIPPED_FOLDERS = {".git", ".venv", "out", "__pycache__", ".pytest_cache", "build", "placeready.egg-info"}


def _repository_texts():  # type: ignore[no-untyped-def]
    for path in ROOT.rglob("*"):
        if SKIPPED_FOLDERS.isdisjoint(path.relative_to(ROOT).parts) and path.is_file() and path.suffix in {
                ".py", ".md", ".toml", ".yaml", ".yml", ".j2", ".conf", ".json", ".mako", ""}:
            yield str(path.relative_to(ROOT)), path.read_text(errors="replace")


def test_nothing_points_outside_the_repository():
    # The project's working notes lived beside the repository; its users never have them.
    beside = ("../" + "shared", "CONTRACTS" + ".md")
    outside = [name for name, text in _repository_texts() if any(mark in text for mark in beside)]
    assert outside == []


def test_every_link_in_the_docs_and_readme_resolves():
    missing = [f"{document.name}: {target}" for document in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
               for target in re.findall(r"\]\((?!https?:|#)([^)#]+)", document.read_text())
               if not (document.parent / target).exists()]
    assert missing == []


def _security_claims() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Security model", 1)[1].split("\n## ", 1)[0]
    return [" ".join(claim.split()) for claim in re.split(r"\n- ", section)[1:]]


def test_every_claim_of_the_security_model_names_a_test_that_exists():
    claims = _security_claims()
    assert len(claims) >= 15
    unnamed, missing = [], []
    for claim in claims:
        named = re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", claim)
        if not named:
            unnamed.append(claim[:80])
        for path, test in named:
            source = ROOT / path
            if not source.exists() or f"def {test}(" not in source.read_text():
                missing.append(f"{path}::{test}")
    assert unnamed == [] and missing == []
