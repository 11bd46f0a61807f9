"""Folder layouts in folders and archives: class folders, train/test, IMDB, 20 Newsgroups."""

from __future__ import annotations

from collections import Counter

import pytest

from wordvec.data import load_dataset

from .conftest import load_helper

BAD = load_helper("bad_sources")


def _pairs(ds, split="train"):
    part = ds.split(split)
    return sorted(zip(part.texts, part.labels, strict=True))


def test_class_folders_hold_out_a_stratified_test_split(corpus_folder, corpus):
    ds = load_dataset(corpus_folder, seed=0)
    assert ds.classes == ("money", "sport", "tech")
    assert ds.splits == ("train", "test")
    assert Counter(ds.split("test").labels) == {"money": 8, "sport": 8, "tech": 8}
    everything = sorted(_pairs(ds, "train") + _pairs(ds, "test"))
    assert everything == sorted(zip(*corpus, strict=True))
    assert ds.name == "topics" and ds.source == str(corpus_folder)


def test_test_size_none_keeps_everything_in_train(corpus_folder):
    ds = load_dataset(corpus_folder, test_size=None)
    assert ds.splits == ("train",) and len(ds.split("train")) == 120


@pytest.mark.parametrize("archive", ["tar.gz", "tar.bz2", "tar.xz", "tar", "zip"])
def test_archives_give_the_same_dataset_as_the_folder(archive, tmp_path, corpus_folder):
    files = {f"topics/{p.relative_to(corpus_folder)}": p.read_bytes()
             for p in corpus_folder.rglob("*.txt")}
    files["topics/README.md"] = "about this corpus"
    path = tmp_path / f"topics.{archive}"
    if archive == "zip":
        BAD.write_zip(path, files)
    else:
        BAD.write_tar(path, files, mode="w:" + archive.removeprefix("tar").lstrip("."))
    from_archive = load_dataset(path, seed=3)
    from_folder = load_dataset(corpus_folder, seed=3)
    for split in ("train", "test"):
        assert from_archive.split(split) == from_folder.split(split)
    assert from_archive.report.ignored == ["topics/README.md"]
    assert from_archive.name == "topics"


def test_train_and_test_folders_are_used_as_they_are(tmp_path):
    files = {f"data/{split}/{label}/{i}.txt": f"{split} {label} {i}"
             for split, n in (("train", 6), ("test", 3)) for label in ("a", "b")
             for i in range(n)}
    files["data/train/notes.txt"] = "not a class"
    ds = load_dataset(BAD.write_tree(tmp_path, files) / "data", test_size=0.5)
    assert ds.splits == ("train", "test")
    assert Counter(ds.split("test").labels) == {"a": 3, "b": 3}
    assert all(t.startswith("test ") for t in ds.split("test").texts)
    assert ds.report.ignored == ["train/notes.txt"]


def test_imdb_layout_cleans_breaks_and_keeps_unsup_apart(tmp_path):
    files = {
        "aclImdb/train/pos/0_9.txt": "Great.<br /><br />Loved it",
        "aclImdb/train/neg/1_2.txt": "Dull.<br />Slow",
        "aclImdb/train/unsup/2_0.txt": "Who<br />knows",
        "aclImdb/test/pos/3_8.txt": "Fine",
        "aclImdb/test/neg/4_1.txt": "Bad",
        "aclImdb/imdb.vocab": "the\nand\n",
    }
    ds = load_dataset(BAD.write_tar(tmp_path / "imdb.tar.gz", files))
    assert ds.report.layout == "IMDB aclImdb"
    assert _pairs(ds) == [("Dull. Slow", "neg"), ("Great.  Loved it", "pos")]
    assert ds.unlabelled == ["Who knows"]
    assert ds.report.ignored == ["aclImdb/imdb.vocab"]


POST = (b"From: someone@example.com\nSubject: Re: caf\xe9\n\n"
        b"> quoted line\n| also quoted\nMy answer, caf\xe9.\n-- \nSigned, Me\n")


def test_newsgroups_layout_latin1_header_and_options(tmp_path):
    files = {f"20_newsgroup/{group}/{n}": POST for group in ("rec.autos", "sci.space")
             for n in (101, 102, 103, 104, 105)}
    files["20_newsgroup/rec.autos/notes"] = b"not a post"
    root = BAD.write_tree(tmp_path, files) / "20_newsgroup"
    plain = load_dataset(root)
    assert plain.report.layout == "class folders"  # a non-numeric file name: not newsgroups
    del files["20_newsgroup/rec.autos/notes"]
    (root / "rec.autos" / "notes").unlink()
    ds = load_dataset(root)
    assert ds.report.layout == "20 Newsgroups"
    assert ds.split("train").texts[0] == (
        "\n\n> quoted line\n| also quoted\nMy answer, café.\n-- \nSigned, Me\n")
    assert len(ds.split("test")) == 2  # int(0.2 * 10), the blog's shuffle protocol
    clean = load_dataset(root, remove_quotes=True, remove_signatures=True)
    assert set(clean.split("train").texts) == {"\n\nMy answer, café.\n"}


def test_bydate_folders_are_train_and_test(tmp_path):
    files = {f"20news-bydate-{split}/{group}/{n}": POST
             for split in ("train", "test") for group in ("rec.autos", "sci.space")
             for n in range(3)}
    ds = load_dataset(BAD.write_tar(tmp_path / "20news-bydate.tar.gz", files))
    assert ds.report.layout == "20 Newsgroups"
    assert (len(ds.split("train")), len(ds.split("test"))) == (6, 6)


def test_data_files_in_an_archive_split_by_file_name(tmp_path):
    files = {"reviews/train.csv": "text,label\ngood,pos\nbad,neg\nnice,pos\nawful,neg\n",
             "reviews/test.csv": "text,label\nfine,pos\npoor,neg\n",
             "reviews/LICENSE": "free"}
    ds = load_dataset(BAD.write_zip(tmp_path / "reviews.zip", files))
    assert ds.splits == ("train", "test")
    assert _pairs(ds, "test") == [("fine", "pos"), ("poor", "neg")]
    assert ds.report.layout == "CSV files"
    assert ds.report.ignored == ["reviews/LICENSE"]
