"""The hosted deployment on this machine: nginx running the shipped deploy/nginx.conf, and a PostgreSQL of a
test's own that it can stop and start without disturbing anyone else's.

Each finds its program where Debian installs it; `nginx_program()` and `postgres_programs()` say None where
it is missing, so a test can skip (or, in CI, fail) with the reason.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import re
import shutil
import signal
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

from tests.conftest import ROOT, free_port

SHIPPED_NGINX_CONF = ROOT / "deploy" / "nginx.conf"
SHIPPED_TLS = "/etc/nginx/tls/placeready"  # the certificate's path in the shipped file, without .crt or .key
SHIPPED_STATIC_CACHE = "/var/cache/nginx/placeready_static"
SHIPPED_ACCESS_LOG = "access_log /var/log/nginx/placeready-access.log placeready_private;"


def shipped_app_processes() -> list[str]:
    """The app processes deploy/docker-compose.yml runs on its machine (app1, app2, …), as nginx.conf lists them."""
    import yaml

    services = yaml.safe_load((ROOT / "deploy" / "docker-compose.yml").read_text())["services"]
    return [name for name in services if re.fullmatch(r"app\d+", name)]


def nginx_program() -> Path | None:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return Path(found) if Path(found).is_file() else None


def postgres_programs() -> Path | None:
    """The folder of Debian's PostgreSQL server programs (initdb, pg_ctl), the newest installed."""
    folders = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return next((f for f in reversed(folders) if (f / "initdb").is_file() and (f / "pg_ctl").is_file()), None)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, and its key, as the .crt and .key nginx reads (`cryptography`
    comes with Authlib, which sign-in needs)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256()))
    crt, key_file = folder / "placeready.crt", folder / "placeready.key"
    crt.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return crt, key_file


class Nginx:
    """nginx in the foreground as our child, running deploy/nginx.conf with only its listening ports, the
    app servers' addresses and the certificate's folder changed, inside a minimal main configuration."""

    def __init__(self, folder: Path, app_ports: list[int]):
        self.folder = folder
        self.https_port, self.http_port = free_port(), free_port()
        self.url = f"https://127.0.0.1:{self.https_port}"
        for sub in ("logs", "tls"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        # nginx buffers large responses (Plotly's script) in files; started by root, its workers run as nobody,
        # who cannot reach pytest's private folders, so the buffers go to a folder of their own under /tmp
        self.buffers = Path(tempfile.mkdtemp(prefix="placeready-nginx-"))
        if os.geteuid() == 0:
            shutil.chown(self.buffers, user="nobody")
        self.certificate, _ = self_signed_certificate(folder / "tls")
        (folder / "site.conf").write_text(self.site(app_ports))
        (folder / "nginx.conf").write_text(f"""
worker_processes 2;
daemon off;
pid {folder}/logs/nginx.pid;
error_log {folder}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format placeready_trace
        '$msec\t$remote_addr\t$uri\t$status\t$upstream_addr\t$upstream_status\t$uid_got$uid_set';
    client_body_temp_path {self.buffers}/body; proxy_temp_path {self.buffers}/proxy;
    fastcgi_temp_path {self.buffers}/fastcgi; uwsgi_temp_path {self.buffers}/uwsgi;
    scgi_temp_path {self.buffers}/scgi;
    include {folder}/site.conf;
}}
""")
        self.process: subprocess.Popen[bytes] | None = None

    def site(self, app_ports: list[int]) -> str:
        text = SHIPPED_NGINX_CONF.read_text()
        text = text.replace("listen 443 ssl;", f"listen 127.0.0.1:{self.https_port} ssl;")
        text = text.replace("listen 80;", f"listen 127.0.0.1:{self.http_port};")
        text = text.replace(SHIPPED_TLS, str(self.folder / "tls" / "placeready"))
        assert SHIPPED_STATIC_CACHE in text, "the shipped cache of Streamlit's files moved"
        text = text.replace(SHIPPED_STATIC_CACHE, f"{self.buffers}/static")  # where nginx's workers may write
        # the shipped log, in the shipped format, and beside it the tests' trace of which server took each request
        assert text.count(SHIPPED_ACCESS_LOG) == 2, "the shipped access log changed"
        text = text.replace(SHIPPED_ACCESS_LOG, f"access_log {self.folder}/logs/access.log placeready_private; "
                                                f"access_log {self.folder}/logs/trace.log placeready_trace;")
        # the shipped file names the compose file's servers app1, app2, …: each becomes one of `app_ports`
        named = re.findall(r"server app(\d+):8501", text)
        assert sorted(set(named)) == [str(n + 1) for n in range(len(app_ports))], "the shipped servers changed"
        return re.sub(r"server app(\d+):8501", lambda m: f"server 127.0.0.1:{app_ports[int(m[1]) - 1]}", text)

    def tls(self) -> ssl.SSLContext:
        """A TLS client context that trusts this nginx's certificate (and no other)."""
        return ssl.create_default_context(cafile=str(self.certificate))

    def start(self) -> Nginx:
        program, conf = str(nginx_program()), str(self.folder / "nginx.conf")
        subprocess.run([program, "-t", "-q", "-c", conf, "-p", str(self.folder)], check=True)
        self.process = subprocess.Popen([program, "-c", conf, "-p", str(self.folder)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_port(self.https_port, self.process)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: its workers end too
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.buffers, ignore_errors=True)

    def error_log(self) -> str:
        return (self.folder / "logs" / "error.log").read_text()

    def logs(self) -> str:
        """Everything nginx wrote: the shipped access log and the error log (not the tests' own trace)."""
        return "\n".join((self.folder / "logs" / name).read_text() for name in ("access.log", "error.log"))

    def upstreams(self, path: str) -> list[str]:
        """For each request for `path`, in order, the app server nginx passed it to ("-": none, nginx answered)."""
        lines = (self.folder / "logs" / "trace.log").read_text().splitlines()
        return [fields[4] for fields in (line.split("\t") for line in lines) if fields[2] == path]

    def upgrades(self) -> list[tuple[int, str]]:
        """Each websocket nginx passed on: the app server's port that took it, and the browser's cookie."""
        lines = (self.folder / "logs" / "trace.log").read_text().splitlines()
        return [(int(fields[4].rsplit(":", 1)[1]), fields[6]) for fields in (line.split("\t") for line in lines)
                if fields[2] == "/_stcore/stream" and fields[3] == "101"]


class PrivatePostgres:
    """A PostgreSQL cluster in a temporary folder of its own, on a free loopback port, trusting local connections.

    PostgreSQL refuses to run as root, so under root (as in CI containers) it runs as Debian's `postgres` user,
    in a folder under /tmp that user can reach (pytest's own folders are private to root).
    """

    def __init__(self) -> None:
        self.programs = postgres_programs()
        self.folder = Path(tempfile.mkdtemp(prefix="placeready-postgres-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self._user = "postgres" if os.geteuid() == 0 else None
        if self._user:
            shutil.chown(self.folder, user=self._user)
        self._program("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                      "--no-instructions")

    def start(self) -> None:
        options = f"-c port={self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"
        self._program("pg_ctl", "start", "-w", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                      "-o", options)

    def new_database(self, name: str) -> str:
        """Create database `name`; its SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        """Stop at once, as a crashed or restarted database does: sessions are cut off, nothing is waited for."""
        self._program("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _program(self, name: str, *args: str) -> None:
        subprocess.run([str(self.programs / name), *args], check=True, capture_output=True, user=self._user,
                       cwd=self.folder)


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port} after {timeout} s")
