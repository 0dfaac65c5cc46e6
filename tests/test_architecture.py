"""The shape of the code: layers import only downwards, no import cycles, small modules, one way to show
input problems and one way to print a number. docs/architecture.md explains why."""

from __future__ import annotations

import os
import re

import grimp
import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "assessment"
MAX_MODULE_LINES = 400


def _modules() -> list:  # type: ignore[type-arg]
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_every_layer_imports_only_from_the_layers_below(capsys):
    from importlinter.cli import lint_imports

    os.chdir(ROOT)
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert code == 0, capsys.readouterr().out


def test_there_is_no_import_cycle():
    graph = grimp.build_graph("assessment", exclude_type_checking_imports=True)
    cycles = [(module, imported) for module in sorted(graph.modules)
              for imported in graph.find_modules_directly_imported_by(module)
              if imported != module and graph.chain_exists(importer=imported, imported=module)]
    # a package's __init__ importing its own modules is not a cycle between layers
    cycles = [(a, b) for a, b in cycles if not (b.startswith(a + ".") or a.startswith(b + "."))]
    assert cycles == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_400_lines(path):
    assert len(path.read_text().splitlines()) <= MAX_MODULE_LINES


def test_pages_show_input_problems_only_through_the_escaping_helper():
    # An error list built by hand is how unescaped file names and values reached the page before.
    for path in (PACKAGE / "pages").glob("*.py"):
        text = path.read_text()
        assert ".problems" not in text or path.name == "text.py", path.name


def test_numbers_are_formatted_in_one_place():
    # an f-string field such as {mean:.1f}; plotly's own templates (%{r:.1f}) are not Python's
    format_spec = re.compile(r"(?<!%)\{[^{}'\"]*:[+ ]?\.\d[f%]\}")
    offenders = [str(p.relative_to(ROOT)) for p in _modules()
                 if p.name != "numbers.py" and format_spec.search(p.read_text())]
    assert offenders == []
