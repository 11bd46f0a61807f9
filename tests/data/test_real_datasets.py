"""The real corpora: IMDB and 20 Newsgroups straight from the shared archives, and BBC."""

from __future__ import annotations

import tarfile
from collections import Counter

import numpy as np
import pytest

from wordvec.data import load_dataset
from wordvec.data.registry import bbc_folder


def test_imdb_official_split_and_unlabelled(imdb_loaded):
    ds, _ = imdb_loaded
    assert ds.classes == ("neg", "pos")
    assert ds.splits == ("train", "test")
    for name in ("train", "test"):
        assert Counter(ds.split(name).labels) == {"neg": 12_500, "pos": 12_500}
    assert len(ds.unlabelled) == 50_000
    assert ds.report.files_read == 100_000
    assert ds.report.ignored == ["aclImdb/README"]
    assert ds.report.layout == "IMDB aclImdb"


def test_imdb_loads_from_the_archive_in_under_ten_seconds(imdb_loaded):
    _, seconds = imdb_loaded
    assert seconds < 10, f"IMDB took {seconds:.1f} s"


def test_imdb_texts_match_the_standard_library_reader(imdb_loaded, imdb_archive):
    """The first 300 training reviews of each kind, read by tarfile, with <br /> -> space."""
    ds, _ = imdb_loaded
    train = ds.split("train")
    ours = {label: set() for label in ("pos", "neg")}
    for text, label in zip(train.texts, train.labels, strict=True):
        ours[label].add(text)
    unlabelled = set(ds.unlabelled)
    seen = Counter()
    with tarfile.open(imdb_archive, "r|gz") as archive:
        for info in archive:
            parts = info.name.split("/")
            if not info.isfile() or len(parts) != 4 or parts[1] != "train":
                continue
            raw = archive.extractfile(info).read().decode("utf-8", errors="replace")
            expected = raw.replace("<br />", " ")
            assert expected in (unlabelled if parts[2] == "unsup" else ours[parts[2]])
            seen[parts[2]] += 1
            seen["br"] += "<br />" in raw
            if min(seen[k] for k in ("pos", "neg", "unsup")) >= 300:
                break
    assert seen["br"] > 100  # the tags were there and are gone
    assert not any("<br />" in text for text in train.texts)


def _blog_20newsgroups(files: dict[str, dict[str, bytes]], seed: int):
    """The Keras blog's loop (pretrained_word_embeddings.py) over {group: {file name: bytes}}.

    The blog lists folders with os.listdir and opens files with encoding latin-1; here the
    listing comes from tarfile's view of the archive and decoding is done explicitly.
    """
    texts, labels = [], []
    for name in sorted(files):
        for fname in sorted(files[name]):
            if fname.isdigit():
                t = files[name][fname].decode("latin-1")
                i = t.find("\n\n")  # skip header
                if i > 0:
                    t = t[i:]
                texts.append(t)
                labels.append(name)
    np.random.seed(seed)
    indices = np.arange(len(texts))
    np.random.shuffle(indices)
    held = int(0.2 * len(texts))
    return [texts[i] for i in indices[-held:]], [labels[i] for i in indices[-held:]]


def test_20newsgroups_matches_the_keras_blog(newsgroups, newsgroups_by_tarfile):
    assert len(newsgroups.classes) == 20
    total = sum(len(newsgroups.split(name)) for name in newsgroups.splits)
    assert total == 19_997
    assert newsgroups.splits == ("train", "test")
    files: dict[str, dict[str, bytes]] = {}
    for kind, name, _, data in newsgroups_by_tarfile:
        if kind == "file":
            _, group, fname = name.split("/")
            files.setdefault(group, {})[fname] = data
    texts, labels = _blog_20newsgroups(files, seed=0)
    test = newsgroups.split("test")
    assert test.texts == texts
    assert test.labels == labels


def test_20newsgroups_quote_and_signature_stripping(newsgroups, newsgroups_archive):
    plain = newsgroups.split("train").texts + newsgroups.split("test").texts
    stripped = load_dataset(newsgroups_archive, remove_quotes=True, remove_signatures=True)
    texts = stripped.split("train").texts + stripped.split("test").texts
    assert len(texts) == 19_997
    assert sum(line.startswith(">") for t in plain for line in t.splitlines()) > 1000
    assert not any(line.startswith((">", "|")) for t in texts for line in t.splitlines())
    def signed(t):
        return any(line in ("--", "-- ") for line in t.splitlines())

    assert sum(map(signed, plain)) > 100
    assert not any(map(signed, texts))
    assert sum(map(len, texts)) < 0.9 * sum(map(len, plain))


def test_bbc_counts_classes_and_the_non_utf8_file(bbc):
    assert bbc.classes == ("business", "entertainment", "politics", "sports", "tech")
    assert (len(bbc.split("train")), len(bbc.split("test"))) == (1780, 445)
    assert bbc.report.files_read == 2225
    assert list(bbc.report.replaced) == ["sports/199.txt"]
    assert bbc.source == bbc.name == "bbc"


def test_bbc_texts_are_the_files(bbc):
    folder = bbc_folder()
    expected = Counter()
    for path in folder.glob("*/*.txt"):
        expected[(path.read_bytes().decode("utf-8", errors="replace"), path.parent.name)] += 1
    ours = Counter()
    for name in bbc.splits:
        split = bbc.split(name)
        ours.update(zip(split.texts, split.labels, strict=True))
    assert ours == expected


def test_bbc_hold_out_is_stratified(bbc):
    totals = Counter(bbc.split("train").labels) + Counter(bbc.split("test").labels)
    test = Counter(bbc.split("test").labels)
    for label, count in totals.items():
        assert abs(test[label] - 0.2 * count) <= 1


@pytest.mark.parametrize("seed, same", [(0, True), (1, False)])
def test_bbc_split_depends_only_on_the_seed(bbc, seed, same):
    again = load_dataset("bbc", seed=seed)
    assert (again.split("test").texts == bbc.split("test").texts) is same
