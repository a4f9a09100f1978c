"""The first code cell of every chapter, generated from the pins and the repository URL.

On Colab it installs the versions the book was tested with, reinstalling JAX
with the extra of the accelerator the runtime came with (never a bare CPU
jaxlib); everywhere it sets full float32 matrix products and prints the
environment report. The cell is the template below with ``$names`` filled in.
"""

from __future__ import annotations

from string import Template

from tools import manifest

PINNED = ("flax", "optax", "scikit-learn", "orbax-checkpoint", "optimistix")
"""What the Colab cell installs at the book's pins, after JAX (with its accelerator extra)."""

MATMUL_PRECISION = "float32"
"""Set by every chapter's first cell, so results on GPUs and TPUs match the book's."""

CELL = Template("""\
# Set-up. On Colab: install the versions of JAX, Flax, Optax and the
# libraries the chapters compare with that this book was tested with, and
# its `utils`, reinstalling JAX with the extra of the accelerator the
# runtime came with (GPU or TPU).
import shlex
import sys
from importlib.util import find_spec

if "google.colab" in sys.modules:
    plugins = {  # the module each accelerator runtime ships -> the JAX extra
        "jax_cuda13_plugin": "cuda13",
        "jax_cuda12_plugin": "cuda12",
        "libtpu": "tpu",
    }
    extra = next((f"[{e}]" for m, e in plugins.items() if find_spec(m)), "")
    # the course's utils as of its release $tag, not whatever main is today
    course = "$url"
    release = "$commit"  # $tag
    packages = [
        f"jax{extra}==$jax",
$pinned        f"git+{course}@{release}",
    ]
    pip_args = shlex.join(packages)
    %pip install --quiet {pip_args}

import jax

# Multiply float32 matrices in full float32, as CPUs do. By default recent
# NVIDIA GPUs round the factors to TF32 (about 3 significant digits) and
# TPUs to bfloat16 (about 2).
jax.config.update("jax_default_matmul_precision", "$precision")

${devices}\
try:
    from utils.env import report
except ImportError as error:  # your own utils.py, or another `utils` package
    raise ImportError(
        "`utils` is not this course's package: rename your own utils.py "
        "(or uninstall the other `utils`), restart the runtime and run "
        "this cell again"
    ) from error

report()""")

DEVICES = Template("""\
# This chapter runs on several devices. Without enough GPUs or TPU cores it
# simulates them on the CPU, which JAX sets up before its first operation.
jax.config.update("jax_num_cpu_devices", $count)

""")


def colab_cell(cpu_devices: int | None = None) -> str:
    """The source of the first code cell of every chapter.

    Args:
        cpu_devices: for a chapter that needs several devices (its front matter's
            ``course.cpu_devices``), how many CPU devices JAX should simulate. JAX
            reads this setting once, before its first operation, so the cell sets
            it before ``report()`` lists the devices.

    Returns:
        The cell's source.

    Raises:
        TypeError, ValueError: if ``cpu_devices`` is not a positive integer.

    Example:
        >>> "report()" in colab_cell() and "jax_num_cpu_devices" in colab_cell(cpu_devices=8)
        True
    """
    if cpu_devices is not None and (not isinstance(cpu_devices, int) or isinstance(cpu_devices, bool)):
        raise TypeError(f"cpu_devices must be an integer or None, got {cpu_devices!r}")
    if cpu_devices is not None and cpu_devices < 1:
        raise ValueError(f"cpu_devices must be at least 1, got {cpu_devices}")
    pins = manifest.pins()
    return CELL.substitute(
        jax=pins["jax"],
        pinned="".join(f'        "{name}=={pins[name]}",\n' for name in PINNED),
        url=manifest.repository_url(),
        commit=manifest.release()["commit"],
        tag=manifest.release()["tag"],
        precision=MATMUL_PRECISION,
        devices="" if cpu_devices is None else DEVICES.substitute(count=cpu_devices),
    )
