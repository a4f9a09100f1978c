"""The environment report printed by the first cell of every chapter.

It names the versions that matter and where JAX will run, so a reader comparing
their output with the book's can see at once whether they run what the book was
tested with, and whether their GPU is in use.

Example (on a CPU the output reads ``JAX backend: cpu | devices: [CpuDevice(id=0)]``):
    >>> report()  # doctest: +ELLIPSIS
    Python 3... | jax ... | jaxlib ... | flax ... | optax ...
    JAX backend: ... | devices: [...]
"""

from __future__ import annotations

import importlib.metadata
import platform

import jax

PACKAGES = ("jax", "jaxlib", "flax", "optax")
"""The distributions whose versions the report prints."""


def versions() -> dict[str, str]:
    """Returns ``{"Python": ..., "jax": ..., ...}``; a missing package maps to ``"not installed"``."""
    found = {"Python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def report() -> None:
    """Prints the package versions, JAX's default backend and its devices."""
    print(" | ".join(f"{name} {version}" for name, version in versions().items()))
    print(f"JAX backend: {jax.default_backend()} | devices: {jax.devices()}")
