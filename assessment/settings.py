"""Configuration: one `Settings` class, read the same way by the app and the command line.

Each setting is `PLACEREADY_<NAME>`, taken from (first found wins) the environment, the project's
`.streamlit/secrets.toml` (in the folder the app or command starts from), or `~/.streamlit/secrets.toml`
— the files Streamlit reads. An empty value counts as unset.
"""

from __future__ import annotations

import ipaddress
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from assessment.errors import InputError, Problem

PREFIX = "PLACEREADY_"
MIN_RETENTION_DAYS = 30  # personal data is never erased sooner: a workshop's report needs its comments
DEFAULT_DATABASE_FILE = Path("placeready.db")


def secrets_files() -> list[Path]:
    """Streamlit's secrets files, the one that loses first: the user's, then the project's."""
    return [Path.home() / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml"]


class StreamlitSecrets(PydanticBaseSettingsSource):
    """The root-level `PLACEREADY_*` keys of Streamlit's secrets files (tables such as [auth] are Streamlit's)."""

    def __call__(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for path in secrets_files():
            if not path.is_file():
                continue
            try:
                document = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                raise InputError(str(path), [Problem(f"cannot be read as TOML: {error}")]) from None
            for key, value in document.items():
                if key.upper().startswith(PREFIX) and not isinstance(value, dict) and value != "":
                    found[key[len(PREFIX):].lower()] = value
        return found

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # __call__ reads the whole file at once


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=PREFIX, env_ignore_empty=True, extra="ignore")

    database_url: str = Field(
        f"sqlite:///{DEFAULT_DATABASE_FILE}",
        description="SQLAlchemy URL: sqlite:///path.db (default, next to where the app starts) or "
        "postgresql+psycopg://user:password@host:5432/dbname.",
    )
    database_connect_timeout: int = Field(
        3, ge=2, le=60, description="PostgreSQL: seconds to wait for a new connection before a change fails with "
        "\"not saved, try again\" (libpq counts at least 2).")
    database_statement_timeout: int = Field(
        10, ge=1, le=600, description="PostgreSQL: seconds one statement may run before it is cancelled and the "
        "change fails with \"not saved, try again\". Migrations are exempt.")
    database_pool_size: int = Field(
        10, ge=1, le=100, description="PostgreSQL: connections each app process keeps open; it opens as many again "
        "while busy. The database must allow (2 × this) × app processes, plus a few for backups and a console.")
    load_demo: bool = Field(True, description="Put the made-up Riverbrook workshops and four neighbours in a new database.")
    room_refresh_seconds: float = Field(3.0, ge=1.0, le=60.0, description="How often the room view updates.")
    paced_refresh_seconds: float = Field(
        1.0, ge=0.5, le=60.0, description="How often a phone in a presenter-paced round looks for the next "
        "principle (a look that finds none redraws nothing).")
    admin_key: str | None = Field(
        None, min_length=16, description="Opens the places, progress and system pages (/manage?admin=KEY). "
        "Unset: a new key is made at each start and written to the server's log.")
    sign_in: bool = Field(False, description="Hosted mode: facilitators and consultants sign in with OpenID "
                          "Connect (st.login, configured in the [auth] section of secrets.toml) and see only their "
                          "organisations' partnerships; the admin key then opens nothing.")
    open_set_up: bool = Field(True, description="Without sign-in, anyone who reaches PlaceReady may set up a "
                              "workshop. false: only whoever holds the admin link (and the command line).")
    workshops_per_hour: int = Field(30, ge=1, le=10_000, description="At most this many workshops set up in any "
                                    "hour (per organisation with sign-in); the admin and the command line are not "
                                    "limited.")
    answers_per_minute: int = Field(60, ge=5, le=10_000, description="At most this many changed answers stored per "
                                    "person in any minute (one a second is more than anyone reading the statements "
                                    "gives); beyond it the phone is asked to slow down.")
    retention_days: int | None = Field(None, ge=MIN_RETENTION_DAYS, description="Erase the personal data of workshops held more "
                                       "than this many days ago (checked at each start). Unset: kept until erased.")
    trusted_proxies: str = Field(
        "", description="Networks (comma-separated, e.g. 172.16.0.0/12) of the proxies whose X-Forwarded-For "
        "PlaceReady believes when counting wrong codes per address; a proxy on the same computer is always believed.")
    brand_name: str = Field("PlaceReady", max_length=100, description="Who reports are from.")
    brand_colour: str = Field("#005EB8", pattern=r"^#[0-9A-Fa-f]{6}$", description="Accent colour of reports.")
    brand_logo: Path | None = Field(None, description="A PNG or JPEG logo for reports, at most 1 MB.")

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, StreamlitSecrets(settings_cls)

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            try:
                ipaddress.ip_network(part, strict=False)
            except ValueError:
                raise ValueError(f"'{part}' is not a network such as 10.0.0.0/8 or 192.168.1.7") from None
        return value

    @property
    def proxy_networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        return [ipaddress.ip_network(p.strip(), strict=False) for p in self.trusted_proxies.split(",") if p.strip()]

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
    """The settings, read once per process; a bad value is an `InputError` naming the setting."""
    try:
        return Settings()
    except ValidationError as error:
        raise InputError("Settings", [Problem(e["msg"], location=PREFIX + str(e["loc"][0]).upper())
                                      for e in error.errors()]) from None
