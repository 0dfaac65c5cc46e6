"""Framework YAML: the format, safe loading, and messages that point at the problem."""

from __future__ import annotations

import json
import time

import pytest

from assessment.content import framework as framework_module
from assessment.content.framework import (
    SCHEMA_FILE,
    json_schema,
    load_framework,
    parse_framework,
    read_framework,
)
from assessment.content.yaml_document import MAX_BYTES
from assessment.errors import InputError
from tests.conftest import DATA, ROOT

BAD = DATA / "bad_frameworks"

BAD_FRAMEWORKS = {
    "unsafe_tag.yaml": ["line 2, title", "!!python/object/apply:os.system is not allowed"],
    "unsafe_tag_nested.yaml": ["line 11, principles[0].statements[0].text", "!!python/name:os.system"],
    "alias_bomb.yaml": ["line 1, b[0]", "aliases", "not allowed"],
    "duplicate_key.yaml": ["line 4, title", "appears twice (first on line 2)"],
    "not_a_mapping.yaml": ["line 1", "YAML mapping"],
    "bad_syntax.yaml": ["line 4", "not valid YAML"],
    "empty.yaml": ["the file is empty"],
    "not_utf8.yaml": ["line 2", "not UTF-8"],
    "deeply_nested.yaml": ["line 2", "nested more than"],
    "wrong_types_and_missing.yaml": [
        "5 problems", "line 1, id: use lowercase letters", "line 1, source: required",
        "line 3, version", "line 6, scale.max: must be greater than min", "line 8, principles: needs at least 1",
    ],
    "duplicate_ids.yaml": [
        "line 15, principles[1].id: 'first' is already the id of principles[0]",
        "line 20, principles[1].statements[1].id: 's1' is already the id of principles[0].statements[0]",
    ],
    "labels_and_rubric_off_scale.yaml": [
        "scale.labels: no label for 4", "scale.labels: 5 outside the scale 0–4",
    ],
    "unknown_key.yaml": ["line 12, principles[0].statments: unknown key", "line 10, principles[0].statements: required"],
}


@pytest.mark.parametrize("file", sorted(BAD_FRAMEWORKS))
def test_bad_frameworks_are_refused_with_file_location_and_line(file):
    with pytest.raises(InputError) as caught:
        read_framework(BAD / file)
    message = str(caught.value)
    assert message.startswith(f"{BAD / file}: ")
    for fragment in BAD_FRAMEWORKS[file]:
        assert fragment in message


def test_every_bad_framework_in_the_corpus_has_an_expectation():
    assert {path.name for path in BAD.glob("*.yaml")} == set(BAD_FRAMEWORKS)


def test_cross_references_are_checked_once_the_scale_is_sound():
    text = (BAD / "labels_and_rubric_off_scale.yaml").read_text().replace("5: All", "4: All")
    with pytest.raises(InputError) as caught:
        parse_framework(text, source="upload.yaml")
    message = str(caught.value)
    assert "line 12, principles[0].basis_sources: no source has the id 'nowhere'" in message
    assert "line 13, principles[0].rubric: needs one entry for each scale point 0–4" in message


def test_unsafe_tags_execute_nothing(tmp_path):
    marker = tmp_path / "pwned"
    text = f'id: x\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(InputError):
        parse_framework(text, source="upload.yaml")
    assert not marker.exists()


def test_an_alias_bomb_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(InputError, match="aliases"):
        read_framework(BAD / "alias_bomb.yaml")
    assert time.perf_counter() - started < 5  # a generous bound: expansion would never finish


def test_a_file_over_the_size_limit_is_refused_before_parsing():
    text = "id: big\ntitle: " + "x" * MAX_BYTES + "\n"
    with pytest.raises(InputError, match="the limit is"):
        parse_framework(text.encode(), source="big.yaml")


def test_nesting_as_deep_as_the_size_limit_allows_is_refused_not_a_crash():
    # libyaml's composer recurses in C: composed, this would end the process rather than raise
    depth = (MAX_BYTES - 10) // 2
    with pytest.raises(InputError, match="nested too deeply"):
        parse_framework(("id: " + "[" * depth + "]" * depth + "\n").encode(), source="deep.yaml")


def test_a_valid_framework_loads_with_its_scale(tiny):
    assert tiny.id == "tiny"
    assert [p.id for p in tiny.principles] == ["alpha", "beta", "gamma"]
    assert tiny.principle_of["b1"].id == "beta"
    assert list(tiny.scale.points) == [1, 2, 3, 4, 5]


def test_load_framework_takes_a_path_or_a_builtin_id():
    assert load_framework(str(DATA / "frameworks" / "tiny.yaml")).id == "tiny"
    with pytest.raises(InputError, match="neither a YAML file nor a built-in framework"):
        load_framework("no-such-framework")


