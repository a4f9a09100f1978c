"""Unit tests of utils.plotting: the house style, labelled axes, and clear errors."""

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest

from utils import plotting

x = np.linspace(0.0, 1.0, 20)


def test_palette_is_okabe_ito():
    assert plotting.COLORS[:3] == ["#0072B2", "#D55E00", "#009E73"]
    assert len(set(plotting.COLORS)) == 8


def test_set_style_applies_the_palette():
    with mpl.rc_context():
        plotting.set_style()
        colors = mpl.rcParams["axes.prop_cycle"].by_key()["color"]
        assert colors == plotting.COLORS


def test_function_and_derivative():
    fig, ax = plotting.function_and_derivative(x, x**2, 2 * x, xlabel="x (m)")
    assert ax.get_xlabel() == "x (m)" and ax.get_ylabel() == "value"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["$f(x)$", "$f'(x)$"]
    assert ax.lines[0].get_color() == plotting.COLORS[0]


def test_data_and_fits_with_values_and_callables():
    y = 2 * x + 1
    fig, ax = plotting.data_and_fits(
        x, y, {"values": 2 * x + 1, "callable": lambda g: 2 * g + 1}, xlabel="area", ylabel="price"
    )
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["data", "values", "callable"]
    assert len(ax.lines) == 2


def test_loss_curves_log_scale_and_pairs():
    fig, ax = plotting.loss_curves(
        {"sgd": [1.0, 0.5, 0.25], "adam": ([0.0, 0.1, 0.2], [1.0, 0.1, 0.01])},
        xlabel="time (s)",
        ylabel="loss",
    )
    assert ax.get_yscale() == "log"
    assert list(ax.lines[1].get_xdata()) == [0.0, 0.1, 0.2]


def test_single_curve_has_no_legend():
    fig, ax = plotting.loss_curves({"loss": [3.0, 2.0]}, xlabel="epoch", ylabel="loss")
    assert ax.get_legend() is None


def test_contour_paths_marks_paths():
    path = np.array([[1.0, 1.0], [0.5, 0.2], [0.0, 0.0]])
    fig, ax = plotting.contour_paths(
        lambda a, b: a**2 + 3 * b**2,
        xlim=(-1.5, 1.5),
        ylim=(-1.5, 1.5),
        xlabel="$x_1$",
        ylabel="$x_2$",
        paths={"GD": path},
        resolution=30,
    )
    assert np.allclose(ax.lines[0].get_xydata(), path)
    assert ax.get_legend() is not None


def test_contour_log_levels():
    fig, ax = plotting.contour_paths(
        lambda a, b: 1 + a**2 + b**2,
        xlim=(-1, 1),
        ylim=(-1, 1),
        xlabel="a",
        ylabel="b",
        log_levels=True,
        levels=5,
        resolution=20,
    )
    assert ax.get_xlabel() == "a"


def test_scaling_log_log_with_reference_slope():
    fig, ax = plotting.scaling([10, 100, 1000], {"dense": [1e-3, 1e-1, 10.0]}, xlabel="n", slopes=[2])
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert np.allclose(ax.lines[1].get_ydata(), [1e-3, 1e-1, 10.0])


def test_scaling_reference_lines_do_not_stretch_the_axes():
    sizes = 10.0 ** -np.arange(1, 15)  # a slope-2 line through the first point reaches 1e-30
    fig, ax = plotting.scaling(sizes, {"error": np.full(14, 1e-3)}, xlabel="h", slopes=[2])
    low, high = ax.get_ylim()
    assert low >= 1e-3 / 2 - 1e-12 and high <= 1e-3 * 2 + 1e-12


def test_draws_on_given_axes():
    fig, ax = plt.subplots()
    fig2, ax2 = plotting.loss_curves({"a": [1.0, 2.0]}, xlabel="e", ylabel="l", ax=ax)
    assert ax2 is ax and fig2 is fig


def test_decision_boundary_draws_classes_and_lines_orthogonal_to_theta():
    X = np.array([[1.0, 1.0], [-1.0, -1.0], [2.0, 0.5], [-0.5, -2.0]])
    y = np.array([1.0, -1.0, 1.0, -1.0])
    theta = np.array([1.0, 2.0])
    fig, ax = plotting.decision_boundary(X, y, {"fit": theta}, xlabel="$x_1$", ylabel="$x_2$")
    (line,) = ax.lines
    points = line.get_xydata()
    assert np.allclose(points @ theta, 0.0)  # on the boundary <theta, x> = 0
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["$y = -1$", "$y = +1$", "fit"]


