"""`placeready-app`: Streamlit serving `streamlit_app.py`, with the pages ready before the server says it is.

`streamlit_app.py` is an `st.App`: Streamlit running the pages' script (`entry.py`) behind PlaceReady's
middleware (`custody.py`: the device cookie, and private links exchanged for it).
`streamlit run streamlit_app.py` starts listening at once and runs the script only when a page is opened, so
the first person after a start waited for pandas, SQLAlchemy, plotly and every page module to be imported,
and for the database to be migrated (and, when new, given the demo), while the health check already said OK.
Here all of that happens first, in this process, and Streamlit then starts on the same modules and the same
cached database: the health check is OK only once a page can be drawn without that wait. Options are passed
to Streamlit as they are (`placeready-app --server.port 8502`).
"""

from __future__ import annotations

import gc
import logging
import pkgutil
import sys
from collections.abc import Sequence
from importlib import import_module

from assessment.content import REPOSITORY_DIR
from assessment.errors import InputError, Unavailable

ENTRY_POINT = REPOSITORY_DIR / "streamlit_app.py"
ENTRY_SCRIPT = "entry"
BEFORE_THE_RUNTIME_WARNINGS = ["streamlit.runtime.scriptrunner_utils.script_run_context",
                               "streamlit.runtime.caching.cache_data_api"]


def prepare() -> None:
    """Import every page and open the database and the built-in content, as the first page view would, then set
    all that aside from the garbage collector."""
    # What is loaded now lives as long as the server, and while it was being made the collector's full passes
    # walked all that was made so far: 0.2-0.4 s of a start. So the collector waits until it is all loaded; then
    # it is frozen, left out of the full collections Python makes every few page views, which walked all of it:
    # 125-165 ms each, a third of a rerun of the places view.
    gc.disable()
    try:
        _load()
    finally:
        gc.collect()
        gc.freeze()
        gc.enable()


def _load() -> None:
    import assessment.pages

    for module in pkgutil.iter_modules(assessment.pages.__path__):
        if module.name != ENTRY_SCRIPT:  # a script, run for each page view: importing it would draw a page
            import_module(f"{assessment.pages.__name__}.{module.name}")
    _pay_first_use_costs()
    from assessment.pages import custody, state

    # Before the server starts, Streamlit warns of no script run and no runtime, once per cached function: the
    # caches are found by the runtime all the same.
    quieted = [logging.getLogger(name) for name in BEFORE_THE_RUNTIME_WARNINGS]
    levels = [logger.level for logger in quieted]
    for logger in quieted:
        logger.setLevel(logging.ERROR)
    try:
        state.content()
        custody.admin_key()
        state.database()
    except (InputError, Unavailable):
        pass  # the first page shows what is wrong (a setting, the database) and tries again
    finally:
        for logger, level in zip(quieted, levels, strict=True):
            logger.setLevel(level)


def _pay_first_use_costs() -> None:
    """What the libraries do once per process, the first time they are used, that the first page after a start
    otherwise waited for (profiled between the health check and the page drawn)."""
    import pandas.io.formats.style  # noqa: F401  (imported on the first table drawn: 0.03 s)
    from streamlit import delta_generator

    # On the first element a process draws, Streamlit checks whether it runs in a Python prompt by reading the
    # source of every frame on the stack (inspect.stack): 0.1-0.4 s. This process is never one.
    delta_generator._use_warning_has_been_displayed = True


def main(argv: Sequence[str] | None = None) -> None:
    prepare()
    from streamlit.web import cli  # after prepare: Streamlit is then imported with the collector waiting

    cli.main(args=["run", str(ENTRY_POINT), *(sys.argv[1:] if argv is None else argv)], prog_name="streamlit")


if __name__ == "__main__":  # python -m assessment.pages.server, where the console script is not on the path
    main()
