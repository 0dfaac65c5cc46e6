"""Report renderers: the report model (`assessment.engine.report`) laid out as HTML, PDF, Word and spreadsheets.

They take a model and return bytes; they never open a database or compute a number.
"""
