"""The student edition: solutions gone, starter cells and checks kept.

That every check then fails with an ``AssertionError``, on the starter cell's
placeholders and on each plausible wrong answer in ``tests/wrong_answers/``, is
proved inside strict nbval's run by ``tests/student_edition.py`` (no second
execution of the book); these tests check the edition's structure and that every
chapter brings a wrong answer for an exercise it has.
"""

import re

import nbformat
import pytest

from tests.student_edition import wrong_answers
from tools import chapters, student

SOURCES = chapters.chapter_sources()


def checks(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "check" in c.metadata.get("tags", [])]


def stubs(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "stub" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_student_edition_keeps_starters_and_checks_and_drops_solutions(md):
    full = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    edition = student.remove_solutions(full)
    text = "\n".join(c.source for c in edition.cells)
    assert "solution-start" not in text and "solution-end" not in text
    assert len(checks(edition)) == len(checks(full)) > 0
    assert len(stubs(edition)) == len(stubs(full)) == len(checks(full))
    kept = {c.source for c in edition.cells if c.cell_type == "code"}
    assert len(kept) < len({c.source for c in full.cells if c.cell_type == "code"}), (
        "no solution code was removed"
    )


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_chapter_proves_a_wrong_answer_fails(md):
    answers = wrong_answers(md.stem)
    assert answers, f"tests/wrong_answers/{md.stem}.py: give at least one plausible wrong answer"
    labels = re.findall(r"```\{exercise-start\}\n:label: ([\w-]+)", md.read_text())
    for label, code in answers.items():
        assert label in labels, f"tests/wrong_answers/{md.stem}.py: {label} is not an exercise of the chapter"
        compile(code, f"wrong answer for {label}", "exec")


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
