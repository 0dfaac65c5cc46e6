"""What the control view offers at each stage of the workshop (and the facilitator's full results)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.content.framework import Framework
from assessment.engine.agenda import Part, Stage, Step, vote_on
from assessment.engine.scoring import shown_level
from assessment.errors import InputError
from assessment.numbers import number, tally
from assessment.pages import consensus_forms, crosswalk_view, downloads, moderation, results, state
from assessment.pages.charts import distribution_bars
from assessment.pages.qr import qr_svg
from assessment.pages.text import plain, show_problems
from assessment.services import presenter, second_votes
from assessment.services import results as room_results
from assessment.services.presenter import Position
from assessment.services.workshops import WorkshopFacts

# For each step, in one line each: what the facilitator does now, and what the room sees on the projector. The
# guide's table of steps (docs/running-a-workshop.md) quotes them; tests/pages check both.
GUIDANCE: dict[str, tuple[str, str]] = {
    "join": ("Read out the join code; move on when the count of people joined stops rising.",
             "The join code, the QR code and how many have joined."),
    "review": ("Go through last time's actions and mark each done, carried over or dropped.",
               "The last workshop's actions, and what has become of each."),
    "scoring": ("Let people score; close scoring when the count of those finished stops rising.",
                "How many have joined, started and finished; never anyone's answers."),
    "scoring-paced": ("Press Next to open the next principle on every phone once most have answered this one.",
                      "The principle open now, its statements and how many have answered it."),
    "overview": ("Reveal the results, then ask the room what surprises it.",
                 "The room's profile and each principle's mean and verdict, once you reveal them."),
    "principles-room": ("Read the verdict out; where the room is split, ask each side why, or open a second vote.",
                        "How the answers to each statement fall, and whether the room agreed or is split."),
    "principles-views": ("Show or hide the comments waiting beside the navigation; ask sectors that differ why.",
                         "Each sector's mean (groups of 3 people or more) and the comments you have shown."),
    "principles-practice": ("Record the room's agreed score and any actions below, then press Next.",
                            "What the exemplar places did, and the questions for the room."),
    "second_vote": ("Let people vote again, close the vote, then show the result; Next returns to the principle.",
                    "How many have voted again; the second round beside the first once you show it."),
    "agree": ("Record each principle's agreed score; the projector lists them as you go.",
              "Each principle's mean, the room's verdict and the agreed score."),
    "actions": ("Check every action has an owner and a date.", "The actions agreed, with owners, dates and status."),
    "close": ("Close scoring, thank the room, and download the report below.",
              "How many took part, and how many scores and actions were agreed."),
}


def guidance_key(step: Step, *, paced: bool) -> str:
    """The key of a step's line in GUIDANCE: its stage, its part of a principle, or paced scoring."""
    if step.stage is Stage.principles:
        return f"principles-{step.part or Part.room}"
    if step.stage is Stage.scoring and paced and step.principle_id:
        return "scoring-paced"
    return str(step.stage)


def guidance(here: Position) -> None:
    you, room = GUIDANCE[guidance_key(here.step, paced=here.paced)]
    st.markdown(f"**Now:** {you}  \n**The room sees:** {room}")


def _join(facts: WorkshopFacts, here: Position) -> None:
    link = f"{state.base_url()}/join?code={facts.join_code}"
    words, picture = st.columns([3, 2], vertical_alignment="center")
    words.markdown(f"Join on your phone at **{state.base_url()}/join** with the code")
    words.markdown(f'<p class="join-code" style="font-size:3.5rem;font-weight:700;letter-spacing:0.15em;'
                   f'margin:0;line-height:1.1">{facts.join_code}</p>', unsafe_allow_html=True)
    picture.image(qr_svg(link), width=240, alt=f"QR code that opens the join page with code {facts.join_code}")
    _live_attendance(facts, here)


def _live_attendance(facts: WorkshopFacts, here: Position) -> None:
    # Refreshes itself; made here rather than at import so that a bad setting is reported, not raised on import.
    state.refreshed(_attendance)(facts.id, paced=here.paced)


def _attendance(workshop_id: int, *, paced: bool = False) -> None:
    seen = room_results.attendance(state.database(), actor=state.actor(), workshop_id=workshop_id)
    counts = [("Joined", seen.joined, None), ("Have started", seen.took_part, "Answered at least one statement")]
    if not paced:  # in a paced round nobody finishes on their own: the facilitator moves the room on
        counts.append(("Finished", seen.finished, "Pressed Finish on the last screen"))
    for column, (label, value, meaning) in zip(st.columns(len(counts)), counts, strict=True):
        column.metric(label, value, help=meaning)
    if seen.by_sector:
        results.table(pd.DataFrame({"Sector": list(seen.by_sector),
                                    "Joined": [j for j, _ in seen.by_sector.values()],
                                    "Finished": [f for _, f in seen.by_sector.values()]}))


