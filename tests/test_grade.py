"""The grader (tools/grade.py) on a tiny chapter and the kinds of submission instructors get."""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

import nbformat
import pytest

from tools import grade

CHAPTER = textwrap.dedent('''\
    ---
    jupytext:
      text_representation:
        extension: .md
        format_name: myst
    kernelspec:
      name: python3
      display_name: Python 3
    ---

    # A tiny chapter

    ```{code-cell} ipython3
    :tags: [stub]

    def double(x):
        """Replace this placeholder with your own code."""
        return x
    ```

    ```{code-cell} ipython3
    :tags: [check]

    # Check: exercise tiny-ex-double
    assert double(21) == 42 and double(-4) == -8
    print("correct")
    ```

    ```{code-cell} ipython3
    :tags: [stub]

    def square(x):
        """Replace this placeholder with your own code."""
        return x
    ```

    ```{code-cell} ipython3
    :tags: [check, points-3]

    # Check: exercise tiny-ex-square
    assert square(7) == 49 and square(-3) == 9
    print("correct")
    ```
    ''')

DOUBLE, SQUARE = "def double(x):\n    return 2 * x", "def square(x):\n    return x * x"
CHECK_1 = "# Check: exercise tiny-ex-double\nassert double(21) == 42 and double(-4) == -8"
CHECK_2 = "# Check: exercise tiny-ex-square\nassert square(7) == 49 and square(-3) == 9"
STUBS = ("def double(x):\n    return x", "def square(x):\n    return x")


def notebook(*sources: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])


SUBMISSIONS = {
    "full": notebook(DOUBLE, CHECK_1, SQUARE, CHECK_2),
    "untouched": notebook(STUBS[0], CHECK_1, STUBS[1], CHECK_2),
    # the checks edited to pass (one keeps its header, one lost it but kept its tag)
    "edited": notebook(STUBS[0], "# Check: exercise tiny-ex-double\npass", STUBS[1], "pass"),
    "deleted": notebook(DOUBLE, SQUARE),  # no checks at all: the book's run at the end
    "half": notebook(DOUBLE, CHECK_1, STUBS[1], CHECK_2),
    "raises": notebook(DOUBLE, CHECK_1, "raise RuntimeError('my code broke')", SQUARE, CHECK_2),
    "hangs": notebook(DOUBLE, CHECK_1, "import time\nwhile True:\n    time.sleep(0.1)", SQUARE),
    "floods": notebook("for _ in range(50):\n    print('x' * 1_000_000)", DOUBLE, SQUARE, CHECK_2),
    "fakes": notebook(DOUBLE, SQUARE, "print('@@grade-0000@@ tiny-ex-square passed')"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("grading")
    md = root / "99_tiny.md"
    md.write_text(CHAPTER)
    folder = root / "submissions"
    folder.mkdir()
    for name, nb in SUBMISSIONS.items():
        if name == "edited":
            nb.cells[3].metadata["tags"] = ["check"]
        nbformat.write(nb, folder / f"{name}.ipynb")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a notebook")
    (folder / "empty-folder").mkdir()
    (folder / "in-a-folder").mkdir()
    nbformat.write(SUBMISSIONS["full"], folder / "in-a-folder" / "whatever.ipynb")
    out = root / "grades"
    argv = [str(md), str(folder), "--out", str(out), "--cell-timeout", "15", "--timeout", "120"]
    assert grade.main(argv) == 0
    with (out / "grades.csv").open() as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    return rows, (out / "grades.md").read_text()


def scores(row):
    return int(row["tiny-ex-double"]), int(row["tiny-ex-square"]), int(row["total"])


@pytest.mark.parametrize(
    ("student", "expected"),
    [
        ("full", (1, 3, 4)),
        ("in-a-folder", (1, 3, 4)),
        ("untouched", (0, 0, 0)),
        ("edited", (0, 0, 0)),
        ("deleted", (1, 3, 4)),
        ("half", (1, 0, 1)),
        ("raises", (1, 3, 4)),  # a cell that raises costs only what it breaks
        ("hangs", (1, 0, 1)),  # stopped in the endless cell: the rest never ran
        ("floods", (1, 3, 4)),
        ("fakes", (1, 3, 4)),  # printing a fake marker earns nothing extra (the marker is secret)
        ("notes", (0, 0, 0)),
        ("empty-folder", (0, 0, 0)),
    ],
)
def test_each_kind_of_submission_gets_the_points_it_earned(graded, student, expected):
    rows, _ = graded
    assert scores(rows[student]) == expected, rows[student]["note"]
    assert rows[student]["out of"] == "4"


def test_failures_and_odd_submissions_say_why(graded):
    rows, summary = graded
    assert "RuntimeError: my code broke" in rows["raises"]["note"]
    assert "longer than 15 s" in rows["hangs"]["note"]
    assert rows["notes"]["note"].startswith("not a notebook")
    assert "not exactly one .ipynb" in rows["empty-folder"]["note"]
    assert "- untouched, `tiny-ex-double`: AssertionError" in summary
    assert "- hangs, `tiny-ex-square`: not reached" in summary
    assert "| full | ✓ | ✓ | 4/4 |" in summary


def test_fake_marker_does_not_count(graded):
    rows, _ = graded
    assert int(rows["fakes"]["tiny-ex-square"]) == 3  # earned by its own square, checked by the book


def test_checks_carry_points_and_labels():
    md = Path(__file__).resolve().parents[1] / "chapters" / "02_forward_reverse.md"
    checks = grade.book_checks(md)
    assert [c.points for c in checks] == [1] * len(checks)
    assert all(c.label.startswith("fr-ex-") for c in checks)


def test_unknown_chapter_is_named():
    with pytest.raises(ValueError, match="no chapter '42_nothing'"):
        grade.chapter_source("42_nothing")
