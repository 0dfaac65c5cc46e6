"""Configuration: one `Settings` class, read from the environment (and so from Streamlit secrets).

Streamlit exports every root-level key of `.streamlit/secrets.toml` as an environment variable, so
`PLACEREADY_DATABASE_URL = "postgresql+psycopg://…"` in secrets and the same name in the
environment are the same setting.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_FILE = Path("placeready.db")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLACEREADY_", extra="ignore")

    database_url: str = Field(
        f"sqlite:///{DEFAULT_DATABASE_FILE}",
        description="SQLAlchemy URL: sqlite:///path.db (default, next to where the app starts) or "
        "postgresql+psycopg://user:password@host:5432/dbname.",
    )
    load_demo: bool = Field(True, description="Put the made-up Riverbrook workshops and four neighbours in a new database.")
    room_refresh_seconds: float = Field(3.0, ge=1.0, le=60.0, description="How often the room view updates.")
    admin_key: str | None = Field(
        None, min_length=16, description="Opens the places, progress and system pages (/manage?admin=KEY). "
        "Unset: a new key is made at each start and written to the server's log.")
    sign_in: bool = Field(False, description="Hosted mode: facilitators and consultants sign in with OpenID "
                          "Connect (st.login, configured in the [auth] section of secrets.toml) and see only their "
                          "organisations' partnerships; the admin key then opens nothing.")
    retention_days: int | None = Field(None, ge=30, description="Erase the personal data of workshops held more "
                                       "than this many days ago (checked at each start). Unset: kept until erased.")
    brand_name: str = Field("PlaceReady", max_length=100, description="Who reports are from.")
    brand_colour: str = Field("#005EB8", pattern=r"^#[0-9A-Fa-f]{6}$", description="Accent colour of reports.")
    brand_logo: Path | None = Field(None, description="A PNG or JPEG logo for reports, at most 1 MB.")

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, url: str) -> str:
        if not url.startswith(("sqlite:", "postgresql")):
            raise ValueError("use a sqlite:/// or postgresql+psycopg:// URL")
        if url.startswith("postgresql://"):  # plain postgresql:// would pick psycopg2, which is not installed
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
