"""export_embeddings: a saved classifier's Embedding rows keyed by its tokenizer's words."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from wordvec.errors import BundleError
from wordvec.training import TextClassifier
from wordvec.vectors import load_vectors
from wordvec.vectors.export import export_embeddings
from wordvec.vectors.formats import write_vectors


@pytest.fixture(scope="module")
def bundle(fitted, tmp_path_factory):
    """The session's classifier (embeddings learned from scratch), saved."""
    path = tmp_path_factory.mktemp("export") / "topics"
    fitted.save(path)
    return path


def test_rows_equal_the_trained_embedding_weights(fitted, bundle) -> None:
    weights = fitted.model_.get_layer("embedding").get_weights()[0]
    exported = export_embeddings(bundle)
    word_index = fitted.tokenizer_.word_index
    assert len(exported) == weights.shape[0] - 1 == len(word_index)  # padding row left out
    assert exported.dim == weights.shape[1]
    for word in exported.vocab:
        np.testing.assert_array_equal(exported[word], weights[word_index[word]])
    assert exported.vocab == [fitted.tokenizer_.index_word[i] for i in range(1, len(weights))]
    assert exported.name == "topics-embedding" and exported.report.format == "keras-embedding"


def test_only_rows_the_matrix_has(corpus, tmp_path) -> None:
    clf = TextClassifier(vectors=None, num_words=12, epochs=1, seed=0).fit(*corpus)
    clf.save(tmp_path / "small")
    weights = clf.model_.get_layer("embedding").get_weights()[0]
    exported = export_embeddings(tmp_path / "small")
    assert weights.shape[0] == 12 and len(exported) == 11
    assert len(clf.tokenizer_.word_index) > 12  # words beyond num_words have no row
    for i, word in enumerate(exported.vocab, start=1):
        assert clf.tokenizer_.word_index[word] == i
        np.testing.assert_array_equal(exported[word], weights[i])


def test_exported_vectors_train_another_classifier(bundle, corpus, heldout, tmp_path) -> None:
    exported = export_embeddings(bundle)
    path = tmp_path / "task.vec"
    write_vectors(path, exported.vocab, exported.matrix)
    loaded = load_vectors(path)
    np.testing.assert_array_equal(loaded.matrix, exported.matrix)
    clf = TextClassifier(vectors=str(path), trainable=False, epochs=20, seed=0).fit(*corpus)
    assert clf.coverage_.word_share == 1.0
    weights = clf.model_.get_layer("embedding").get_weights()[0]
    for word, i in clf.tokenizer_.word_index.items():  # frozen: the exported rows, unchanged
        np.testing.assert_array_equal(weights[i], loaded[word])
    assert clf.evaluate(*heldout)["accuracy"] >= 0.9


def test_a_model_without_embedding_is_refused(bundle, tmp_path) -> None:
    from wordvec._backend import import_keras

    keras = import_keras()
    broken = tmp_path / "dense"
    shutil.copytree(bundle, broken)
    model = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(1)])
    (broken / "model.keras").unlink()
    model.save(broken / "model.keras")
    with pytest.raises(BundleError, match="the model has no Embedding layer, nothing to export"):
        export_embeddings(broken)


def test_a_bag_model_is_refused(corpus, tmp_path) -> None:
    clf = TextClassifier(head="bag", epochs=1, min_df=1, seed=0).fit(*corpus)
    clf.save(tmp_path / "bag")
    with pytest.raises(BundleError, match="'bag' head's Embedding rows are n-gram features"):
        export_embeddings(tmp_path / "bag")


def test_not_a_bundle(tmp_path) -> None:
    with pytest.raises(BundleError, match="bundle directory not found"):
        export_embeddings(tmp_path / "missing")
