"""Grades students' chapter notebooks with the book's own checks (``make grade``).

    python -m tools.grade CHAPTER SUBMISSIONS [--out DIR] [--cell-timeout S] [--timeout S] [--jobs N]

``CHAPTER`` is a chapter's name (``07_newton_cg``) or the path of its markdown
source; ``SUBMISSIONS`` a folder with one notebook per student, either
``SUBMISSIONS/<student>.ipynb`` or ``SUBMISSIONS/<student>/<any name>.ipynb``.
Writes ``grades.csv`` (one row per student, one column per exercise with the points
earned, a total and a note) and ``grades.md`` (the same as a readable table, with
the reason for every failed check) into ``--out`` (``_build/grades``). ``--jobs`` submissions run at once (default: the
number of CPUs).

How a submission is graded:

- its code cells run in order in a fresh kernel, in a temporary folder, with a time
  limit per cell and per notebook; a cell that raises does not stop the run;
- every check cell of the submission is dropped, and the book's check for that
  exercise runs in its place (where the student deleted it: before the next
  exercise's check, or at the end), in a copy of the kernel's namespace, so a check
  the student edited or deleted still runs as the book wrote it;
- printed output beyond a limit is discarded, so a flood of output cannot exhaust
  memory; a file that is not a notebook gets a row saying so.

Exercises carry points through a ``points-N`` tag on their check cell (default 1).
The checks run the student's code in the kernel: run this on untrusted submissions
inside a container or a throw-away machine, as with any autograder.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tools import chapters, manifest

CHECK_HEADER = re.compile(r"^# Check: exercise ([\w-]+)")
POINTS_TAG = re.compile(r"^points-(\d+)$")
OUTPUT_LIMIT = 1_000_000
"""Characters of printed output a submission may produce; the rest is discarded."""

GUARD = """\
import sys as _course_sys


def _course_report(line, _out=_course_sys.stdout):
    _out.write(line + "\\n")
    _out.flush()


class _CourseCapped:
    def __init__(self, stream, limit):
        self._stream, self._left = stream, limit

    def write(self, text):
        part = text[: max(self._left, 0)]
        self._left -= len(text)
        return self._stream.write(part) if part else len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


_course_sys.stdout = _CourseCapped(_course_sys.stdout, {limit})
_course_sys.stderr = _CourseCapped(_course_sys.stderr, {limit})
"""

WRAPPER = """\
try:
    exec(compile({source!r}, "<the book's check of {label}>", "exec"), dict(globals()))
except BaseException as _course_error:
    _course_first = next((s for s in str(_course_error).splitlines() if s.strip()), "")
    _course_report({marker!r} + {label!r} + " " + repr(
        f"{{type(_course_error).__name__}}: {{_course_first.strip()}}"[:200]))
else:
    _course_report({marker!r} + {label!r} + " 'passed'")
"""


@dataclass(frozen=True)
class Check:
    """The book's check of one exercise."""

    label: str
    source: str
    points: int


def book_checks(md: Path) -> list[Check]:
    """The check cells of a chapter's markdown source, in order, with their points.

    Raises:
        ValueError: if the chapter has no check cells or a check cell has no label.
    """
    found = []
    for cell in chapters.read_source(md).cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or "check" not in tags:
            continue
        match = CHECK_HEADER.match(cell.source)
        if match is None:
            raise ValueError(f"{md.name}: a check cell does not start with '# Check: exercise <label>'")
        points = [int(m.group(1)) for t in tags if (m := POINTS_TAG.match(t))]
        found.append(Check(match.group(1), cell.source, points[0] if points else 1))
    if not found:
        raise ValueError(f"{md.name}: no check cells, so nothing to grade")
    return found


def check_label(cell: nbformat.NotebookNode) -> str | None:
    """The exercise a submission's cell checks, if it is a check cell (by tag or by its first line)."""
    if cell.cell_type != "code":
        return None
    match = CHECK_HEADER.match(cell.source.lstrip())
    if match:
        return match.group(1)
    return "?" if "check" in cell.metadata.get("tags", []) else None


