"""Unit tests of utils.timing.benchmark: compile time excluded, results waited for."""

import time

import jax
import jax.numpy as jnp
import pytest

from utils.timing import Timing, benchmark, compiled_memory, format_seconds


class Pending:
    """A stand-in for an asynchronously computed array: the work happens when waited on."""

    def __init__(self, log, delay):
        self.log, self.delay = log, delay

    def block_until_ready(self):
        time.sleep(self.delay)
        self.log.append("waited")
        return self


def test_every_call_is_waited_for():
    log = []

    def fn():
        log.append("called")
        return Pending(log, 0.002)

    t = benchmark(fn, repeat=3, min_time=0.0)
    calls = log.count("called")
    assert calls == log.count("waited") == 1 + t.number * 3
    # the time is the waiting, which a timer without block_until_ready would miss
    assert t.median >= 0.002


def test_first_call_is_timed_separately():
    state = {"first": True}

    def fn():
        if state["first"]:  # a "compilation" on the first call only
            state["first"] = False
            time.sleep(0.05)
        return 1.0

    t = benchmark(fn, repeat=3, min_time=0.001)
    assert t.first_call >= 0.05
    assert t.median < 0.01


def test_jitted_function_compile_time_is_excluded():
    @jax.jit
    def f(x):
        for _ in range(30):  # unrolled: a compile noticeably slower than a call
            x = jnp.sin(x) + x
        return x

    t = benchmark(f, jnp.ones(10), repeat=3)
    assert t.first_call > t.median


def test_fast_functions_are_repeated_until_min_time():
    t = benchmark(lambda: None, repeat=2, min_time=0.005)
    assert t.number > 1
    assert t.median * t.number >= 0.005 * 0.5


def test_arguments_are_passed_through():
    seen = []
    benchmark(lambda a, b=0: seen.append((a, b)), 1, b=2, repeat=1, min_time=0.0)
    assert set(seen) == {(1, 2)}


def test_timing_summary_and_repr():
    t = Timing(times=(3e-3, 1e-3, 2e-3), number=4, first_call=0.5)
    assert t.median == 2e-3 and t.min == 1e-3
    assert repr(t) == "Timing(median=2 ms, min=1 ms, first call=500 ms, 3 repeats x 4 calls)"


@pytest.mark.parametrize(
    "seconds, text",
    [(2.5, "2.5 s"), (0.0123, "12.3 ms"), (4.56e-6, "4.56 µs"), (7e-9, "7 ns"), (0.0, "0 ns")],
)
def test_format_seconds(seconds, text):
    assert format_seconds(seconds) == text


@pytest.mark.parametrize(
    "kwargs, error, pattern",
    [
        (dict(repeat=0), ValueError, "^repeat must be >= 1"),
        (dict(repeat=1.5), TypeError, "^repeat must be an integer"),
        (dict(min_time=-1.0), ValueError, "^min_time must be >= 0"),
        (dict(max_number=0), ValueError, "^max_number must be >= 1"),
    ],
)
def test_bad_options_are_rejected(kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        benchmark(lambda: None, **kwargs)


def test_non_callable_is_rejected():
    with pytest.raises(TypeError, match=r"^fn must be callable"):
        benchmark(42)


def test_format_seconds_rejects_negative():
    with pytest.raises(ValueError, match=r"^seconds must be >= 0"):
        format_seconds(-1.0)


def test_compiled_memory_counts_outputs_and_grows_with_size():
    small = compiled_memory(lambda x: jnp.outer(x, x), jnp.ones(10))
    large = compiled_memory(lambda x: jnp.outer(x, x), jnp.ones(1000))
    assert small >= 10 * 10 * 4 and large >= 1000 * 1000 * 4
    assert large > 100 * small / 2


def test_compiled_memory_measures_a_compiled_program_or_a_jitted_function_alike():
    def outer(x):
        return jnp.outer(x, x)

    x = jnp.ones(64)
    compiled = jax.jit(outer).lower(x).compile()
    assert compiled_memory(compiled) == compiled_memory(jax.jit(outer), x) == compiled_memory(outer, x)
    with pytest.raises(TypeError, match="pass no example arguments"):
        compiled_memory(compiled, x)


def test_compiled_memory_rejects_non_callables():
    with pytest.raises(TypeError, match=r"^fn must be callable"):
        compiled_memory("f", jnp.ones(3))
