"""Shared helpers for the course: data, plotting, timing and the environment report.

Every chapter imports from here instead of copying helpers, so a fix lands in
one place. Each submodule can be read in one sitting:

* :mod:`utils.data`: the course's simulated data sets and a re-iterable ``DataLoader``.
* :mod:`utils.plotting`: one house style and the figures the chapters need.
* :mod:`utils.timing`: ``benchmark``, the one way the book times code.
* :mod:`utils.env`: the environment report printed at the top of every chapter.
* :mod:`utils.scrapbook`: ``glue``, which puts a computed number into the prose
  (MyST-NB's ``glue``, in the scrapbook output format MyST-NB reads, without
  needing MyST-NB installed, so notebooks also run on Colab). ``from utils import
  glue`` gives the function.
"""

from utils import data, env, plotting, timing
from utils.scrapbook import glue

__all__ = ["data", "env", "glue", "plotting", "timing"]
