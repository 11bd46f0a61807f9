"""Training and inference of the bag heads (``nbsvm``, ``bag``) inside ``TextClassifier``.

Texts become word ids (the classifier's tokenizer), then hashed n-gram features
(``wordvec.text.ngrams.NgramFeatures``), then fixed-shape packed batches
(``wordvec.training.packing``) for the models of ``wordvec.models.bag``. With ``ensemble`` a
second bag model is trained on the same features and the saved model averages both models'
probabilities. Training batches hold ``batch_size`` texts; the saved model reads batches of
``PREDICT_TEXTS`` texts (weights do not depend on it), which predicts faster.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from wordvec.text.ngrams import NgramFeatures

if TYPE_CHECKING:
    from wordvec.training.classifier import TextClassifier

FEATURES_ARRAY = "ngram_features"
PREDICT_TEXTS = 512
MEMBER_KEYS = ("head", "embedding_dim", "dropout", "max_features", "epochs", "batch_size",
               "learning_rate")
"""The settings each bag model has of its own (and an ``ensemble`` dict may set)."""


def fit_bag(
    clf: TextClassifier, train: tuple[list[str], np.ndarray], val: tuple | None, *,
    epochs: int, batch_size: int, callbacks: Sequence[Any], keras: Any,
) -> dict[str, list[float]]:
    """Fit ``clf.features_`` and ``clf.model_``; returns the (first model's) Keras history.

    ``train`` and ``val`` hold raw texts and encoded labels.

    Example:
        >>> history = fit_bag(clf, (texts, y), None, epochs=2, batch_size=64,
        ...                   callbacks=[], keras=keras)  # doctest: +SKIP
    """
    from wordvec.training.packing import capacity_for

    clf.features_ = NgramFeatures(clf._vocab_size(), ngrams=clf.ngrams, buckets=clf.buckets,
                                  min_df=clf.min_df)
    bags = clf.features_.fit_transform(clf._sequences(train[0]))
    val_bags = None if val is None else clf.features_.transform(clf._sequences(val[0]))
    members = [{k: getattr(clf, k) for k in MEMBER_KEYS} | {"epochs": epochs,
                                                              "batch_size": batch_size}]
    if clf.ensemble:
        members.append({**members[0], **clf.ensemble})
    ratios = None
    if any(member["head"] == "nbsvm" for member in members):
        from wordvec.models.bag import nb_ratios

        ratios = nb_ratios(bags.values, bags.lengths, train[1], clf.features_.size,
                           len(clf.classes_))
    histories, weights = [], []
    for member in members:
        model, history = _fit_member(clf, member, ratios, (bags, train[1]),
                                     None if val is None else (val_bags, val[1]),
                                     callbacks, keras)
        histories.append(history)
        weights.append(model.get_weights())
    clf.packing_ = {"capacity": capacity_for(bags.lengths, PREDICT_TEXTS),
                    "max_texts": PREDICT_TEXTS}
    clf.model_ = _inference_model(clf, members, weights, ratios, keras)
    return histories[0]


def _fit_member(clf, member, ratios, train, val, callbacks, keras):
    """Build, compile and fit one bag model on packed batches of ``member["batch_size"]``."""
    from wordvec.models.heads import output_loss
    from wordvec.training.packing import PackedBatches, capacity_for

    num_classes = len(clf.classes_)
    model = _build(clf, member, ratios, member["batch_size"])
    model.compile(optimizer=keras.optimizers.Adam(member["learning_rate"]),
                  loss=output_loss(num_classes), weighted_metrics=["accuracy"])
    packing = {"capacity": capacity_for(train[0].lengths, member["batch_size"]),
               "max_texts": member["batch_size"]}
    data = PackedBatches(train[0], _targets(train[1], num_classes), **packing, shuffle=True,
                         seed=clf.seed, epochs=member["epochs"])
    validation = None
    if val is not None:
        validation = PackedBatches(val[0], _targets(val[1], num_classes), **packing)
    history = model.fit(data, validation_data=validation, epochs=member["epochs"],
                        callbacks=list(callbacks), verbose=clf.verbose)
    return model, history.history


def _build(clf, member, ratios, max_texts):
    from wordvec.models.bag import build_bag_model

    return build_bag_model(
        member["head"], clf.features_.size, len(clf.classes_), max_texts=max_texts,
        embedding_dim=member["embedding_dim"], dropout=member["dropout"],
        max_features=member["max_features"],
        ratios=ratios if member["head"] == "nbsvm" else None,
    )


def _inference_model(clf, members, weights, ratios, keras):
    """The trained models rebuilt for prediction batches; several are averaged."""
    models = []
    for member, member_weights in zip(members, weights, strict=True):
        model = _build(clf, member, ratios, PREDICT_TEXTS)
        model.set_weights(member_weights)
        models.append(model)
    if len(models) == 1:
        return models[0]
    inputs = [keras.Input(shape=(), dtype="int32", name=name)
              for name in ("feature_ids", "text_slots")]
    outputs = keras.layers.Average(name="ensemble")([model(inputs) for model in models])
    return keras.Model(inputs, outputs, name="wordvec_bag_ensemble")


def bag_scores(clf: TextClassifier, texts: Sequence[str]) -> np.ndarray:
    """The bag model's output rows for raw texts (one per text).

    Example:
        >>> bag_scores(clf, ["a fine film"]).shape  # doctest: +SKIP
        (1, 1)
    """
    from wordvec.training.packing import predict_packed

    bags, order = clf.features_.transform_by_length(clf._sequences(texts))
    return predict_packed(clf.model_, bags, **clf.packing_, texts=order)


def bag_state(clf: TextClassifier) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """What a bundle must keep besides the model: settings (JSON) and the kept feature ids.

    Example:
        >>> state, arrays = bag_state(clf)  # doctest: +SKIP
        >>> sorted(state), sorted(arrays)  # doctest: +SKIP
        (['features', 'packing'], ['ngram_features'])
    """
    state = {"features": clf.features_.get_config(), "packing": dict(clf.packing_)}
    return state, {FEATURES_ARRAY: clf.features_.kept.astype(np.int32)}  # raw ids < 2**31


def restore_bag_state(clf: TextClassifier, state: dict[str, Any],
                      arrays: dict[str, np.ndarray]) -> None:
    """Inverse of :func:`bag_state` (used by ``load_bundle``).

    Example:
        >>> restore_bag_state(clf, *bag_state(clf))  # doctest: +SKIP
    """
    clf.features_ = NgramFeatures(**state["features"], kept=arrays[FEATURES_ARRAY])
    clf.packing_ = {k: int(v) for k, v in state["packing"].items()}


def _targets(labels: np.ndarray, num_classes: int) -> np.ndarray:
    return labels.astype("float32") if num_classes == 2 else labels.astype("int32")

