"""One house style for every figure in the book, and the figures the chapters need.

The palette is Okabe and Ito's, which stays distinguishable under the common
colour-vision deficiencies; lines also cycle through dash styles, so curves
remain tell-apart in greyscale. Every plotting function requires axis labels
(say the units in them) and returns ``(fig, ax)`` for further touches.

Example:
    >>> import numpy as np
    >>> x = np.linspace(-3, 3, 50)
    >>> fig, ax = function_and_derivative(x, np.sin(x), np.cos(x), xlabel="x (radians)")
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler

PALETTE = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "bluish green": "#009E73",
    "orange": "#E69F00",
    "reddish purple": "#CC79A7",
    "sky blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
"""Okabe and Ito's colour-blind-safe palette, in the order lines use it."""

COLORS = list(PALETTE.values())
LINESTYLES = ["-", "--", "-.", ":", "-", "--", "-.", ":"]

STYLE: dict[str, Any] = {
    "axes.prop_cycle": cycler(color=COLORS) + cycler(linestyle=LINESTYLES),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.constrained_layout.use": True,
    "image.cmap": "viridis",
}
"""The rcParams of the house style."""


def set_style() -> None:
    """Applies the house style to every figure made from now on in this session."""
    mpl.rcParams.update(STYLE)


@contextmanager
def style() -> Iterator[None]:
    """Applies the house style inside a ``with`` block only."""
    with mpl.rc_context(STYLE):
        yield


