"""The plugin that compares glued numbers as the prose shows them can fail, and says why."""

import nbformat
import pytest

from tests.nbval_runs import run_nbval

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
    run = run_nbval(tmp_path, "-p", "tests.glued_values")
    if failure is None:
        assert run.returncode == 0, run.stdout[-2000:]
    else:
        assert run.returncode == 1 and failure in run.stdout, run.stdout[-2000:]
