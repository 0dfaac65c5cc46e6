"""The cross-walk: each principle beside the room's scores for the principles it rests on, under the report's rules."""

from __future__ import annotations

from assessment.content.framework import Framework, builtin_framework
from assessment.engine.agreement import Agreement
from assessment.engine.crosswalk import crosswalk, foundation_ids, underpins, unscored
from assessment.engine.responses import Answer, Responses
from assessment.engine.scoring import score

SCALE = {"min": 1, "max": 5, "labels": {1: "Not yet in place", 2: "Emerging", 3: "Developing", 4: "Maturing",
                                        5: "Thriving"}}
BASE = Framework.model_validate({
    "id": "base", "title": "Base principles", "version": 1, "source": {"title": "T", "publisher": "P", "year": 2020},
    "scale": SCALE, "principles": [{"id": pid, "name": f"Principle {pid.upper()}",
                                    "statements": [{"id": f"{pid}1", "text": "S."}]} for pid in ("a", "b", "c")]})
TOP = Framework.model_validate({
    "id": "top", "title": "Top components", "version": 1, "source": {"title": "T", "publisher": "P", "year": 2020},
    "scale": SCALE, "principles": [
        {"id": "x", "name": "Component X", "statements": [{"id": "x1", "text": "S."}],
         "rests_on": {"base": [{"principle": "a", "why": "X needs A."}, {"principle": "b"}]}},
        {"id": "y", "name": "Component Y", "statements": [{"id": "y1", "text": "S."}],
         "rests_on": {"base": [{"principle": "b"}, {"principle": "c"}]}},
        {"id": "z", "name": "Component Z", "statements": [{"id": "z1", "text": "S."}]},
    ]})


def _answers(scores: dict[str, list[int]]) -> Responses:
    """Statement id -> one score per person (p0, p1, ...)."""
    return Responses.from_answers(
        Answer(participant=f"p{i}", statement=statement, score=value, dont_know=False, organisation=None,
               sector=None, comment=None)
        for statement, values in scores.items() for i, value in enumerate(values))


def _walk(top: dict[str, list[int]], base: dict[str, list[int]]):  # type: ignore[no-untyped-def]
    return crosswalk(TOP, BASE, result=score(TOP, _answers(top)), foundation_result=score(BASE, _answers(base)))


def test_each_component_names_its_foundations_in_their_order_and_the_rooms_scores():
    walked = _walk({"x1": [4, 4, 4, 4], "y1": [2, 2, 2, 2]}, {"a1": [2, 2, 2, 2], "b1": [3, 3, 3, 3],
                                                              "c1": [2, 2, 3, 3]})
    assert [link.principle for link in walked.links] == ["x", "y"]  # Z rests on nothing and is left out
    x = walked.links[0]
    assert [(f.number, f.principle, f.why) for f in x.foundations] == [(1, "a", "X needs A."), (2, "b", None)]
    assert x.in_words == ("Component X (4.0, Maturing) rests on principles 1 and 2 — your room scored those "
                          "2.0 (Emerging) and 3.0 (Developing).")
    assert x.foundation_mean == 2.5 and x.agreed_foundations == 2


def test_findings_name_the_lowest_foundation_and_components_half_a_point_or_more_from_theirs():
    walked = _walk({"x1": [4, 4, 4, 4], "y1": [2, 2, 2, 2]}, {"a1": [2, 2, 2, 2], "b1": [3, 3, 3, 3],
                                                              "c1": [2, 2, 3, 3]})
    lowest, ahead, behind = walked.findings  # largest gap first: X is 1.5 above, Y 0.75 below
    assert lowest == ("The lowest-scored foundation is principle 1, Principle A (2.0, Emerging); 1 of the 2 "
                      "components rest on it: Component X.")
    assert ahead == ("Component X scored 4.0, above the 2.5 average of the principles it rests on: the room rates "
                     "the service ahead of the partnership foundations it needs.")
    assert behind.startswith("Component Y scored 2.0, below the 2.8 average")
    near = _walk({"x1": [3, 3, 3, 3], "y1": [2, 2, 2, 2]}, {"a1": [3, 3, 3, 3], "b1": [3, 3, 2, 2],
                                                           "c1": [2, 2, 2, 2]})
    assert len(near.findings) == 2 and near.findings[1].startswith("Every component the room agreed about scored "
                                                                    "within 0.5 points")  # 0.25 off either way


