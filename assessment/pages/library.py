"""The framework library: browse every framework, upload your own, download the schema and a template."""

from __future__ import annotations

import json

import streamlit as st

from assessment.content.framework import json_schema
from assessment.errors import InputError
from assessment.pages import framework_view, state
from assessment.pages.text import plain, show_problems
from assessment.services import library
from assessment.services.access import Role


def render() -> None:
    st.title("Framework library")
    st.markdown("Every framework a workshop can score: the three built in and any uploaded here. A workshop keeps "
                "the exact version it was set up with, whatever is uploaded later.")
    if state.signing_in():
        st.caption("Each organisation has a library of its own: its members see its uploads, only its owners add "
                   "to it, and nobody outside it sees them. The built-in frameworks are everyone's.")
    _start_your_own()
    if library.libraries(state.actor(), Role.owner) != []:
        _upload()
    else:
        st.info("Uploading a framework is for whoever runs this PlaceReady (the admin link, /manage?admin=…) or, "
                "when signed in, an organisation's owners.", icon=":material/lock:")
    _browse()


def _start_your_own() -> None:
    st.header("Write your own")
    st.markdown("Start from the template: it explains every field in comments and passes the checks as it is. "
                "The JSON Schema lets an editor with a YAML language server complete and check the file as you type.")
    left, right = st.columns(2)
    left.download_button("Template (YAML)", library.TEMPLATE_FILE.read_bytes(), file_name=library.TEMPLATE_FILE.name,
                         mime="application/x-yaml", icon=":material/description:")
    right.download_button("JSON Schema", json.dumps(json_schema(), indent=2, ensure_ascii=False).encode(),
                          file_name="framework.schema.json", mime="application/schema+json", icon=":material/schema:")


def _upload() -> None:
    st.header("Upload a framework")
    st.markdown(f"A YAML file of at most {library.MAX_UPLOAD_BYTES // 1024} KB, {library.MAX_STATEMENTS} "
                "statements in all. The whole file is checked before anything is stored; text is shown exactly as "
                "written. The same id with different content becomes the next version.")
    with st.form("upload", clear_on_submit=True):
        owned_by = state.organisation_choice(state.actor(), Role.owner)
        upload = st.file_uploader("Framework YAML", type=["yaml", "yml"])
        submitted = st.form_submit_button("Check and add to the library", type="primary")
    if not submitted:
        return
    if upload is None:
        st.error("Choose a YAML file first.")
        return
    try:
        framework = library.read_upload(upload.getvalue(), source=upload.name)
        added = library.add(state.database(), actor=state.actor(), framework=framework, organisation_id=owned_by)
    except InputError as error:
        show_problems(f"{upload.name} was not added; nothing was stored. Fix these and upload it again:", error)
        return
    title = plain(added.entry.framework.title)
    if added.new:
        st.success(f"Added **{title}** as version {added.entry.version}. It can be chosen for new workshops now.")
    else:
        st.info(f"The library already holds exactly this framework (**{title}**, version {added.entry.version}); "
                "nothing changed.")


def _browse() -> None:
    st.header("Browse")
    entries = {e.framework.id: e for e in library.latest(state.database(), actor=state.actor())}
    chosen = st.selectbox("Framework", list(entries), format_func=lambda i: entries[i].label)
    versions = library.versions(state.database(), actor=state.actor(), framework_id=chosen)
    entry = versions[-1]
    if len(versions) > 1:
        by_number = {e.version: e for e in versions}
        entry = by_number[st.radio("Version", list(by_number), index=len(by_number) - 1, horizontal=True,
                                   format_func=lambda v: f"{v} ({by_number[v].uploaded_at:%Y-%m-%d})")]
    st.caption(f"Id {plain(entry.framework.id)} · {len(entry.framework.principles)} principles · "
               f"{len(entry.framework.statements)} statements · "
               + ("built in" if entry.builtin else f"version {entry.version}, uploaded {entry.uploaded_at:%Y-%m-%d %H:%M}"))
    framework_view.show(entry.framework)
