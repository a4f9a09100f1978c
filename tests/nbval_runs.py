"""Strict nbval on a tiny notebook in a folder of its own, as the plugin and canary tests need it."""

import os
import subprocess
import sys
from pathlib import Path

from tools import manifest


def run_nbval(folder: Path, *args: str, notebook: str = "99_tiny.ipynb") -> subprocess.CompletedProcess:
    """Runs ``pytest --nbval`` on ``folder/notebook`` with the repository importable (its plugins).

    ``args`` adds options, e.g. ``"-p", "tests.student_edition"`` or ``"--junitxml=junit.xml"``.
    """
    env = {**os.environ, "PYTHONPATH": str(manifest.ROOT)}
    command = [sys.executable, "-m", "pytest", notebook, "--nbval", "--nbval-current-env",
               "-q", "-p", "no:cacheprovider", "-o", "addopts=", *args]  # fmt: skip
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
