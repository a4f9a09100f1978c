"""The student edition, proved inside strict nbval's own run (a pytest plugin, loaded by conftest).

In the student edition a solution is removed and its exercise's starter cell
(tagged ``stub``) stays, so the check that follows runs on the starter's
placeholder values. Every check must then fail with an ``AssertionError``: that
proves it tests the answer rather than passing on anything (a ``NameError`` would
prove nothing). The same holds for each plausible wrong answer in
``tests/wrong_answers/NN_name.py``.

Rather than execute every chapter a second time, this runs in the kernel nbval
already has: right after nbval executes a starter cell, the check is executed in a
*copy* of the kernel's namespace (so the full run goes on untouched), once as the
starter left it and once after each wrong answer. A check that does not fail with
an ``AssertionError`` fails that starter cell's test, naming the exercise.
"""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

WRONG_ANSWERS = Path(__file__).parent / "wrong_answers"
MARK = "@@student-edition@@ "
HIDDEN = """
def _course_check_in_copy(check, wrong):
    namespace = dict(globals())
    try:
        if wrong is not None:
            exec(compile(wrong, "<wrong answer>", "exec"), namespace)
        exec(compile(check, "<check>", "exec"), namespace)
    except AssertionError:
        return "AssertionError"
    except BaseException as error:
        return f"{{type(error).__name__}}: {{error}}"[:400]
    return "passed"
print({mark!r} + _course_check_in_copy({check!r}, {wrong!r}))
del _course_check_in_copy
"""


def wrong_answers(stem: str) -> dict[str, str]:
    """``{exercise label: code}`` from ``tests/wrong_answers/<stem>.py`` (empty if there is none)."""
    path = WRONG_ANSWERS / f"{stem}.py"
    return runpy.run_path(str(path))["WRONG"] if path.exists() else {}


def exercise_of_stub(cells: list, index: int) -> tuple[str, str]:
    """The label of the exercise a starter cell belongs to, and the source of its check cell."""
    before = "\n".join(c.source for c in cells[:index] if c.cell_type == "markdown")
    labels = re.findall(r"```\{exercise-start\}\n:label: ([\w-]+)", before)
    if not labels:
        raise ValueError(f"the starter cell at {index} follows no exercise")
    check = next(
        (c for c in cells[index + 1 :] if c.cell_type == "code" and "check" in c.metadata.get("tags", [])),
        None,
    )
    if check is None:
        raise ValueError(f"exercise {labels[-1]}: no check cell after its starter cell")
    return labels[-1], check.source


def run_hidden(kernel, code: str, timeout: float) -> str:
    """Executes ``code`` in nbval's kernel and returns what it printed (nothing reaches the notebook)."""
    msg_id = kernel.execute_cell_input(code, allow_stdin=False)
    kernel.await_reply(msg_id, timeout=timeout)
    printed = []
    while True:
        msg = kernel.get_message(stream="iopub", timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            printed.append(f"{MARK}{msg['content']['ename']}: {msg['content']['evalue']}\n")
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(printed)


def check_outcome(kernel, check: str, wrong: str | None, timeout: float) -> str:
    """How the check ends in a copy of the kernel's namespace: "AssertionError", "passed" or another error."""
    printed = run_hidden(kernel, HIDDEN.format(mark=MARK, check=check, wrong=wrong), timeout)
    found = [line[len(MARK) :] for line in printed.splitlines() if line.startswith(MARK)]
    return found[-1] if found else f"no result (printed {printed[-300:]!r})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if type(item).__name__ != "IPyNbCell" or "stub" not in item.cell.metadata.get("tags", []):
        return result
    cells = item.parent.nb.cells
    index = next(i for i, c in enumerate(cells) if c is item.cell)
    label, check = exercise_of_stub(cells, index)
    stem = Path(str(item.parent.path)).stem
    trials = {"the starter cell": None}
    if label in (answers := wrong_answers(stem)):
        trials[f"the wrong answer in tests/wrong_answers/{stem}.py"] = answers[label]
    timeout = item.config.option.nbval_cell_timeout
    problems = []
    for what, wrong in trials.items():
        outcome = check_outcome(item.parent.kernel, check, wrong, timeout)
        if outcome != "AssertionError":
            verb = "passes" if outcome == "passed" else f"fails with {outcome}, not an AssertionError,"
            problems.append(f"student edition: the check of exercise {label} {verb} on {what}")
    if problems:
        raise AssertionError("\n".join(problems))
    return result