def _label(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty: label every axis, with its units")
    return value


def _vector(value: Any, name: str) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(f"{name} must be a 1-D array of numbers") from err
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {arr.shape}")
    return arr


def _same_length(arr: np.ndarray, name: str, n: int, ref: str) -> np.ndarray:
    if arr.shape[0] != n:
        raise ValueError(f"{name} has {arr.shape[0]} values but {ref} has {n}")
    return arr


def _series(series: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(series, Mapping):
        raise TypeError(f"{name} must be a mapping from legend label to values")
    if not series:
        raise ValueError(f"{name} is empty: give at least one series")
    for label in series:
        _label(label, f"a label in {name}")
    return series


def _axes(ax: plt.Axes | None, figsize: tuple[float, float] | None = None):
    if ax is None:
        with style():
            fig, ax = plt.subplots(figsize=figsize)
        return fig, ax
    if not isinstance(ax, mpl.axes.Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    return ax.figure, ax


def _finish(ax: plt.Axes, xlabel: str, ylabel: str, legend: bool) -> None:
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if legend:
        ax.legend()


def function_and_derivative(
    x: Any,
    f: Any,
    df: Any,
    *,
    xlabel: str,
    ylabel: str = "value",
    labels: tuple[str, str] = ("$f(x)$", "$f'(x)$"),
    ax: plt.Axes | None = None,
):
    """Plots a function and its derivative on the same axes.

    Args:
        x: the points, 1-D.
        f: the function's values at ``x``.
        df: the derivative's values at ``x``.
        xlabel: the x-axis label, with units.
        ylabel: the y-axis label.
        labels: legend labels for ``f`` and ``df``.
        ax: axes to draw on; a new figure if ``None``.

    Returns:
        ``(fig, ax)``.

    Raises:
        TypeError, ValueError: for missing labels or arrays of different lengths.
    """
    x = _vector(x, "x")
    f = _same_length(_vector(f, "f"), "f", x.size, "x")
    df = _same_length(_vector(df, "df"), "df", x.size, "x")
    xlabel, ylabel = _label(xlabel, "xlabel"), _label(ylabel, "ylabel")
    if len(labels) != 2:
        raise ValueError(f"labels must be a pair (function, derivative), got {labels!r}")
    fig, ax = _axes(ax)
    with style():
        ax.plot(x, f, label=_label(labels[0], "labels[0]"), color=COLORS[0], linestyle="-")
        ax.plot(x, df, label=_label(labels[1], "labels[1]"), color=COLORS[1], linestyle="--")
        ax.axhline(0.0, color="0.6", linewidth=0.8, linestyle="-")
        _finish(ax, xlabel, ylabel, legend=True)
    return fig, ax


def data_and_fits(
    x: Any,
    y: Any,
    fits: Mapping[str, Any] | None = None,
    *,
    xlabel: str,
    ylabel: str,
    data_label: str = "data",
    ax: plt.Axes | None = None,
):
    """Plots data points and one or more fitted curves.

    Args:
        x: the inputs, 1-D.
        y: the observed outputs at ``x``.
        fits: legend label -> either the fitted values at ``x`` or a callable
            evaluated on a fine grid over the range of ``x``.
        xlabel: the x-axis label, with units.
        ylabel: the y-axis label, with units.
        data_label: the legend label of the points.
        ax: axes to draw on; a new figure if ``None``.

    Returns:
        ``(fig, ax)``.

    Raises:
        TypeError, ValueError: for missing labels or arrays of different lengths.
    """
    x = _vector(x, "x")
    y = _same_length(_vector(y, "y"), "y", x.size, "x")
    xlabel, ylabel = _label(xlabel, "xlabel"), _label(ylabel, "ylabel")
    fits = {} if fits is None else _series(fits, "fits")
    fig, ax = _axes(ax)
    with style():
        ax.scatter(x, y, s=14, alpha=0.6, color=COLORS[7], label=_label(data_label, "data_label"))
        order = np.argsort(x)
        grid = np.linspace(x.min(), x.max(), 200)
        for i, (label, fit) in enumerate(fits.items()):
            if callable(fit):
                xs, ys = (
                    grid,
                    _same_length(
                        _vector(fit(grid), f"fits[{label!r}](grid)"),
                        f"fits[{label!r}](grid)",
                        grid.size,
                        "the grid",
                    ),
                )
            else:
                xs = x[order]
                ys = _same_length(_vector(fit, f"fits[{label!r}]"), f"fits[{label!r}]", x.size, "x")
                ys = ys[order]
            # the data take COLORS[7]; fits cycle through the other seven colours
            ax.plot(xs, ys, label=label, color=COLORS[i % 7], linestyle=LINESTYLES[i % len(LINESTYLES)])
        _finish(ax, xlabel, ylabel, legend=True)
    return fig, ax


def loss_curves(
    curves: Mapping[str, Any],
    *,
    xlabel: str,
    ylabel: str,
    log: bool = True,
    ax: plt.Axes | None = None,
):
    """Plots loss or error curves, on a log scale by default.

    Args:
        curves: legend label -> either the values (plotted against 0, 1, 2, ...)
            or a pair ``(x, values)``, e.g. against wall time.
        xlabel: the x-axis label, e.g. ``"epoch"`` or ``"time (s)"``.
        ylabel: the y-axis label, e.g. ``"training loss (MSE)"``.
        log: use a log scale on the y-axis.
        ax: axes to draw on; a new figure if ``None``.

    Returns:
        ``(fig, ax)``.

    Raises:
        TypeError, ValueError: for missing labels, empty curves, ``x`` and values
            of different lengths, or non-positive values on a log scale.
    """
    curves = _series(curves, "curves")
    xlabel, ylabel = _label(xlabel, "xlabel"), _label(ylabel, "ylabel")
    fig, ax = _axes(ax)
    with style():
        for i, (label, curve) in enumerate(curves.items()):
            if isinstance(curve, tuple) and len(curve) == 2:
                xs = _vector(curve[0], f"curves[{label!r}][0]")
                ys = _same_length(
                    _vector(curve[1], f"curves[{label!r}][1]"),
                    f"curves[{label!r}][1]",
                    xs.size,
                    f"curves[{label!r}][0]",
                )
            else:
                ys = _vector(curve, f"curves[{label!r}]")
                xs = np.arange(ys.size)
            if log and np.any(ys <= 0):
                raise ValueError(f"curves[{label!r}] has values <= 0, which a log scale cannot show")
            ax.plot(xs, ys, label=label, color=COLORS[i % 8], linestyle=LINESTYLES[i % 8])
        if log:
            ax.set_yscale("log")
        _finish(ax, xlabel, ylabel, legend=len(curves) > 1)
    return fig, ax


def contour_paths(
    f: Callable[[np.ndarray, np.ndarray], Any],
    *,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    xlabel: str,
    ylabel: str,
    paths: Mapping[str, Any] | None = None,
    levels: int | Sequence[float] = 20,
    log_levels: bool = False,
    resolution: int = 200,
    ax: plt.Axes | None = None,
):
    """Draws the contours of ``f(x, y)`` with optimisation paths on top.

    Args:
        f: a function of two grid arrays ``(X, Y)`` returning the values ``Z``
            (e.g. a ``vmap``-ed or broadcasting loss).
        xlim: ``(low, high)`` of the x-axis.
        ylim: ``(low, high)`` of the y-axis.
        xlabel: the x-axis label.
        ylabel: the y-axis label.
        paths: legend label -> iterates, an array of shape ``(steps, 2)``.
            Starts are marked with a circle, ends with a cross.
        levels: the number of contour levels, or the levels themselves.
        log_levels: space the levels logarithmically (for functions like
            Rosenbrock's, whose valley a linear spacing cannot show).
        resolution: grid points along each axis.
        ax: axes to draw on; a new figure if ``None``.

    Returns:
        ``(fig, ax)``.

    Raises:
        TypeError, ValueError: for missing labels, bad limits, or paths that are
            not of shape ``(steps, 2)``.
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    for name, lim in (("xlim", xlim), ("ylim", ylim)):
        if np.ndim(lim) != 1:  # a number, None or a string has no (low, high)
            raise TypeError(f"{name} must be a (low, high) pair, got {lim!r}")
        if len(lim) != 2 or not lim[0] < lim[1]:
            raise ValueError(f"{name} must be (low, high) with low < high, got {lim!r}")
    xlabel, ylabel = _label(xlabel, "xlabel"), _label(ylabel, "ylabel")
    paths = {} if paths is None else _series(paths, "paths")
    gx, gy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    Z = np.asarray(f(gx, gy), dtype=float)
    if Z.shape != gx.shape:
        raise ValueError(f"f(X, Y) must return shape {gx.shape}, got {Z.shape}")
    if log_levels:
        if not isinstance(levels, int) or isinstance(levels, bool):
            raise ValueError(
                "log_levels=True spaces a number of levels; pass levels as an int, "
                f"or explicit levels with log_levels=False (got levels={levels!r})"
            )
        if np.any(Z <= 0):
            raise ValueError("log_levels=True needs f > 0 on the whole grid")
        levels = np.geomspace(Z.min(), Z.max(), levels)
    fig, ax = _axes(ax)
    with style():
        ax.contour(gx, gy, Z, levels=levels, cmap="viridis", linewidths=0.8)
        for i, (label, path) in enumerate(paths.items()):
            path = np.asarray(path, dtype=float)
            if path.ndim != 2 or path.shape[1] != 2 or path.shape[0] == 0:
                raise ValueError(f"paths[{label!r}] must have shape (steps, 2), got {path.shape}")
            color = COLORS[(i + 1) % 8]
            ax.plot(
                path[:, 0],
                path[:, 1],
                color=color,
                linestyle=LINESTYLES[i % 8],
                marker=".",
                markersize=4,
                label=label,
            )
            ax.plot(*path[0], marker="o", color=color, linestyle="none")
            ax.plot(*path[-1], marker="X", markersize=9, color=color, linestyle="none")
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.grid(False)
        _finish(ax, xlabel, ylabel, legend=bool(paths))
    return fig, ax


def scaling(
    sizes: Any,
    series: Mapping[str, Any],
    *,
    xlabel: str,
    ylabel: str = "time per call (s)",
    slopes: Sequence[float] = (),
    ax: plt.Axes | None = None,
):
    """Log-log plot of measured times (or memory) against problem size.

    Args:
        sizes: the problem sizes, 1-D and positive.
        series: legend label -> the measurement at each size.
        xlabel: the x-axis label, e.g. ``"number of inputs n"``.
        ylabel: the y-axis label, with units.
        slopes: reference slopes to draw as thin grey lines through the first
            series' first point (``1`` is linear growth, ``2`` quadratic). The
            y-axis spans the measurements, not the reference lines.
        ax: axes to draw on; a new figure if ``None``.

    Returns:
        ``(fig, ax)``.

    Raises:
        TypeError, ValueError: for missing labels, non-positive values, or
            measurements of a different length than ``sizes``.
    """
    sizes = _vector(sizes, "sizes")
    if np.any(sizes <= 0):
        raise ValueError("sizes must all be > 0 on a log-log plot")
    series = _series(series, "series")
    xlabel, ylabel = _label(xlabel, "xlabel"), _label(ylabel, "ylabel")
    fig, ax = _axes(ax)
    with style():
        first = None
        low, high = np.inf, -np.inf
        for i, (label, values) in enumerate(series.items()):
            ys = _same_length(
                _vector(values, f"series[{label!r}]"), f"series[{label!r}]", sizes.size, "sizes"
            )
            if np.any(ys <= 0):
                raise ValueError(f"series[{label!r}] has values <= 0, which a log scale cannot show")
            first = ys if first is None else first
            low, high = min(low, ys.min()), max(high, ys.max())
            ax.plot(sizes, ys, marker="o", label=label, color=COLORS[i % 8], linestyle=LINESTYLES[i % 8])
        for slope in slopes:
            ref = first[0] * (sizes / sizes[0]) ** float(slope)
            ax.plot(sizes, ref, color="0.55", linewidth=1.0, linestyle=":", label=f"slope {slope:g}")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_ylim(low / 2, high * 2)  # reference lines must not stretch the axes
        _finish(ax, xlabel, ylabel, legend=True)
    return fig, ax


def decision_boundary(
    X: Any,
    y: Any,
    thetas: Mapping[str, Any],
    *,
    xlabel: str,
    ylabel: str,
    class_labels: tuple[str, str] = ("$y = -1$", "$y = +1$"),
    ax: plt.Axes | None = None,
):
    """Plots 2-D points by class and the linear decision boundaries ``<theta, x> = 0``.

    Args:
        X: the points, shape ``(N, 2)``.
        y: their labels, ``N`` values in {-1, +1}.
        thetas: legend label -> coefficients of shape ``(2,)`` (not both zero).
            The boundary of ``theta`` is the line through the origin orthogonal to it.
        xlabel: the x-axis label (the first feature).
        ylabel: the y-axis label (the second feature).
        class_labels: legend labels of the classes -1 and +1.
        ax: axes to draw on; a new figure if ``None``.

    Returns:
        ``(fig, ax)``.

    Raises:
        TypeError, ValueError: for missing labels, ``X`` not of shape ``(N, 2)``,
            ``y`` of another length or with labels other than -1 and +1, or a
            ``theta`` that is not two numbers, not both zero.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2 or X.shape[0] == 0:
        raise ValueError(f"X must have shape (N, 2), got {X.shape}")
    y = _same_length(_vector(y, "y"), "y", X.shape[0], "X")
    if not np.all(np.isin(y, (-1.0, 1.0))):
        raise ValueError("y must hold labels -1 and +1 only")
    thetas = _series(thetas, "thetas")
    xlabel, ylabel = _label(xlabel, "xlabel"), _label(ylabel, "ylabel")
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = 0.05 * (hi - lo + 1e-12)
    lo, hi = lo - pad, hi + pad
    fig, ax = _axes(ax)
    with style():
        for label, marker, color, name in (
            (-1.0, "s", COLORS[1], class_labels[0]),
            (1.0, "o", COLORS[0], class_labels[1]),
        ):
            pts = X[y == label]
            ax.scatter(
                pts[:, 0],
                pts[:, 1],
                s=14,
                marker=marker,
                color=color,
                alpha=0.6,
                label=_label(name, "class_labels"),
            )
        t = np.linspace(-1.0, 1.0, 2) * float(np.abs(np.concatenate([lo, hi])).max()) * 2
        for i, (label, theta) in enumerate(thetas.items()):
            theta = _vector(theta, f"thetas[{label!r}]")
            if theta.size != 2 or not np.any(theta):
                raise ValueError(f"thetas[{label!r}] must be two numbers, not both zero")
            direction = np.array([-theta[1], theta[0]]) / np.linalg.norm(theta)
            ax.plot(
                t * direction[0],
                t * direction[1],
                color=COLORS[(i + 2) % 8],
                linestyle=LINESTYLES[i % 8],
                label=label,
            )
        ax.set_xlim(lo[0], hi[0])
        ax.set_ylim(lo[1], hi[1])
        ax.set_aspect("equal")
        _finish(ax, xlabel, ylabel, legend=True)
    return fig, ax
