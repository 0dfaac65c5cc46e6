"""The readiness report: one model (`model.py`) and its renderings (HTML, PDF, Word)."""
