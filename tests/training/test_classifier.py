"""TextClassifier: learns, predicts, evaluates with sklearn metrics, is reproducible."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, f1_score

from wordvec.errors import WordvecError
from wordvec.training import TextClassifier


def test_learns_a_separable_corpus(fitted, heldout):
    texts, labels = heldout
    assert fitted.classes_ == ["money", "sport", "tech"]
    assert accuracy_score(labels, fitted.predict(texts)) >= 0.9


def test_predict_proba_rows_are_distributions_in_class_order(fitted, heldout):
    probs = fitted.predict_proba(heldout[0])
    assert probs.shape == (len(heldout[0]), 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    assert fitted.predict(heldout[0]) == [fitted.classes_[i] for i in probs.argmax(axis=1)]


def test_evaluate_matches_sklearn(fitted, heldout):
    texts, labels = heldout
    predicted = fitted.predict(texts)
    metrics = fitted.evaluate(texts, labels)
    assert metrics["accuracy"] == pytest.approx(accuracy_score(labels, predicted))
    assert metrics["macro_f1"] == pytest.approx(f1_score(labels, predicted, average="macro"))
    matrix = np.array(metrics["confusion_matrix"])
    assert matrix.sum() == len(labels)
    assert matrix.trace() == round(metrics["accuracy"] * len(labels))
    assert sum(c["support"] for c in metrics["per_class"].values()) == len(labels)


def test_binary_problem_gives_two_probability_columns(corpus):
    texts, labels = corpus
    keep = [i for i, label in enumerate(labels) if label != "tech"]
    clf = TextClassifier(vectors=None, epochs=10, batch_size=16).fit(
        [texts[i] for i in keep], [labels[i] for i in keep]
    )
    probs = clf.predict_proba(["bank shares profit", "goal team coach"])
    assert probs.shape == (2, 2)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    assert clf.predict(["bank shares profit", "goal team coach"]) == ["money", "sport"]


def test_same_seed_gives_same_model_twice(corpus, heldout):
    runs = [
        TextClassifier(vectors=None, epochs=3, batch_size=16, seed=7).fit(*corpus)
        for _ in range(2)
    ]
    assert runs[0].history_ == runs[1].history_
    assert runs[0].metrics_["val"] == runs[1].metrics_["val"]
    np.testing.assert_array_equal(
        runs[0].predict_proba(heldout[0]), runs[1].predict_proba(heldout[0])
    )


def test_early_stopping_restores_the_best_weights(corpus):
    texts, labels = corpus
    val_texts, val_labels = texts[::4], labels[::4]
    clf = TextClassifier(vectors=None, epochs=60, batch_size=16, patience=2, learning_rate=0.05)
    clf.fit(texts, labels, validation_data=(val_texts, val_labels))
    val_losses = clf.history_["val_loss"]
    assert len(val_losses) < 60, "training should stop once validation loss stops improving"
    x_val = clf._vectorise(val_texts)
    loss = clf.model_.evaluate(x_val, clf._encode(val_labels), verbose=0)[0]
    assert loss == pytest.approx(min(val_losses), rel=1e-3)


def test_validation_split_is_stratified(corpus):
    clf = TextClassifier(vectors=None, epochs=1).fit(*corpus, validation_split=0.25)
    support = {c: s["support"] for c, s in clf.evaluate(*corpus)["per_class"].items()}
    assert support == {"money": 40, "sport": 40, "tech": 40}
    assert clf.metrics_["val"]["accuracy"] >= 0.0
    assert clf.metrics_["train_seconds"] > 0


@pytest.mark.parametrize(
    ("texts", "labels", "message"),
    [
        (["a", "b"], ["x", "x"], "at least 2 classes"),
        (["a", "b"], ["x"], "2 texts but 1 labels"),
        ([], [], "no texts"),
        ("a single string", ["x"], "not a single string"),
        ([1, 2], ["x", "y"], "texts must be strings"),
    ],
)
def test_bad_training_input_is_explained(texts, labels, message):
    with pytest.raises(WordvecError, match=message):
        TextClassifier(vectors=None, epochs=1).fit(texts, labels)


def test_unfitted_classifier_says_so():
    with pytest.raises(WordvecError, match="not fitted"):
        TextClassifier().predict(["hello"])


def test_unknown_evaluation_labels_are_named(fitted):
    with pytest.raises(WordvecError, match="'weather'"):
        fitted.evaluate(["rain"], ["weather"])