def _scoring(facts: WorkshopFacts, here: Position) -> None:
    if here.paced and here.step.principle_id:
        st.markdown(f"Every phone shows **{plain(here.label.split(': ', 1)[-1])}**. *Next* opens the next principle "
                    "on every phone; people who have finished this one wait for it.")
    else:
        st.markdown("People are scoring. Close scoring when everyone has finished, then reveal the results.")
    _live_attendance(facts, here)


def _overview(facts: WorkshopFacts, here: Position) -> None:
    if not facts.revealed:
        st.info("The screen says results are hidden until you reveal them.", icon=":material/visibility_off:")
    framework = facts.framework(here.step.framework_id)
    st.subheader(plain(framework.title))
    results.agreement_table(room_results.scores(state.database(), actor=state.actor(), workshop_id=facts.id,
                                                framework_id=framework.id))


def _principle(facts: WorkshopFacts, here: Position) -> None:
    if here.step.spotlight is None:
        return
    framework = facts.framework(here.step.framework_id)
    principle_id = here.step.principle_id
    scored = room_results.scores(state.database(), actor=state.actor(), workshop_id=facts.id,
                                 framework_id=framework.id).principle(principle_id)
    st.subheader(plain(scored.name))
    st.markdown(f"Mean {number(scored.mean)} ({shown_level(scored.level, scored.agreement)}), "
                f"{tally(scored.n, 'person', 'people')}, {scored.agreement}.")
    if st.button("Open a second vote on this principle", icon=":material/how_to_vote:"):
        _open_second_vote(facts, framework, principle_id)
    moderation.principle_comments(facts, framework.id, principle_id)
    consensus_forms.agreed_score_form(facts, framework, principle_id)
    consensus_forms.new_action_form(facts, framework, principle_id)
    consensus_forms.actions_list(facts, framework, principle_id=principle_id)


def _open_second_vote(facts: WorkshopFacts, framework: Framework, principle_id: str) -> None:
    try:
        second_votes.open_vote(state.database(), actor=state.actor(), workshop_id=facts.id,
                               framework_id=framework.id, principle_id=principle_id)
    except InputError as error:
        show_problems("The second vote was not opened:", error)
        return
    presenter.go_to(state.database(), actor=state.actor(), workshop_id=facts.id,
                    step=vote_on(framework.id, principle_id))
    st.rerun()


def _second_vote(facts: WorkshopFacts, here: Position) -> None:
    """A vote on the step's principle (opened from it), or the choice of a principle to vote on again."""
    if here.step.principle_id is not None:
        _vote_on(facts, facts.framework(here.step.framework_id), here.step.principle_id)
        return
    db, actor = state.database(), state.actor()
    voting = next(((f, p) for f, p, is_open, _ in second_votes.held(db, actor=actor, workshop_id=facts.id)
                   if is_open), None)
    if voting is not None:
        name = next(p.name for p in facts.framework(voting[0]).principles if p.id == voting[1])
        st.markdown(f"A second vote is open on **{plain(name)}**.")
        if st.button("Go to that vote", type="primary"):
            presenter.go_to(db, actor=actor, workshop_id=facts.id, step=vote_on(*voting))
            st.rerun()
        return
    framework = results.choose_framework(facts.frameworks)
    order = second_votes.suggested(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)
    names = {p.id: p.name for p in framework.principles}
    scored = room_results.scores(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)
    chosen = st.selectbox("Principle to vote on again (split ones first)", order,
                          format_func=lambda i: f"{names[i]} ({scored.principle(i).agreement})")
    if st.button("Open the second vote", type="primary", icon=":material/how_to_vote:"):
        _open_second_vote(facts, framework, chosen)


