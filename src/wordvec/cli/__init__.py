"""The ``wordvec`` command line: a thin shell over the public library."""
