"""Leading the room: the presenter's steps, second votes with both rounds kept, comments the facilitator hides,
actions edited, completed, deleted and reviewed at the follow-up, paper forms, and what the projector shows."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.content.framework import builtin_framework
from assessment.engine.agenda import Part, Stage, Step, spotlight_key
from assessment.errors import InputError
from assessment.services import (
    comments,
    consensus,
    paper,
    participation,
    phone,
    presenter,
    second_votes,
    workshops,
)
from assessment.services.access import Actor, Refused
from assessment.services.results import responses
from assessment.services.screen import screen
from tests.utils.workshops import ADMIN, join, new_workshop


@pytest.fixture
def salford():
    return builtin_framework("salford-behaviours")


def _answer_all(db, pid, framework, principle, value, comment=None):  # type: ignore[no-untyped-def]
    """The same score on every statement of the principle; the comment, if any, on the first."""
    for number, statement in enumerate(principle.statements):
        participation.save_answer(db, participant_id=pid, framework_id=framework.id, statement_id=statement.id,
                                  value=value, comment=comment if number == 0 else None)


def test_the_presenter_moves_through_the_steps_and_the_screen_follows(db, salford):
    created = new_workshop(db, salford)
    first = salford.principles[0]
    people = [join(db, created, sector="Acute") for _ in range(3)]
    for pid, value in zip(people, (2, 3, 4), strict=True):
        _answer_all(db, pid, salford, first, value)
    shown = screen(db, screen_key=created.screen_key)
    assert shown.position.step == Step(Stage.joining) and shown.attendance.joined == 3
    assert presenter.move(db, actor=ADMIN, workshop_id=created.id, by=2) == Step(Stage.overview, salford.id)
    assert screen(db, screen_key=created.screen_key).overviews == []  # results are hidden until revealed
    workshops.set_revealed(db, actor=ADMIN, workshop_id=created.id, revealed=True)
    [overview] = screen(db, screen_key=created.screen_key).overviews
    assert overview.lines[0].mean == 3.0 and overview.people == 3
    presenter.move(db, actor=ADMIN, workshop_id=created.id, by=1)
    spot = screen(db, screen_key=created.screen_key).spotlight
    assert (spot.principle_id, spot.mean) == (first.id, 3.0)
    assert next(s.counts for s in spot.statements) == [0, 1, 1, 1, 0]
    assert spot.prompts == list(first.prompts) and spot.agreement_in_words.startswith("The room broadly agrees")
    with pytest.raises(Refused):
        presenter.move(db, actor=Actor("stranger"), workshop_id=created.id, by=1)
    with pytest.raises(InputError):
        presenter.go_to(db, actor=ADMIN, workshop_id=created.id, step=Step(Stage.principles, "nope/nope"))
    assert screen(db, screen_key=created.join_code) is None


def test_a_second_vote_keeps_both_rounds_and_shows_the_change(db, salford):
    created = new_workshop(db, salford)
    principle = salford.principles[1]
    people = [join(db, created) for _ in range(5)]
    for pid, value in zip(people, (1, 5, 1, 5, 3), strict=True):
        _answer_all(db, pid, salford, principle, value)
    statement = principle.statements[0].id
    with pytest.raises(InputError, match="closed"):  # no second vote open yet
        participation.save_answer(db, participant_id=people[0], framework_id=salford.id, statement_id=statement,
                                  value=3, round=2)
    assert second_votes.suggested(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id)[0] == principle.id
    second_votes.open_vote(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id, principle_id=principle.id)
    vote = second_votes.open_now(db, join_code=created.join_code)
    assert vote.principle.id == principle.id and vote.first_round[0].counts == [2, 0, 1, 0, 2]
    workshops.set_scoring_open(db, actor=ADMIN, workshop_id=created.id, scoring_open=False)
    with pytest.raises(InputError, match="Scoring has closed"):  # round 1 is over …
        _answer_all(db, people[0], salford, principle, 4)
    assert participation.save_answer(db, participant_id=people[0], framework_id=salford.id,  # … round 2 is open
                                     statement_id=statement, value=4, round=2)
    with pytest.raises(InputError, match="closed"):  # only the principle being voted on again
        participation.save_answer(db, participant_id=people[0], framework_id=salford.id,
                                  statement_id=salford.principles[2].statements[0].id, value=4, round=2)
    shown = phone.view(db, participant_id=people[0])  # what the phone shows: the vote and its second answers
    assert shown.vote.principle.id == principle.id and not shown.workshop.scoring_open
    assert {key: a.value for key, a in shown.answers.items()} == {(salford.id, statement): 4}
    with pytest.raises(InputError, match="another"):
        second_votes.open_vote(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id,
                               principle_id=salford.principles[2].id)


def _second_round(db, people, salford, principle):  # type: ignore[no-untyped-def]
    for pid, value in zip(people, (3, 4, 3, 3, 3), strict=True):
        for s in principle.statements:
            participation.save_answer(db, participant_id=pid, framework_id=salford.id, statement_id=s.id,
                                      value=value, round=2)


def test_both_rounds_are_scored_and_compared(db, salford):
    created = new_workshop(db, salford)
    principle = salford.principles[1]
    people = [join(db, created) for _ in range(5)]
    for pid, value in zip(people, (1, 5, 1, 5, 3), strict=True):
        _answer_all(db, pid, salford, principle, value)
    second_votes.open_vote(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id, principle_id=principle.id)
    _second_round(db, people, salford, principle)
    second_votes.close_vote(db, actor=ADMIN, workshop_id=created.id)
    with pytest.raises(InputError, match="closed"):
        _second_round(db, people, salford, principle)
    change = second_votes.comparisons(db, actor=ADMIN, workshop_id=created.id)[(salford.id, principle.id)]
    assert (str(change.first.agreement), str(change.second.agreement)) == ("split", "agreed") and change.came_together
    first_round = responses(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id)
    assert sorted(first_round.table["value"].dropna().unique()) == [1.0, 3.0, 5.0]  # round 1 untouched
    presenter.go_to(db, actor=ADMIN, workshop_id=created.id, step=Step(Stage.second_vote))
    shown = screen(db, screen_key=created.screen_key).second_vote
    assert shown.name == principle.name and not shown.is_open and shown.comparison == change


def _spotlight_comments(db, created, framework, principle):  # type: ignore[no-untyped-def]
    presenter.go_to(db, actor=ADMIN, workshop_id=created.id,
                    step=Step(Stage.principles, spotlight_key(framework.id, principle.id, Part.views)))
    return screen(db, screen_key=created.screen_key).spotlight.comments


def test_comments_wait_for_the_facilitator_and_a_hidden_one_stays_in_the_data(db, salford):
    created = new_workshop(db, salford)
    principle = salford.principles[0]
    pid = join(db, created)
    _answer_all(db, pid, salford, principle, 3, comment="Name and shame: Dr X")
    other = join(db, created)
    _answer_all(db, other, salford, principle, 4, comment="Budgets are still separate")
    workshops.set_revealed(db, actor=ADMIN, workshop_id=created.id, revealed=True)
    assert _spotlight_comments(db, created, salford, principle) == []  # nothing reaches the room unreleased
    queue = comments.comments(db, actor=ADMIN, workshop_id=created.id, states=[comments.PENDING])
    assert [(c.text, c.principle) for c in queue] == [("Budgets are still separate", principle.name),
                                                       ("Name and shame: Dr X", principle.name)]  # newest first
    comments.moderate(db, actor=ADMIN, workshop_id=created.id, keys=[queue[1].key], state="hidden")
    comments.moderate(db, actor=ADMIN, workshop_id=created.id, keys=[queue[0].key], state="released")
    assert _spotlight_comments(db, created, salford, principle) == ["Budgets are still separate"]
    everything = comments.comments(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id)
    assert {(c.text, c.state) for c in everything} == {("Name and shame: Dr X", "hidden"),
                                                       ("Budgets are still separate", "released")}
    # saving the same words again keeps the decision; new words wait again
    participation.save_answer(db, participant_id=pid, framework_id=salford.id,
                              statement_id=principle.statements[0].id, value=2, comment="Name and shame: Dr X")
    participation.save_answer(db, participant_id=other, framework_id=salford.id,
                              statement_id=principle.statements[0].id, value=4, comment="Budgets are joined now")
    assert _spotlight_comments(db, created, salford, principle) == []
    assert [c.text for c in comments.comments(db, actor=ADMIN, workshop_id=created.id,
                                               states=[comments.PENDING])] == ["Budgets are joined now"]
    with pytest.raises(InputError):
        comments.moderate(db, actor=ADMIN, workshop_id=created.id, keys=["1:x:y:z"], state="hidden")
    with pytest.raises(Refused):
        comments.moderate(db, actor=Actor("stranger"), workshop_id=created.id, keys=[queue[0].key], state="released")


def test_a_workshop_can_release_comments_as_they_are_saved(db, salford):
    created = new_workshop(db, salford)
    principle = salford.principles[0]
    first, second = join(db, created), join(db, created)
    _answer_all(db, first, salford, principle, 3, comment="Waiting before the switch")
    workshops.set_revealed(db, actor=ADMIN, workshop_id=created.id, revealed=True)
    comments.release_automatically(db, actor=ADMIN, workshop_id=created.id, automatic=True)
    _answer_all(db, second, salford, principle, 4, comment="Saved while automatic")
    assert sorted(_spotlight_comments(db, created, salford, principle)) == ["Saved while automatic",
                                                                           "Waiting before the switch"]
    [hide] = [c for c in comments.comments(db, actor=ADMIN, workshop_id=created.id) if c.text.startswith("Saved")]
    comments.moderate(db, actor=ADMIN, workshop_id=created.id, keys=[hide.key], state="hidden")
    assert _spotlight_comments(db, created, salford, principle) == ["Waiting before the switch"]
    # turned off again: what the room has seen stays released, new comments wait
    comments.release_automatically(db, actor=ADMIN, workshop_id=created.id, automatic=False)
    _answer_all(db, first, salford, principle, 3, comment="Changed my words")
    assert _spotlight_comments(db, created, salford, principle) == []
    _answer_all(db, first, salford, principle, 3, comment="Waiting before the switch")
    assert _spotlight_comments(db, created, salford, principle) == ["Waiting before the switch"]


def test_actions_are_edited_completed_deleted_and_reviewed_at_the_follow_up(db, salford):
    baseline = new_workshop(db, salford, held_on=date(2026, 3, 1))
    add = {"actor": ADMIN, "workshop_id": baseline.id, "framework_id": salford.id, "principle_id": "one-team"}
    consensus.add_action(db, **add, text="Pool the discharge budget", owner="Finance leads", due_on=None)
    with pytest.raises(InputError, match="already has that action"):
        consensus.add_action(db, **add, text="  pool the DISCHARGE budget ", owner="Someone", due_on=None)
    consensus.add_action(db, **add, text="Agree a joint escalation route", owner="Chairs", due_on=None)
    first, second = consensus.actions(db, actor=ADMIN, workshop_id=baseline.id)
    consensus.edit_action(db, actor=ADMIN, workshop_id=baseline.id, action_id=first.id, text=first.text,
                          owner="Directors of finance", due_on=date(2026, 6, 30), status="in progress")
    with pytest.raises(InputError, match="Status"):
        consensus.edit_action(db, actor=ADMIN, workshop_id=baseline.id, action_id=first.id, text=first.text,
                              owner="x", due_on=None, status="finished")
    consensus.add_action(db, **add, text="Write a note", owner="Clerk", due_on=None)
    third = consensus.actions(db, actor=ADMIN, workshop_id=baseline.id)[-1]
    consensus.delete_action(db, actor=ADMIN, workshop_id=baseline.id, action_id=third.id)
    kept = consensus.actions(db, actor=ADMIN, workshop_id=baseline.id)
    assert [(a.owner, a.status) for a in kept] == [("Directors of finance", "in progress"), ("Chairs", "open")]

    follow_up = new_workshop(db, salford, title="Follow-up", held_on=date(2026, 9, 1))
    review = consensus.to_review(db, actor=ADMIN, workshop_id=follow_up.id)
    assert [(r.action.text, r.outcome) for r in review] == [(first.text, None), (second.text, None)]
    consensus.review_action(db, actor=ADMIN, workshop_id=follow_up.id, action_id=first.id, outcome="carried over")
    consensus.review_action(db, actor=ADMIN, workshop_id=follow_up.id, action_id=second.id, outcome="done",
                            note="Used twice")
    consensus.review_action(db, actor=ADMIN, workshop_id=follow_up.id, action_id=first.id, outcome="carried over")
    assert [(r.outcome, r.note) for r in consensus.to_review(db, actor=ADMIN, workshop_id=follow_up.id)] == [
        ("carried over", None), ("done", "Used twice")]
    [carried] = consensus.actions(db, actor=ADMIN, workshop_id=follow_up.id)  # carried once, however often said
    assert (carried.text, carried.carried_from_id, carried.status) == (first.text, first.id, "open")
    with pytest.raises(InputError):
        consensus.review_action(db, actor=ADMIN, workshop_id=follow_up.id, action_id=carried.id, outcome="done")


def test_a_paper_form_counts_like_any_other_answers(db, salford):
    created = new_workshop(db, salford)
    principle = salford.principles[0]
    answers = {(salford.id, s.id): v for s, v in zip(principle.statements, (2, "dk", None), strict=False)}
    pid = paper.enter_form(db, actor=ADMIN, workshop_id=created.id, paper_number=7, sector="Primary care",
                           answers=answers)
    again = paper.enter_form(db, actor=ADMIN, workshop_id=created.id, paper_number=7, sector=None,
                             answers={(salford.id, principle.statements[0].id): 4})
    assert again == pid
    table = responses(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id, personal=True).table
    assert table["value"].dropna().tolist() == [4.0] and table["dont_know"].sum() == 1
    assert set(table["sector"]) == {"Primary care"}
    with pytest.raises(InputError, match="not a statement"):
        paper.enter_form(db, actor=ADMIN, workshop_id=created.id, paper_number=8, sector=None,
                         answers={("salford-behaviours", "nonesuch"): 3})
    with pytest.raises(Refused):
        paper.enter_form(db, actor=Actor("stranger"), workshop_id=created.id, paper_number=9, sector=None, answers={})


def test_the_report_shows_both_rounds_action_status_the_review_and_no_hidden_comment(db, salford):
    from assessment.reports.html import render_html
    from assessment.reports.spreadsheets import results_tables
    from assessment.services.reports import workshop_report

    baseline = new_workshop(db, salford, held_on=date(2026, 3, 1))
    consensus.add_action(db, actor=ADMIN, workshop_id=baseline.id, framework_id=salford.id, principle_id="one-team",
                         text="Pool the discharge budget", owner="Finance leads", due_on=None)
    [old] = consensus.actions(db, actor=ADMIN, workshop_id=baseline.id)
    follow_up = new_workshop(db, salford, title="Follow-up", held_on=date(2026, 9, 1))
    principle = salford.principles[0]
    people = [join(db, follow_up) for _ in range(5)]
    for pid, value in zip(people, (1, 5, 1, 5, 3), strict=True):
        _answer_all(db, pid, salford, principle, value, comment="Name the CEO" if value == 1 else "Fair view")
    found = comments.comments(db, actor=ADMIN, workshop_id=follow_up.id, framework_id=salford.id)
    for state in ("hidden", "released"):  # two people wrote "Name the CEO": each is hidden on its own
        comments.moderate(db, actor=ADMIN, workshop_id=follow_up.id, state=state,
                          keys=[c.key for c in found if (c.text == "Name the CEO") == (state == "hidden")])
    second_votes.open_vote(db, actor=ADMIN, workshop_id=follow_up.id, framework_id=salford.id,
                           principle_id=principle.id)
    for pid in people:
        for s in principle.statements:
            participation.save_answer(db, participant_id=pid, framework_id=salford.id, statement_id=s.id, value=3,
                                      round=2)
    consensus.add_action(db, actor=ADMIN, workshop_id=follow_up.id, framework_id=salford.id,
                         principle_id=principle.id, text="Agree one escalation route", owner="Chairs", due_on=None)
    [new] = consensus.actions(db, actor=ADMIN, workshop_id=follow_up.id)
    consensus.edit_action(db, actor=ADMIN, workshop_id=follow_up.id, action_id=new.id, text=new.text, owner=new.owner,
                          due_on=None, status="in progress")
    consensus.review_action(db, actor=ADMIN, workshop_id=follow_up.id, action_id=old.id, outcome="done",
                            note="Pooled in July")

    report = workshop_report(db, actor=ADMIN, workshop_id=follow_up.id, framework_id=salford.id, exemplars=[])
    vote = report.second_votes[principle.id]
    assert (str(vote.first.agreement), str(vote.second.agreement)) == ("split", "agreed")
    assert [(a.text, a.status) for p in report.principles for a in p.actions] == [
        ("Agree one escalation route", "in progress")]
    assert [(a.text, a.outcome, a.note) for a in report.reviewed_actions] == [
        ("Pool the discharge budget", "done", "Pooled in July")]
    said = [c for p in report.principles for c in p.comments]
    assert "Name the CEO" not in said and "Fair view" in said
    html = render_html(report)
    assert "Second vote" in html and "Pooled in July" in html and "in progress" in html and "Name the CEO" not in html
    tables = results_tables(report)
    assert list(tables["Second votes"]["round"]) == [1, 2]
    assert list(tables["Last actions reviewed"]["outcome"]) == ["done"]


def test_a_second_votes_result_reaches_the_screen_only_once_revealed_and_the_room_returns_to_its_principle(db, salford):
    from assessment.engine.agenda import vote_on

    created = new_workshop(db, salford)
    principle = salford.principles[1]
    people = [join(db, created) for _ in range(5)]
    for pid, value in zip(people, (1, 5, 1, 5, 3), strict=True):
        _answer_all(db, pid, salford, principle, value)
    workshops.set_revealed(db, actor=ADMIN, workshop_id=created.id, revealed=True)
    second_votes.open_vote(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id, principle_id=principle.id)
    presenter.go_to(db, actor=ADMIN, workshop_id=created.id, step=vote_on(salford.id, principle.id))
    _second_round(db, people, salford, principle)
    shown = screen(db, screen_key=created.screen_key)
    assert shown.second_vote.is_open and not shown.second_vote.revealed and shown.second_vote.comparison.second.people == 5
    assert shown.position.number == shown.position.order.index(Step(Stage.principles, f"{salford.id}/{principle.id}")) + 1
    second_votes.close_vote(db, actor=ADMIN, workshop_id=created.id)
    second_votes.reveal(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id, principle_id=principle.id)
    assert screen(db, screen_key=created.screen_key).second_vote.revealed
    assert presenter.move(db, actor=ADMIN, workshop_id=created.id, by=1) == Step(
        Stage.principles, f"{salford.id}/{principle.id}")  # back to the principle, now with both rounds
    assert screen(db, screen_key=created.screen_key).spotlight.second_round.came_together
    second_votes.open_vote(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id, principle_id=principle.id)
    assert not second_votes.held(db, actor=ADMIN, workshop_id=created.id)[0][3]  # voting again hides it again


def test_phones_follow_a_paced_round_and_took_part_counts_only_people_who_answered(db, salford):
    created = new_workshop(db, salford)
    first, second = salford.principles[:2]
    presenter.set_paced(db, actor=ADMIN, workshop_id=created.id, paced=True)
    answering, idle = join(db, created), join(db, created)
    waiting = phone.signal(db, join_code=created.join_code)
    assert phone.view(db, participant_id=idle).pace.waiting
    assert presenter.move(db, actor=ADMIN, workshop_id=created.id, by=1) == Step(Stage.scoring, f"{salford.id}/{first.id}")
    opened = phone.signal(db, join_code=created.join_code)
    assert opened != waiting and phone.view(db, participant_id=idle).pace.open == (salford.id, first.id)
    _answer_all(db, answering, salford, first, 3)
    participation.save_answer(db, participant_id=idle, framework_id=salford.id, statement_id=first.statements[0].id,
                              value=None, comment="Only a comment")
    shown = screen(db, screen_key=created.screen_key)
    assert (shown.scoring_now.principle.id, shown.scoring_now.done) == (first.id, 1)
    assert (shown.attendance.joined, shown.attendance.took_part) == (2, 1)  # a comment alone answers nothing
    presenter.move(db, actor=ADMIN, workshop_id=created.id, by=1)
    assert phone.view(db, participant_id=idle).pace.open == (salford.id, second.id)
    assert phone.signal(db, join_code=created.join_code) != opened
    # a self-paced room's phones are not moved as the room moves on: they only see scoring end (and then look for
    # a second vote more often)
    presenter.set_paced(db, actor=ADMIN, workshop_id=created.id, paced=False)
    assert phone.signal(db, join_code=created.join_code) == (None, False)
    presenter.move(db, actor=ADMIN, workshop_id=created.id, by=1)
    assert phone.signal(db, join_code=created.join_code) == (None, True)


def test_a_follow_up_carries_over_the_set_up_and_reviews_the_last_actions_first(db, salford):
    from assessment.services.access import Actor as Someone

    baseline = new_workshop(db, salford, held_on=date(2026, 3, 1), sectors=["Acute", "Council"],
                            sector_groups={"Acute": "NHS", "Council": "Local government"})
    consensus.add_action(db, actor=ADMIN, workshop_id=baseline.id, framework_id=salford.id, principle_id="one-team",
                         text="Pool the discharge budget", owner="Finance leads", due_on=None)
    facilitator = Someone("facilitator link", facilitating=frozenset({baseline.id}))
    [earlier] = workshops.follow_up_choices(db, actor=facilitator)  # only what this facilitator runs
    assert (earlier.id, earlier.framework_ids, earlier.sectors, earlier.sector_groups) == (
        baseline.id, (salford.id,), ("Acute", "Council"), {"Acute": "NHS", "Council": "Local government"})
    assert workshops.follow_up_choices(db, actor=Someone("facilitator link")) == []
    follow_up = new_workshop(db, salford, title="Follow-up", held_on=date(2026, 2, 1), follows_id=baseline.id)
    with pytest.raises(Refused):
        new_workshop(db, salford, actor=Someone("facilitator link"), follows_id=baseline.id)
    order = presenter.where(db, actor=ADMIN, workshop_id=follow_up.id).order
    assert order[:3] == [Step(Stage.joining), Step(Stage.review), Step(Stage.scoring)]
    presenter.move(db, actor=ADMIN, workshop_id=follow_up.id, by=1)
    [review] = screen(db, screen_key=follow_up.screen_key).reviews  # the chosen workshop's, though dated later
    assert (review.action.text, review.outcome) == ("Pool the discharge budget", None)
