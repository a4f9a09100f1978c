"""Unit tests of utils.env (the environment report) and utils.scrapbook (MyST-NB's glue without MyST-NB)."""

import importlib.metadata
import platform

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from IPython.core.interactiveshell import InteractiveShell
from myst_nb import glue as myst_glue

from utils import env
from utils.scrapbook import glue


def test_versions_match_installed_packages():
    found = env.versions()
    assert found["Python"] == platform.python_version()
    for name in env.PACKAGES:
        assert found[name] == importlib.metadata.version(name)


def test_report_names_versions_backend_and_devices(capsys):
    env.report()
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"Python {platform.python_version()} | jax {jax.__version__}")
    assert out[1] == f"JAX backend: {jax.default_backend()} | devices: {jax.devices()}"


def capture_displays(fn, *args, **kwargs):
    """Calls fn and returns the (data, metadata) pairs it sent to IPython's display."""
    shell = InteractiveShell.instance()
    sent = []
    original = shell.display_pub.publish
    shell.display_pub.publish = lambda data, metadata=None, **kw: sent.append((data, metadata))
    try:
        fn(*args, **kwargs)
    finally:
        shell.display_pub.publish = original
    return sent


@pytest.mark.parametrize("value", [3.14159, "a string", [1, 2]])
@pytest.mark.parametrize("shown", [False, True])
def test_glue_writes_exactly_what_myst_nb_writes(value, shown):
    ours = capture_displays(glue, "name", value, display_value=shown)
    theirs = capture_displays(myst_glue, "name", value, display=shown)
    assert ours == theirs and len(ours) == 1


@pytest.mark.parametrize(
    "value, text",
    [
        (np.float64(0.5), "0.5"),
        (np.float32(0.25), "0.25"),
        (np.int64(3), "3"),
        (jnp.asarray(0.5), "0.5"),
        (np.asarray(2.0), "2.0"),
    ],
)
def test_glue_stores_numpy_and_jax_scalars_as_python_numbers(value, text):
    ((data, metadata),) = capture_displays(glue, "x", value)
    assert data["application/papermill.record/text/plain"] == text
    assert metadata["scrapbook"] == {"name": "x", "mime_prefix": "application/papermill.record/"}


def test_glue_keeps_arrays_as_arrays():
    ((data, _),) = capture_displays(glue, "v", np.array([1.0, 2.0]))
    assert data["application/papermill.record/text/plain"] == "array([1., 2.])"


def test_glue_rejects_bad_names():
    with pytest.raises(TypeError, match=r"^name must be a non-empty string"):
        glue("", 1.0)


def test_every_submodule_is_reachable_by_its_name():
    """``utils.<name>`` is the submodule of that name: no function may shadow one (as glue once did)."""
    import importlib
    import inspect
    import pkgutil

    import utils

    for info in pkgutil.iter_modules(utils.__path__):
        if not info.name.startswith("_"):
            assert getattr(utils, info.name) is importlib.import_module(f"utils.{info.name}"), info.name
    assert inspect.isfunction(utils.glue) and utils.glue is utils.scrapbook.glue
