"""The bundle: a saved classifier as a directory of JSON, CSV, PNG and a ``.keras`` file.

Written to a temporary sibling and renamed into place; loaded without running any code from it
(Keras ``safe_mode=True``, no pickle).

Extra state hook: whatever ``clf.extra_state()`` returns (JSON values, numpy arrays) is kept
as ``config.json["state"]`` and one ``<name>.npy`` per array (listed in
``config.json["arrays"]``, read back with ``allow_pickle=False``) and handed to
``clf.restore_extra_state`` on load -- e.g. the kept n-gram features of the bag heads.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from wordvec._io import atomic_directory
from wordvec.errors import BundleError

if TYPE_CHECKING:
    from wordvec.training.classifier import TextClassifier

BUNDLE_FORMAT = 1
REQUIRED_FILES = ("model.keras", "tokenizer.json", "labels.json", "config.json")


def save_bundle(
    clf: TextClassifier, path: str | os.PathLike, *, dataset: str | None = None
) -> Path:
    """Write ``clf`` as a bundle directory at ``path`` (replacing it atomically).

    Example:
        >>> save_bundle(clf, "runs/bbc", dataset="bbc")  # doctest: +SKIP
        PosixPath('runs/bbc')
    """
    from wordvec.training.report import plot_learning_curves

    path = Path(path)
    state, arrays = clf.extra_state()
    with atomic_directory(path) as tmp:
        clf.model_.save(tmp / "model.keras")
        (tmp / "tokenizer.json").write_text(clf.tokenizer_.to_json(), encoding="utf-8")
        _write_json(tmp / "labels.json", list(clf.classes_))
        config = _config(clf, dataset)
        if state or arrays:
            config.update(state=state, arrays=sorted(arrays))
        for name, array in arrays.items():
            np.save(tmp / f"{name}.npy", np.asarray(array), allow_pickle=False)
        _write_json(tmp / "config.json", config)
        _write_json(tmp / "metrics.json", clf.metrics_)
        (tmp / "history.csv").write_text(_history_csv(clf.history_), encoding="utf-8")
        plot_learning_curves(clf.history_, tmp / "curves.png")
    return path


def load_bundle(path: str | os.PathLike) -> TextClassifier:
    """Read a bundle written by :func:`save_bundle` into a fitted ``TextClassifier``.

    Raises ``BundleError`` when the directory is missing, incomplete or was written by a newer
    bundle format.

    Example:
        >>> clf = load_bundle("runs/bbc")  # doctest: +SKIP
    """
    from wordvec._backend import import_keras
    from wordvec.text import tokenizer_from_json
    from wordvec.training.classifier import TextClassifier

    path = Path(path)
    config = read_config(path)
    params = dict(config["params"])
    clf = TextClassifier(**params)
    clf.classes_ = _read_json(path / "labels.json")
    clf.tokenizer_ = tokenizer_from_json((path / "tokenizer.json").read_text(encoding="utf-8"))
    keras = import_keras()
    import wordvec.models.layers  # noqa: F401  (registers wordvec's layers for deserialisation)

    try:
        clf.model_ = keras.saving.load_model(path / "model.keras", safe_mode=True, compile=False)
    except Exception as exc:  # Keras raises many types for a damaged archive
        raise BundleError(f"cannot load {path / 'model.keras'}: {exc}") from exc
    if "arrays" in config or "state" in config:
        arrays = {name: _read_array(path / f"{name}.npy") for name in config.get("arrays", [])}
        clf.restore_extra_state(config.get("state", {}), arrays)
    metrics_path = path / "metrics.json"
    clf.metrics_ = _read_json(metrics_path) if metrics_path.is_file() else {}
    return clf


def read_config(path: str | os.PathLike) -> dict[str, Any]:
    """The checked ``config.json`` of a bundle (how it was trained).

    Example:
        >>> read_config("runs/bbc")["params"]["head"]  # doctest: +SKIP
        'cnn'
    """
    path = Path(path)
    if not path.is_dir():
        raise BundleError(f"bundle directory not found: {path}")
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise BundleError(f"bundle {path} is incomplete: missing {', '.join(missing)}")
    config = _read_json(path / "config.json")
    version = config.get("bundle_format") if isinstance(config, dict) else None
    if not isinstance(version, int):
        raise BundleError(f"{path / 'config.json'} has no bundle_format: not a wordvec bundle")
    if version > BUNDLE_FORMAT:
        raise BundleError(
            f"bundle {path} was written by a newer wordvec ({config.get('wordvec_version')}, "
            f"bundle format {version}); this wordvec reads format {BUNDLE_FORMAT}: upgrade wordvec"
        )
    return config


def _config(clf: TextClassifier, dataset: str | None) -> dict[str, Any]:
    from wordvec import __version__
    from wordvec._backend import import_keras

    keras = import_keras()
    return {
        "bundle_format": BUNDLE_FORMAT,
        "wordvec_version": __version__,
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "dataset": dataset,
        "params": clf.get_params(),
        "padding": "post",
        "truncating": "post",
        "coverage": clf.coverage_.to_dict() if clf.coverage_ is not None else None,
    }


def _history_csv(history: dict[str, list[float]]) -> str:
    buffer = io.StringIO()
    keys = sorted(history)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["epoch", *keys])
    epochs = max((len(v) for v in history.values()), default=0)
    for epoch in range(epochs):
        writer.writerow([epoch + 1, *(history[k][epoch] for k in keys)])
    return buffer.getvalue()


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _read_array(path: Path) -> np.ndarray:
    if not path.stem.replace("_", "").isalnum():
        raise BundleError(f"bad array name in {path.parent / 'config.json'}: {path.stem!r}")
    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise BundleError(f"cannot read {path}: {exc}") from exc


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"cannot read {path}: {exc}") from exc
