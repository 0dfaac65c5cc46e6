"""The engine: pure functions from a framework and answers to every number, comparison and report model.

No database, no Streamlit, no plotly: anything a page shows, a test can compute from here.
"""