@pytest.mark.parametrize(
    "call, error, pattern",
    [
        (
            lambda: plotting.function_and_derivative(x, x, x[:-1], xlabel="x"),
            ValueError,
            "^df has 19 values but x has 20",
        ),
        (
            lambda: plotting.function_and_derivative(x, x, x, xlabel=""),
            ValueError,
            "^xlabel must not be empty",
        ),
        (
            lambda: plotting.function_and_derivative(x, x, x, xlabel=None),
            TypeError,
            "^xlabel must be a string",
        ),
        (
            lambda: plotting.data_and_fits(x, x, {"f": x[:3]}, xlabel="a", ylabel="b"),
            ValueError,
            r"^fits\['f'\] has 3 values",
        ),
        (
            lambda: plotting.data_and_fits(x, x, [x], xlabel="a", ylabel="b"),
            TypeError,
            "^fits must be a mapping",
        ),
        (lambda: plotting.loss_curves({}, xlabel="a", ylabel="b"), ValueError, "^curves is empty"),
        (
            lambda: plotting.loss_curves({"l": [1.0, 0.0]}, xlabel="a", ylabel="b"),
            ValueError,
            r"^curves\['l'\] has values <= 0",
        ),
        (
            lambda: plotting.loss_curves({"l": "abc"}, xlabel="a", ylabel="b"),
            TypeError,
            r"^curves\['l'\] must be a 1-D array",
        ),
        (
            lambda: plotting.loss_curves({"l": [1.0]}, xlabel="a", ylabel=" "),
            ValueError,
            "^ylabel must not be empty",
        ),
        (
            lambda: plotting.contour_paths(lambda a, b: a, xlim=(1, 0), ylim=(0, 1), xlabel="a", ylabel="b"),
            ValueError,
            "^xlim must be",
        ),
        (
            lambda: plotting.contour_paths(
                lambda a, b: a,
                xlim=(0, 1),
                ylim=(0, 1),
                xlabel="a",
                ylabel="b",
                paths={"p": np.zeros((3, 3))},
                resolution=5,
            ),
            ValueError,
            r"^paths\['p'\] must have shape",
        ),
        (
            lambda: plotting.contour_paths(
                lambda a, b: a[:2], xlim=(0, 1), ylim=(0, 1), xlabel="a", ylabel="b", resolution=5
            ),
            ValueError,
            r"^f\(X, Y\) must return shape",
        ),
        (
            lambda: plotting.contour_paths(3, xlim=(0, 1), ylim=(0, 1), xlabel="a", ylabel="b"),
            TypeError,
            "^f must be callable",
        ),
        (
            lambda: plotting.contour_paths(lambda a, b: a + b, xlim=1.0, ylim=(0, 1), xlabel="a", ylabel="b"),
            TypeError,
            "^xlim must be a",
        ),
        (
            lambda: plotting.contour_paths(
                lambda a, b: a + b, xlim=(0, 1), ylim=None, xlabel="a", ylabel="b"
            ),
            TypeError,
            "^ylim must be a",
        ),
        (
            lambda: plotting.contour_paths(
                lambda a, b: 1 + a + b,
                xlim=(0, 1),
                ylim=(0, 1),
                xlabel="a",
                ylabel="b",
                levels=[1.5, 2.0],
                log_levels=True,
                resolution=5,
            ),
            ValueError,
            "^log_levels=True spaces a number",
        ),
        (lambda: plotting.scaling([0, 1], {"t": [1, 2]}, xlabel="n"), ValueError, "^sizes must all be > 0"),
        (
            lambda: plotting.scaling([1, 2], {"t": [1]}, xlabel="n"),
            ValueError,
            r"^series\['t'\] has 1 values but sizes has 2",
        ),
        (
            lambda: plotting.scaling([1, 2], {"": [1, 2]}, xlabel="n"),
            ValueError,
            "^a label in series must not be empty",
        ),
        (
            lambda: plotting.loss_curves({"a": [1.0]}, xlabel="a", ylabel="b", ax="axes"),
            TypeError,
            "^ax must be a matplotlib Axes",
        ),
        (
            lambda: plotting.decision_boundary(
                np.ones((3, 3)), np.ones(3), {"t": [1, 1]}, xlabel="a", ylabel="b"
            ),
            ValueError,
            r"^X must have shape \(N, 2\)",
        ),
        (
            lambda: plotting.decision_boundary(
                np.ones((3, 2)), np.array([1.0, 0.0, 1.0]), {"t": [1, 1]}, xlabel="a", ylabel="b"
            ),
            ValueError,
            "^y must hold labels -1 and \\+1",
        ),
        (
            lambda: plotting.decision_boundary(
                np.ones((3, 2)), np.ones(2), {"t": [1, 1]}, xlabel="a", ylabel="b"
            ),
            ValueError,
            "^y has 2 values but X has 3",
        ),
        (
            lambda: plotting.decision_boundary(
                np.ones((3, 2)), np.ones(3), {"t": [0, 0]}, xlabel="a", ylabel="b"
            ),
            ValueError,
            r"^thetas\['t'\] must be two numbers",
        ),
    ],
)
def test_bad_input_is_rejected_naming_the_argument(call, error, pattern):
    with pytest.raises(error, match=pattern):
        call()


def test_data_and_fits_draws_many_fits_in_distinct_styles():
    """Nine or more fits cycle through the palette (once an IndexError) and never take the data's colour."""
    xs = np.linspace(0.0, 1.0, 5)
    fits = {f"fit {k}": xs * k for k in range(12)}
    fig, ax = plotting.data_and_fits(xs, xs, fits, xlabel="x", ylabel="y")
    lines = ax.get_lines()
    assert len(lines) == 12
    data_colour = mpl.colors.to_hex(ax.collections[0].get_facecolor()[0], keep_alpha=False)
    assert all(mpl.colors.to_hex(line.get_color()) != data_colour for line in lines)
    styles = {(mpl.colors.to_hex(line.get_color()), line.get_linestyle()) for line in lines[:7]}
    assert len(styles) == 7
