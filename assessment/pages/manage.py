"""Places and workshops: list, rename, close or reopen scoring, archive, delete, put places in systems,
and import answers collected elsewhere."""

from __future__ import annotations

import datetime

import pandas as pd
import streamlit as st

from assessment.services import access
from assessment.storage import crud
from assessment.services import library
from assessment.services.access import Person, Role
from assessment.errors import InputError
from assessment.services.history import place_label
from assessment.storage.models import Workshop
from assessment.pages import results, routes, state
from assessment.pages.text import plain
from assessment.engine.responses import parse_responses_csv
from assessment.engine.scoring import score

MAX_UPLOAD_BYTES = 5 * 2**20


def render() -> None:
    reader = state.signed_in_person()
    if reader is None:
        return
    st.title("Places and workshops")
    with state.db() as session:
        places = [(p.id, place_label(p), p.system.name if p.system else "", reader.role_in(p),
                   [(w.id, w.title, w.held_on, w.join_code, w.scoring_open, w.archived,
                     len(crud.participants(session, workshop_id=w.id))) for w in p.workshops])
                  for p in access.partnerships(session, reader)]
    if not places:
        st.info("No workshops yet. Set one up, or import answers below.")
    for place_id, label, system, role, workshops in places:
        st.subheader(label)
        results.table(pd.DataFrame({
            "Workshop": [w[1] for w in workshops], "Date": [w[2].isoformat() for w in workshops],
            "Join code": [w[3] for w in workshops], "People": [w[6] for w in workshops],
            "Scoring": ["open" if w[4] else "closed" for w in workshops],
            "Archived": ["yes" if w[5] else "" for w in workshops]}))
        if role is None or role < Role.facilitator:
            continue
        with st.expander(f"Manage {label}"):
            _place_form(place_id, system)
            for workshop in workshops:
                _workshop_form(*workshop, owner=role >= Role.owner)
    if reader.everything or reader.organisations(Role.facilitator):
        st.header("Import answers collected elsewhere")
        _import(reader)
    for organisation_id in reader.organisations(Role.owner):
        _members(organisation_id)
    _audit_log([w[0] for *_, workshops in places for w in workshops])


def _place_form(place_id: int, system: str) -> None:
    with st.form(f"system-{place_id}"):
        name = st.text_input("Part of which system (an ICS or your own grouping; empty for none)", value=system,
                             max_chars=200)
        if st.form_submit_button("Save system"):
            with state.db(writes=True) as session:
                crud.place_in_system(session, partnership_id=place_id, system_name=name.strip() or None)
            st.rerun()


def _workshop_form(workshop_id: int, title: str, held_on: datetime.date, join_code: str, scoring_open: bool,
                   archived: bool, people: int, *, owner: bool) -> None:
    st.markdown(f"**{plain(title)}** · {held_on.isoformat()} · {people} people")
    if st.button("Facilitate this workshop", key=f"facilitate-{workshop_id}", icon=":material/co_present:"):
        state.facilitate(workshop_id)
        st.switch_page(routes.room_page())
    with st.form(f"workshop-{workshop_id}"):
        new_title = st.text_input("Title", value=title, max_chars=200)
        open_scoring = st.checkbox("Scoring open", value=scoring_open)
        keep_archived = st.checkbox("Archived (left out of progress and system views)", value=archived)
        if st.form_submit_button("Save changes"):
            try:
                with state.db(writes=True) as session:
                    crud.rename_workshop(session, workshop_id=workshop_id, title=new_title)
                    crud.set_scoring_open(session, workshop=session.get(Workshop, workshop_id),
                                          scoring_open=open_scoring)
                    crud.set_archived(session, workshop_id=workshop_id, archived=keep_archived)
            except InputError as error:
                st.error("Nothing was changed:\n\n" + "\n".join(f"- {p}" for p in error.problems))
            else:
                st.rerun()
    if not owner:
        return
    with st.form(f"erase-{workshop_id}"):
        st.markdown("Erase personal data: people's organisations and sectors, their comments, discussion notes "
                    "and action owners. The anonymous scores stay, so results, reports and progress still stand.")
        if st.form_submit_button("Erase personal data"):
            with state.db(writes=True) as session:
                crud.erase_personal_data(session, workshop_id=workshop_id, actor=state.actor())
            st.success("Personal data erased.")
    with st.form(f"delete-{workshop_id}"):
        typed = st.text_input(f"To delete this workshop and all {people} people's answers, type its join code "
                              f"({join_code})", max_chars=20)
        if st.form_submit_button("Delete for good"):
            if crud.normalise_code(typed) != join_code:
                st.error("The join code does not match; nothing was deleted.")
            else:
                with state.db(writes=True) as session:
                    crud.delete_workshop(session, workshop_id=workshop_id, actor=state.actor())
                st.rerun()


