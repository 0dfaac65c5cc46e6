"""Home: what PlaceReady is, the built-in frameworks and their principles, and how a workshop runs."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.content.exemplar import JUDGEMENT_CAVEAT, Exemplar
from assessment.content.framework import Framework, Principle
from assessment.engine.agreement import rule_in_words
from assessment.pages import framework_view, guide, state
from assessment.services import codes

WORKSHOP_STEPS = (
    ("Set up", ("The facilitator names the partnership, picks the frameworks and the exemplars to "
                "compare with, and puts a join code and QR code on the screen.")),
    ("Score privately", ("Everyone scores the statements on their own phone: no names, only their "
                         "organisation and sector. Each answer is saved as it is given, and “don't know” is always "
                         "an option.")),
    ("Reveal", "Results stay hidden until the facilitator reveals them, so early answers cannot steer the room."),
    ("See where you stand", ("The room sees its profile, where it agrees, where it is split and where "
                             "sectors see things differently.")),
    ("Agree", ("For each principle the room agrees a score and actions with owners and dates. "
               "Individual answers are kept beside the agreed score, never overwritten.")),
    ("Compare and report", "The profile is set beside exemplar places, and a report records it all."),
)

def render(join_page: StreamlitPage, setup_page: StreamlitPage, room_page: StreamlitPage) -> None:
    """The pages to go on to (the router passes them): joining, setting up, and the control view for whoever is
    running a workshop in this browser."""
    by_id, exemplars = state.content()
    frameworks = list(by_id.values())
    st.title("PlaceReady")
    _start(join_page, setup_page, room_page)
    st.markdown(
        "**A readiness self-assessment for place-based health and care partnerships** — the NHS "
        "trusts, GP practices, council, voluntary sector and public health teams that share "
        "responsibility for the health of one place."
    )
    st.markdown(
        "A partnership board scores itself, anonymously and person by person, against "
        "**Ham and Alderwick's ten design principles for place-based systems of care** "
        "(The King's Fund, 2015) and the **ten Salford behaviours** for working as one system, and "
        "its readiness for **neighbourhood health**: the six core components NHS England named for "
        "2025/26, each shown beside the Ham principles it rests on. "
        "It then sees where it agrees, where sectors differ, agrees its scores and actions, and "
        "compares itself with places that have gone further."
    )

    st.header("How a workshop works")
    for number, (step, text) in enumerate(WORKSHOP_STEPS, start=1):
        st.markdown(f"{number}. **{step}.** {text}")
    guide.link("running-a-workshop", "the-workshop-at-a-glance")

    st.header("The frameworks")
    st.markdown(
        "Every statement, summary, rubric and prompt below is written in our own words from the "
        "sources named with each framework; where a principle's name is the source's own, it says so."
    )
    for framework in frameworks:
        framework_view.show(framework)

    st.header("Exemplar places")
    st.markdown(
        "Your profile can be set beside places that have gone further. "
        f"**Please read this first:** {JUDGEMENT_CAVEAT}"
    )
    for exemplar in exemplars.values():
        _exemplar_section(exemplar, frameworks)

    st.header("How the numbers are worked out")
    scale = frameworks[0].scale
    st.markdown(
        f"Each statement is scored from {scale.min} ({scale.labels[scale.min]}) to {scale.max} "
        f"({scale.labels[scale.max]}), or “don't know”. A principle's score is the average of its "
        "statements' averages, and its level is the scale point nearest to it as printed (a half goes up). "
        "“Don't know” answers are counted separately and never treated as a low score."
    )
    st.markdown(rule_in_words(len(scale.points)))


def _start(join_page: StreamlitPage, setup_page: StreamlitPage, room_page: StreamlitPage) -> None:
    """What most visitors came for: joining a workshop by its code, or setting one up."""
    join, set_up = st.columns(2, gap="large")
    with join.form("join-from-home", border=True):
        st.subheader("Join a workshop")
        code = st.text_input("Join code", max_chars=12, placeholder="e.g. K7P4QX",
                             help="The six letters and numbers on the facilitator's screen.")
        if st.form_submit_button("Join", type="primary", icon=":material/login:"):
            if codes.normalise_code(code):
                st.switch_page(join_page, query_params={"code": codes.normalise_code(code)})
            st.error("Type the join code shown on the facilitator's screen.")
    with set_up.container(border=True):
        st.subheader("Set up a workshop")
        st.markdown("For a facilitator: name the partnership, choose the frameworks and exemplars, and get a join "
                    "code, a QR code and a projector screen for the room.")
        st.page_link(setup_page, label="Set up a workshop", icon=":material/add_circle:")
        if state.facilitating():
            st.page_link(room_page, label="Back to the workshop you are running", icon=":material/co_present:")


def _exemplar_section(exemplar: Exemplar, frameworks: list[Framework]) -> None:
    # A few Markdown blocks, not an element per line: the home page had 465 elements, and the browser took longer
    # to draw them than the server to send them.
    with st.expander(f"{exemplar.name} — {exemplar.place} ({exemplar.period})"):
        about = [exemplar.summary, *(f"**{label}.** {fact.text} {_cite(exemplar, fact.sources)}"
                                     for label, fact in (("Population", exemplar.population),
                                                         ("Partners", exemplar.partners), ("Model", exemplar.model)))]
        if exemplar.timeline:
            about.append("**Timeline**\n\n" + "\n".join(f"- {event.date}: {event.event} {_cite(exemplar, event.sources)}"
                                                         for event in exemplar.timeline))
        if exemplar.caveats:
            about.append(f"**Keep in mind.** {exemplar.caveats}")
        st.markdown("\n\n".join(about))
        for framework in frameworks:
            st.markdown(f"**{framework.title}: our judgement, principle by principle**\n\n"
                        + "\n".join(_judged(exemplar, framework, principle) for principle in framework.principles))
        st.markdown("**Sources**\n\n" + "\n".join(f"{number}. {source.citation()}"
                                                   for number, source in enumerate(exemplar.sources, start=1)))


def _judged(exemplar: Exemplar, framework: Framework, principle: Principle) -> str:
    """One principle's line in an exemplar's list of judgements."""
    judgement = exemplar.judgement(framework.id, principle.id)
    if judgement is None or not judgement.assessed:
        reason = judgement.not_assessed if judgement else "No judgement recorded."
        return f"- *{principle.name}* — **not assessed.** {reason}"
    label = framework.scale.labels[judgement.score]
    return (f"- *{principle.name}* — **{judgement.score} {label}** ({judgement.confidence} evidence). "
            f"{judgement.evidence} What they did: {judgement.practice} {_cite(exemplar, judgement.sources)}")


def _cite(exemplar: Exemplar, source_ids: tuple[str, ...]) -> str:
    """Bracketed source numbers, matching the numbered source list under each exemplar."""
    numbers = [index + 1 for index, source in enumerate(exemplar.sources) if source.id in source_ids]
    return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""
