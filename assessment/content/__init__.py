"""Content: the frameworks, the exemplar profiles and the demo partnership, read from safe YAML, and the guides.

The files live at the top of the repository (`principles/`, `seeds/`, `docs/`), beside the package.
"""

from pathlib import Path

REPOSITORY_DIR = Path(__file__).resolve().parents[2]
