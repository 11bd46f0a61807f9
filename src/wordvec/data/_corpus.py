"""The plain values every reader returns: labelled splits, unlabelled texts and a report."""

from __future__ import annotations

from dataclasses import dataclass, field

from wordvec.data.report import LoadReport

UNSPLIT = ""  # key of the labelled texts when the source has no predefined split


@dataclass(frozen=True)
class Split:
    """One split of a dataset: parallel lists of texts and their class names.

    Example:
        >>> split = Split(["good film", "dull"], ["pos", "neg"])
        >>> len(split), split.labels[0]
        (2, 'pos')
    """

    texts: list[str]
    labels: list[str]

    def __len__(self) -> int:
        return len(self.texts)

    def take(self, indices) -> Split:
        """The texts and labels at ``indices``, in that order.

        Example:
            >>> Split(["a", "b", "c"], ["x", "y", "x"]).take([2, 0]).texts
            ['c', 'a']
        """
        return Split([self.texts[i] for i in indices], [self.labels[i] for i in indices])


@dataclass
class Corpus:
    """What a reader found, before held-out splits are made.

    ``splits`` maps a split name (``train``, ``test``, ``validation``) to its texts, or
    ``UNSPLIT`` to all labelled texts when the source has no split of its own. ``holdout``
    names how a missing test split is made: ``"stratified"`` (scikit-learn, the default) or
    ``"shuffle"`` (the Keras 20 Newsgroups blog: numpy shuffle, last share held out).
    """

    splits: dict[str, Split]
    report: LoadReport
    unlabelled: list[str] = field(default_factory=list)
    holdout: str = "stratified"
    kind: str = "labelled text"
