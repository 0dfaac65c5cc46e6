"""Reading content YAML (frameworks, exemplar profiles, the demo) safely, remembering where each value was.

PyYAML's safe loader already refuses to build Python objects from tags such as
`!!python/object`. On top of that we refuse what a content file never needs and a hostile
file uses: any tag outside plain YAML, anchors and aliases (the "billion laughs" bomb),
duplicate keys (PyYAML would silently keep the last), very deep nesting and very large
files. While walking the document we record the line of every value, so validation errors
can say "line 12, principles[3].statements[0].id".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from assessment.errors import ContentProblems, InputError, Path, Problem, format_path

Model = TypeVar("Model", bound=BaseModel)

MAX_BYTES = 2_000_000
MAX_DEPTH = 24
# libyaml's composer recurses in C, where a document nested some thousands deep crashes the whole process
# instead of raising RecursionError; nesting is counted on its parser's events (which do not recurse) first.
COMPOSABLE_DEPTH = 200
TOO_DEEP = "the YAML is nested too deeply to be content"

# libyaml, which PyYAML's wheels include, reads the demo's answers in 0.02 s where PyYAML's own Python takes 0.14 s.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@dataclass(frozen=True)
class YamlDocument:
    """Plain data from a YAML file, and the line (1-based) where each path starts."""

    data: Any
    lines: Mapping[Path, int]
    source: str

    def line_of(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor that exists in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def parse_yaml(text: str | bytes, *, source: str) -> YamlDocument:
    """Parse one YAML document, refusing anything a content file has no business containing."""
    if isinstance(text, bytes):
        raw = text
        if len(raw) > MAX_BYTES:
            raise _too_large(source, len(raw))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise InputError(source, [Problem("the file is not UTF-8 text", line=line)]) from None
    elif len(text.encode("utf-8")) > MAX_BYTES:
        raise _too_large(source, len(text.encode("utf-8")))

    loader = SAFE_LOADER(text)
    try:
        _refuse_deep_nesting(text, source)
        node = loader.get_single_node()
        if node is None:
            raise InputError(source, [Problem("the file is empty")])
        lines: dict[Path, int] = {}
        _check(node, (), 0, lines, source, seen=set())
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "not valid YAML"
        where = mark.line + 1 if mark else None
        raise InputError(source, [Problem(f"not valid YAML: {problem}", line=where)]) from None
    except yaml.YAMLError as error:
        raise InputError(source, [Problem(f"not valid YAML: {error}")]) from None
    except RecursionError:
        raise InputError(source, [Problem(TOO_DEEP)]) from None
    finally:
        loader.dispose()
    return YamlDocument(data=data, lines=lines, source=source)


def _refuse_deep_nesting(text: str, source: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > COMPOSABLE_DEPTH:
                mark = event.start_mark  # None only for events built by hand, never for a parser's
                raise InputError(source, [Problem(TOO_DEEP, line=mark.line + 1 if mark else None)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _too_large(source: str, size: int) -> InputError:
    return InputError(
        source, [Problem(f"the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes")]
    )


def _check(
    node: yaml.Node, path: Path, depth: int, lines: dict[Path, int], source: str, seen: set[int]
) -> None:
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    if id(node) in seen:
        raise InputError(
            source,
            [Problem("anchors and aliases (&name / *name) are not allowed", format_path(path), line)],
        )
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise InputError(
            source,
            [Problem(f"nested more than {MAX_DEPTH} levels deep", format_path(path), line)],
        )
    if node.tag not in _PLAIN_TAGS:
        raise InputError(
            source,
            [
                Problem(
                    f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; "
                    "only plain YAML is read",
                    format_path(path),
                    line,
                )
            ],
        )
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(
                    source,
                    [Problem("keys must be plain values", format_path(path), key_node.start_mark.line + 1)],
                )
            _check(key_node, path, depth + 1, {}, source, seen)
            key: str = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in first_line:
                raise InputError(
                    source,
                    [
                        Problem(
                            f"the key '{key}' appears twice (first on line {first_line[key]})",
                            format_path((*path, key)),
                            key_line,
                        )
                    ],
                )
            first_line[key] = key_line
            at = (*path, int(key) if key_node.tag == "tag:yaml.org,2002:int" else key)
            lines[at] = key_line
            _check(value_node, at, depth + 1, lines, source, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check(item, (*path, index), depth + 1, lines, source, seen)


def validate_document(
    document: YamlDocument,
    model: type[Model],
    *,
    context: Mapping[str, Any] | None = None,
) -> Model:
    """Validate parsed YAML against a pydantic model, turning every error into a located Problem."""
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as error:
        raise InputError(document.source, located_problems(error, document.line_of)) from None


def located_problems(
    error: ValidationError, line_of: Callable[[Path], int | None]
) -> list[Problem]:
    """Reword pydantic's errors for people and attach the line each one is on."""
    details = error.errors(include_url=False)
    problems: list[Problem] = []
    for detail in details:
        loc: Path = tuple(detail["loc"])
        if detail["type"] == "too_short" and any(
            len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc for other in details
        ):
            continue  # pydantic's echo of an invalid item: the item's own error says more
        cause = (detail.get("ctx") or {}).get("error")
        if isinstance(cause, ContentProblems):
            for sub_path, message in cause.problems:
                path = (*loc, *sub_path)
                problems.append(Problem(message, format_path(path), line_of(path)))
            continue
        problems.append(Problem(_reword(detail), format_path(loc), line_of(loc)))
    return sorted(problems, key=lambda problem: problem.line or 0)


PATTERN_HINTS: dict[str, str] = {}
"""Plain-words explanations of the regular expressions content models use, by pattern."""


def _reword(detail: Mapping[str, Any]) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        return "unknown key (check its spelling against the format)"
    if kind == "missing":
        return "required, but missing"
    if kind in ("model_type", "dict_type"):
        return "should be a set of keys and values (a YAML mapping)"
    if kind == "too_short":
        return f"needs at least {detail['ctx']['min_length']}"
    if kind == "too_long" and "max_length" in (detail.get("ctx") or {}):
        return f"may have at most {detail['ctx']['max_length']}"
    if kind == "string_pattern_mismatch":
        return PATTERN_HINTS.get(detail["ctx"]["pattern"], str(detail["msg"]))
    message = str(detail["msg"])
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return message[:1].lower() + message[1:]
