"""Build tooling for the book: the manifest, the notebook pipeline and the strict build.

Not part of ``utils``: readers never import this; ``make`` and the tests do.
"""
