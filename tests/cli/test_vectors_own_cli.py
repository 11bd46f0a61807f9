"""`wordvec vectors train | export | plot` end to end, and reuse with `wordvec train --vectors`."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.text import Tokenizer
from wordvec.vectors import load_vectors
from wordvec.vectors.evaluate import benchmark_file, evaluate_pairs

TRAIN = ("--dim", "16", "--min-count", "1", "--epochs", "5", "--workers", "1")


@pytest.fixture(scope="module")
def w2v_file(corpus_folder, tmp_path_factory):
    """word2vec vectors trained by the CLI (binary) on the topics corpus."""
    from wordvec.cli.main import main

    out = tmp_path_factory.mktemp("w2v") / "topics.bin"
    main(["vectors", "train", str(corpus_folder), "--out", str(out), *TRAIN])
    return out


def test_train_writes_readable_vectors_and_scores_them(cli, corpus, corpus_folder, w2v_file,
                                                       tmp_path) -> None:
    loaded = load_vectors(w2v_file)
    assert loaded.report.format == "word2vec-binary" and loaded.dim == 16
    tok = Tokenizer()
    tok.fit_on_texts(corpus[0])
    assert set(loaded.vocab) == set(tok.word_index)  # the classifier's words
    result = cli("vectors", "train", corpus_folder, "--out", tmp_path / "t.txt", *TRAIN,
                 "--cbow", "--json")
    assert result.code == 0, result.err
    facts = json.loads(result.out)
    text = load_vectors(tmp_path / "t.txt")
    assert text.report.format == "word2vec"  # a header line: word2vec text by default
    assert (facts["words"], facts["dim"], facts["texts"]) == (len(text), 16, len(corpus[0]))
    assert facts["format"] == "word2vec" and set(facts["evaluation"]) == {
        "analogy", "wordsim353", "simlex999"}
    assert facts["evaluation"]["analogy"]["total"] == 0  # no analogy has all words known
    for name in ("wordsim353", "simlex999"):  # issue 4's scores of the written vectors
        got = facts["evaluation"][name]
        try:
            expected = evaluate_pairs(text, benchmark_file(f"{name}.tsv" if name == "wordsim353"
                                                           else f"{name}.txt")).to_dict()
        except VectorsError as exc:
            assert got == {"error": str(exc)}
        else:
            assert {k: got[k] for k in ("spearman", "pairs", "oov")} == {
                k: expected[k] for k in ("spearman", "pairs", "oov")}
    human = cli("vectors", "train", corpus_folder, "--out", tmp_path / "g.txt", *TRAIN,
                "--format", "glove")
    assert human.code == 0, human.err
    assert "wrote 45 words x 16 dims as glove" in human.out and "intrinsic evaluation" in human.out
    assert "skip-gram dim=16" in human.out
    assert load_vectors(tmp_path / "g.txt").report.format == "glove"


def test_trained_and_exported_vectors_feed_wordvec_train(cli, corpus_folder, w2v_file,
                                                         tmp_path) -> None:
    w2v = load_vectors(w2v_file)
    first = cli("train", "--dataset", corpus_folder, "--vectors", w2v_file, "--frozen",
                "--epochs", "2", "--out", tmp_path / "b1", "--json")
    assert first.code == 0, first.err
    exported = cli("vectors", "export", tmp_path / "b1", "--out", tmp_path / "task.vec")
    assert exported.code == 0, exported.err
    assert f"wrote {len(w2v)} words x 16 dims" in exported.out
    task = load_vectors(tmp_path / "task.vec")
    assert task.report.format == "fasttext"  # .vec: the name picks the format
    assert sorted(task.vocab) == sorted(w2v.vocab)
    for word in task.vocab:  # frozen: the embedding still holds the word2vec rows
        np.testing.assert_array_equal(task[word], w2v[word])
    second = cli("train", "--dataset", corpus_folder, "--vectors", tmp_path / "task.vec",
                 "--frozen", "--epochs", "2", "--out", tmp_path / "b2", "--json")
    assert second.code == 0, second.err
    again = json.loads(cli("vectors", "export", tmp_path / "b2", "--out", tmp_path / "again.bin",
                           "--json").out)
    assert again["format"] == "word2vec-binary" and again["words"] == len(task)
    assert json.loads((tmp_path / "b2" / "config.json").read_text())["coverage"]["words_found"] \
        == len(task)
    np.testing.assert_array_equal(
        load_vectors(tmp_path / "again.bin").matrix,
        np.stack([task[w] for w in load_vectors(tmp_path / "again.bin").vocab]))


def test_plot(cli, tmp_path) -> None:
    result = cli("vectors", "plot", "glove-6b-50d", "excellent", "awful", "qzxqzx",
                 "--out", tmp_path / "w.png", "--neighbors", "3")
    assert result.code == 0, result.err
    assert "drew 2 words and 6 neighbours (pca)" in result.out
    assert "not in the vectors: qzxqzx" in result.out
    assert (tmp_path / "w.png").read_bytes()[:4] == b"\x89PNG"
    data = json.loads(cli("vectors", "plot", "glove-6b-50d", "king", "queen", "man",
                          "--out", tmp_path / "t.svg", "--method", "tsne", "--json").out)
    assert data["method"] == "tsne" and [p["word"] for p in data["points"]] == [
        "king", "queen", "man"]


def test_bad_input_is_one_line_and_exit_2(cli, corpus_folder, fitted, tmp_path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text('text,label\n"!!!",pos\n"...",neg\n', encoding="utf-8")
    out = tmp_path / "v.bin"
    cli("vectors", "train", empty, "--out", out).assert_error("empty corpus: no words in 2 texts")
    cli("vectors", "train", corpus_folder, "--out", out, "--splits", "none",
        "--labelled-only").assert_error("empty corpus: no words in 0 texts")
    cli("vectors", "train", corpus_folder, "--out", out, "--min-count", "100000",
        "--workers", "1").assert_error("no word occurs at least min_count=100000 times")
    cli("vectors", "train", corpus_folder, "--out", out, "--splits", "dev").assert_error(
        "no split 'dev'")
    cli("vectors", "train", corpus_folder, "--out", out, "--format", "xml").assert_error(
        "unknown vectors format 'xml'")
    assert not out.exists()

    from wordvec._backend import import_keras

    keras = import_keras()
    fitted.save(tmp_path / "bundle")
    shutil.copytree(tmp_path / "bundle", tmp_path / "dense")
    (tmp_path / "dense" / "model.keras").unlink()
    keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(1)]).save(
        tmp_path / "dense" / "model.keras")
    cli("vectors", "export", tmp_path / "dense", "--out", out).assert_error(
        "dense", "the model has no Embedding layer")
    cli("vectors", "export", tmp_path / "nothing", "--out", out).assert_error(
        "bundle directory not found")
    cli("vectors", "plot", "glove-6b-50d", "qzxqzx", "zzqqyy", "--out",
        tmp_path / "p.png").assert_error("none of the words is in the vectors", "'qzxqzx'")
    cli("vectors", "plot", "glove-6b-50d", "king", "--out", tmp_path / "p.png", "--method",
        "umap").assert_error("unknown projection method 'umap'")
    assert not out.exists() and not (tmp_path / "p.png").exists()


def test_the_test_split_is_left_out_unless_asked_for(cli, corpus, tmp_path) -> None:
    root = tmp_path / "split"
    labels = sorted(set(corpus[1]))
    train = list(zip(corpus[0], corpus[1], strict=True))[:: len(corpus[0]) // 40][:40]
    test = [("zebra quokka", labels[i % len(labels)]) for i in range(4)]
    for split, pairs in (("train", train), ("test", test)):
        for i, (text, label) in enumerate(pairs):
            folder = root / split / label
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    default = cli("vectors", "train", root, "--out", tmp_path / "a.txt", *TRAIN, "--json")
    everything = cli("vectors", "train", root, "--out", tmp_path / "b.txt", *TRAIN,
                     "--splits", "all", "--json")
    assert default.code == 0 and everything.code == 0, default.err + everything.err
    assert json.loads(default.out)["texts"] == 40
    assert json.loads(everything.out)["texts"] == 44
    assert "quokka" not in load_vectors(tmp_path / "a.txt").vocab
    assert "quokka" in load_vectors(tmp_path / "b.txt").vocab
