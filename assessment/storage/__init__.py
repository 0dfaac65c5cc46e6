"""Storage: the tables, their migrations, and queries named for what they read or write (no business rules).

Only the services use this package; every function takes a session first and everything else by keyword.
"""
