"""``glue``: store a computed value in a cell's output so the prose can show it.

The same output MyST-NB's ``myst_nb.glue`` writes (a display message carrying
``scrapbook`` metadata), so ``{glue}`` roles in the book pick it up; but with
no dependency on MyST-NB, which Colab does not have.

Usage, in a notebook cell: ``glue("best_h", best_h)``; then in the markdown:
``the best step is {glue:text}`best_h:.1e```.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from IPython.core.formatters import format_display_data
from IPython.display import display

GLUE_PREFIX = "application/papermill.record/"
"""The mime-type prefix MyST-NB looks for (``myst_nb.ext.glue.GLUE_PREFIX``)."""


def _plain(variable: Any) -> Any:
    """NumPy and JAX scalars (and 0-d arrays) as Python numbers.

    NumPy 2 shows ``np.float64(0.5)`` where Python shows ``0.5``, and a 0-d JAX
    array shows ``Array(0.5, dtype=float32)``; ``{glue:text}`` with a format spec
    like ``:.2f`` can only format the plain form.
    """
    if isinstance(variable, np.generic) or (
        hasattr(variable, "shape") and hasattr(variable, "item") and variable.shape == ()
    ):
        return variable.item()
    return variable


def glue(name: str, variable: Any, display_value: bool = False) -> None:
    """Glues ``variable`` under ``name`` for ``{glue}`` roles and directives in the prose.

    Args:
        name: a key unique within the notebook.
        variable: any Python object; what is stored is its displayed form. NumPy
            and JAX scalars are stored as Python numbers, so format specs work.
        display_value: also show the value in the notebook (MyST-NB's ``display``).

    Raises:
        TypeError: if ``name`` is not a non-empty string.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")
    mimebundle, metadata = format_display_data(_plain(variable))
    mime_prefix = "" if display_value else GLUE_PREFIX
    metadata["scrapbook"] = dict(name=name, mime_prefix=mime_prefix)
    display({mime_prefix + k: v for k, v in mimebundle.items()}, raw=True, metadata=metadata)
