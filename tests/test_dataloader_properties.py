"""Property tests (hypothesis) of the DataLoader's invariants, over many sizes and keys."""

import jax
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from utils.data import DataLoader

sizes = st.integers(min_value=1, max_value=60)
batch_sizes = st.integers(min_value=1, max_value=70)
seeds = st.integers(min_value=0, max_value=2**31 - 1)

settings.register_profile("course", max_examples=60, deadline=None, derandomize=True)
settings.load_profile("course")


def make(n, batch_size, seed, drop_last=False, shuffle=True):
    X = np.arange(n, dtype=np.float32)[:, None] * np.array([[1.0, -1.0]], dtype=np.float32)
    Y = np.arange(n, dtype=np.float32)
    return DataLoader(X, Y, batch_size, key=jax.random.key(seed), shuffle=shuffle, drop_last=drop_last)


@given(n=sizes, batch_size=batch_sizes, seed=seeds, shuffle=st.booleans())
def test_every_sample_exactly_once_per_epoch(n, batch_size, seed, shuffle):
    loader = make(n, batch_size, seed, shuffle=shuffle)
    for _ in range(3):  # three epochs, each complete
        seen = np.concatenate([np.asarray(yb) for _, yb in loader])
        assert sorted(seen.astype(int).tolist()) == list(range(n))


@given(n=sizes, batch_size=batch_sizes, seed=seeds, drop_last=st.booleans())
def test_len_matches_the_batches_yielded(n, batch_size, seed, drop_last):
    if drop_last and batch_size > n:
        return  # rejected at construction, tested in test_data.py
    loader = make(n, batch_size, seed, drop_last=drop_last)
    batches = [yb.shape[0] for _, yb in loader]
    assert len(batches) == len(loader)
    assert all(b == batch_size for b in batches[:-1])
    assert 1 <= batches[-1] <= batch_size
    if drop_last:
        assert batches[-1] == batch_size
        assert sum(batches) == (n // batch_size) * batch_size
    else:
        assert sum(batches) == n


@given(n=sizes, batch_size=batch_sizes, seed=seeds)
def test_same_key_same_epochs(n, batch_size, seed):
    a, b = make(n, batch_size, seed), make(n, batch_size, seed)
    for _ in range(2):
        for (xa, ya), (xb, yb) in zip(a, b, strict=True):
            np.testing.assert_array_equal(np.asarray(xa), np.asarray(xb))
            np.testing.assert_array_equal(np.asarray(ya), np.asarray(yb))


@given(n=sizes, batch_size=batch_sizes, seed=seeds)
def test_features_and_targets_stay_paired(n, batch_size, seed):
    for xb, yb in make(n, batch_size, seed):
        np.testing.assert_array_equal(np.asarray(xb[:, 0]), np.asarray(yb))
        np.testing.assert_array_equal(np.asarray(xb[:, 1]), -np.asarray(yb))


@given(n=st.integers(min_value=8, max_value=60), seed=seeds)
def test_consecutive_epochs_are_shuffled_differently(n, seed):
    # with at least 8 samples, two epochs in the same order has probability <= 1/8! ~ 2.5e-5
    loader = make(n, n, seed)
    ((_, first),) = list(loader)
    ((_, second),) = list(loader)
    assert not np.array_equal(np.asarray(first), np.asarray(second))
