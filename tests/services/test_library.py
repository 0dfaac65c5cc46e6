"""The framework library: uploads checked whole, versions numbered per id, workshops keep theirs."""

from __future__ import annotations

import datetime
import time

import pytest
from sqlalchemy import func, select

from assessment.content.framework import json_schema, parse_framework, read_framework
from assessment.engine.versions import common_ground
from assessment.errors import InputError
from assessment.services import consensus, library, organisations, participation, places, workshops
from assessment.services.access import NOBODY, Actor, Refused, Role
from assessment.storage.models import FrameworkVersion
from tests.conftest import DATA, ROOT
from tests.utils.workshops import ADMIN, join, new_workshop

FIVE_BY_TWO = DATA / "frameworks" / "five-by-two.yaml"
TEMPLATE = ROOT / "principles" / "templates" / "framework-template.yaml"


def _problems(raw: bytes) -> str:
    with pytest.raises(InputError) as refused:
        library.read_upload(raw, source="upload.yaml")
    return str(refused.value)


def test_the_template_is_a_valid_framework_and_names_the_schema():
    framework = read_framework(TEMPLATE)
    assert framework.id == "our-partnership-principles" and len(framework.principles) == 3
    assert TEMPLATE.read_text().startswith("# yaml-language-server: $schema=../framework.schema.json")
    assert json_schema()["title"] == "PlaceReady framework"


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    started = time.perf_counter()
    message = _problems(b"# " + b"x" * (50 * 2**20))  # 50 MB
    assert "the file is 51,200 KB; a framework file may be at most 512 KB" in message
    assert time.perf_counter() - started < 5  # refused by size, not parsed (a generous bound, not a benchmark)