def _import(reader: Person) -> None:
    with state.db() as session:
        frameworks = {e.framework.id: e.framework for e in library.latest(session)}
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
        raw = upload.getvalue()
        if len(raw) > MAX_UPLOAD_BYTES:
            st.error(f"{upload.name}: the file is over {MAX_UPLOAD_BYTES // 2**20} MB; nothing was saved.")
            return
        try:
            responses = parse_responses_csv(raw, frameworks[framework_id], source=upload.name)
        except InputError as error:
            st.error(f"{upload.name} was not imported; nothing was saved. Fix these lines and try again:\n\n"
                     + "\n".join(f"- {p}" for p in error.problems[:50]))
            return
        st.session_state["import_preview"] = (partnership, place, title, held_on, framework_id, responses, owned_by)
    preview = st.session_state.get("import_preview")
    if preview:
        partnership, place, title, held_on, framework_id, responses, owned_by = preview
        result = score(frameworks[framework_id], responses)
        st.success(f"The file is good: {result.participants} people, {len(responses.table)} answers. "
                   f"Overall {results.number(result.overall.mean)} ({result.overall.level or 'no score'}).")
        results.agreement_table(result)
        if st.button("Import as a new workshop", type="primary"):
            try:
                with state.db(writes=True) as session:
                    created = crud.import_responses(session, partnership_name=partnership, place=place, title=title,
                                                    held_on=held_on, answered=[(frameworks[framework_id], responses)],
                                                    owned_by=owned_by)
                    code = created.workshop.join_code
            except InputError as error:
                st.error("Nothing was saved:\n\n" + "\n".join(f"- {p}" for p in error.problems))
                return
            st.session_state.pop("import_preview")
            st.success(f"Imported as workshop {code}.")


def _members(organisation_id: int) -> None:
    """An owner's view of who is in their organisation, and the way to add, change or remove them."""
    with state.db() as session:
        organisation = crud.organisations(session, ids=[organisation_id])[0]
        name, members = organisation.name, [(m.email, m.role) for m in organisation.members]
    st.header(f"Members of {plain(name)}")
    results.table(pd.DataFrame({"E-mail (as they sign in)": [m[0] for m in members], "Role": [m[1] for m in members]}))
    with st.form(f"member-{organisation_id}", clear_on_submit=True):
        email = st.text_input("E-mail address", max_chars=320)
        role = st.selectbox("Role", ["viewer", "facilitator", "owner", "remove from the organisation"])
        if st.form_submit_button("Save member"):
            try:
                with state.db(writes=True) as session:
                    if role.startswith("remove"):
                        crud.remove_member(session, organisation_id=organisation_id, email=email, actor=state.actor())
                    else:
                        crud.add_member(session, organisation_id=organisation_id, email=email, role=role,
                                        actor=state.actor())
            except InputError as error:
                st.error("Nothing was changed:\n\n" + "\n".join(f"- {plain(str(p))}" for p in error.problems))
            else:
                st.rerun()


def _audit_log(workshop_ids: list[int]) -> None:
    with st.expander("Audit log: who changed agreed scores, actions and personal data"):
        with state.db() as session:
            entries = crud.audit_log(session, workshop_ids=workshop_ids, limit=200)
            rows = [{"When (UTC)": f"{e.at:%Y-%m-%d %H:%M}", "Who": e.actor, "What": e.action,
                     "Workshop": e.workshop_id, "Detail": ", ".join(f"{k}: {v}" for k, v in e.detail.items())}
                    for e in entries]
        if rows:
            results.table(pd.DataFrame(rows))
        else:
            st.markdown("Nothing changed yet.")
