"""``benchmark``: the one way this book times code.

JAX dispatches work asynchronously and compiles on the first call, so a naive
``time.perf_counter()`` around a call measures either compilation or only the
dispatch. ``benchmark`` calls the function once first (compiling it, and
recording how long that took), then times repeated calls, waiting for every
result with ``jax.block_until_ready``.

Example:
    >>> import jax, jax.numpy as jnp
    >>> f = jax.jit(lambda x: jnp.sin(x) ** 2)
    >>> t = benchmark(f, jnp.ones(1000))
    >>> t.median > 0 and t.first_call > 0
    True
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jax

from utils import _checks


def format_seconds(seconds: float) -> str:
    """Formats a duration with a readable unit and 3 significant digits, e.g. ``'12.3 ms'``.

    Raises:
        TypeError: if ``seconds`` is not a real number.
        ValueError: if ``seconds`` is negative or not finite.
    """
    seconds = _checks.real(seconds, "seconds", minimum=0.0)
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


@dataclass(frozen=True)
class Timing:
    """The result of :func:`benchmark`. All durations are in seconds, per call.

    Attributes:
        times: the per-call time of each repeat (each repeat averages ``number`` calls).
        number: calls per repeat.
        first_call: the first call's time, which includes tracing and compilation.
    """

    times: tuple[float, ...]
    number: int
    first_call: float

    @property
    def median(self) -> float:
        """The median per-call time over the repeats: the number to report."""
        return statistics.median(self.times)

    @property
    def min(self) -> float:
        """The fastest repeat's per-call time."""
        return min(self.times)

    def __repr__(self) -> str:
        return (
            f"Timing(median={format_seconds(self.median)}, min={format_seconds(self.min)}, "
            f"first call={format_seconds(self.first_call)}, "
            f"{len(self.times)} repeats x {self.number} calls)"
        )


def _call_and_wait(fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    jax.block_until_ready(fn(*args, **kwargs))


def benchmark(
    fn: Callable[..., Any],
    *args: Any,
    repeat: int = 5,
    min_time: float = 0.02,
    max_number: int = 100_000,
    **kwargs: Any,
) -> Timing:
    """Times ``fn(*args, **kwargs)`` excluding compilation and waiting for its results.

    The first call compiles (for ``jit``-ed functions) and is timed separately as
    ``first_call``. Then the number of calls per repeat is doubled until one
    repeat takes at least ``min_time`` (so fast functions are not lost in timer
    noise), and ``repeat`` repeats are timed. Every call's output is passed to
    ``jax.block_until_ready``, so asynchronous dispatch cannot hide the work.

    Args:
        fn: the function to time.
        *args: positional arguments for ``fn``.
        repeat: how many repeats to time, at least 1.
        min_time: the shortest duration of one repeat in seconds, at least 0.
        max_number: the most calls in one repeat, at least 1.
        **kwargs: keyword arguments for ``fn``.

    Returns:
        A :class:`Timing`; compare two functions with the ratio of their ``median``.

    Raises:
        TypeError: if ``fn`` is not callable or an option has the wrong type.
        ValueError: if ``repeat < 1``, ``min_time < 0`` or ``max_number < 1``.

    Example:
        >>> slow = benchmark(lambda: sum(range(10_000)))
        >>> slow.number >= 1
        True
    """
    if not callable(fn):
        raise TypeError(f"fn must be callable, got {type(fn).__name__}")
    repeat = _checks.positive_int(repeat, "repeat")
    min_time = _checks.real(min_time, "min_time", minimum=0.0)
    max_number = _checks.positive_int(max_number, "max_number")

    start = time.perf_counter()
    _call_and_wait(fn, args, kwargs)
    first_call = time.perf_counter() - start

    def run(number: int) -> float:
        start = time.perf_counter()
        for _ in range(number):
            _call_and_wait(fn, args, kwargs)
        return time.perf_counter() - start

    number = 1
    elapsed = run(number)
    while elapsed < min_time and number < max_number:
        number = min(2 * number, max_number)
        elapsed = run(number)
    times = [elapsed / number] + [run(number) / number for _ in range(repeat - 1)]
    return Timing(times=tuple(times), number=number, first_call=first_call)


def compiled_memory(fn: Callable[..., Any] | jax.stages.Compiled, *args: Any, **kwargs: Any) -> int:
    """Bytes XLA allocates for the outputs and temporaries of ``jax.jit(fn)(*args)``.

    The compiled program is analysed, not run, so this is cheap even for calls
    that would be slow. Inputs are not counted: they exist before the call. Pass
    an already compiled program (``jax.jit(f).lower(x).compile()``) to measure it
    without compiling again.

    Args:
        fn: a function JAX can ``jit``, a jitted function, or a compiled program.
        *args: example arguments (their shapes and dtypes are what matter); none
            for a compiled program.
        **kwargs: example keyword arguments.

    Returns:
        ``output_size_in_bytes + temp_size_in_bytes`` of the compiled program.

    Raises:
        TypeError: if ``fn`` is not callable, or example arguments come with a
            compiled program.

    Example:
        >>> import jax.numpy as jnp
        >>> compiled_memory(lambda x: jnp.outer(x, x), jnp.ones(100))
        40000
        >>> compiled = jax.jit(lambda x: jnp.outer(x, x)).lower(jnp.ones(100)).compile()
        >>> compiled_memory(compiled)
        40000
    """
    if isinstance(fn, jax.stages.Compiled):
        if args or kwargs:
            raise TypeError("a compiled program is measured as it is: pass no example arguments")
        compiled = fn
    elif not callable(fn):
        raise TypeError(f"fn must be callable, got {type(fn).__name__}")
    else:
        jitted = fn if isinstance(fn, jax.stages.Wrapped) else jax.jit(fn)
        compiled = jitted.lower(*args, **kwargs).compile()
    stats = compiled.memory_analysis()
    return int(stats.output_size_in_bytes + stats.temp_size_in_bytes)
