"""Shared test set-up: headless matplotlib and small helpers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """Closes every figure a test opened, so tests stay independent and memory flat."""
    yield
    plt.close("all")
