"""QR codes for join links, as SVG that stays sharp on a projector."""

from __future__ import annotations

import base64

import segno


def qr_data_uri(text: str) -> str:
    """An SVG data URI of a QR code for `text` (medium error correction, a quiet zone of 4 modules)."""
    code = segno.make_qr(text, error="m")
    svg = code.svg_inline(scale=10, border=4, dark="#000000", light="#FFFFFF")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
