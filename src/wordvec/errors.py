"""User-facing errors: the CLI prints their message on one line and exits with code 2."""


class WordvecError(ValueError):
    """Bad input from the user (a path, a file, an option), explained in one line.

    Example:
        >>> raise WordvecError("dataset path does not exist: /no/such/dir")
        Traceback (most recent call last):
        wordvec.errors.WordvecError: dataset path does not exist: /no/such/dir
    """


class DatasetError(WordvecError):
    """A dataset source that cannot be read or has no usable layout."""


class VectorsError(WordvecError):
    """A word-vector name or file that cannot be loaded."""


class BundleError(WordvecError):
    """A saved classifier bundle that is incomplete or incompatible."""


class DownloadError(WordvecError):
    """A download that failed, was cut or did not match its checksum."""
