"""Unit tests of utils.data: the simulators and the DataLoader's contract and errors."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from utils import data
from utils.data import DataLoader


def key(seed=0):
    return jax.random.key(seed)


# --- simulators -----------------------------------------------------------------------


def test_linear_regression_shapes_and_model():
    X, Y, theta = data.linear_regression(N=500, M=2, sigma=0.001, key=key(42))
    assert X.shape == (500, 2) and Y.shape == (500,) and theta.shape == (2,)
    residual = Y - X @ theta
    # the residual is the noise: standard deviation sigma, not zero, not larger
    assert 0.0008 < float(jnp.std(residual)) < 0.0012


def test_linear_regression_without_noise_is_exact():
    X, Y, theta = data.linear_regression(50, 3, 0.0, key=key(1))
    assert_allclose(Y, X @ theta, rtol=1e-6)


def test_same_key_same_data_other_key_other_data():
    first = data.linear_regression(20, 2, 0.1, key=key(7))
    again = data.linear_regression(20, 2, 0.1, key=key(7))
    other = data.linear_regression(20, 2, 0.1, key=key(8))
    for a, b in zip(first, again, strict=True):
        assert_array_equal(a, b)
    assert not np.allclose(first[0], other[0])


def test_linear_regression_draws_are_independent():
    # theta, X and noise come from three different subkeys, never the same one
    X, Y, theta = data.linear_regression(4, 1, 1.0, key=key(0))
    noise = Y - X @ theta
    assert not np.allclose(X[:, 0], noise)
    assert not np.isclose(float(theta[0]), float(X[0, 0]))


def test_house_prices_recovers_seed_coefficients_by_least_squares():
    area, price = data.house_prices(5000, key=key(3))
    assert float(area.min()) >= 0.4 and float(area.max()) <= 2.4
    A = jnp.stack([jnp.ones_like(area), area], axis=1)
    (b0, b1), *_ = jnp.linalg.lstsq(A, price)
    assert abs(float(b0) - 3.0) < 0.6 and abs(float(b1) - 34.41) < 0.5


def test_classification_labels_and_well_specified_model():
    X, y, theta = data.classification(4000, d=2, key=key(5), scale=3.0)
    assert set(np.unique(np.asarray(y)).tolist()) == {-1.0, 1.0}
    assert_allclose(float(jnp.linalg.norm(theta)), 3.0, rtol=1e-6)
    # labels agree with the sign of <theta, x> far more often than chance
    agreement = float(jnp.mean(jnp.sign(X @ theta) == y))
    assert agreement > 0.8


@pytest.mark.parametrize(
    "kwargs, error, name",
    [
        (dict(N=0, M=2, sigma=0.1), ValueError, "N"),
        (dict(N=2.5, M=2, sigma=0.1), TypeError, "N"),
        (dict(N=True, M=2, sigma=0.1), TypeError, "N"),
        (dict(N=10, M=0, sigma=0.1), ValueError, "M"),
        (dict(N=10, M=2, sigma=-1.0), ValueError, "sigma"),
        (dict(N=10, M=2, sigma="0.1"), TypeError, "sigma"),
        (dict(N=10, M=2, sigma=float("nan")), ValueError, "sigma"),
    ],
)
def test_linear_regression_rejects_bad_arguments(kwargs, error, name):
    with pytest.raises(error, match=rf"^{name}\b"):
        data.linear_regression(**kwargs, key=key())


@pytest.mark.parametrize("bad_key", [42, np.uint32(3), jax.random.PRNGKey(0), "key"])
def test_simulators_require_typed_keys(bad_key):
    with pytest.raises(TypeError, match="key must be a typed PRNG key"):
        data.linear_regression(10, 2, 0.1, key=bad_key)
    with pytest.raises(TypeError, match="key must be a typed PRNG key"):
        data.house_prices(10, key=bad_key)
    with pytest.raises(TypeError, match="key must be a typed PRNG key"):
        data.classification(10, key=bad_key)


def test_batched_keys_are_rejected():
    with pytest.raises(ValueError, match="key must be a single key"):
        data.linear_regression(10, 2, 0.1, key=jax.random.split(key(), 2))


@pytest.mark.parametrize(
    "kwargs, error, name",
    [
        (dict(area_range=(2.0, 1.0)), ValueError, "area_range"),
        (dict(area_range=(1.0,)), ValueError, "area_range"),
        (dict(sigma=-0.1), ValueError, "sigma"),
        (dict(slope="steep"), TypeError, "slope"),
    ],
)
def test_house_prices_rejects_bad_arguments(kwargs, error, name):
    with pytest.raises(error, match=rf"^{name}\b"):
        data.house_prices(10, key=key(), **kwargs)


@pytest.mark.parametrize(
    "kwargs, error, name",
    [
        (dict(N=0), ValueError, "N"),
        (dict(N=5, d=0), ValueError, "d"),
        (dict(N=5, scale=0.0), ValueError, "scale"),
    ],
)
def test_classification_rejects_bad_arguments(kwargs, error, name):
    with pytest.raises(error, match=rf"^{name}\b"):
        data.classification(**kwargs, key=key())


# --- DataLoader -----------------------------------------------------------------------


def toy(n=10, m=2):
    X = jnp.arange(n * m, dtype=jnp.float32).reshape(n, m)
    Y = jnp.arange(n, dtype=jnp.float32)
    return X, Y


def test_loader_is_reiterable_unlike_the_seed_generator():
    X, Y = toy()
    loader = DataLoader(X, Y, batch_size=4, key=key(1))
    first = [np.asarray(yb) for _, yb in loader]
    second = [np.asarray(yb) for _, yb in loader]
    assert [len(b) for b in first] == [4, 4, 2] == [len(b) for b in second]
    assert not all(np.array_equal(a, b) for a, b in zip(first, second, strict=True)), "epochs must reshuffle"
    assert loader.epoch == 2


def test_batches_are_host_numpy_arrays_cut_from_the_data():
    X, Y = toy(10)
    for xb, yb in DataLoader(X, Y, 4, key=key()):
        assert isinstance(xb, np.ndarray) and isinstance(yb, np.ndarray)
        assert xb.dtype == np.float32 and xb.shape[1:] == X.shape[1:]


def test_len_counts_batches():
    X, Y = toy(10)
    assert len(DataLoader(X, Y, 4, key=key())) == 3
    assert len(DataLoader(X, Y, 4, key=key(), drop_last=True)) == 2
    assert len(DataLoader(X, Y, 5, key=key())) == 2
    assert len(DataLoader(X, Y, 10, key=key(), drop_last=True)) == 1


def test_rows_stay_paired():
    X, Y = toy(13, 3)
    for xb, yb in DataLoader(X, Y, 5, key=key(2)):
        assert_array_equal(xb[:, 0], 3 * yb)


def test_unshuffled_loader_keeps_data_order_and_needs_no_key():
    X, Y = toy(7)
    batches = [np.asarray(yb) for _, yb in DataLoader(X, Y, 3, shuffle=False)]
    assert_array_equal(np.concatenate(batches), np.arange(7))


def test_numpy_input_works():
    X, Y = np.ones((6, 2)), np.arange(6.0)
    seen = np.concatenate([yb for _, yb in DataLoader(X, Y, 4, key=key())])
    assert sorted(seen.tolist()) == list(range(6))


def test_epoch_indices_match_iteration_and_the_key():
    X, Y = toy(9)
    loader = DataLoader(X, Y, 9, key=key(4))
    expected0, expected1 = loader.epoch_indices(0), loader.epoch_indices(1)
    ((_, y0),) = list(loader)
    ((_, y1),) = list(loader)
    assert_array_equal(np.asarray(y0), expected0)
    assert_array_equal(np.asarray(y1), expected1)
    direct = np.asarray(jax.random.permutation(jax.random.fold_in(key(4), 1), 9))
    assert_array_equal(expected1, direct)


def test_epoch_counts_when_the_loop_starts():
    X, Y = toy()
    loader = DataLoader(X, Y, 4, key=key())
    iterator = iter(loader)
    assert loader.epoch == 1
    next(iterator)
    assert loader.epoch == 1


def test_repr_is_informative():
    X, Y = toy(10)
    text = repr(DataLoader(X, Y, 4, key=key()))
    assert "num_samples=10" in text and "batch_size=4" in text and "batches=3" in text


@pytest.mark.parametrize(
    "make, error, pattern",
    [
        (lambda X, Y: DataLoader(X.tolist(), Y, 2, key=key()), TypeError, "^X must be a NumPy or JAX array"),
        (lambda X, Y: DataLoader(X, list(Y), 2, key=key()), TypeError, "^Y must be a NumPy or JAX array"),
        (lambda X, Y: DataLoader(X, Y[:-1], 2, key=key()), ValueError, "X and Y must have the same number"),
        (lambda X, Y: DataLoader(X[:0], Y[:0], 2, key=key()), ValueError, "^X is empty"),
        (
            lambda X, Y: DataLoader(jnp.float32(1.0), Y, 2, key=key()),
            ValueError,
            "^X must have at least one axis",
        ),
        (lambda X, Y: DataLoader(X, Y, 0, key=key()), ValueError, "^batch_size must be >= 1"),
        (lambda X, Y: DataLoader(X, Y, 2.0, key=key()), TypeError, "^batch_size must be an integer"),
        (lambda X, Y: DataLoader(X, Y, 2), ValueError, "^key is required when shuffle=True"),
        (lambda X, Y: DataLoader(X, Y, 2, key=0), TypeError, "^key must be a typed PRNG key"),
        (lambda X, Y: DataLoader(X, Y, 2, key=key(), shuffle="yes"), TypeError, "^shuffle must be"),
        (lambda X, Y: DataLoader(X, Y, 2, key=key(), drop_last=1), TypeError, "^drop_last must be"),
        (
            lambda X, Y: DataLoader(X, Y, 11, key=key(), drop_last=True),
            ValueError,
            "^batch_size=11 is larger",
        ),
    ],
)
def test_loader_rejects_bad_input_naming_the_argument(make, error, pattern):
    X, Y = toy(10)
    with pytest.raises(error, match=pattern):
        make(X, Y)


def test_epoch_indices_rejects_negative_epochs():
    X, Y = toy()
    with pytest.raises(ValueError, match=r"^epoch must be >= 0"):
        DataLoader(X, Y, 2, key=key()).epoch_indices(-1)


# --- the digits -------------------------------------------------------------------------


def test_digits_splits_partition_every_image_once():
    splits = data.digits(key=key(0))
    assert list(splits) == ["train", "validation", "test"]
    sizes = {name: len(y) for name, (X, y) in splits.items()}
    assert sizes == {"train": 1257, "validation": 270, "test": 270}
    X_all = np.concatenate([X for X, _ in splits.values()])
    y_all = np.concatenate([y for _, y in splits.values()])
    assert X_all.shape == (1797, 8, 8, 1) and X_all.dtype == np.float32 and y_all.dtype == np.int32
    assert X_all.min() == 0.0 and X_all.max() == 1.0
    # each image exactly once: the multiset of (image, label) rows equals the original's
    from sklearn.datasets import load_digits

    images, labels = load_digits(return_X_y=True)

    def rows(X, y):
        return sorted(map(bytes, np.c_[X.reshape(len(y), -1) * 16, y].astype(np.uint8)))

    assert rows(X_all, y_all) == rows(images / 16, labels)
    assert set(np.unique(splits["test"][1])) == set(range(10))


def test_digits_same_key_same_split_other_key_other_split():
    a, b, c = (data.digits(key=key(s)) for s in (1, 1, 2))
    assert_array_equal(a["test"][1], b["test"][1])
    assert not np.array_equal(a["test"][1], c["test"][1])


def test_digits_fractions_set_the_sizes():
    splits = data.digits(key=key(0), validation=0.0, test=0.5)
    assert [len(y) for _, y in splits.values()] == [899, 0, 898]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"key": 0}, TypeError, "key"),
        ({"key": key(), "validation": "0.1"}, TypeError, "validation"),
        ({"key": key(), "test": 1.0}, ValueError, "test must be a fraction"),
        ({"key": key(), "validation": -0.1}, ValueError, "validation must be a fraction"),
        ({"key": key(), "validation": 0.6, "test": 0.4}, ValueError, "leave no training image"),
    ],
)
def test_digits_bad_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.digits(**kwargs)