def _vote_on(facts: WorkshopFacts, framework: Framework, principle_id: str) -> None:
    db, actor = state.database(), state.actor()
    held = {(f, p): (is_open, shown) for f, p, is_open, shown in second_votes.held(db, actor=actor,
                                                                                   workshop_id=facts.id)}
    name = next(p.name for p in framework.principles if p.id == principle_id)
    if (framework.id, principle_id) not in held:
        st.markdown(f"No second vote has been opened on **{plain(name)}**.")
        if st.button("Open the second vote", type="primary", icon=":material/how_to_vote:"):
            _open_second_vote(facts, framework, principle_id)
        return
    is_open, shown = held[(framework.id, principle_id)]
    if is_open:
        st.markdown(f"**Voting again on {plain(name)}.** Phones show its statements with each person's first "
                    "answers chosen; the screen counts who has voted again and keeps the result hidden.")
        state.refreshed(_second_round_count)(facts.id, framework.id, principle_id)
        if st.button("Close the vote", type="primary", icon=":material/lock:"):
            second_votes.close_vote(db, actor=actor, workshop_id=facts.id)
            st.rerun()
        return
    if not shown:
        st.markdown(f"The vote on **{plain(name)}** has closed. The screen shows the result when you do.")
        show, again = st.columns(2)
        if show.button("Show the result", type="primary", icon=":material/visibility:", width="stretch"):
            second_votes.reveal(db, actor=actor, workshop_id=facts.id, framework_id=framework.id,
                                principle_id=principle_id)
            st.rerun()
        if again.button("Reopen the vote", width="stretch"):
            _open_second_vote(facts, framework, principle_id)
        return
    change = second_votes.comparisons(db, actor=actor, workshop_id=facts.id)[(framework.id, principle_id)]
    st.markdown(f"**{plain(name)}** — {plain(change.in_words)}")
    if st.button("Back to the principle", type="primary", icon=":material/arrow_back:"):
        presenter.move(db, actor=actor, workshop_id=facts.id, by=1)
        st.rerun()
    st.caption("Next returns to the principle too, where the room records its agreed score.")


def _second_round_count(workshop_id: int, framework_id: str, principle_id: str) -> None:
    change = second_votes.comparisons(state.database(), actor=state.actor(),
                                      workshop_id=workshop_id)[(framework_id, principle_id)]
    st.metric("Voted again", change.second.people)


def _agree(facts: WorkshopFacts, here: Position) -> None:
    framework = facts.framework(here.step.framework_id)
    names = {p.id: p.name for p in framework.principles}
    principle_id = st.selectbox("Principle to record", list(names), format_func=names.get)
    consensus_forms.agreed_score_form(facts, framework, principle_id)


def _review(facts: WorkshopFacts, here: Position) -> None:
    consensus_forms.review_of_last_actions(facts)


def _actions(facts: WorkshopFacts, here: Position) -> None:
    for framework in facts.frameworks:
        st.subheader(f"Actions: {plain(framework.title)}")
        consensus_forms.actions_list(facts, framework)


def _close(facts: WorkshopFacts, here: Position) -> None:
    st.markdown("Thank the room, close scoring if it is still open, and take the report away.")
    downloads.combined_files(facts)
    for framework in facts.frameworks:
        st.markdown(f"**{plain(framework.title)}**")
        downloads.workshop_files(facts, framework)


STEP_CONTROLS = {Stage.joining: _join, Stage.review: _review, Stage.scoring: _scoring, Stage.overview: _overview, Stage.principles: _principle,
                 Stage.second_vote: _second_vote, Stage.agree: _agree, Stage.actions: _actions, Stage.close: _close}


def full_results(facts: WorkshopFacts) -> None:
    """Everything about the room's answers, for the facilitator's own look: profile, agreement, distributions,
    sectors."""
    if not facts.revealed:
        st.info("Results are hidden until you reveal them, so early answers cannot steer the room.",
                icon=":material/visibility_off:")
        return
    _, exemplars = state.content()
    framework = results.choose_framework(facts.frameworks)
    chosen = st.multiselect("Compare with exemplars", list(exemplars),
                            default=[i for i in facts.exemplar_ids if i in exemplars],
                            format_func=lambda i: exemplars[i].name)
    room = room_results.room(state.database(), actor=state.actor(), workshop_id=facts.id, framework_id=framework.id)
    result = room.result
    if result.participants == 0:
        st.info("Nobody has answered yet.")
        return
    st.header("The room's profile")
    st.markdown(f"{tally(result.participants, 'person', 'people')} answered. Overall the room sits at "
                f"**{number(result.overall.mean)} ({result.overall.level or 'no score'})**.")
    results.profile(framework, room.room, [exemplars[i] for i in chosen])
    st.header("Where the room agrees, and where it is split")
    results.agreement_table(result)
    st.subheader("Statements where views differ most")
    texts = {s.id: s.text for s in framework.statements}
    for statement in room.most_split:
        st.markdown(f"- {plain(texts[statement.id])} — mean {number(statement.mean)}, "
                    f"AD {number(statement.ad, 2)}, {statement.n} answers")
    st.header("How people answered each statement")
    st.plotly_chart(distribution_bars(room.distribution), config={"displayModeBar": False})
    st.caption("The same counts as a table:")
    results.table(room.distribution)
    st.header("By sector")
    if room.lens.series:
        results.radar_with_table(framework, room.lens.series,
                                 caption="Each sector's (or group's) mean per principle, people in brackets:")
    if room.lens.in_words:
        st.caption(plain(room.lens.in_words))
    crosswalk_view.show(room_results.crosswalks(state.database(), actor=state.actor(), workshop_id=facts.id,
                                                framework_id=framework.id))