@pytest.mark.parametrize("raw, expected", [
    (b"id: !!python/object/apply:os.system ['echo pwned']\n", "the tag !!python/object/apply:os.system is not allowed"),
    ((b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
     "anchors and aliases (&name / *name) are not allowed"),
    (b"id: " + b"[" * 30 + b"]" * 30 + b"\n", "nested more than 24 levels deep"),
    (b"id: " + b"[" * 50000 + b"]" * 50000 + b"\n", "nested too deeply"),
    (b"- just\n- a list\n", "line 1: should be a set of keys and values"),
])
def test_hostile_yaml_is_refused_with_a_plain_message(raw, expected):
    assert expected in _problems(raw)


def test_too_many_statements_in_all_is_refused():
    framework = read_framework(FIVE_BY_TWO).model_dump(mode="json")
    framework["principles"] = [
        {"id": f"p{p}", "name": f"Principle {p}",
         "statements": [{"id": f"s{p}-{s}", "text": f"Statement {s}."} for s in range(50)]} for p in range(5)]
    import yaml

    message = _problems(yaml.safe_dump(framework).encode())
    assert "250 statements in all; a framework may have at most 200" in message


def test_overlong_text_is_refused_with_its_location():
    text = FIVE_BY_TWO.read_text().replace("Residents help set our priorities.", "x" * 301)
    message = _problems(text.encode())
    assert "principles[0].statements[0].text" in message and "300" in message


def test_an_upload_resting_on_principles_that_do_not_exist_is_refused_naming_each():
    import yaml

    framework = read_framework(FIVE_BY_TWO).model_dump(mode="json")
    framework["principles"][0]["rests_on"] = {"ham-2015": [{"principle": "governance"}, {"principle": "nonesuch"}],
                                              "elsewhere": [{"principle": "a"}]}
    message = _problems(yaml.safe_dump(framework).encode())
    assert "principles[0].rests_on.ham-2015[1].principle: 'nonesuch' is not a principle of ham-2015" in message
    assert "principles[0].rests_on.elsewhere: no framework has the id 'elsewhere' (use one of ham-2015, " in message
    del framework["principles"][0]["rests_on"]["elsewhere"]
    framework["principles"][0]["rests_on"]["ham-2015"].pop()
    assert library.read_upload(yaml.safe_dump(framework).encode(), source="ok.yaml").principles[0].rests_on


def _uploaded(db, raw: bytes, actor: Actor = ADMIN, organisation_id: int | None = None):
    return library.add(db, actor=actor, framework=library.read_upload(raw, source="upload.yaml"),
                       organisation_id=organisation_id)


def test_uploads_are_versioned_per_id_and_workshops_keep_theirs(db):
    original = FIVE_BY_TWO.read_bytes()
    first = _uploaded(db, original)
    assert first.new and first.entry.version == 1 and not first.entry.builtin
    assert not _uploaded(db, original).new  # the same content again adds nothing
    created = new_workshop(db, first.entry.framework, partnership_name="P", place="P")
    reworded = original.replace(b"Some budgets are pooled.", b"Some budgets are pooled in law.")
    second = _uploaded(db, reworded)
    assert second.new and second.entry.version == 2
    assert [e.version for e in library.versions(db, actor=ADMIN, framework_id="riverside-maturity")] == [1, 2]
    newest = {e.framework.id: e for e in library.latest(db, actor=ADMIN)}["riverside-maturity"]
    assert newest.version == 2 and newest.framework.principles[2].statements[0].text.endswith("in law.")
    [kept] = workshops.by_join_code(db, code=created.join_code).frameworks
    assert kept.principles[2].statements[0].text == "Some budgets are pooled."
    assert {e.framework.id for e in library.latest(db, actor=ADMIN)} >= {"ham-2015", "salford-behaviours"}
    with pytest.raises(Refused):
        _uploaded(db, reworded.replace(b"in law.", b"by statute."), actor=Actor("stranger"))


@pytest.fixture
def signing_in(monkeypatch):
    from assessment.settings import get_settings

    monkeypatch.setenv("PLACEREADY_SIGN_IN", "true")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _ids(db, actor: Actor) -> dict[str, int]:
    return {e.framework.id: e.version for e in library.latest(db, actor=actor) if not e.builtin}


def test_with_sign_in_each_organisation_has_a_library_of_its_own(db, signing_in):
    first, second = (organisations.create_organisation(db, actor=ADMIN, name=name, owner_email=f"owner@{name}.nhs.uk")
                     for name in ("north", "south"))
    alice = Actor("alice", roles={first: Role.owner})
    bob = Actor("bob", roles={second: Role.owner})
    viewer = Actor("vera", roles={first: Role.viewer})
    original = FIVE_BY_TWO.read_bytes()
    reworded = original.replace(b"Some budgets are pooled.", b"Some budgets are pooled in law.")
    assert _uploaded(db, original, alice, organisation_id=first).entry.version == 1
    assert _ids(db, alice) == _ids(db, viewer) == {"riverside-maturity": 1}
    assert _ids(db, bob) == {} and _ids(db, NOBODY) == {}  # another organisation, or signed out, sees none
    assert library.versions(db, actor=bob, framework_id="riverside-maturity") == []
    # The same id in Bob's organisation starts its own numbering and leaves Alice's library alone.
    assert _uploaded(db, reworded, bob, organisation_id=second).entry.version == 1
    assert _ids(db, alice) == {"riverside-maturity": 1}
    [alices] = [e for e in library.latest(db, actor=alice) if not e.builtin]
    assert alices.framework.principles[2].statements[0].text == "Some budgets are pooled."
    for someone, library_id in [(bob, first), (viewer, first), (NOBODY, None), (alice, None)]:
        with pytest.raises(Refused):
            _uploaded(db, reworded, someone, organisation_id=library_id)
    assert _ids(db, alice) == {"riverside-maturity": 1}
    assert len(library.versions(db, actor=ADMIN, framework_id="riverside-maturity")) == 2  # the host sees all


def test_a_built_in_id_is_refused_and_nothing_is_stored(db):
    raw = FIVE_BY_TWO.read_bytes().replace(b"id: riverside-maturity", b"id: ham-2015")
    with pytest.raises(InputError, match="'ham-2015' is a built-in framework's id"):
        _uploaded(db, raw)
    with db.read() as session:
        assert session.scalar(select(func.count(FrameworkVersion.id))) == 0


def test_html_and_markdown_are_kept_as_plain_text():
    hostile = "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) $x^2$"
    raw = FIVE_BY_TWO.read_text().replace("Residents help set our priorities.", f"'{hostile}'")
    framework = library.read_upload(raw.encode(), source="upload.yaml")
    assert framework.principles[0].statements[0].text == hostile


def test_versions_are_compared_only_on_unchanged_statements():
    v1 = read_framework(FIVE_BY_TWO)
    text = FIVE_BY_TWO.read_text()
    v2 = parse_framework(text.replace("Some budgets are pooled.", "Some budgets are pooled in law.")
                         .replace("      - {id: leaders-2, text: Leaders resolve disputes without escalating.}\n", ""),
                         source="v2")
    ground = common_ground([v1, v2])
    assert ground.versions == 2 and ground.left_out == ("leaders-2", "money-1")
    assert [s.id for s in ground.framework.statements] == [s.id for s in v1.statements if s.id not in ground.left_out]
    assert "use only the 8 statements" in ground.in_words and "left out: leaders-2, money-1" in ground.in_words
    assert common_ground([v1, v1]).in_words is None
    other_scale = parse_framework(text.replace("max: 4", "max: 3").replace(", 4: Exemplary", ""), source="v3")
    assert common_ground([v1, other_scale]).framework is None
    assert "scales differ" in common_ground([v1, other_scale]).in_words


def test_progress_across_versions_rests_on_the_shared_statements(db):
    from assessment.services.history import progress, side_by_side

    v1 = _uploaded(db, FIVE_BY_TWO.read_bytes()).entry.framework
    v2 = _uploaded(db, FIVE_BY_TWO.read_bytes().replace(b"Some budgets are pooled.", b"Budgets are pooled.")
                   ).entry.framework
    for held_on, version, value in [(datetime.date(2026, 1, 1), v1, 1), (datetime.date(2026, 7, 1), v2, 3)]:
        created = new_workshop(db, version, partnership_name="P", place="P", title=f"v{version.version}",
                               held_on=held_on)
        person = join(db, created)
        for statement in version.statements:  # money-1 scores 4 either way; it must not count
            participation.save_answer(db, participant_id=person, framework_id=version.id, statement_id=statement.id,
                                      value=4 if statement.id == "money-1" else value)
        consensus.record_agreed(db, actor=ADMIN, workshop_id=created.id, framework_id=version.id,
                                principle_id="money", score=4, note=None)
    [place] = places.places(db, actor=ADMIN)
    found = progress(db, actor=ADMIN, partnership_id=place.id, framework_id=v1.id)
    assert found.ground.versions == 2 and found.ground.left_out == ("money-1",)
    assert "left out: money-1" in found.ground.in_words
    first, second = found.snapshots
    assert first.principles["money"].score == 1 and second.principles["money"].score == 3  # agreed 4 not used
    assert first.principles["voice"].score == 1 and second.principles["voice"].score == 3
    side = side_by_side(db, actor=ADMIN, framework_id=v1.id)
    assert side.ground.versions == 1 and side.profiles["P"][1]["money"] == 4  # one place: its own version
