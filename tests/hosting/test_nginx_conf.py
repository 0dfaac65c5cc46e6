"""The shipped deploy/nginx.conf, read as text: its access log holds no secret — the path without the query string
(join and resume codes, screen links and private links' keys travel there), no Referer (which repeats a page's
address), no cookie — and every server block writes that log rather than nginx's default `combined`, which has all
three. (tests/browser/test_behind_nginx.py runs a session through the real nginx and reads what it wrote.)"""

from __future__ import annotations

import re

from tests.utils.deployment import SHIPPED_NGINX_CONF

CONF = SHIPPED_NGINX_CONF.read_text()
# the whole request line, the address with its query, any query parameter, the Referer, cookies, a request's body
NEVER_LOGGED = re.compile(r"\$(request|request_uri|args|query_string|arg_\w+|http_referer|http_cookie|cookie_\w+|"
                          r"request_body)\b")


def _formats() -> dict[str, str]:
    """Each log_format's name and its whole format (nginx joins the quoted parts)."""
    found = re.findall(r"log_format\s+(\w+)\s+((?:'[^']*'\s*)+);", CONF)
    return {name: "".join(re.findall(r"'([^']*)'", parts)) for name, parts in found}


def test_the_access_log_format_has_the_path_and_no_query_string_referer_or_cookie():
    formats = _formats()
    assert list(formats) == ["placeready_private"]
    logged = formats["placeready_private"]
    assert "$uri" in logged and "$status" in logged and "$upstream_status" in logged
    assert NEVER_LOGGED.findall(logged) == []
    assert NEVER_LOGGED.findall("$request $request_uri $http_referer $arg_key") == ["request", "request_uri",
                                                                                   "http_referer", "arg_key"]


def test_every_server_block_writes_that_log_and_no_other():
    servers = re.split(r"\n(?=server\s*\{)", CONF)[1:]
    assert len(servers) == 2  # the redirect from port 80, and the site
    for server in servers:
        logs = re.findall(r"^\s*access_log\s+(.+);", server, flags=re.MULTILINE)
        assert logs and all(line.split()[-1] == "placeready_private" for line in logs), logs
    assert not re.search(r"^access_log", CONF, flags=re.MULTILINE)  # none outside a server block


def test_refusals_by_the_rate_limits_are_not_written_to_the_error_log_with_their_request_line():
    assert re.search(r"^limit_req_log_level notice;", CONF, flags=re.MULTILINE)