def test_a_room_in_step_with_its_foundations_says_so():
    walked = _walk({"x1": [3, 3, 3], "y1": [3, 3, 3]}, {"a1": [3, 3, 3], "b1": [3, 3, 3], "c1": [3, 3, 3]})
    assert walked.findings[-1].startswith("Every component the room agreed about scored within 0.5 points")


def test_a_split_foundation_shows_its_mean_without_a_level_and_is_left_out_of_averages():
    walked = _walk({"x1": [4, 4, 4, 4, 4, 4], "y1": [3, 3, 3, 3, 3, 3]},
                   {"a1": [1, 3, 3, 3, 3, 5], "b1": [2, 2, 2, 2, 2, 2], "c1": [3, 3, 3, 3, 3, 3]})
    split = walked.links[0].foundations[0].standing
    assert split.agreement is Agreement.split_room and split.level is None and split.in_words == "3.0, room split"
    assert walked.links[0].foundation_mean == 2.0 and walked.links[0].agreed_foundations == 1
    assert "average of the 1 principles it rests on that the room agreed about" in walked.findings[1]
    assert walked.findings[-1].startswith("The room was split on principle 1, Principle A; it is left out of the "
                                          "averages above, and the components resting on it (Component X)")


def test_a_foundation_in_two_camps_says_so_and_has_no_level():
    walked = _walk({"x1": [4, 4, 4, 4, 4, 4], "y1": [3, 3, 3, 3, 3, 3]},
                   {"a1": [1, 1, 1, 5, 5, 5], "b1": [2, 2, 2, 2, 2, 2], "c1": [3, 3, 3, 3, 3, 3]})
    camps = walked.links[0].foundations[0].standing
    assert camps.agreement is Agreement.two_camps and camps.level is None
    assert camps.in_words == "3.0, room in two camps" and camps.brief == "3.0, room in two camps"
    assert walked.links[0].foundation_mean == 2.0 and walked.links[0].agreed_foundations == 1
    assert walked.findings[-1].startswith("The room was split on principle 1, Principle A (in two camps); it is "
                                          "left out of the averages above")


def test_fewer_than_three_answers_show_no_figure_at_all():
    walked = _walk({"x1": [4, 4], "y1": [3, 3, 3]}, {"a1": [5, 5], "b1": [3, 3, 3], "c1": [3, 3, 3]})
    x = walked.links[0]
    assert x.standing.mean is None and x.standing.in_words == "fewer than 3 answers"
    assert x.foundations[0].standing.mean is None and "5.0" not in x.in_words
    assert x.in_words.startswith("Component X (fewer than 3 answers) rests on")
    assert not any("Component X scored" in f for f in walked.findings)


def test_without_scores_the_links_name_the_principles_and_no_findings_are_made():
    walked = crosswalk(TOP, BASE)
    assert not walked.scored and walked.findings == []
    assert walked.links[1].in_words == ("Component Y rests on principles 2 and 3 of “Base principles”: 2 Principle B; "
                                        "3 Principle C.")
    assert crosswalk(BASE, TOP) is None  # the base rests on nothing
    assert [c.foundations_id for c in unscored(TOP, [BASE])] == ["base"] and unscored(TOP, []) == []


def test_the_reverse_view_lists_what_rests_on_each_foundation():
    assert underpins(BASE, TOP) == {"a": ["Component X"], "b": ["Component X", "Component Y"], "c": ["Component Y"]}
    assert foundation_ids(TOP) == ["base"] and foundation_ids(BASE) == []


def test_the_builtin_neighbourhood_framework_rests_on_ham():
    neighbourhood, ham = builtin_framework("neighbourhood-health-2025"), builtin_framework("ham-2015")
    walked = crosswalk(neighbourhood, ham)
    assert len(walked.links) == 6 and walked.foundations_title == ham.title
    assert walked.links[0].in_words.startswith("Population health management rests on principles 1, 4, 8 and 10 of")
