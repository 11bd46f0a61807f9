"""plot_words: projections checked against numpy's SVD, neighbours, labels, files, errors."""

from __future__ import annotations

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.vectors import Vectors, load_vectors
from wordvec.vectors.plot import _figure, plot_words, project

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def glove():
    return load_vectors("glove-6b-50d", limit=20000)


@pytest.fixture(scope="module")
def clusters() -> Vectors:
    """Two tight, far apart clusters of 6 words each in 10 dimensions."""
    rng = np.random.default_rng(0)
    centres = np.zeros((2, 10), dtype=np.float32)
    centres[0, 0] = centres[1, 1] = 1.0
    rows = np.concatenate([centres[0] + 0.05 * rng.standard_normal((6, 10)),
                           centres[1] + 0.05 * rng.standard_normal((6, 10))])
    words = [f"a{i}" for i in range(6)] + [f"b{i}" for i in range(6)]
    return Vectors(words, rows.astype(np.float32), name="clusters")


def test_pca_equals_the_svd_of_the_centred_unit_vectors(glove) -> None:
    words = ["king", "queen", "man", "woman", "paris", "france", "rome", "italy"]
    units = np.stack([glove.unit(w) for w in words]).astype(np.float64)
    centred = units - units.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    expected = centred @ vt[:2].T
    got = project(units, "pca")
    for axis in range(2):  # an axis may come out with the opposite sign
        sign = np.sign(got[:, axis] @ expected[:, axis])
        np.testing.assert_allclose(got[:, axis] * sign, expected[:, axis], atol=1e-6)


def test_few_points_leave_missing_axes_at_zero() -> None:
    assert project(np.ones((1, 5))).tolist() == [[0.0, 0.0]]
    two = project(np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]))
    assert two[:, 1].tolist() == [0.0, 0.0] and abs(two[0, 0] - two[1, 0]) == pytest.approx(2**.5)


@pytest.mark.parametrize("method", ["pca", "tsne"])
def test_clusters_stay_apart(clusters, tmp_path, method) -> None:
    result = plot_words(clusters, clusters.vocab, tmp_path / "c.png", method=method)
    xy = np.array([[p.x, p.y] for p in result.points])
    distances = np.linalg.norm(xy[:, None] - xy[None], axis=-1)
    np.fill_diagonal(distances, np.inf)
    nearest = distances.argmin(axis=1)
    assert all((i < 6) == (j < 6) for i, j in enumerate(nearest))  # nearest dot: same cluster


def test_neighbours_in_a_second_colour(glove, tmp_path) -> None:
    out = tmp_path / "words.png"
    result = plot_words(glove, ["King", "queen", "qzxqzx", "king"], out, neighbors=4)
    words = [p for p in result.points if p.kind == "word"]
    near = [p for p in result.points if p.kind == "neighbor"]
    assert [p.word for p in words] == ["king", "queen"]  # lower-case fallback, no repeats
    assert result.missing == ["qzxqzx"]
    expected = []
    for word in ("king", "queen"):
        expected += [(w, word) for w, _ in glove.most_similar(word, topn=4)
                     if w not in {"king", "queen"} and w not in [e[0] for e in expected]]
    assert [(p.word, p.of) for p in near] == expected
    assert out.read_bytes().startswith(PNG_MAGIC)
    assert not [f for f in tmp_path.iterdir() if f.name != "words.png"]  # no temporary left
    axes = _figure(result, "t").axes[0]
    labels = {t.get_text(): t.get_color() for t in axes.texts}
    assert set(labels) == {p.word for p in result.points}
    assert labels["king"] != labels[near[0].word]  # two colours
    assert [c.get_label() for c in axes.collections] == ["words", "nearest neighbours"]


def test_other_formats_from_the_suffix(clusters, tmp_path) -> None:
    plot_words(clusters, ["a0", "b0"], tmp_path / "x.svg")
    assert b"<svg" in (tmp_path / "x.svg").read_bytes()[:500]
    plot_words(clusters, ["a0", "b0"], tmp_path / "x.pdf")
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("words", "kwargs", "fragment"), [
    (["zzz", "yyy"], {}, "none of the words is in the vectors 'clusters': 'zzz', 'yyy'"),
    (["a0"], {"method": "umap"}, "unknown projection method 'umap'"),
    (["a0"], {"neighbors": -1}, "neighbors must be zero or more, got -1"),
    (["a0"], {"out": "plot.txt"}, "cannot tell the image format of"),
])
def test_bad_input(clusters, tmp_path, words, kwargs, fragment) -> None:
    out = tmp_path / kwargs.pop("out", "p.png")
    with pytest.raises(VectorsError) as info:
        plot_words(clusters, words, out, **kwargs)
    assert fragment in str(info.value)
    assert not list(tmp_path.iterdir())  # nothing written
