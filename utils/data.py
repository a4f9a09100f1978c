"""The course's data sets, simulated from explicit keys, and a re-iterable ``DataLoader``.

Every simulator takes a typed key from ``jax.random.key`` and splits it before
use, so the same key always gives the same data and no two draws share a key.

Example:
    >>> import jax
    >>> from utils.data import DataLoader, linear_regression
    >>> X, Y, theta = linear_regression(N=500, M=2, sigma=0.001, key=jax.random.key(42))
    >>> loader = DataLoader(X, Y, batch_size=64, key=jax.random.key(0))
    >>> len(loader)
    8
"""

from __future__ import annotations

from collections.abc import Iterator

import jax
import jax.numpy as jnp
import numpy as np

from utils import _checks

Array = jax.Array


def linear_regression(N: int, M: int, sigma: float, *, key: Array) -> tuple[Array, Array, Array]:
    """Simulates a linear model ``Y = X @ theta + sigma * noise`` (as in Perla's UBC lecture slides).

    Args:
        N: number of samples, at least 1.
        M: number of features, at least 1.
        sigma: standard deviation of the Gaussian noise added to ``Y``, at least 0.
        key: a typed PRNG key from ``jax.random.key``.

    Returns:
        ``(X, Y, theta)``: features of shape ``(N, M)``, targets of shape ``(N,)``
        and the true coefficients of shape ``(M,)``, all standard normal draws.

    Raises:
        TypeError: if ``N`` or ``M`` is not an integer, ``sigma`` not a real number
            or ``key`` not a typed key.
        ValueError: if ``N < 1``, ``M < 1`` or ``sigma < 0``.

    Example:
        >>> X, Y, theta = linear_regression(100, 3, 0.1, key=jax.random.key(0))
        >>> X.shape, Y.shape, theta.shape
        ((100, 3), (100,), (3,))
    """
    N = _checks.positive_int(N, "N")
    M = _checks.positive_int(M, "M")
    sigma = _checks.real(sigma, "sigma", minimum=0.0)
    key_theta, key_X, key_noise = jax.random.split(_checks.prng_key(key), 3)
    theta = jax.random.normal(key_theta, (M,))
    X = jax.random.normal(key_X, (N, M))
    Y = X @ theta + sigma * jax.random.normal(key_noise, (N,))
    return X, Y, theta


def house_prices(
    N: int = 100,
    *,
    key: Array,
    intercept: float = 3.0,
    slope: float = 34.41,
    sigma: float = 5.0,
    area_range: tuple[float, float] = (0.4, 2.4),
) -> tuple[Array, Array]:
    """Simulates 1-D house prices against floor area (the regression of a blog post on autodiff in JAX).

    ``price = intercept + slope * area + noise``, with areas drawn uniformly from
    ``area_range``. Units: area in hundreds of square metres, price in tens of
    thousands of euros; the defaults are that post's true values
    ``b0 = 3``, ``b1 = 34.41``.

    Args:
        N: number of houses, at least 1.
        key: a typed PRNG key from ``jax.random.key``.
        intercept: the base price every house is worth.
        slope: the price of each extra unit of area.
        sigma: standard deviation of the Gaussian noise on the price, at least 0.
        area_range: ``(low, high)`` bounds of the uniform area distribution, ``low < high``.

    Returns:
        ``(area, price)``, each of shape ``(N,)``.

    Raises:
        TypeError: for non-numeric arguments or a key that is not a typed key.
        ValueError: if ``N < 1``, ``sigma < 0`` or ``area_range`` is not ``(low, high)``
            with ``low < high``.

    Example:
        >>> area, price = house_prices(50, key=jax.random.key(1))
        >>> area.shape, price.shape
        ((50,), (50,))
    """
    N = _checks.positive_int(N, "N")
    intercept = _checks.real(intercept, "intercept")
    slope = _checks.real(slope, "slope")
    sigma = _checks.real(sigma, "sigma", minimum=0.0)
    if not isinstance(area_range, (tuple, list)) or len(area_range) != 2:
        raise ValueError(f"area_range must be a pair (low, high), got {area_range!r}")
    low = _checks.real(area_range[0], "area_range[0]")
    high = _checks.real(area_range[1], "area_range[1]")
    if not low < high:
        raise ValueError(f"area_range must have low < high, got {area_range!r}")
    key_area, key_noise = jax.random.split(_checks.prng_key(key))
    area = jax.random.uniform(key_area, (N,), minval=low, maxval=high)
    price = intercept + slope * area + sigma * jax.random.normal(key_noise, (N,))
    return area, price


