"""Pre-trained word vectors: read every common format fast, query and evaluate them.

Example:
    >>> from wordvec.vectors import load_vectors
    >>> v = load_vectors("glove-6b-50d")
    >>> v.analogy("man", "king", "woman", topn=1)[0][0]
    'queen'
"""

from wordvec.vectors.formats import write_vectors
from wordvec.vectors.load import load_vectors
from wordvec.vectors.vectors import LoadReport, UnknownWordError, Vectors

__all__ = ["LoadReport", "UnknownWordError", "Vectors", "load_vectors", "write_vectors"]
