"""Streamlit pages. Each is thin: it reads session state, calls a service, and draws."""
