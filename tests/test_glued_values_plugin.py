"""The plugin that compares glued numbers as the prose shows them can fail, and says why."""

import os
import subprocess
import sys

import nbformat
import pytest

from tools import manifest

COMMITTED = "0.5179373025894165"


def chapter(tmp_path, fresh_value: str):
    cell = nbformat.v4.new_code_cell(f"from utils import glue\nglue('share', {fresh_value})")
    cell.metadata = {"tags": ["remove-cell"]}
    cell.execution_count = 1
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/papermill.record/text/plain": COMMITTED},
            metadata={"scrapbook": {"name": "share", "mime_prefix": "application/papermill.record/"}},
        )
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), tmp_path / "99_tiny.ipynb")
    (tmp_path / "99_tiny.md").write_text("The share was {glue:text}`share:.3f`.\n")


@pytest.mark.parametrize(
    "fresh, failure",
    [
        ("0.5179373621940613", None),  # another CPU's last float32 digits: the reader sees 0.518 both times
        ("0.6", "share:.3f showed '0.518', now '0.600'"),
    ],
)
def test_glued_values_are_compared_as_rendered(tmp_path, fresh, failure):
    chapter(tmp_path, fresh)
    env = {**os.environ, "PYTHONPATH": str(manifest.ROOT)}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "99_tiny.ipynb",
            "--nbval",
            "--nbval-current-env",
            "-p",
            "tests.glued_values",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    if failure is None:
        assert run.returncode == 0, run.stdout[-2000:]
    else:
        assert run.returncode == 1 and failure in run.stdout, run.stdout[-2000:]