def graded_notebook(submission: nbformat.NotebookNode, checks: list[Check], marker: str):
    """The notebook to execute: the submission's code, its checks replaced by the book's."""
    cells, anchors = [nbformat.v4.new_code_cell(GUARD.format(limit=OUTPUT_LIMIT))], {}
    for cell in submission.cells:
        label = check_label(cell)
        if label is not None:
            anchors.setdefault(label, len(cells))
        elif cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(cell.source))
    # where each book check goes: its own place, else the next exercise's, else the end
    positions, later = [], len(cells)
    for check in reversed(checks):
        later = anchors.get(check.label, later)
        positions.append(later)
    positions.reverse()
    for check, at in sorted(zip(checks, positions, strict=True), key=lambda p: p[1], reverse=True):
        source = WRAPPER.format(source=check.source, label=check.label, marker=marker)
        cells.insert(at, nbformat.v4.new_code_cell(source))
    # equal positions were inserted last-first, which keeps book order
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def run_one(notebook: Path, results: Path, checks_from: Path, cell_timeout: float) -> None:
    """Executes one submission (in this process) and writes what it reports to ``results``.

    ``results`` gets one JSON object per line: a check's outcome, a cell's error,
    or how the run ended. The parent reads it even if it has to kill this process.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    marker = f"@@grade-{secrets.token_hex(8)}@@ "
    nb = graded_notebook(nbformat.read(notebook, as_version=4), book_checks(checks_from), marker)
    out = results.open("a")

    def report(**entry) -> None:
        out.write(json.dumps(entry) + "\n")
        out.flush()

    def on_cell_executed(cell, cell_index, execute_reply):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                for line in output.get("text", "").splitlines():
                    if line.startswith(marker):
                        label, outcome = line[len(marker) :].split(" ", 1)
                        report(check=label, outcome=eval_repr(outcome))
            elif output.get("output_type") == "error" and cell_index > 0:
                report(error=f"{output['ename']}: {output['evalue']}"[:300], cell=cell_index)
        cell.outputs = []  # keep memory flat: what matters is reported

    client = NotebookClient(
        nb,
        timeout=cell_timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(notebook.parent)}},
        on_cell_executed=on_cell_executed,
    )
    try:
        client.execute()
        report(end="finished")
    except CellTimeoutError:
        report(end=f"a cell ran longer than {cell_timeout:g} s")
    except DeadKernelError:
        report(end="the kernel died (out of memory?)")


def eval_repr(text: str) -> str:
    """The string a wrapper printed with ``repr`` (no code is evaluated)."""
    import ast

    value = ast.literal_eval(text)
    if not isinstance(value, str):
        raise ValueError(f"not a reported outcome: {text!r}")
    return value


@dataclass
class Row:
    """One student's grades: points per exercise and a note."""

    student: str
    earned: dict[str, int]
    reasons: dict[str, str]
    note: str


def grade(
    student: str, path: Path, checks: list[Check], md: Path, cell_timeout: float, timeout: float
) -> Row:
    """Grades one submission file in a child process with a wall-clock ``timeout``."""
    zero = {c.label: 0 for c in checks}
    try:
        if not isinstance(nbformat.read(path, as_version=4).cells, list):
            raise ValueError("it has no list of cells")
    except Exception as error:  # anything that does not read as a notebook
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Row(student, zero, {}, f"not a notebook: {first[:150]}")
    row = _grade_once(student, path, checks, md, cell_timeout, timeout)
    if row.note.startswith("the grader failed"):  # e.g. a kernel that did not start: not the student's doing
        row = _grade_once(student, path, checks, md, cell_timeout, timeout)
    return row


