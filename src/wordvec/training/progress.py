"""A Keras callback that shows one rich progress bar per epoch, with loss and accuracy."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from wordvec._backend import import_keras

keras = import_keras()


class RichProgress(keras.callbacks.Callback):
    """Draw a progress bar per epoch on stderr; the finished bar keeps the epoch's metrics.

    Example:
        >>> clf.fit(texts, labels, callbacks=[RichProgress(epochs=30)])  # doctest: +SKIP
    """

    def __init__(self, epochs: int, console: Console | None = None) -> None:
        super().__init__()
        self.epochs = epochs
        self.progress = Progress(
            TextColumn("[bold]epoch {task.fields[epoch]:>3}/{task.fields[epochs]}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[scores]}"),
            console=console or Console(stderr=True),
        )
        self._task: Any = None

    def on_train_begin(self, logs: dict | None = None) -> None:
        self.progress.start()

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        steps = self.params.get("steps") or None
        self._task = self.progress.add_task(
            "train", total=steps, epoch=epoch + 1, epochs=self.epochs, scores=""
        )

    def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
        self.progress.update(self._task, completed=batch + 1, scores=_scores(logs))

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        self.progress.update(self._task, scores=_scores(logs))

    def on_train_end(self, logs: dict | None = None) -> None:
        self.progress.stop()


def _scores(logs: dict | None) -> str:
    names = ("loss", "accuracy", "val_loss", "val_accuracy")
    return "  ".join(f"{n} {float(logs[n]):.4f}" for n in names if logs and n in logs)
