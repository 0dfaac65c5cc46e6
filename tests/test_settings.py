"""One Settings class for the app and the command line: environment, then Streamlit's secrets files."""

from __future__ import annotations

import pytest

from assessment.errors import InputError
from assessment.settings import Settings, get_settings


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder to start from, with a home of its own, and no PLACEREADY_ setting in the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("DATABASE_URL", "ADMIN_KEY", "ROOM_REFRESH_SECONDS", "LOAD_DEMO"):
        monkeypatch.delenv(f"PLACEREADY_{name}", raising=False)
    (tmp_path / ".streamlit").mkdir()
    yield tmp_path
    get_settings.cache_clear()


def test_root_keys_of_the_projects_secrets_file_are_settings(project, monkeypatch):
    (project / ".streamlit" / "secrets.toml").write_text(
        'PLACEREADY_DATABASE_URL = "postgresql://db.internal/placeready"\nPLACEREADY_ROOM_REFRESH_SECONDS = 5\n'
        '[auth]\nclient_id = "not a PlaceReady setting"\n')
    settings = Settings()
    assert settings.database_url == "postgresql+psycopg://db.internal/placeready"
    assert settings.room_refresh_seconds == 5
    monkeypatch.setenv("PLACEREADY_ROOM_REFRESH_SECONDS", "7")  # the environment wins
    assert Settings().room_refresh_seconds == 7


def test_an_empty_setting_is_unset_and_a_bad_one_is_named(project, monkeypatch):
    monkeypatch.setenv("PLACEREADY_ADMIN_KEY", "")
    (project / ".streamlit" / "secrets.toml").write_text('PLACEREADY_DATABASE_URL = ""\n')
    settings = Settings()
    assert settings.admin_key is None and settings.database_url.startswith("sqlite:")
    monkeypatch.setenv("PLACEREADY_ADMIN_KEY", "short")
    get_settings.cache_clear()
    with pytest.raises(InputError, match="PLACEREADY_ADMIN_KEY: String should have at least 16 characters"):
        get_settings()


def test_trusted_proxies_are_networks_and_a_bad_one_is_named(project, monkeypatch):
    monkeypatch.setenv("PLACEREADY_TRUSTED_PROXIES", "172.16.0.0/12, 10.1.2.3")
    assert [str(n) for n in Settings().proxy_networks] == ["172.16.0.0/12", "10.1.2.3/32"]
    monkeypatch.setenv("PLACEREADY_TRUSTED_PROXIES", "172.16.0.0/12, nginx")
    get_settings.cache_clear()
    with pytest.raises(InputError, match=r"PLACEREADY_TRUSTED_PROXIES: .*'nginx' is not a network"):
        get_settings()


def test_a_broken_secrets_file_is_named(project):
    (project / ".streamlit" / "secrets.toml").write_text("PLACEREADY_DATABASE_URL = \n")
    with pytest.raises(InputError, match=r"secrets.toml: 1 problem(.|\n)*cannot be read as TOML: .*line 1"):
        Settings()


def test_the_command_line_uses_the_database_the_secrets_file_names(project, monkeypatch, capsys):
    from assessment.cli import main

    database = project / "from-secrets.db"
    (project / ".streamlit" / "secrets.toml").write_text(f'PLACEREADY_DATABASE_URL = "sqlite:///{database}"\n')
    get_settings.cache_clear()
    assert main(["organisation", "Secrets Ltd", "--owner", "sam@example.com"]) == 0
    assert database.exists()
    assert main(["organisation", "Secrets Ltd", "--owner", "sam@example.com"]) == 2  # the same database again
    assert "'Secrets Ltd' already exists" in capsys.readouterr().err