def _grade_once(
    student: str, path: Path, checks: list[Check], md: Path, cell_timeout: float, timeout: float
) -> Row:
    zero = {c.label: 0 for c in checks}
    with tempfile.TemporaryDirectory(prefix="grade-") as work:
        copy = Path(work) / "submission.ipynb"
        copy.write_bytes(path.read_bytes())
        results = Path(work) / "results.jsonl"
        results.touch()
        command = [sys.executable, "-m", "tools.grade", "--run-one", str(copy), str(results), str(md)]
        command += ["--cell-timeout", str(cell_timeout)]
        env = {**os.environ, "PYTHONHASHSEED": manifest.HASH_SEED}
        started = time.monotonic()
        child = subprocess.Popen(
            command,
            cwd=manifest.ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _, stderr = child.communicate(timeout=timeout)
            ended = None
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # the kernel too: it is in the same session
            _, stderr = child.communicate()
            ended = f"stopped after {timeout:g} s"
        entries = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
        elapsed = time.monotonic() - started
    outcomes = {e["check"]: e["outcome"] for e in entries if "check" in e}
    errors = [e["error"] for e in entries if "error" in e]
    end = next((e["end"] for e in entries if "end" in e), ended)
    if end is None:
        return Row(
            student,
            zero,
            {},
            f"the grader failed: {stderr.decode(errors='replace').strip().splitlines()[-1:]}",
        )
    earned, reasons = {}, {}
    for check in checks:
        outcome = outcomes.get(check.label, "not reached")
        earned[check.label] = check.points if outcome == "passed" else 0
        if outcome != "passed":
            reasons[check.label] = outcome
    notes = [] if end == "finished" else [end]
    if errors:
        notes.append(f"{len(errors)} cell(s) raised, first: {errors[0]}")
    notes.append(f"{elapsed:.0f} s")
    return Row(student, earned, reasons, "; ".join(notes))


def submissions(folder: Path) -> list[tuple[str, Path | None]]:
    """``(student, file)`` pairs: ``folder/<student>.*``, or the one notebook in ``folder/<student>/``.

    A student folder without exactly one notebook gives ``None`` for the file.
    """
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            notebooks = sorted(entry.glob("*.ipynb"))
            found.append((entry.name, notebooks[0] if len(notebooks) == 1 else None))
        else:
            found.append((entry.stem, entry))
    return found


def write_tables(rows: list[Row], checks: list[Check], out: Path, chapter: str) -> tuple[Path, Path]:
    """Writes ``grades.csv`` and ``grades.md`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    labels = [c.label for c in checks]
    possible = sum(c.points for c in checks)
    with (out / "grades.csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student", *labels, "total", "out of", "note"])
        for r in rows:
            writer.writerow(
                [r.student, *(r.earned[x] for x in labels), sum(r.earned.values()), possible, r.note]
            )
    lines = [
        f"# Grades: {chapter}",
        "",
        f"{len(rows)} submission(s), {len(checks)} exercise(s), {possible} point(s). "
        "✓ passed the book's check, ✗ failed it.",
        "",
        "| student | " + " | ".join(labels) + " | total | note |",
        "|" + "---|" * (len(labels) + 3),
    ]
    for r in rows:
        marks = " | ".join("✓" if r.earned[x] else "✗" for x in labels)
        lines.append(f"| {r.student} | {marks} | {sum(r.earned.values())}/{possible} | {r.note} |")
    lines += ["", "## Why checks failed", ""]
    for r in rows:
        for label, reason in r.reasons.items():
            lines.append(f"- {r.student}, `{label}`: {reason}")
    (out / "grades.md").write_text("\n".join(lines) + "\n")
    return out / "grades.csv", out / "grades.md"


def chapter_source(name: str) -> Path:
    """The markdown source of a chapter given as ``NN_name`` or a path.

    Raises:
        ValueError: if there is no such chapter.
    """
    path = Path(name)
    md = path if path.suffix == ".md" else chapters.CHAPTERS / f"{path.stem}.md"
    if not md.is_file():
        known = ", ".join(p.stem for p in chapters.chapter_sources())
        raise ValueError(f"no chapter {name!r}; the chapters are {known}")
    return md


USAGE = __doc__.split("\n\n")[1]


def main(argv: list[str]) -> int:
    args, options = (
        [],
        {
            "--out": str(manifest.ROOT / "_build" / "grades"),
            "--cell-timeout": "300",
            "--timeout": "900",
            "--jobs": str(os.cpu_count() or 1),
        },
    )
    it = iter(argv)
    for arg in it:
        if arg == "--run-one":
            notebook, results, md = (Path(next(it)) for _ in range(3))
            rest = list(it)
            run_one(notebook, results, md, float(rest[rest.index("--cell-timeout") + 1]))
            return 0
        if arg in options:
            options[arg] = next(it, None)
        elif arg.startswith("-"):
            print(f"unknown option {arg}\nusage:{USAGE}", file=sys.stderr)
            return 2
        else:
            args.append(arg)
    if len(args) != 2 or None in options.values():
        print(f"usage:{USAGE}", file=sys.stderr)
        return 2
    md, folder = chapter_source(args[0]), Path(args[1])
    if not folder.is_dir():
        print(f"{folder} is not a folder of submissions", file=sys.stderr)
        return 2
    checks = book_checks(md)
    limits = float(options["--cell-timeout"]), float(options["--timeout"])

    def one(entry: tuple[str, Path | None]) -> Row:
        student, path = entry
        if path is None:
            return Row(student, {c.label: 0 for c in checks}, {}, "not exactly one .ipynb in the folder")
        return grade(student, path, checks, md, *limits)

    with ThreadPoolExecutor(max_workers=max(1, int(options["--jobs"]))) as pool:
        rows = list(pool.map(one, submissions(folder)))
    for r in rows:
        print(f"{r.student}: {sum(r.earned.values())}/{sum(c.points for c in checks)} ({r.note})")
    csv_path, md_path = write_tables(rows, checks, Path(options["--out"]), md.stem)
    print(f"wrote {csv_path} and {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
