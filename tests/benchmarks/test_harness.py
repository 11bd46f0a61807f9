"""The classification benchmark harness on a tiny synthetic aclImdb archive (a few seconds)."""

from __future__ import annotations

import io
import json
import random
import re
import sys
import tarfile
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import _anchors  # noqa: E402
import _data  # noqa: E402
import _report  # noqa: E402
import _systems  # noqa: E402
import run  # noqa: E402

_GOOD = "great superb lovely moving brilliant".split()
_BAD = "awful dull boring clumsy terrible".split()
_FILLER = "film plot actor scene story camera music ending".split()


def _review(rng: random.Random, label: str) -> str:
    words = [rng.choice(_FILLER) for _ in range(12)]
    cue = _GOOD if label == "pos" else _BAD
    other = _BAD if label == "pos" else _GOOD
    words += rng.sample(cue, 2) + rng.sample(other, 1)  # noisy: not every review is easy
    rng.shuffle(words)
    return " ".join(words) + "."


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    """A shared-data folder holding a small aclImdb.tar.gz (80 reviews per class and split)."""
    folder = tmp_path_factory.mktemp("shared")
    rng = random.Random(7)
    with tarfile.open(folder / "aclImdb.tar.gz", "w:gz") as tar:
        for split in ("train", "test"):
            for label in ("neg", "pos"):
                for i in range(80):
                    data = _review(rng, label).encode()
                    info = tarfile.TarInfo(f"aclImdb/{split}/{label}/{i}_{rng.randint(1, 10)}.txt")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
    return folder


def _read_split(archive: Path, split: str) -> tuple[list[str], list[str]]:
    """The reviews of one split straight from the archive, in sorted path order."""
    with tarfile.open(archive) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile()
                          and m.name.startswith(f"aclImdb/{split}/")), key=lambda m: m.name)
        texts = [tar.extractfile(m).read().decode() for m in members]
    return texts, [m.name.split("/")[2] for m in members]


def test_tfidf_row_matches_scikit_learn_run_directly(shared, tmp_path, monkeypatch):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score

    monkeypatch.setenv("WORDVEC_SHARED_DATA", str(shared))
    out, raw = tmp_path / "table.md", tmp_path / "rows.json"
    code = run.main(["--datasets", "imdb", "--systems", "tfidf-lr", "--quick",
                     "--out", str(out), "--json", str(raw)])
    assert code == 0
    (row,) = json.loads(raw.read_text())
    train, test = _read_split(shared / "aclImdb.tar.gz", "train"), _read_split(
        shared / "aclImdb.tar.gz", "test")
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(vectorizer.fit_transform(train[0]),
                                                         train[1])
    predicted = model.predict(vectorizer.transform(test[0]))
    assert row["accuracy"] == pytest.approx(accuracy_score(test[1], predicted))
    assert row["macro_f1"] == pytest.approx(f1_score(test[1], predicted, average="macro"))
    assert 0.5 < row["accuracy"] < 1.0  # the synthetic data is learnable but noisy
    assert row["sizes"] == "160/-/160" and row["peak_rss_mb"] > row["data_rss_mb"] * 0.99
    table = out.read_text()
    line = next(x for x in table.splitlines() if "| tfidf-lr |" in x)
    assert f"| {100 * row['accuracy']:.2f} |" in line
    assert "Command: `.venv/bin/python benchmarks/run.py --datasets imdb" in table


def test_seed000_task_holds_out_the_tail_of_the_shuffled_training_set(shared, monkeypatch):
    import numpy as np

    monkeypatch.setenv("WORDVEC_SHARED_DATA", str(shared))
    task = _data.load_task("imdb-maxlen20")
    texts, labels = _read_split(shared / "aclImdb.tar.gz", "train")
    order = np.random.RandomState(113).permutation(len(texts))  # keras.datasets.imdb's shuffle
    cut = len(texts) - int(0.2 * len(texts))
    assert task.train[0] == [texts[i] for i in order[:cut]]
    assert task.validation[0] == [texts[i] for i in order[cut:]]
    assert task.validation[1] == [labels[i] for i in order[cut:]]
    assert len(task.test[0]) == 160 and task.pool == task.train[0] + task.validation[0]


def test_seed000_200_sample_task_follows_load_dataset_protocol(shared, monkeypatch):
    from wordvec.data import load_dataset

    monkeypatch.setenv("WORDVEC_SHARED_DATA", str(shared))
    # the real task takes 200 + 10,000; the synthetic archive only has 160 reviews
    monkeypatch.setattr(_data, "SEED000_SAMPLES", (20, 100))
    ds = load_dataset(shared / "aclImdb.tar.gz", train_samples=20, validation_samples=100)
    task = _data.load_task("imdb-200")
    assert task.train == (ds.split("train").texts, ds.split("train").labels)
    assert task.validation == (ds.split("validation").texts, ds.split("validation").labels)
    assert task.test[0] == ds.split("test").texts and len(task.pool) == 160


def test_fasttext_line_follows_the_tutorial_normalisation():
    text = "It's GREAT!\nReally (truly) good, 10/10."
    # fastText's tutorial: sed -e "s/\([.\!?,'/()]\)/ \1 /g" | tr "[:upper:]" "[:lower:]"
    expected = re.sub(r"([.!?,'/()])", r" \1 ", text).lower()
    assert _anchors.fasttext_line(text) == " ".join(expected.split())
    assert "\n" not in _anchors.fasttext_line(text)


def test_plan_keeps_seed_settings_to_their_own_systems():
    jobs = _systems.plan(["seeds"], ["tfidf-lr", "seed000-maxlen20", "seed002-conv"])
    assert ("imdb-maxlen20", "tfidf-lr") not in jobs  # TF-IDF ignores the 20-word limit
    assert ("imdb-maxlen20", "seed000-maxlen20") in jobs and ("20ng", "seed002-conv") in jobs
    assert ("imdb-200", "tfidf-lr") in jobs
    default = _systems.plan(["imdb", "20ng", "seeds"])
    assert len(default) == len(set(default))  # 20ng's wordvec row is not run twice
    with pytest.raises(ValueError, match="unknown system 'nope'"):
        _systems.plan(["imdb"], ["nope"])


def test_failed_rows_are_reported_not_hidden():
    table = _report.table([{"task": "imdb", "system": "x", "error": "RuntimeError: boom"}])
    assert "| IMDB (25k/25k) | x | failed: RuntimeError: boom |" in table
