"""Codes and keys handed to people, and how they are stored.

Codes are random; only their SHA-256 is stored, so a copy of the database opens no workshop.
"""

from __future__ import annotations

import hashlib
import secrets

# Letters and digits that cannot be mistaken for each other when read off a projector.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
RESUME_CODE_LENGTH = 8


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def new_key() -> str:
    """A secret for a link: 192 random bits."""
    return secrets.token_urlsafe(24)


def normalise_code(text: str) -> str:
    """What a person typed, as a code: case, spaces and hyphens do not matter."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def resume_digest(workshop_id: int, resume_code: str) -> str:
    """A resume code is bound to its workshop, so the same code in another workshop opens nothing."""
    return digest(f"{workshop_id}:{normalise_code(resume_code)}")
