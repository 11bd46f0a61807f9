"""Labelled text datasets: ``load_dataset(name | path) -> Dataset``.

Example:
    >>> from wordvec.data import load_dataset
    >>> ds = load_dataset("bbc", seed=0)
    >>> ds.splits, len(ds.classes)
    (('train', 'test'), 5)
"""

from wordvec.data._corpus import Split
from wordvec.data.datasets import Dataset, load_dataset
from wordvec.data.registry import REGISTRY
from wordvec.data.report import LoadReport
from wordvec.errors import DatasetError

__all__ = ["REGISTRY", "Dataset", "DatasetError", "LoadReport", "Split", "load_dataset"]
