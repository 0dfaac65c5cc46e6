"""Places and workshops: list, rename, close or reopen scoring, archive, delete, put places in systems,
and import answers collected elsewhere."""

from __future__ import annotations

import datetime

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.engine.responses import parse_responses_csv
from assessment.engine.scoring import score
from assessment.errors import InputError
from assessment.numbers import number
from assessment.pages import devices, results, state
from assessment.pages.text import plain, show_problems
from assessment.services import library, organisations, places, privacy, transfer, workshops
from assessment.services.access import Actor, Role
from assessment.services.places import Place, WorkshopLine


def render(room_page: StreamlitPage) -> None:
    """`room_page`: where "Facilitate this workshop" goes (the router passes it, so pages never import it)."""
    reader = state.private_pages_actor()
    if reader is None:
        return
    st.title("Places and workshops")
    found = places.places(state.database(), actor=reader)
    if not found:
        st.info("No workshops yet. Set one up, or import answers below.")
    for place in found:
        st.subheader(plain(place.label))
        results.table(pd.DataFrame({
            "Workshop": [w.title for w in place.workshops], "Date": [w.held_on.isoformat() for w in place.workshops],
            "Join code": [w.join_code for w in place.workshops], "People": [w.people for w in place.workshops],
            "Scoring": ["open" if w.scoring_open else "closed" for w in place.workshops],
            "Archived": ["yes" if w.archived else "" for w in place.workshops]}))
        if place.role is None or place.role < Role.facilitator:
            continue
        with st.expander(f"Manage {place.label}"):
            _place_form(place)
            for workshop in place.workshops:
                _workshop_form(workshop, room_page, owner=place.role >= Role.owner)
    if reader.everything or reader.organisations(Role.facilitator):
        st.header("Import answers collected elsewhere")
        _import(reader)
    for organisation in organisations.organisations(state.database(), actor=reader, needed=Role.owner):
        _members(organisation)
    owned = [w.id for place in found if place.role is not None and place.role >= Role.owner for w in place.workshops]
    if owned:  # the log names who did what: it is for owners
        _audit_log(reader, owned)
    if reader.everything and not state.signing_in():
        devices.admin_sessions()


def _place_form(place: Place) -> None:
    with st.form(f"system-{place.id}"):
        name = st.text_input("Part of which system (an ICS or your own grouping; empty for none)",
                             value=place.system or "", max_chars=200)
        if st.form_submit_button("Save system"):
            try:
                places.place_in_system(state.database(), actor=state.actor(), partnership_id=place.id,
                                       system_name=name)
            except InputError as error:
                show_problems("Nothing was changed:", error)
            else:
                st.rerun()


def _workshop_form(workshop: WorkshopLine, room_page: StreamlitPage, *, owner: bool) -> None:
    st.markdown(f"**{plain(workshop.title)}** · {workshop.held_on.isoformat()} · {workshop.people} people")
    if st.button("Facilitate this workshop", key=f"facilitate-{workshop.id}", icon=":material/co_present:"):
        state.facilitate(workshop.id)
        st.switch_page(room_page)
    with st.form(f"workshop-{workshop.id}"):
        new_title = st.text_input("Title", value=workshop.title, max_chars=200)
        open_scoring = st.checkbox("Scoring open", value=workshop.scoring_open)
        keep_archived = st.checkbox("Archived (left out of progress and system views)", value=workshop.archived)
        if st.form_submit_button("Save changes"):
            try:
                workshops.change_workshop(state.database(), actor=state.actor(), workshop_id=workshop.id,
                                          title=new_title, scoring_open=open_scoring, archived=keep_archived)
            except InputError as error:
                show_problems("Nothing was changed:", error)
            else:
                st.rerun()
    if not owner:
        return
    _erase_form(workshop)
    with st.form(f"delete-{workshop.id}"):
        typed = st.text_input(f"To delete this workshop and all {workshop.people} people's answers, type its join "
                              f"code ({workshop.join_code})", max_chars=20)
        if st.form_submit_button("Delete for good"):
            try:
                workshops.delete_workshop(state.database(), actor=state.actor(), workshop_id=workshop.id,
                                          typed_code=typed)
            except InputError as error:
                show_problems("Nothing was deleted:", error)
            else:
                st.rerun()


