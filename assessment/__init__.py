"""PlaceReady: self-assessment of place-based health and care partnerships."""

__version__ = "0.1.0"
