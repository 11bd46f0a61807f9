"""Binary cache of parsed vectors under ``wordvec_home()/"vectors"``: vocabulary + ``.npy``.

Each entry is a directory named by a key derived from the source (resolved path, archive member,
size, modification time) and the load options, so it is invalidated when the source changes.
Entries are written with ``atomic_directory``: an entry is complete or absent.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from wordvec._io import atomic_directory, atomic_file
from wordvec._paths import wordvec_home

_VERSION = 1
VOCAB_TXT = "vocab.txt"
VOCAB_JSON = "vocab.json"
MATRIX = "vectors.npy"
META = "meta.json"


def cache_root() -> Path:
    """The folder holding all vector cache entries.

    Example:
        >>> cache_root().name
        'vectors'
    """
    return wordvec_home() / "vectors"


def cache_key(path: str | os.PathLike, *parts: object) -> str:
    """A key for ``path`` (resolved, size, mtime) plus any load options in ``parts``.

    Example:
        >>> cache_key(__file__, "float32", None).startswith("cache_py-")
        True
    """
    resolved = Path(path).resolve()
    stat = resolved.stat()
    text = json.dumps([_VERSION, str(resolved), stat.st_size, stat.st_mtime_ns, *map(str, parts)])
    stem = "".join(ch if ch.isalnum() else "_" for ch in resolved.name)[:40]
    return f"{stem}-{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def entry_dir(key: str) -> Path:
    """The directory of cache entry ``key``.

    Example:
        >>> entry_dir("abc").name
        'abc'
    """
    return cache_root() / key


def write_vocab(folder: Path, vocab: Sequence[str]) -> None:
    """Write a vocabulary into ``folder``: one word a line, or JSON when a word holds a newline.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp()); write_vocab(d, ["a", "b"]); read_vocab(d)
        ['a', 'b']
    """
    if any("\n" in word or "\r" in word for word in vocab):
        with atomic_file(folder / VOCAB_JSON, "w", encoding="utf-8") as handle:
            json.dump(list(vocab), handle, ensure_ascii=False)
        return
    with atomic_file(folder / VOCAB_TXT, "wb") as handle:
        handle.write("\n".join(vocab).encode("utf-8", "surrogatepass"))


def read_vocab(folder: Path) -> list[str] | None:
    """The vocabulary stored in ``folder`` or ``None`` when there is none.

    Example:
        >>> read_vocab(Path("/no/such/dir")) is None
        True
    """
    txt = folder / VOCAB_TXT
    if txt.is_file():
        text = txt.read_bytes().decode("utf-8", "surrogatepass")
        return text.split("\n") if text else []
    if (folder / VOCAB_JSON).is_file():
        return json.loads((folder / VOCAB_JSON).read_text(encoding="utf-8"))
    return None


def load_entry(key: str) -> tuple[list[str], np.ndarray, dict] | None:
    """``(vocab, memory-mapped matrix, meta)`` of a complete entry, or ``None``.

    Example:
        >>> load_entry("no-such-entry") is None
        True
    """
    folder = entry_dir(key)
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        vocab = read_vocab(folder)
        matrix = np.load(folder / MATRIX, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError):
        return None
    if vocab is None or len(vocab) != matrix.shape[0]:
        return None
    return vocab, matrix, meta


def write_entry(
    key: str, build: Callable[[Path], tuple[list[str], dict]],
) -> tuple[list[str], np.ndarray, dict] | None:
    """Create entry ``key`` atomically: ``build(matrix_path)`` writes the ``.npy`` and returns
    ``(vocab, meta)``; the result comes back with the matrix memory-mapped read-only.

    Returns ``None`` (without calling ``build``) when the cache folder is not writable; errors
    raised by ``build`` propagate and leave no entry behind.

    Example:
        >>> def build(path):
        ...     np.save(path, np.eye(2, dtype="float32"))
        ...     return ["a", "b"], {}
        >>> write_entry("doc-example", build)[1].shape  # doctest: +SKIP
        (2, 2)
    """
    folder = entry_dir(key)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder.parent, os.W_OK)
    except OSError:
        writable = False
    if not writable:
        return None
    with atomic_directory(folder) as tmp:
        vocab, meta = build(tmp / MATRIX)
        write_vocab(tmp, vocab)
        (tmp / META).write_text(json.dumps(meta), encoding="utf-8")
    matrix = np.load(folder / MATRIX, mmap_mode="r", allow_pickle=False)
    return vocab, matrix, meta
