"""Streamlit pages. Each is thin: it reads state, calls the domain, and draws."""
