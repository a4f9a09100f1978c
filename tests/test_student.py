"""The student edition: solutions gone, checks kept, and every check fails without them.

Each full notebook passes strict nbval elsewhere; here each student notebook is
executed with errors allowed, and every check cell must fail with an
``AssertionError``: on the placeholder values of the starter cells, and on the
plausible wrong answers in ``tests/wrong_answers/`` (at least one per chapter).
A ``NameError`` or ``TypeError`` would prove nothing about the check, so it fails
this test. That proves the checks test the answer rather than pass on anything.
"""

import runpy
from pathlib import Path

import nbformat
import pytest

from tools import notebooks, student

SOURCES = notebooks.chapter_sources()
WRONG = Path(__file__).parent / "wrong_answers"


def wrong_answers(md):
    """``{exercise label: code}``: a plausible wrong solution to one or more of the chapter's exercises."""
    path = WRONG / f"{md.stem}.py"
    return runpy.run_path(str(path))["WRONG"] if path.exists() else {}


def with_wrong_answers(nb, answers):
    """Puts each wrong answer right after its exercise's starter cell."""
    nb = nbformat.from_dict(nb)
    for label, code in answers.items():
        start = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and f":label: {label}\n" in c.source)
        stub = next(i for i in range(start, len(nb.cells))
                    if nb.cells[i].cell_type == "code" and "stub" in nb.cells[i].metadata.get("tags", []))
        nb.cells.insert(stub + 1, nbformat.v4.new_code_cell(code))
    return nb


def checks(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "check" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_student_edition_fails_every_check(md, tmp_path):
    full = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    edition = student.remove_solutions(full)
    text = "\n".join(c.source for c in edition.cells)
    assert "solution-start" not in text and "solution-end" not in text
    assert len(checks(edition)) == len(checks(full)) > 0
    edition = notebooks.execute(with_wrong_answers(edition, wrong_answers(md)), md.parent, allow_errors=True)
    for cell in checks(edition):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors, f"{md.name}: a check passes without its solution:\n{cell.source}"
        assert errors[0].ename == "AssertionError", (
            f"{md.name}: a check fails with {errors[0].ename}, not AssertionError: "
            f"does the starter cell define every name it uses?\n{cell.source}"
        )


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_chapter_proves_a_wrong_answer_fails(md):
    assert wrong_answers(md), f"tests/wrong_answers/{md.stem}.py: give at least one plausible wrong answer"


def test_unclosed_solution_is_an_error():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("```{solution-start} x\n:class: dropdown\n```\n")]
    with pytest.raises(ValueError, match="no matching solution-end"):
        student.remove_solutions(nb)


def test_make_student_writes_every_chapter(tmp_path):
    assert student.main([str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.glob("*.ipynb"))
    assert written == sorted(p.with_suffix(".ipynb").name for p in SOURCES)
    for path in tmp_path.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert all(c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
