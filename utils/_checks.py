"""Argument checks shared by the ``utils`` modules.

Each check raises ``TypeError`` or ``ValueError`` with a message that names the
argument, so bad input fails loudly instead of giving a silently wrong answer.
"""

from __future__ import annotations

import numbers
from typing import Any

import jax
import numpy as np


def positive_int(value: Any, name: str, *, minimum: int = 1) -> int:
    """Returns ``value`` as an ``int`` after checking that it is an integer >= ``minimum``.

    Raises:
        TypeError: if ``value`` is not an integer (``bool`` is rejected too).
        ValueError: if ``value`` is smaller than ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def real(value: Any, name: str, *, minimum: float | None = None) -> float:
    """Returns ``value`` as a finite ``float``, optionally checking ``value >= minimum``.

    Raises:
        TypeError: if ``value`` is not a real number.
        ValueError: if ``value`` is not finite or is below ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def prng_key(key: Any, name: str = "key") -> jax.Array:
    """Checks that ``key`` is a typed PRNG key made by ``jax.random.key``.

    Raw integers and legacy ``uint32`` keys from ``jax.random.PRNGKey`` are
    rejected: the course uses typed keys throughout.

    Raises:
        TypeError: if ``key`` is not a typed JAX PRNG key.
        ValueError: if ``key`` holds more than one key.
    """
    dtype = getattr(key, "dtype", None)
    if dtype is None or not jax.dtypes.issubdtype(dtype, jax.dtypes.prng_key):
        raise TypeError(
            f"{name} must be a typed PRNG key from jax.random.key(seed), got {type(key).__name__} {key!r}"
        )
    if key.shape != ():
        raise ValueError(f"{name} must be a single key (shape ()), got shape {key.shape}")
    return key


def array(value: Any, name: str) -> np.ndarray | jax.Array:
    """Checks that ``value`` is a NumPy or JAX array with at least one axis and one element.

    Raises:
        TypeError: if ``value`` is not a ``numpy.ndarray`` or ``jax.Array``.
        ValueError: if ``value`` is 0-dimensional or has no samples.
    """
    if not isinstance(value, (np.ndarray, jax.Array)):
        raise TypeError(
            f"{name} must be a NumPy or JAX array, got {type(value).__name__}; "
            f"convert it with jnp.asarray({name}) first"
        )
    if value.ndim == 0:
        raise ValueError(f"{name} must have at least one axis (samples first), got a scalar")
    if value.shape[0] == 0:
        raise ValueError(f"{name} is empty: it has 0 samples along its first axis")
    return value
