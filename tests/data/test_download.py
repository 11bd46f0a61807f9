"""download(): a real HTTP server on 127.0.0.1 (Range, cut connections, errors), no internet."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wordvec.data.download import Resource, download, sha256_file
from wordvec.errors import DownloadError

PAYLOAD = os.urandom(300_000)
SHA = hashlib.sha256(PAYLOAD).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    """Serves ``server.payload`` at any path; obeys the switches on ``server``."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        srv = self.server
        srv.requests.append({"path": self.path, "range": self.headers.get("Range")})
        if srv.status:
            self.send_error(srv.status)
            return
        data, start = srv.payload, 0
        match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range") or "")
        if match and not srv.ignore_range:
            start = int(match.group(1))
            if start >= len(data):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(data)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        if not srv.hide_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if srv.cut_after is not None:
            body, srv.cut_after = body[: srv.cut_after], None
            self.wfile.write(body)
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.payload, srv.requests = PAYLOAD, []
    srv.status, srv.cut_after, srv.ignore_range, srv.hide_length = None, None, False, False
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}/files/blob.bin"
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def _resource(url: str, sha: str = SHA, size: int | None = len(PAYLOAD)) -> Resource:
    return Resource("blob", url, sha, size, "blob.bin", "test payload")


def _fetch(resource: Resource, cache: Path, **kwargs) -> Path:
    return download(resource, cache_dir=cache, progress=False, timeout=5, **kwargs)


def test_full_download_then_cache_hit_without_request(server, tmp_path):
    path = _fetch(_resource(server.url), tmp_path)
    assert path == tmp_path / "blob.bin"
    assert path.read_bytes() == PAYLOAD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blob.bin", "blob.bin.sha256"]
    assert server.requests == [{"path": "/files/blob.bin", "range": None}]
    assert _fetch(_resource(server.url), tmp_path) == path
    assert len(server.requests) == 1  # verified copy reused, server never asked


def test_default_cache_is_wordvec_home_downloads(server):
    path = download(_resource(server.url), progress=False, timeout=5)
    assert path == Path(os.environ["WORDVEC_HOME"]) / "downloads" / "blob.bin"
    assert sha256_file(path) == SHA


def test_progress_bar_goes_to_stderr(server, tmp_path, capsys):
    path = download(_resource(server.url), cache_dir=tmp_path, progress=True, timeout=5)
    out, err = capsys.readouterr()
    assert path.read_bytes() == PAYLOAD
    assert out == ""
    assert "blob.bin" in err


def test_resume_after_cut_connection(server, tmp_path):
    server.cut_after = 100_000
    with pytest.raises(DownloadError, match="cut after .*run it again to resume"):
        _fetch(_resource(server.url), tmp_path)
    part = tmp_path / "blob.bin.part"
    have = part.stat().st_size
    assert 0 < have <= 100_000 and part.read_bytes() == PAYLOAD[:have]
    assert not (tmp_path / "blob.bin").exists()

    path = _fetch(_resource(server.url), tmp_path)
    assert server.requests[1]["range"] == f"bytes={have}-"
    assert path.read_bytes() == PAYLOAD and sha256_file(path) == SHA
    assert not part.exists()


def test_cut_without_content_length_is_kept_when_size_is_known(server, tmp_path):
    server.cut_after, server.hide_length = 50_000, True
    with pytest.raises(DownloadError, match=f"cut after .* of {len(PAYLOAD)} bytes"):
        _fetch(_resource(server.url), tmp_path)
    assert 0 < (tmp_path / "blob.bin.part").stat().st_size <= 50_000
    assert _fetch(_resource(server.url), tmp_path).read_bytes() == PAYLOAD
    assert server.requests[1]["range"] is not None


def test_server_ignoring_range_restarts_from_zero(server, tmp_path):
    (tmp_path / "blob.bin.part").write_bytes(PAYLOAD[:5000])
    server.ignore_range = True
    path = _fetch(_resource(server.url), tmp_path)
    assert server.requests[0]["range"] == "bytes=5000-"
    assert path.read_bytes() == PAYLOAD  # a 200 answer was written from byte 0, not appended


