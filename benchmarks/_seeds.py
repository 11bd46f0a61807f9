"""The seeds' own models, rebuilt with wordvec's Tokenizer, pad_sequences and heads + plain Keras.

- ``seed000-maxlen20`` (Chollet, *Deep Learning with Python*, listing 6.7): Tokenizer(num_words=
  10000) fitted on all 25,000 training reviews, ``pad_sequences(maxlen=20)`` (Keras' default
  ``pre`` padding and truncating: the last 20 words), Embedding(10000, 8) -> Flatten ->
  Dense(1, sigmoid); rmsprop, 10 epochs, batch 32, the last 20 % of the (shuffled) training
  reviews as validation (Keras' ``validation_split=0.2``).
- ``seed000-glove200`` (listings 6.8-6.14): Tokenizer(num_words=10000) fitted on all 25,000
  training reviews, maxlen 100, 200 training samples, 10,000 validation samples, frozen GloVe
  (glove-6b-50d here, dim 50; the book uses 100d) -> Flatten -> Dense(32, relu) -> Dense(1,
  sigmoid) (``build_model("flatten")``); rmsprop, 10 epochs, batch 32.
- ``seed002-conv`` (Keras blog, "Using pre-trained word embeddings", final version): Tokenizer(
  num_words=20000), maxlen 1000, frozen GloVe (50d here; the post uses 100d), the post's CNN
  (``build_model("cnn")``); rmsprop, batch 128, 10 epochs. The Tokenizer is fitted on the
  training split only (the post fits it on all texts before splitting off validation).

The weights after the last epoch are kept, as the seeds do. ``quick`` trains 1 epoch.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from _data import Task


class SeedRecipe:
    """A seed's Keras recipe on wordvec's preprocessing: ``fit(task)``, ``predict(texts)``.

    Example:
        >>> system = SeedRecipe.seed002_conv()
        >>> system.maxlen, system.num_words, system.batch_size
        (1000, 20000, 128)
    """

    def __init__(self, name: str, *, num_words: int, maxlen: int, batch_size: int,
                 epochs: int = 10, glove: bool, pool: bool, note: str) -> None:
        self.name, self.num_words, self.maxlen = name, num_words, maxlen
        self.batch_size, self.epochs, self.glove, self.pool = batch_size, epochs, glove, pool
        self.note = note

    @classmethod
    def seed000_maxlen20(cls) -> SeedRecipe:
        """Seed 000's Embedding(10000, 8) -> Flatten -> Dense(1) on 20 words."""
        return cls("seed000-maxlen20", num_words=10000, maxlen=20, batch_size=32, glove=False,
                   pool=True, note="Embedding(10000, 8), Flatten, Dense(1); rmsprop, 10 epochs")

    @classmethod
    def seed000_glove200(cls) -> SeedRecipe:
        """Seed 000's frozen GloVe Flatten model trained on 200 reviews."""
        return cls("seed000-glove200", num_words=10000, maxlen=100, batch_size=32, glove=True,
                   pool=True, note="frozen glove-6b-50d, Flatten, Dense(32); rmsprop, 10 epochs")

    @classmethod
    def seed002_conv(cls) -> SeedRecipe:
        """Seed 002's Conv1D network over frozen GloVe on 20 Newsgroups."""
        return cls("seed002-conv", num_words=20000, maxlen=1000, batch_size=128, glove=True,
                   pool=False, note="frozen glove-6b-50d, 3x Conv1D(128, 5); rmsprop, 10 epochs")

    def prepare(self) -> None:
        from _wordvec import import_stack

        import_stack()

    def fit(self, task: Task, quick: bool = False) -> None:
        from wordvec._backend import import_keras
        from wordvec.models.heads import output_loss
        from wordvec.text import Tokenizer

        keras = import_keras()
        keras.utils.set_random_seed(0)
        self.classes = task.classes
        self.tokenizer = Tokenizer(num_words=self.num_words)
        self.tokenizer.fit_on_texts(task.pool if self.pool and task.pool else task.train[0])
        self.model = self._model(keras)
        self.model.compile(optimizer="rmsprop", loss=output_loss(len(self.classes)),
                           metrics=["accuracy"])
        validation = None
        if task.validation is not None:
            validation = (self._ids(task.validation[0]), self._targets(task.validation[1]))
        epochs = 1 if quick else self.epochs
        history = self.model.fit(
            self._ids(task.train[0]), self._targets(task.train[1]), validation_data=validation,
            epochs=epochs, batch_size=self.batch_size, verbose=0,
        )
        self.note = self.note.replace(f"{self.epochs} epochs", f"{epochs} epochs")
        if "val_accuracy" in history.history:
            val = history.history["val_accuracy"]
            self.note += f"; val acc last {val[-1]:.3f}, best {max(val):.3f}"

    def _model(self, keras: Any) -> Any:
        from wordvec.models.heads import build_model

        vocab = min(self.num_words, len(self.tokenizer.word_index) + 1)
        if not self.glove:  # seed 000's first model has no hidden layer: built here
            inputs = keras.Input(shape=(self.maxlen,), dtype="int32")
            x = keras.layers.Embedding(vocab, 8)(inputs)
            x = keras.layers.Flatten()(x)
            return keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(x))
        from wordvec.models.embedding import embedding_matrix
        from wordvec.vectors import load_vectors

        matrix, _ = embedding_matrix(self.tokenizer.word_index, load_vectors("glove-6b-50d"),
                                     num_words=vocab)
        head = "cnn" if self.maxlen >= 1000 else "flatten"
        return build_model(head, vocab, len(self.classes), self.maxlen, matrix=matrix,
                           trainable=False)

    def _ids(self, texts: list[str]) -> np.ndarray:
        from wordvec.text import pad_sequences

        return pad_sequences(self.tokenizer.texts_to_sequences(texts), maxlen=self.maxlen)

    def _targets(self, labels: list[str]) -> np.ndarray:
        index = {name: i for i, name in enumerate(self.classes)}
        return np.array([index[label] for label in labels], dtype="int32")

    def predict(self, texts: list[str]) -> list[str]:
        scores = np.asarray(self.model.predict(self._ids(texts), batch_size=256, verbose=0))
        binary = scores.shape[1] == 1
        ids = (scores[:, 0] > 0.5).astype(int) if binary else scores.argmax(axis=1)
        return [self.classes[i] for i in ids]

