"""Shared test set-up: headless matplotlib and small helpers."""

import fcntl
import os

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    """Closes every figure a test opened, so tests stay independent and memory flat."""
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site, built with the strict build once per test run, shared by the xdist workers.

    The first worker to ask builds it under a lock in the run's shared temporary
    folder; the others wait and reuse it (the browser and build tests sit in
    different files, so ``--dist loadfile`` may put them on different workers).
    """
    from tools import build

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # popen-gwN's parent: common to all workers of this run
    output, done = shared / "site", shared / "site.built"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                assert build.main([str(output)]) == 0, "the strict build failed: see the output above"
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return output / "_build" / "html"
