"""TextClassifier: raw texts in, labels out; tokenizer, embedding and Keras model in one object."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from wordvec.errors import WordvecError
from wordvec.training import _checks
from wordvec.training.presets import DEFAULT, resolve_params
from wordvec.training.report import classification_metrics, summary


class TextClassifier:
    """A scikit-learn style text classifier over word embeddings or n-gram bags (Keras inside).

    Hyper-parameters go to the constructor; ``fit(texts, labels)`` learns the tokenizer, the
    features and the model; ``predict`` / ``predict_proba`` / ``evaluate`` take raw texts.
    ``preset`` (``"fast"``, ``"accurate"``: see ``wordvec.training.presets``) fills in every
    argument not given explicitly; the library defaults (``LIBRARY_DEFAULTS``) fill the rest.

    - Sequence heads (``flatten``, ``average``, ``cnn``, ``rnn``) read padded word ids:
      ``vectors`` is a registry name, a path, a ``Vectors`` or ``None`` (learned embeddings),
      ``maxlen=None`` picks the 95th percentile of training lengths, ``num_words`` caps the
      vocabulary, ``trainable`` fine-tunes the vectors, ``embedding_dim`` sizes learned
      embeddings, ``oov`` fills the rows of words the vectors lack.
    - Bag heads (``nbsvm``: naive-Bayes weighted logistic regression; ``bag``: fastText-style
      averaged embeddings) read each text's distinct words and hashed word n-grams up to
      ``ngrams`` words (``buckets`` hash rows; features in fewer than ``min_df`` training
      texts dropped; ``max_features`` caps what the model reads); ``ensemble`` is a dict of
      settings for a second bag model whose probabilities are averaged with this one's.
    - All: ``punctuation`` lists marks kept as tokens; ``dropout``, ``epochs``,
      ``batch_size``, ``learning_rate`` (Adam), ``patience`` (early stopping on validation
      loss), ``seed``, ``verbose``.

    Example:
        >>> clf = TextClassifier(head="average", vectors=None, epochs=5)
        >>> clf = clf.fit(["good film", "great film", "bad film", "awful film"] * 10,
        ...               ["pos", "pos", "neg", "neg"] * 10)
        >>> clf.classes_
        ['neg', 'pos']
        >>> TextClassifier(preset="fast").head
        'nbsvm'
    """

    def __init__(
        self,
        head: str = DEFAULT,
        vectors: Any = DEFAULT,
        *,
        preset: str | None = None,
        maxlen: int | None = DEFAULT,
        num_words: int | None = DEFAULT,
        trainable: bool = DEFAULT,
        embedding_dim: int = DEFAULT,
        dropout: float = DEFAULT,
        epochs: int = DEFAULT,
        batch_size: int = DEFAULT,
        learning_rate: float = DEFAULT,
        patience: int = DEFAULT,
        oov: str = DEFAULT,
        ngrams: int = DEFAULT,
        buckets: int = DEFAULT,
        min_df: int = DEFAULT,
        max_features: int | None = DEFAULT,
        punctuation: str = DEFAULT,
        ensemble: dict[str, Any] | None = DEFAULT,
        seed: int = DEFAULT,
        verbose: int = DEFAULT,
    ) -> None:
        given = {k: v for k, v in locals().items() if k not in ("self", "preset", "__class__")}
        self.preset = preset
        for name, value in resolve_params(preset, given).items():
            setattr(self, name, value)
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
        params["vectors"] = _checks.vectors_name(self.vectors)
        return params

    @property
    def is_bag(self) -> bool:
        """Whether the head reads n-gram bags (``nbsvm``, ``bag``) rather than padded ids."""
        from wordvec.models.bag import BAG_HEADS

        return self.head in BAG_HEADS

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
        """Learn tokenizer, features or embedding matrix, and model from raw texts; returns self.

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
        _checks.check_params(self.get_params())
        texts, labels = _checks.check_texts_labels(texts, labels)
        epochs = self.epochs if epochs is None else epochs
        batch_size = self.batch_size if batch_size is None else batch_size
        if seed is not None:
            self.seed = seed
        from wordvec._backend import import_keras

        keras = import_keras()
        keras.utils.set_random_seed(self.seed)
        self.classes_ = sorted(set(labels))
        if len(self.classes_) < 2:
            raise WordvecError(f"need at least 2 classes to train, got only {self.classes_[0]!r}")
        train, val = _checks.validation_split(texts, labels, validation_split, validation_data,
                                              self.seed)
        self._fit_tokenizer(train[0])
        early = []
        if val is not None:
            early = [keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=self.patience, restore_best_weights=True)]
        options = {"epochs": epochs, "batch_size": batch_size,
                   "callbacks": [*early, *callbacks], "keras": keras}
        encoded_val = None if val is None else (val[0], self._encode(val[1]))
        if self.is_bag:
            from wordvec.training.bag_training import fit_bag

            self.history_ = fit_bag(self, (train[0], self._encode(train[1])), encoded_val,
                                    **options)
        else:
            from wordvec.training.sequence_training import fit_sequence

            self.history_ = fit_sequence(self, (train[0], self._encode(train[1])), encoded_val,
                                         **options)
        self.history_ = {k: [float(v) for v in vals] for k, vals in self.history_.items()}
        self.metrics_ = {"train_seconds": round(time.perf_counter() - started, 3)}
        if val is not None:
            self.metrics_["val"] = summary(self.evaluate(*val))
        return self

    def _fit_tokenizer(self, texts: list[str]) -> None:
        from wordvec.text import Tokenizer
        from wordvec.text.punctuation import filters_keeping

        self.tokenizer_ = Tokenizer(num_words=self.num_words,
                                    filters=filters_keeping(self.punctuation))
        self.tokenizer_.fit_on_texts(self._prepare(texts))
        if self.maxlen is None and not self.is_bag:
            lengths = [len(s) for s in self._sequences(texts)]
            self.maxlen = _checks.auto_maxlen(lengths, self.head)

    def _prepare(self, texts: Sequence[str]) -> list[str]:
        from wordvec.text.punctuation import space_punctuation

        return space_punctuation(texts, self.punctuation)

    def _sequences(self, texts: Sequence[str]) -> list[list[int]]:
        return self.tokenizer_.texts_to_sequences(self._prepare(texts))

    def _vectorise(self, texts: Sequence[str]) -> np.ndarray:
        from wordvec.text import pad_sequences

        return pad_sequences(self._sequences(texts), maxlen=self.maxlen, padding="post",
                             truncating="post")

    def _encode(self, labels: Sequence[str]) -> np.ndarray:
        index = {label: i for i, label in enumerate(self.classes_)}
        unknown = sorted(set(labels) - set(index))
        if unknown:
            raise WordvecError(f"labels not seen in training: {', '.join(map(repr, unknown[:5]))}")
        return np.array([index[label] for label in labels], dtype="int32")

    def _vocab_size(self) -> int:
        size = len(self.tokenizer_.word_index) + 1
        return min(size, self.num_words) if self.num_words else size

    # -- inference -------------------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``classes_`` order.

        Example:
            >>> clf.predict_proba(["good film"]).shape  # doctest: +SKIP
            (1, 2)
        """
        self._check_fitted()
        texts = _checks.check_texts(texts)
        if not texts:
            return np.zeros((0, len(self.classes_)), dtype="float32")
        if self.is_bag:
            from wordvec.training.bag_training import bag_scores

            scores = bag_scores(self, texts)
        else:
            scores = np.asarray(self.model_.predict(self._vectorise(texts), batch_size=256,
                                                    verbose=0))
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
        texts, labels = _checks.check_texts_labels(texts, labels)
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

    def extra_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """What a bundle keeps besides model, tokenizer and labels: JSON values and arrays.

        Bag heads return their n-gram settings and kept feature ids; sequence heads nothing.
        ``load_bundle`` hands both back to :meth:`restore_extra_state`.

        Example:
            >>> TextClassifier(head="average").extra_state()
            ({}, {})
        """
        if not self.is_bag or not hasattr(self, "features_"):
            return {}, {}
        from wordvec.training.bag_training import bag_state

        return bag_state(self)

    def restore_extra_state(self, state: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        """Inverse of :meth:`extra_state`, called when a bundle is loaded.

        Example:
            >>> clf.restore_extra_state(*clf.extra_state())  # doctest: +SKIP
        """
        if self.is_bag:
            from wordvec.training.bag_training import restore_bag_state

            restore_bag_state(self, state, arrays)

    def _check_fitted(self) -> None:
        if not hasattr(self, "model_"):
            raise WordvecError("this TextClassifier is not fitted yet: call fit(texts, labels)")


_PARAM_NAMES = (
    "preset", "head", "vectors", "maxlen", "num_words", "trainable", "embedding_dim", "dropout",
    "epochs", "batch_size", "learning_rate", "patience", "oov", "ngrams", "buckets", "min_df",
    "max_features", "punctuation", "ensemble", "seed",
)