def classification(N: int, d: int = 2, *, key: Array, scale: float = 3.0) -> tuple[Array, Array, Array]:
    """Simulates binary labels in {-1, +1} from a logistic model (as in Sukianto's CMU seminar slides).

    Features are standard normal; the true coefficients ``theta`` are a standard
    normal direction scaled to norm ``scale``, and each label is ``+1`` with
    probability ``sigmoid(<theta, x>)``. Logistic regression on these data is
    therefore well specified: its estimate converges to ``theta`` as ``N`` grows.

    Args:
        N: number of samples, at least 1.
        d: number of features, at least 1.
        key: a typed PRNG key from ``jax.random.key``.
        scale: the norm of ``theta``; larger means cleaner classes. Must be > 0.

    Returns:
        ``(X, y, theta)``: features ``(N, d)``, labels ``(N,)`` as floats in
        {-1.0, +1.0}, and the true coefficients ``(d,)``.

    Raises:
        TypeError: for non-numeric arguments or a key that is not a typed key.
        ValueError: if ``N < 1``, ``d < 1`` or ``scale <= 0``.

    Example:
        >>> X, y, theta = classification(200, key=jax.random.key(3))
        >>> sorted(set(y.tolist()))
        [-1.0, 1.0]
    """
    N = _checks.positive_int(N, "N")
    d = _checks.positive_int(d, "d")
    scale = _checks.real(scale, "scale")
    if scale <= 0:
        raise ValueError(f"scale must be > 0, got {scale}")
    key_theta, key_X, key_y = jax.random.split(_checks.prng_key(key), 3)
    direction = jax.random.normal(key_theta, (d,))
    theta = scale * direction / jnp.linalg.norm(direction)
    X = jax.random.normal(key_X, (N, d))
    prob_positive = jax.nn.sigmoid(X @ theta)
    y = jnp.where(jax.random.uniform(key_y, (N,)) < prob_positive, 1.0, -1.0)
    return X, y, theta


DIGITS_SPLITS = ("train", "validation", "test")


