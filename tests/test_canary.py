"""The canary reports every failing cell by kind, and ignores only the version line."""

import configparser
import re

import nbformat

from tests.nbval_runs import run_nbval
from tools import canary

REPORT_LINE = "Python 3.X | jax 0.10.3 | jaxlib 0.10.3 | flax 0.12.9 | optax 0.2.9\n"


def rules(text: str) -> list[tuple[str, str]]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    return [(parser[s]["regex"], parser[s]["replace"]) for s in parser.sections()]


def sanitize(text: str, cfg: str) -> str:
    for regex, replace in rules(cfg):
        text = re.sub(regex, replace, text)
    return text


def test_version_line_is_sanitized_for_the_canary_only():
    pinned = canary.SANITIZE.read_text()
    newer = REPORT_LINE.replace("0.10.3", "0.11.0").replace("0.12.9", "0.13.0")
    assert sanitize(REPORT_LINE, pinned) != sanitize(newer, pinned), (
        "the pinned run must still see a new version"
    )
    assert sanitize(REPORT_LINE, pinned + canary.VERSION_RULE) == sanitize(
        newer, pinned + canary.VERSION_RULE
    )


def test_failures_names_every_failing_cell_by_kind(tmp_path):
    def cell(source, count, text=None):
        c = nbformat.v4.new_code_cell(source)
        c.execution_count = count
        c.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)] if text else []
        return c

    nb = nbformat.v4.new_notebook(
        cells=[
            cell("print('loss 0.25')", 1, "loss 0.5\n"),
            cell("raise ValueError('a changed API')", 2),
            cell("print(1)", 3, "1\n"),
            cell("print('step 3')", 4, "step 4\n"),
        ]
    )
    nbformat.write(nb, tmp_path / "99_tiny.ipynb")
    run_nbval(tmp_path, "--junitxml=junit.xml")
    found = canary.failures((tmp_path / "junit.xml").read_text())
    assert [(f.notebook, f.cell, f.kind) for f in found] == [
        ("99_tiny.ipynb", "Cell 0", "output differs"),
        ("99_tiny.ipynb", "Cell 1", "cell raised"),
        ("99_tiny.ipynb", "Cell 3", "output differs"),
    ]
    assert found[0].detail == "committed 'loss 0.5' -> now 'loss 0.25'"
    assert found[1].detail == "ValueError: a changed API"
    text = canary.report("jax 9.9", found)
    assert "## Cell raised (1)" in text and "## Output differs (2)" in text and "Cell 3" in text
