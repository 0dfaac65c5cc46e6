"""The README's and the guides' promises: two Quick start commands, CI running the second of them, every link
between the documents leading somewhere, every picture made by docs/screenshots.py, and every claim of the security
model naming its test."""

from __future__ import annotations

import hashlib
import json
import re

from assessment.content import guides
from tests.conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Markdown links and images, and HTML images: the target, less any #anchor.
LINK = re.compile(r"\]\(([^)\s]+)\)|<img [^>]*src=\"([^\"]+)\"")


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


def _links(document):  # type: ignore[no-untyped-def]
    """Every link and image of a document outside its code blocks (a shell example's `](` is not a link)."""
    text = re.sub(r"```.*?```", "", document.read_text(), flags=re.S)
    return [a or b for a, b in LINK.findall(text)]


def test_every_link_between_the_docs_and_the_readme_leads_to_a_file_and_a_heading_there():
    missing = []
    for document in DOCUMENTS:
        for target in _links(document):
            if re.match(r"https?:|mailto:", target):
                continue
            path, _, anchor = target.partition("#")
            file = (document.parent / path).resolve() if path else document
            if not file.exists():
                missing.append(f"{document.name}: {target}")
            elif anchor and anchor not in [key for _, _, key in guides.headings(file.read_text())]:
                missing.append(f"{document.name}: {target} (no such heading)")
    assert missing == []


def test_headings_get_githubs_anchors_and_code_blocks_hold_none():
    headings = [key for _, _, key in guides.headings("# T\n## 5. Agreed, split or too few\n```\n# not a heading\n```")]
    assert headings == ["t", "5-agreed-split-or-too-few"]


def _manifest() -> dict[str, dict[str, object]]:
    return json.loads((ROOT / "docs" / "images" / "manifest.json").read_text())


def _pictures_linked() -> dict[str, list[str]]:
    linked: dict[str, list[str]] = {}
    for document in DOCUMENTS:
        for target in _links(document):
            if target.endswith(".png"):
                linked.setdefault((document.parent / target).resolve().name, []).append(document.name)
    return linked


def test_every_picture_a_guide_shows_was_made_by_the_screenshot_script_and_is_small():
    manifest, wrong = _manifest(), []
    for name in _pictures_linked():
        picture = ROOT / "docs" / "images" / name
        if name not in manifest or not picture.exists():
            wrong.append(f"{name}: not made by docs/screenshots.py")
        elif hashlib.sha256(picture.read_bytes()).hexdigest() != manifest[name]["sha256"]:
            wrong.append(f"{name}: changed since docs/screenshots.py made it")
        elif picture.stat().st_size > 200_000:
            wrong.append(f"{name}: {picture.stat().st_size} bytes")
    assert wrong == []


def test_every_picture_the_script_makes_is_shown_somewhere_and_nothing_else_is_in_the_folder():
    linked, manifest = _pictures_linked(), _manifest()
    assert sorted(set(manifest) - set(linked)) == []
    assert sorted(p.name for p in (ROOT / "docs" / "images").glob("*.png")) == sorted(manifest)


def _security_claims() -> list[str]:
    hosting = (ROOT / "docs" / "hosting.md").read_text()
    section = hosting.split("## Security model", 1)[1].split("\n## ", 1)[0]
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


def _command_lines() -> list[tuple[str, str]]:
    """Each `placeready …` line in a code block of the README or the docs, without its trailing comment."""
    found = []
    for document in DOCUMENTS:
        for block in re.findall(r"```[a-z]*\n(.*?)```", document.read_text(), flags=re.S):
            found += [(document.name, line.split("  #", 1)[0].strip()) for line in block.splitlines()
                      if line.startswith("placeready ")]
    return found


def test_every_command_line_the_docs_show_is_one_the_placeready_command_accepts():
    import shlex

    from assessment.cli import build_parser

    lines = _command_lines()
    assert len(lines) >= 15  # the guides' examples: validate, score, compare, report, export, import, member…
    refused = []
    for document, line in lines:
        try:
            build_parser().parse_args(shlex.split(line)[1:])
        except SystemExit:
            refused.append(f"{document}: {line}")
    assert refused == []
