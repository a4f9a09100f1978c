"""The plugin that proves the student edition inside nbval's run can fail, and says why."""

import nbformat
import pytest

from tests.nbval_runs import run_nbval

TASK = "```{exercise-start}\n:label: t-ex-square\n```\n\nWrite `square(x)`.\n\n```{exercise-end}\n```"


def chapter(stub_source: str) -> nbformat.NotebookNode:
    def code(source, count, tags=()):
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)} if tags else {})
        cell.execution_count, cell.outputs = count, []
        return cell

    check = code("# Check: exercise t-ex-square\nassert square(3) == 9\nassert square(-2) == 4", 3, ["check"])
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(TASK),
            code(stub_source, 1, ["stub"]),
            nbformat.v4.new_markdown_cell("```{solution-start} t-ex-square\n:class: dropdown\n```"),
            code("def square(x):\n    return x * x", 2),
            nbformat.v4.new_markdown_cell("```{solution-end}\n```"),
            check,
        ]
    )


@pytest.mark.parametrize(
    "stub, failure",
    [
        ("def square(x):\n    return 0", None),
        (
            "def square(x):\n    return x ** 2  # a starter that already solves it",
            "passes on the starter cell",
        ),
        ("pass  # defines nothing", "fails with NameError"),
    ],
)
def test_a_check_must_fail_with_an_assertion_error_on_the_starter_cell(tmp_path, stub, failure):
    nbformat.write(chapter(stub), tmp_path / "99_tiny.ipynb")
    run = run_nbval(tmp_path, "-p", "tests.student_edition")
    if failure is None:
        assert run.returncode == 0, run.stdout[-2000:]
    else:
        assert run.returncode == 1 and "student edition: the check of exercise t-ex-square" in run.stdout
        assert failure in run.stdout, run.stdout[-2000:]