def test_stale_part_from_other_file_is_redownloaded_once(server, tmp_path):
    (tmp_path / "blob.bin.part").write_bytes(b"x" * 7000)
    path = _fetch(_resource(server.url), tmp_path)
    assert [r["range"] for r in server.requests] == ["bytes=7000-", None]
    assert path.read_bytes() == PAYLOAD


def test_part_longer_than_file_gets_416_and_restarts(server, tmp_path):
    (tmp_path / "blob.bin.part").write_bytes(PAYLOAD + b"junk" * 100)
    path = _fetch(_resource(server.url, size=None), tmp_path)
    assert [r["range"] for r in server.requests] == [f"bytes={len(PAYLOAD) + 400}-", None]
    assert path.read_bytes() == PAYLOAD


def test_complete_part_is_verified_after_416(server, tmp_path):
    (tmp_path / "blob.bin.part").write_bytes(PAYLOAD)
    path = _fetch(_resource(server.url), tmp_path)
    assert len(server.requests) == 1
    assert path.read_bytes() == PAYLOAD


def test_wrong_checksum_rejects_and_removes_file(server, tmp_path):
    wrong = hashlib.sha256(b"something else").hexdigest()
    with pytest.raises(DownloadError) as info:
        _fetch(_resource(server.url, sha=wrong), tmp_path)
    message = str(info.value)
    assert wrong in message and SHA in message and "\n" not in message
    assert list(tmp_path.iterdir()) == []


def test_tampered_cached_file_is_rehashed_and_replaced(server, tmp_path):
    path = _fetch(_resource(server.url), tmp_path)
    with open(path, "r+b") as handle:  # same size, different bytes, newer mtime
        handle.write(b"\0" * 10)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert _fetch(_resource(server.url), tmp_path).read_bytes() == PAYLOAD
    assert len(server.requests) == 2


def test_marker_missing_rehashes_without_request(server, tmp_path):
    (tmp_path / "blob.bin").write_bytes(PAYLOAD)
    assert _fetch(_resource(server.url), tmp_path).read_bytes() == PAYLOAD
    assert server.requests == []
    assert (tmp_path / "blob.bin.sha256").read_text().split() == [SHA, "blob.bin"]


@pytest.mark.parametrize("status", [404, 500])
def test_server_error_names_url_and_status(server, tmp_path, status):
    server.status = status
    with pytest.raises(DownloadError) as info:
        _fetch(_resource(server.url), tmp_path)
    assert server.url in str(info.value) and f"HTTP {status}" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_no_network_says_where_to_download_by_hand(tmp_path):
    with socket.socket() as sock:  # a port that was free a moment ago: connection refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/aclImdb_v1.tar.gz"
    with pytest.raises(DownloadError) as info:
        _fetch(_resource(url), tmp_path, path_hint="--dataset PATH")
    message = str(info.value)
    assert url in message and "by hand" in message and message.endswith("--dataset PATH")
    assert "\n" not in message
    assert list(tmp_path.iterdir()) == []


def test_dns_failure_is_reported_as_no_network(tmp_path, monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # no query leaves the machine
    url = "https://downloads.example.org/blob.bin"
    with pytest.raises(DownloadError, match=r"cannot reach downloads\.example\.org .*by hand"):
        _fetch(_resource(url), tmp_path)


@pytest.mark.parametrize(
    ("field", "value"), [("sha256", "abc"), ("sha256", SHA.upper()), ("filename", "../x.bin")]
)
def test_resource_rejects_bad_fields(field, value):
    fields = {"sha256": SHA, "filename": "blob.bin"} | {field: value}
    with pytest.raises(DownloadError, match=field):
        Resource("blob", "http://127.0.0.1/x", fields["sha256"], None, fields["filename"])