def digits(
    *, key: Array, validation: float = 0.15, test: float = 0.15
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The UCI handwritten digits bundled with scikit-learn, split by ``key``.

    1,797 grey-scale images of 8x8 pixels (integer intensities 0 to 16, scaled here
    to [0, 1]) of the digits 0 to 9: the test part of the UCI set (Alpaydin and
    Kaynak, 1998), written by 13 people. ``sklearn.datasets.load_digits`` ships
    them, so nothing is downloaded. One permutation drawn from ``key`` assigns each
    image to exactly one split, so each writer's digits fall in every split: an
    accuracy measured on the test split is optimistic for digits of new writers.

    Args:
        key: a typed PRNG key from ``jax.random.key``; the same key gives the same splits.
        validation: the fraction of images held out for validation, in [0, 1).
        test: the fraction held out for the final test, in [0, 1); with
            ``validation`` it must leave at least one training image.

    Returns:
        ``{"train": (X, y), "validation": (X, y), "test": (X, y)}``: images as
        float32 NumPy arrays of shape ``(n, 8, 8, 1)`` (height, width, channel) and
        labels as int32 arrays of shape ``(n,)``. Split sizes are the fractions
        times 1,797, rounded to the nearest image; training gets the rest.

    Raises:
        TypeError: if ``key`` is not a typed key or a fraction is not a number.
        ValueError: if a fraction is outside [0, 1) or together they leave no
            training image.

    Example:
        >>> splits = digits(key=jax.random.key(0))
        >>> {name: len(y) for name, (X, y) in splits.items()}
        {'train': 1257, 'validation': 270, 'test': 270}
        >>> splits["train"][0].shape[1:], float(splits["train"][0].max())
        ((8, 8, 1), 1.0)
    """
    from sklearn.datasets import load_digits  # imported here: only this loader needs it

    key = _checks.prng_key(key)
    fractions = {"validation": validation, "test": test}
    for name, value in fractions.items():
        value = _checks.real(value, name)
        if not 0 <= value < 1:
            raise ValueError(f"{name} must be a fraction in [0, 1), got {value}")
        fractions[name] = value
    images, labels = load_digits(return_X_y=True)
    n = len(labels)
    n_val, n_test = (round(fractions[name] * n) for name in ("validation", "test"))
    if n_val + n_test >= n:
        raise ValueError(f"validation={validation} and test={test} leave no training image of the {n}")
    X = (images / 16.0).astype(np.float32).reshape(n, 8, 8, 1)
    y = labels.astype(np.int32)
    order = np.asarray(jax.random.permutation(key, n))
    parts = np.split(order, [n - n_val - n_test, n - n_test])
    return {name: (X[idx], y[idx]) for name, idx in zip(DIGITS_SPLITS, parts, strict=True)}


class DataLoader:
    """Shuffled mini-batches of ``(X, Y)``; every ``for`` loop over it is a new epoch.

    Unlike a generator, which yields nothing once it has been consumed, a
    ``DataLoader`` can be iterated again and again: each iteration starts the
    next epoch with a fresh shuffle drawn from ``jax.random.fold_in(key, epoch)``.
    Two loaders built with the same key give the same sequence of epochs.
    Within an epoch every sample appears exactly once (with ``drop_last=True``
    the last, short batch is left out instead). Batches are NumPy arrays cut
    from a host copy of the data; JAX functions accept them directly.

    Args:
        X: features, a NumPy or JAX array with samples along the first axis.
        Y: targets, same number of samples as ``X``.
        batch_size: samples per batch, at least 1.
        key: a typed PRNG key from ``jax.random.key``; required when ``shuffle`` is true.
        shuffle: draw a new order every epoch; if false, batches come in data order.
        drop_last: leave out the last batch when it is shorter than ``batch_size``.

    Raises:
        TypeError: if ``X`` or ``Y`` is not an array, ``batch_size`` not an integer,
            or ``key`` not a typed key.
        ValueError: if ``X`` or ``Y`` is empty or scalar, their lengths differ,
            ``batch_size < 1``, ``shuffle`` is true without a key, or ``drop_last``
            would leave no batch at all.

    Example:
        >>> X, Y, _ = linear_regression(10, 2, 0.0, key=jax.random.key(0))
        >>> loader = DataLoader(X, Y, batch_size=4, key=jax.random.key(1))
        >>> [xb.shape[0] for xb, yb in loader]
        [4, 4, 2]
        >>> [xb.shape[0] for xb, yb in loader]  # a second epoch, freshly shuffled
        [4, 4, 2]
    """

    def __init__(
        self,
        X: np.ndarray | Array,
        Y: np.ndarray | Array,
        batch_size: int,
        *,
        key: Array | None = None,
        shuffle: bool = True,
        drop_last: bool = False,
    ) -> None:
        self.X = _checks.array(X, "X")
        self.Y = _checks.array(Y, "Y")
        # Batches are cut on the host, as data loaders do: slicing NumPy memory is
        # cheap, while indexing a device array dispatches a gather per batch.
        self._X_host, self._Y_host = np.asarray(self.X), np.asarray(self.Y)
        if self.X.shape[0] != self.Y.shape[0]:
            raise ValueError(
                "X and Y must have the same number of samples (first axis): "
                f"X has {self.X.shape[0]}, Y has {self.Y.shape[0]}"
            )
        self.batch_size = _checks.positive_int(batch_size, "batch_size")
        if not isinstance(shuffle, bool):
            raise TypeError(f"shuffle must be True or False, got {shuffle!r}")
        if not isinstance(drop_last, bool):
            raise TypeError(f"drop_last must be True or False, got {drop_last!r}")
        if shuffle and key is None:
            raise ValueError("key is required when shuffle=True: pass key=jax.random.key(seed)")
        self.key = None if key is None else _checks.prng_key(key)
        self.shuffle = shuffle
        self.drop_last = drop_last
        if drop_last and self.num_samples < self.batch_size:
            raise ValueError(
                f"batch_size={self.batch_size} is larger than the {self.num_samples} samples "
                "and drop_last=True, so every epoch would be empty"
            )
        self.epoch = 0
        """How many epochs (``for`` loops) have been started so far."""

    @property
    def num_samples(self) -> int:
        """The number of samples, ``X.shape[0]``."""
        return int(self.X.shape[0])

    def __len__(self) -> int:
        """The number of batches in one epoch."""
        full, rest = divmod(self.num_samples, self.batch_size)
        return full if (self.drop_last or rest == 0) else full + 1

    def epoch_indices(self, epoch: int) -> np.ndarray:
        """The order in which epoch number ``epoch`` (counting from 0) visits the samples.

        Args:
            epoch: the epoch number, at least 0.

        Returns:
            A permutation of ``range(num_samples)`` (the identity when ``shuffle`` is false).
        """
        epoch = _checks.positive_int(epoch, "epoch", minimum=0)
        if not self.shuffle:
            return np.arange(self.num_samples)
        epoch_key = jax.random.fold_in(self.key, epoch)
        return np.asarray(jax.random.permutation(epoch_key, self.num_samples))

    def __iter__(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Starts the next epoch and yields its ``(X_batch, Y_batch)`` pairs."""
        order = self.epoch_indices(self.epoch)
        self.epoch += 1  # counted when the loop starts, not at its first batch
        return self._batches(order)

    def _batches(self, order: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for start in range(0, len(self) * self.batch_size, self.batch_size):
            idx = order[start : start + self.batch_size]
            yield self._X_host[idx], self._Y_host[idx]

    def __repr__(self) -> str:
        return (
            f"DataLoader(num_samples={self.num_samples}, batch_size={self.batch_size}, "
            f"batches={len(self)}, shuffle={self.shuffle}, drop_last={self.drop_last}, "
            f"epochs_started={self.epoch})"
        )