def test_checked_in_json_schema_is_generated_from_the_models():
    # Regenerate with: python -c "import json; from assessment.content.framework import json_schema, SCHEMA_FILE;
    #   SCHEMA_FILE.write_text(json.dumps(json_schema(), indent=2) + '\n')"
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()


def test_the_json_schema_accepts_the_test_frameworks_and_rejects_bad_ones():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    validator = jsonschema.Draft202012Validator(json_schema())
    for path in (DATA / "frameworks").glob("*.yaml"):
        # JSON has only string keys, as editors see the YAML
        data = json.loads(json.dumps(yaml.safe_load(path.read_text())))
        assert not list(validator.iter_errors(data)), path
    bad = json.loads(json.dumps(yaml.safe_load((BAD / "unknown_key.yaml").read_text())))
    assert list(validator.iter_errors(bad))


def test_builtin_directory_is_beside_the_package():
    assert framework_module.BUILTIN_DIR == ROOT / "principles"


def _with_steps(tiny_text: str, steps: str) -> str:
    """The tiny framework with `steps` (YAML, indented for a principle's keys) added to its first principle."""
    return tiny_text.replace("    statements:", "    next_steps:\n" + steps + "    statements:", 1)


def test_next_steps_are_optional_and_read_as_sentences_or_credited_steps(tiny):
    assert all(p.next_steps == {} for p in tiny.principles)  # an uploaded framework may leave them out
    text = (DATA / "frameworks" / "tiny.yaml").read_text()
    framework = parse_framework(_with_steps(text, (
        "      1:\n"
        "        - Write down who the partnership is for.\n"
        "        - step: Count everyone living in the place.\n"
        "          exemplar: salford\n"
        "          source: st-adults\n")), source="steps.yaml")
    plain_step, credited = framework.principles[0].next_steps[1]
    assert (plain_step.step, plain_step.exemplar, plain_step.source) == ("Write down who the partnership is for.",
                                                                         None, None)
    assert (credited.exemplar, credited.source) == ("salford", "st-adults")


@pytest.mark.parametrize(("steps", "message"), [
    ("      5:\n        - Keep going.\n", "line 17, principles[0].next_steps[5]: steps are for the levels 1–4, below the top of the scale"),
    ("      9:\n        - Keep going.\n", "principles[0].next_steps[9]: steps are for the levels 1–4"),
    ("      2: []\n", "principles[0].next_steps[2]: give 1 to 4 steps"),
    ("      2: [a, b, c, d, e]\n", "principles[0].next_steps[2]: give 1 to 4 steps"),
    ("      2:\n        - step: Pool a budget.\n          exemplar: salford\n",
     "source: an exemplar's step names both the exemplar and its source"),
])
def test_next_steps_off_the_ladder_or_half_credited_are_refused_with_their_place(steps, message):
    text = (DATA / "frameworks" / "tiny.yaml").read_text()
    with pytest.raises(InputError) as refused:
        parse_framework(_with_steps(text, steps), source="steps.yaml")
    assert message in str(refused.value)


def test_the_json_schema_accepts_the_builtin_frameworks_with_their_next_steps():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    validator = jsonschema.Draft202012Validator(json_schema())
    for path in [*(ROOT / "principles").glob("*.yaml"), ROOT / "principles" / "templates" / "framework-template.yaml"]:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text())))
        assert not list(validator.iter_errors(data)), path


def test_a_framework_without_policy_points_is_stored_exactly_as_before_policy_existed():
    # an upload stored before `policy` existed must keep its digest, or uploading it again would make a new version
    dumped = read_framework(DATA / "frameworks" / "tiny.yaml").model_dump(mode="json")
    assert "policy" not in dumped and all("policy" not in principle for principle in dumped["principles"])
    ham = load_framework("ham-2015").model_dump(mode="json")
    assert ham["policy"] and ham["principles"][6]["policy"]["sources"]


def test_a_framework_resting_on_nothing_is_stored_exactly_as_before_rests_on_existed():
    # stored copies are found by a digest of this dump: Ham's and Salford's must not change with the new field
    for framework_id in ("ham-2015", "salford-behaviours"):
        dumped = load_framework(framework_id).model_dump(mode="json")
        assert all("rests_on" not in principle for principle in dumped["principles"])
    neighbourhood = load_framework("neighbourhood-health-2025")
    dumped = neighbourhood.model_dump(mode="json")
    assert dumped["principles"][0]["rests_on"]["ham-2015"][0]["principle"] == "population"
    assert type(neighbourhood).model_validate(dumped) == neighbourhood  # what is stored reads back the same


def test_a_principle_cannot_rest_on_its_own_framework():
    text = (DATA / "frameworks" / "tiny.yaml").read_text()
    first_statements = text.index("    statements:")
    text = text[:first_statements] + "    rests_on:\n      tiny: [{principle: beta}]\n" + text[first_statements:]
    with pytest.raises(InputError, match=r"principles\[0\]\.rests_on\.tiny: a principle cannot rest on its own"):
        parse_framework(text, source="tiny.yaml")
