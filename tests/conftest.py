"""Shared test set-up: headless matplotlib and small helpers."""

import os

import matplotlib

matplotlib.use("Agg")

from tools.notebooks import HASH_SEED  # noqa: E402

# nbval's kernels inherit this process's environment: string hashes (set and dict
# orders) are then the same in the committed run and in every test run, with or
# without make.
os.environ["PYTHONHASHSEED"] = HASH_SEED

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """Closes every figure a test opened, so tests stay independent and memory flat."""
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site, built once per test process with the strict build."""
    from tools import build

    output = tmp_path_factory.mktemp("site")
    assert build.main([str(output)]) == 0, "the strict build failed: see the output above"
    return output / "_build" / "html"
