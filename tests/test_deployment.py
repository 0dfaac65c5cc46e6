"""The deployment files a reader follows: the compose file, the load balancer and the image recipe."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"


def test_the_compose_file_runs_identical_app_servers_on_one_database():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]
    apps = [name for name in services if name.startswith("app")]
    assert len(apps) >= 2
    urls = {services[name]["environment"]["PLACEREADY_DATABASE_URL"] for name in apps}
    assert len(urls) == 1 and "@db:5432/" in urls.pop()
    assert all(services[name]["environment"]["PLACEREADY_SIGN_IN"] == "true" for name in apps)
    assert "pg_dump" in " ".join(services["backup"]["entrypoint"])


def test_the_load_balancer_is_sticky_and_passes_websockets_to_every_app_server():
    conf = (DEPLOY / "nginx.conf").read_text()
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    assert "ip_hash;" not in conf  # it put every phone behind one NAT on one server
    assert conf.count("hash $uid_got$uid_set consistent;") == 2 and "proxy_set_header Upgrade $http_upgrade;" in conf
    for name in (n for n in compose["services"] if n.startswith("app")):
        assert f"server {name}:8501 " in conf


def test_both_upstreams_list_exactly_the_app_processes_the_compose_file_runs():
    import re

    from tests.utils.deployment import shipped_app_processes

    conf = (DEPLOY / "nginx.conf").read_text()
    upstreams = re.findall(r"upstream (\w+) \{(.*?)\}", conf, flags=re.S)
    assert [name for name, _ in upstreams] == ["placeready", "placeready_sessions"]
    for _, block in upstreams:
        assert re.findall(r"server (\w+):8501", block) == shipped_app_processes()


def test_the_proxy_gets_the_certificate_where_the_load_balancer_reads_it():
    conf = (DEPLOY / "nginx.conf").read_text()
    proxy = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())["services"]["proxy"]
    assert "ssl_certificate     /etc/nginx/tls/placeready.crt;" in conf
    assert "./tls:/etc/nginx/tls:ro" in proxy["volumes"] and "443:443" in proxy["ports"]


def test_the_image_carries_what_the_package_reads_beside_it():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for folder in ("assessment", "principles", "seeds", ".streamlit/config.toml"):
        assert f"COPY {folder} " in dockerfile
    assert "pip install --no-cache-dir -e ." in dockerfile
