"""Verified, resumable, cached downloads over plain HTTP(S) (standard library only).

A file is streamed to ``<file>.part`` (resumed with an HTTP ``Range`` request after a cut),
checked against its sha256 and only then renamed into place, so the cache never holds a
half-written or unverified file under its final name.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from wordvec._io import atomic_write_text
from wordvec._paths import wordvec_home
from wordvec.data._extract import safe_extract
from wordvec.errors import DownloadError

__all__ = ["Resource", "download", "safe_extract", "sha256_file"]

_CHUNK = 1 << 18
_USER_AGENT = "wordvec (+https://pypi.org/project/wordvec)"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Resource:
    """One downloadable file: where it lives, what it must hash to, what to call it locally.

    Example:
        >>> Resource("imdb", "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz",
        ...          "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe",
        ...          84125825, "aclImdb_v1.tar.gz").filename
        'aclImdb_v1.tar.gz'
    """

    name: str
    url: str
    sha256: str
    size: int | None
    filename: str
    description: str = ""

    def __post_init__(self) -> None:
        if not _SHA256.fullmatch(self.sha256):
            raise DownloadError(
                f"resource {self.name}: sha256 must be 64 lowercase hex digits, got {self.sha256!r}"
            )
        if self.filename in {"", ".", ".."} or Path(self.filename).name != self.filename:
            raise DownloadError(
                f"resource {self.name}: filename must be a plain file name, got {self.filename!r}"
            )


def download(
    resource: Resource,
    *,
    cache_dir: Path | None = None,
    progress: bool = True,
    timeout: float = 30.0,
    path_hint: str | None = None,
) -> Path:
    """Return ``resource`` as a verified local file, downloading it only when needed.

    The file lives in ``cache_dir`` (default ``$WORDVEC_HOME/downloads``). A verified copy is
    returned at once; otherwise the file is streamed to ``<file>.part`` (resuming an earlier
    partial download), its sha256 checked, and it is renamed into place. ``path_hint`` is how a
    user passes a hand-downloaded file instead (e.g. ``"--dataset PATH"``); it ends the message
    raised when the server cannot be reached. Every failure raises :class:`DownloadError`.

    Example:
        >>> path = download(resource, progress=False)  # doctest: +SKIP
        >>> path.name
        'aclImdb_v1.tar.gz'
    """
    directory = Path(cache_dir) if cache_dir is not None else wordvec_home() / "downloads"
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / resource.filename
    marker = directory / f"{resource.filename}.sha256"
    if _is_cached(resource, target, marker):
        return target
    part = directory / f"{resource.filename}.part"
    fetch = _Fetch(resource, part, timeout=timeout, progress=progress, path_hint=path_hint)
    digest, resumed = fetch.run()
    if digest != resource.sha256 and resumed:
        # The partial file came from another version of the file: start over once.
        part.unlink()
        digest, _ = fetch.run()
    if digest != resource.sha256:
        size = part.stat().st_size
        part.unlink()
        raise DownloadError(
            f"checksum mismatch for {resource.url}: expected sha256 {resource.sha256}, "
            f"got {digest} ({size} bytes); the file was removed"
        )
    os.replace(part, target)
    atomic_write_text(marker, f"{digest}  {resource.filename}\n")
    return target


def sha256_file(path: Path) -> str:
    """The hex sha256 of a file, read in chunks.

    Example:
        >>> sha256_file(Path("/dev/null"))
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    """
    return _hash_into(hashlib.sha256(), path).hexdigest()


def _hash_into(hasher, path: Path):
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            hasher.update(chunk)
    return hasher


def _is_cached(resource: Resource, target: Path, marker: Path) -> bool:
    """True when ``target`` is the verified file (marker newer than the file, or a re-hash)."""
    if not target.is_file():
        return False
    if resource.size is not None and target.stat().st_size != resource.size:
        return False
    with contextlib.suppress(OSError):
        recorded = marker.read_text(encoding="utf-8").split()[:1]
        if recorded == [resource.sha256] and marker.stat().st_mtime_ns >= target.stat().st_mtime_ns:
            return True
    if sha256_file(target) != resource.sha256:
        return False
    atomic_write_text(marker, f"{resource.sha256}  {resource.filename}\n")
    return True


class _Fetch:
    """Bring ``part`` up to the whole remote file; one HTTP exchange per :meth:`run`."""

    def __init__(
        self,
        resource: Resource,
        part: Path,
        *,
        timeout: float,
        progress: bool,
        path_hint: str | None,
    ) -> None:
        self.resource, self.part, self.timeout = resource, part, timeout
        self.progress, self.path_hint = progress, path_hint

    def run(self) -> tuple[str, bool]:
        """Download what is missing; return the part's sha256 and whether it was resumed."""
        offset = self.part.stat().st_size if self.part.is_file() else 0
        response = self._open(offset)
        if response.getcode() == 416:  # the part is complete, or longer than the file
            total = _range_total(response.headers.get("Content-Range"))
            response.close()
            if offset and total == offset:
                return sha256_file(self.part), True
            offset, response = 0, self._open(0)
        with contextlib.closing(response):
            start = _range_start(response.headers.get("Content-Range"))
            resumed = offset > 0 and response.getcode() == 206 and start == offset
            if response.getcode() == 206 and not resumed and start != 0:
                raise DownloadError(f"download failed: {self.resource.url} sent an unasked range")
            hasher = _hash_into(hashlib.sha256(), self.part) if resumed else hashlib.sha256()
            offset = offset if resumed else 0
            length = _int_or_none(response.headers.get("Content-Length"))
            total = offset + length if length is not None else self.resource.size
            with (
                open(self.part, "ab" if resumed else "wb") as handle,
                _progress_bar(self.resource.filename, total, offset, self.progress) as advance,
            ):
                received = self._copy(response, handle, hasher, advance, offset, total)
        if total is not None and offset + received < total:  # Content-Length, else known size
            raise self._cut(offset + received, total, "the connection closed early")
        return hasher.hexdigest(), resumed

    def _open(self, offset: int):
        headers = {"User-Agent": _USER_AGENT, "Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        request = urllib.request.Request(self.resource.url, headers=headers)
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            if exc.code == 416 and offset:
                return exc
            exc.close()
            raise DownloadError(
                f"download failed: {self.resource.url} answered HTTP {exc.code} {_line(exc.reason)}"
            ) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raise self._unreachable(getattr(exc, "reason", exc)) from None

    def _copy(
        self,
        response,
        handle,
        hasher,
        advance: Callable[[int], None],
        offset: int,
        total: int | None,
    ) -> int:
        received = 0
        try:
            while chunk := response.read(_CHUNK):
                handle.write(chunk)
                hasher.update(chunk)
                received += len(chunk)
                advance(len(chunk))
        except (OSError, http.client.HTTPException) as exc:
            handle.flush()
            raise self._cut(offset + received, total, _line(exc) or type(exc).__name__) from None
        return received

    def _cut(self, have: int, total: int | None, why: str) -> DownloadError:
        of = f" of {total}" if total is not None else ""
        return DownloadError(
            f"download of {self.resource.url} was cut after {have}{of} bytes ({why}); "
            f"run it again to resume from {self.part}"
        )

    def _unreachable(self, reason: object) -> DownloadError:
        host = urlsplit(self.resource.url).hostname or self.resource.url
        how = f": {self.path_hint}" if self.path_hint else " instead"
        return DownloadError(
            f"cannot reach {host} ({_line(reason)}); download {self.resource.url} by hand "
            f"and pass its path{how}"
        )


@contextlib.contextmanager
def _progress_bar(
    label: str, total: int | None, done: int, enabled: bool
) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``: a rich bar on stderr (bytes, speed, ETA), or a no-op."""
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=total, completed=done)
        yield lambda n: bar.advance(task, n)


def _range_start(content_range: str | None) -> int | None:
    """``bytes 100-199/200`` -> 100."""
    match = re.match(r"bytes\s+(\d+)-", content_range or "")
    return int(match.group(1)) if match else None


def _range_total(content_range: str | None) -> int | None:
    """``bytes */200`` or ``bytes 0-9/200`` -> 200."""
    match = re.search(r"/(\d+)\s*$", content_range or "")
    return int(match.group(1)) if match else None


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _line(value: object) -> str:
    return " ".join(str(value).split())
