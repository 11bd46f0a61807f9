"""TextClassifier: raw texts in, labels out; tokenizer, embedding and Keras model in one object."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from wordvec.errors import WordvecError
from wordvec.training.report import classification_metrics, summary

_MAX_AUTO_MAXLEN = 1000
_OOV_POLICIES = ("zeros", "random", "mean")


class TextClassifier:
    """A scikit-learn style text classifier over word embeddings (Keras underneath).

    Hyper-parameters go to the constructor; ``fit(texts, labels)`` learns the tokenizer, the
    embedding matrix and the model; ``predict`` / ``predict_proba`` / ``evaluate`` take raw
    texts. ``vectors`` is a registry name, a path, a loaded ``Vectors`` or ``None`` (embeddings
    learned with the task). ``maxlen=None`` picks the 95th percentile of training lengths.

    Example:
        >>> clf = TextClassifier(head="average", vectors=None, epochs=5)
        >>> clf = clf.fit(["good film", "great film", "bad film", "awful film"] * 10,
        ...               ["pos", "pos", "neg", "neg"] * 10)
        >>> clf.classes_
        ['neg', 'pos']
    """

    def __init__(
        self,
        head: str = "average",
        vectors: Any = "glove-6b-50d",
        *,
        maxlen: int | None = None,
        num_words: int | None = 20000,
        trainable: bool = True,
        embedding_dim: int = 50,
        dropout: float = 0.0,
        epochs: int = 30,
        batch_size: int = 32,
        learning_rate: float = 1e-3,
        patience: int = 3,
        oov: str = "zeros",
        seed: int = 0,
        verbose: int = 0,
    ) -> None:
        self.head = head
        self.vectors = vectors
        self.maxlen = maxlen
        self.num_words = num_words
        self.trainable = trainable
        self.embedding_dim = embedding_dim
        self.dropout = dropout
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.patience = patience
        self.oov = oov
        self.seed = seed
        self.verbose = verbose
        self.metrics_: dict[str, Any] = {}
        self.history_: dict[str, list[float]] = {}
        self.coverage_: Any = None

    # -- configuration ---------------------------------------------------------------------
    def get_params(self) -> dict[str, Any]:
        """The constructor arguments, with ``vectors`` given by name (JSON-serialisable).

        Example:
            >>> TextClassifier(head="cnn", vectors=None).get_params()["head"]
            'cnn'
        """
        params = {name: getattr(self, name) for name in _PARAM_NAMES}
        params["vectors"] = _vectors_name(self.vectors)
        return params

    # -- training --------------------------------------------------------------------------
    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        *,
        validation_split: float = 0.1,
        validation_data: tuple[Sequence[str], Sequence[str]] | None = None,
        epochs: int | None = None,
        batch_size: int | None = None,
        seed: int | None = None,
        callbacks: Sequence[Any] = (),
    ) -> TextClassifier:
        """Learn tokenizer, embedding matrix and model from raw texts; returns ``self``.

        Validation comes from ``validation_data`` or a stratified, seeded ``validation_split``
        of the training texts; early stopping on validation loss restores the best weights.
        ``metrics_["train_seconds"]`` is the wall time of this call and ``metrics_["val"]``
        the validation accuracy and macro F1.

        Example:
            >>> clf = TextClassifier(vectors=None, epochs=2)
            >>> clf = clf.fit(["a b", "c d"] * 20, ["x", "y"] * 20)
            >>> sorted(clf.metrics_)
            ['train_seconds', 'val']
        """
        started = time.perf_counter()
        self._check_params()
        texts, labels = _check_texts_labels(texts, labels)
        vectors = self._load_vectors()
        epochs = self.epochs if epochs is None else epochs
        batch_size = self.batch_size if batch_size is None else batch_size
        if seed is not None:
            self.seed = seed
        keras = _seeded_keras(self.seed)
        self.classes_ = sorted(set(labels))
        if len(self.classes_) < 2:
            raise WordvecError(f"need at least 2 classes to train, got only {self.classes_[0]!r}")
        train, val = _validation(texts, labels, validation_split, validation_data, self.seed)

        self._fit_tokenizer(train[0])
        x_train = self._vectorise(train[0])
        y_train = self._encode(train[1])
        matrix = self._embedding_matrix(vectors)
        self.model_ = self._build(matrix)
        fit_callbacks = list(callbacks)
        validation = None
        if val is not None:
            validation = (self._vectorise(val[0]), self._encode(val[1]))
            fit_callbacks.insert(0, keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=self.patience, restore_best_weights=True))
        history = self.model_.fit(
            x_train, y_train, validation_data=validation, epochs=epochs, batch_size=batch_size,
            callbacks=fit_callbacks, verbose=self.verbose,
        )
        self.history_ = {k: [float(v) for v in vals] for k, vals in history.history.items()}
        self.metrics_ = {"train_seconds": round(time.perf_counter() - started, 3)}
        if val is not None:
            self.metrics_["val"] = summary(self.evaluate(*val))
        return self

    def _fit_tokenizer(self, texts: list[str]) -> None:
        from wordvec.text import Tokenizer

        self.tokenizer_ = Tokenizer(num_words=self.num_words)
        self.tokenizer_.fit_on_texts(texts)
        if self.maxlen is None:
            lengths = [len(s) for s in self.tokenizer_.texts_to_sequences(texts)]
            self.maxlen = _auto_maxlen(lengths, self.head)

    def _vectorise(self, texts: Sequence[str]) -> np.ndarray:
        from wordvec.text import pad_sequences

        sequences = self.tokenizer_.texts_to_sequences(texts)
        return pad_sequences(sequences, maxlen=self.maxlen, padding="post", truncating="post")

    def _encode(self, labels: Sequence[str]) -> np.ndarray:
        index = {label: i for i, label in enumerate(self.classes_)}
        unknown = sorted(set(labels) - set(index))
        if unknown:
            raise WordvecError(f"labels not seen in training: {', '.join(map(repr, unknown[:5]))}")
        return np.array([index[label] for label in labels], dtype="int32")

    def _vocab_size(self) -> int:
        size = len(self.tokenizer_.word_index) + 1
        return min(size, self.num_words) if self.num_words else size

    def _check_params(self) -> None:
        from wordvec.models.heads import HEADS

        if self.head not in HEADS:
            raise WordvecError(
                f"unknown model head {self.head!r}; choose one of {', '.join(HEADS)}"
            )
        if self.oov not in _OOV_POLICIES:
            raise WordvecError(f"unknown oov policy {self.oov!r}; choose one of "
                               f"{', '.join(_OOV_POLICIES)}")
        for name in ("epochs", "batch_size", "patience", "embedding_dim"):
            if getattr(self, name) < 1:
                raise WordvecError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.maxlen is not None and self.maxlen < 1:
            raise WordvecError(f"maxlen must be at least 1, got {self.maxlen}")

    def _load_vectors(self) -> Any:
        if isinstance(self.vectors, str | os.PathLike):
            from wordvec.vectors import load_vectors

            return load_vectors(self.vectors)
        return self.vectors

    def _embedding_matrix(self, vectors: Any) -> np.ndarray | None:
        self.coverage_ = None
        if vectors is None:
            return None
        from wordvec.models.embedding import embedding_matrix

        matrix, self.coverage_ = embedding_matrix(
            self.tokenizer_.word_index, vectors, num_words=self._vocab_size(),
            word_counts=self.tokenizer_.word_counts, oov=self.oov, seed=self.seed,
        )
        return matrix

    def _build(self, matrix: np.ndarray | None) -> Any:
        from wordvec._backend import import_keras
        from wordvec.models.heads import build_model, output_loss

        keras = import_keras()
        model = build_model(
            self.head, self._vocab_size(), len(self.classes_), self.maxlen, matrix=matrix,
            trainable=self.trainable or matrix is None, embedding_dim=self.embedding_dim,
            dropout=self.dropout,
        )
        model.compile(
            optimizer=keras.optimizers.Adam(self.learning_rate),
            loss=output_loss(len(self.classes_)),
            metrics=["accuracy"],
        )
        return model

    # -- inference -------------------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``classes_`` order.

        Example:
            >>> clf.predict_proba(["good film"]).shape  # doctest: +SKIP
            (1, 2)
        """
        self._check_fitted()
        texts = _check_texts(texts)
        if not texts:
            return np.zeros((0, len(self.classes_)), dtype="float32")
        scores = np.asarray(self.model_.predict(self._vectorise(texts), batch_size=256, verbose=0))
        if len(self.classes_) == 2:
            scores = np.concatenate([1.0 - scores, scores], axis=1)
        return scores.astype("float32")

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The most probable class name for each text.

        Example:
            >>> clf.predict(["a great film"])  # doctest: +SKIP
            ['pos']
        """
        probabilities = self.predict_proba(texts)
        return [self.classes_[i] for i in probabilities.argmax(axis=1)]

    def evaluate(self, texts: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
        """scikit-learn metrics on labelled texts (see ``classification_metrics``).

        Example:
            >>> clf.evaluate(["good", "bad"], ["pos", "neg"])["accuracy"]  # doctest: +SKIP
            1.0
        """
        texts, labels = _check_texts_labels(texts, labels)
        self._check_fitted()
        self._encode(labels)  # names labels the model has never seen
        return classification_metrics(labels, self.predict(texts), self.classes_)

    # -- persistence -----------------------------------------------------------------------
    def save(self, path: str | os.PathLike, *, dataset: str | None = None) -> None:
        """Write the bundle directory (model, tokenizer, labels, config, metrics, curves).

        Example:
            >>> clf.save("runs/bbc")  # doctest: +SKIP
        """
        from wordvec.training.bundle import save_bundle

        self._check_fitted()
        save_bundle(self, path, dataset=dataset)

    @classmethod
    def load(cls, path: str | os.PathLike) -> TextClassifier:
        """Load a bundle written by :meth:`save`; runs no code from it (Keras safe mode).

        Example:
            >>> clf = TextClassifier.load("runs/bbc")  # doctest: +SKIP
        """
        from wordvec.training.bundle import load_bundle

        return load_bundle(path)

    def _check_fitted(self) -> None:
        if not hasattr(self, "model_"):
            raise WordvecError("this TextClassifier is not fitted yet: call fit(texts, labels)")


_PARAM_NAMES = (
    "head", "vectors", "maxlen", "num_words", "trainable", "embedding_dim", "dropout", "epochs",
    "batch_size", "learning_rate", "patience", "oov", "seed",
)


def _vectors_name(vectors: Any) -> str | None:
    if vectors is None or isinstance(vectors, str):
        return vectors
    if isinstance(vectors, os.PathLike):
        return os.fspath(vectors)
    return getattr(vectors, "name", "custom")


def _seeded_keras(seed: int) -> Any:
    from wordvec._backend import import_keras

    keras = import_keras()
    keras.utils.set_random_seed(seed)
    return keras


def _auto_maxlen(lengths: Sequence[int], head: str) -> int:
    from wordvec.models.heads import _CNN_MIN_MAXLEN

    maxlen = int(np.ceil(np.percentile(lengths, 95) / 8.0) * 8) if lengths else 8
    maxlen = max(8, min(_MAX_AUTO_MAXLEN, maxlen))
    return max(maxlen, _CNN_MIN_MAXLEN) if head == "cnn" else maxlen


def _check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise WordvecError("texts must be a list of strings, not a single string")
    texts = list(texts)
    bad = next((t for t in texts if not isinstance(t, str)), None)
    if bad is not None:
        raise WordvecError(f"texts must be strings, got {type(bad).__name__}: {bad!r:.40}")
    return texts


def _check_texts_labels(texts: Sequence[str], labels: Sequence[str]) -> tuple[list, list]:
    texts = _check_texts(texts)
    labels = [str(label) for label in labels]
    if len(texts) != len(labels):
        raise WordvecError(f"got {len(texts)} texts but {len(labels)} labels")
    if not texts:
        raise WordvecError("no texts to train or evaluate on")
    return texts, labels


def _validation(texts, labels, validation_split, validation_data, seed):
    """Split off validation data: given, or a stratified seeded fraction of the training data."""
    if validation_data is not None:
        return (texts, labels), _check_texts_labels(*validation_data)
    if not validation_split:
        return (texts, labels), None
    if not 0.0 < validation_split < 1.0:
        raise WordvecError(f"validation_split must be between 0 and 1, got {validation_split}")
    from wordvec.data import Split
    from wordvec.data._splits import stratified

    train, val = stratified(Split(texts, labels), validation_split, seed, "validation")
    return (train.texts, train.labels), (val.texts, val.labels)
