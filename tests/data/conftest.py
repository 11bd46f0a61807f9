"""Expensive real datasets, each loaded once per test session."""

from __future__ import annotations

import tarfile
import time

import pytest

from wordvec.data import load_dataset


@pytest.fixture(scope="session")
def imdb_loaded(imdb_archive):
    """``(dataset, seconds)``: IMDB read straight from the shared .tar.gz, and how long it took."""
    start = time.perf_counter()
    dataset = load_dataset(imdb_archive)
    return dataset, time.perf_counter() - start


@pytest.fixture(scope="session")
def newsgroups(newsgroups_archive):
    """20 Newsgroups from the shared .tar.gz, default options (Keras blog protocol, seed 0)."""
    return load_dataset(newsgroups_archive)


@pytest.fixture(scope="session")
def newsgroups_by_tarfile(newsgroups_archive):
    """``(kind, name, linkname, data)`` of every 20 Newsgroups member, read by tarfile."""
    return tarfile_members(newsgroups_archive)


def tarfile_members(path):
    """The standard library's view of a tar archive: ``(kind, name, linkname, data)``."""
    members = []
    with tarfile.open(path) as archive:
        for info in archive:
            kind = ("file" if info.isfile() else "dir" if info.isdir() else
                    "symlink" if info.issym() else "link" if info.islnk() else "other")
            data = archive.extractfile(info).read() if info.isfile() else b""
            members.append((kind, info.name, info.linkname, data))
    return members


@pytest.fixture(scope="session")
def bbc():
    return load_dataset("bbc")


def load_helper(name: str):
    """Import ``tests/data/<name>.py`` (pytest's importlib mode puts no test folder on sys.path)."""
    import importlib.util
    import sys
    from pathlib import Path

    key = f"wordvec_tests_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


@pytest.fixture(scope="session")
def bad():
    """The shared builders of bad sources (tests/data/bad_sources.py)."""
    return load_helper("bad_sources")
