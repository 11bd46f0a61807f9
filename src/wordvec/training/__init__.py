"""Training, evaluation and persistence of text classifiers."""

from wordvec.training.classifier import TextClassifier

__all__ = ["TextClassifier"]