def _erase_form(workshop: WorkshopLine) -> None:
    with st.form(f"erase-{workshop.id}"):
        st.markdown("Erase personal data: people's organisations and sectors, their comments, discussion notes, "
                    "action owners and notes on earlier actions. The anonymous scores stay, so results, reports and "
                    "progress still stand.")
        texts = privacy.actions_to_redact(state.database(), actor=state.actor(), workshop_id=workshop.id)
        redact = st.multiselect("Also erase the text of these actions (any that names or points to a person)",
                                list(texts), format_func=lambda i: texts[i][:150], key=f"redact-{workshop.id}",
                                placeholder="None") if texts else []
        if st.form_submit_button("Erase personal data"):
            erased = privacy.erase_personal_data(state.database(), actor=state.actor(), workshop_id=workshop.id,
                                                 redact=redact)
            kept = (f" Kept as written, the text of {len(erased.actions_kept)} action"
                    f"{'' if len(erased.actions_kept) == 1 else 's'}: "
                    + "; ".join(f"“{plain(text[:80])}”" for text in erased.actions_kept) + "."
                    if erased.actions_kept else "")
            st.success(f"Personal data erased, with the text of {erased.actions_redacted} action"
                       f"{'' if erased.actions_redacted == 1 else 's'}. Kept: the anonymous scores, agreed scores and "
                       f"the actions' dates and status.{kept}")


def _import(reader: Actor) -> None:
    frameworks = {e.framework.id: e.framework for e in library.latest(state.database(), actor=state.actor())}
    st.markdown("A responses CSV (columns participant, statement, score; optional organisation, sector, "
                "comment) becomes a new, closed workshop. The whole file is checked first; nothing is saved "
                "until you confirm.")
    with st.form("import"):
        partnership = st.text_input("Partnership name", max_chars=200)
        place = st.text_input("Place", max_chars=200, key="import-place")
        title = st.text_input("Workshop title", value="Imported answers", max_chars=200)
        held_on = st.date_input("Date the answers were collected", value=datetime.date.today(), format="YYYY-MM-DD")
        framework_id = st.selectbox("Framework", list(frameworks), format_func=lambda i: frameworks[i].title)
        owned_by = state.organisation_choice(reader)
        upload = st.file_uploader("Responses CSV", type=["csv"])
        checked = st.form_submit_button("Check the file")
    if checked:
        st.session_state.pop("import_preview", None)
        if upload is None:
            st.error("Choose a CSV file first.")
            return
        try:
            responses = parse_responses_csv(upload.getvalue(), frameworks[framework_id], source=upload.name)
        except InputError as error:
            show_problems(f"{upload.name} was not imported; nothing was saved. Fix these and try again:", error)
            return
        st.session_state["import_preview"] = (partnership, place, title, held_on, framework_id, responses, owned_by)
    preview = st.session_state.get("import_preview")
    if preview:
        partnership, place, title, held_on, framework_id, responses, owned_by = preview
        result = score(frameworks[framework_id], responses)
        st.success(f"The file is good: {result.participants} people, {len(responses.table)} answers. "
                   f"Overall {number(result.overall.mean)} ({result.overall.level or 'no score'}).")
        results.agreement_table(result)
        if st.button("Import as a new workshop", type="primary"):
            try:
                created = transfer.import_responses(
                    state.database(), actor=reader, partnership_name=partnership, place=place, title=title,
                    held_on=held_on, answered=[(frameworks[framework_id], responses)], organisation_id=owned_by)
            except InputError as error:
                show_problems("Nothing was saved:", error)
                return
            st.session_state.pop("import_preview")
            st.success(f"Imported as workshop {created.join_code}.")


def _members(organisation: organisations.OrganisationView) -> None:
    """An owner's view of who is in their organisation, and the way to add, change or remove them."""
    st.header(f"Members of {plain(organisation.name)}")
    results.table(pd.DataFrame({"E-mail (as they sign in)": [m[0] for m in organisation.members],
                                "Role": [m[1] for m in organisation.members]}))
    with st.form(f"member-{organisation.id}", clear_on_submit=True):
        email = st.text_input("E-mail address", max_chars=320)
        role = st.selectbox("Role", ["viewer", "facilitator", "owner", "remove from the organisation"])
        if st.form_submit_button("Save member"):
            try:
                if role.startswith("remove"):
                    organisations.remove_member(state.database(), actor=state.actor(), organisation_id=organisation.id,
                                                email=email)
                else:
                    organisations.set_member(state.database(), actor=state.actor(), organisation_id=organisation.id,
                                             email=email, role=role)
            except InputError as error:
                show_problems("Nothing was changed:", error)
            else:
                st.rerun()


def _audit_log(reader: Actor, workshop_ids: list[int]) -> None:
    with st.expander("Audit log: who changed agreed scores, actions and personal data"):
        entries = privacy.audit_log(state.database(), actor=reader, workshop_ids=workshop_ids, limit=200)
        rows = [{"When (UTC)": f"{e.at:%Y-%m-%d %H:%M}", "Who": e.actor, "What": e.action,
                 "Workshop": e.workshop_id, "Detail": ", ".join(f"{k}: {v}" for k, v in e.detail.items())}
                for e in entries]
        if rows:
            results.table(pd.DataFrame(rows))
        else:
            st.markdown("Nothing changed yet.")
