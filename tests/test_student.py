"""The student edition: solutions gone, checks kept, and every check fails without them.

Each full notebook passes strict nbval elsewhere; here each student notebook is
executed with errors allowed, and every check cell must raise. That proves the
checks test the answer rather than pass on anything.
"""

import nbformat
import pytest

from tools import notebooks, student

SOURCES = notebooks.chapter_sources()


def checks(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "check" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_student_edition_fails_every_check(md, tmp_path):
    full = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    edition = student.remove_solutions(full)
    text = "\n".join(c.source for c in edition.cells)
    assert "solution-start" not in text and "solution-end" not in text
    assert len(checks(edition)) == len(checks(full)) > 0
    edition = notebooks.execute(edition, md.parent, allow_errors=True)
    for cell in checks(edition):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors, f"{md.name}: a check passes without its solution:\n{cell.source}"


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
