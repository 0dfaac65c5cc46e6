"""The theme's settings are read once per parse of Streamlit's configuration, and read again after one."""

from streamlit import config

from assessment.pages import theme_options


def test_theme_sections_are_read_once_and_again_after_the_configuration_is_parsed(monkeypatch):
    theme_options.read_once_per_configuration()
    theme_options.read_once_per_configuration()  # a second call wraps nothing twice
    kept = config.get_options_for_section.placeready_kept
    first = config.get_options_for_section("theme")
    assert first["primaryColor"] == config.get_option("theme.primaryColor")
    first["primaryColor"] = "#000000"  # what a caller does with its copy stays its own
    assert config.get_options_for_section("theme")["primaryColor"] == config.get_option("theme.primaryColor")
    assert "theme" in kept

    monkeypatch.setattr(config, "_config_options", None)  # as a config.toml changed on disk: parsed afresh
    config.get_config_options(force_reparse=True)
    assert "theme" not in kept


def test_other_sections_are_read_every_time():
    theme_options.read_once_per_configuration()
    config.get_options_for_section("server")
    assert "server" not in config.get_options_for_section.placeready_kept
    assert config.get_options_for_section("server")["maxUploadSize"] == config.get_option("server.maxUploadSize")
