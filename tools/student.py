"""The student edition: ``python -m tools.student [OUTPUT_DIR]`` (``make student``).

Writes every chapter as a notebook with the exercise solutions removed and the
check cells kept, into ``_build/student/`` by default. Each exercise is followed
by a ``stub``-tagged starter cell (kept here) that defines the names the exercise
asks for with placeholder values; the student replaces them and the check cell
after the removed solution tests the result.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat

from tools import chapters, manifest

START = re.compile(r"```\{solution-start\}[^\n]*\n(?::[^\n]*\n)*```\n?")
END = re.compile(r"```\{solution-end\}\n```\n?")
REMOVED = "*Solution removed in the student edition: complete the starter cell above.*\n\n"


def remove_solutions(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Returns a copy of ``nb`` without the cells and text between solution-start and -end.

    Raises:
        ValueError: if a solution is opened and never closed.
    """
    nb = copy.deepcopy(nb)
    cells, inside = [], False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            if not inside:
                cells.append(cell)
            continue
        text, kept = cell.source, ""
        while text:
            if not inside:
                match = START.search(text)
                if match is None:
                    kept += text
                    break
                kept += text[: match.start()]
                text, inside = text[match.end() :], True
            else:
                match = END.search(text)
                if match is None:
                    break
                text, inside = text[match.end() :], False
                kept += REMOVED
                cells.append(nbformat.v4.new_markdown_cell(kept.strip()))
                kept = ""
        if kept.strip():
            cells.append(nbformat.v4.new_markdown_cell(kept.strip()))
    if inside:
        raise ValueError("a solution-start has no matching solution-end")
    nb.cells = cells
    return nb


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else manifest.ROOT / "_build" / "student"
    output.mkdir(parents=True, exist_ok=True)
    for md in chapters.chapter_sources():
        full = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
        student = remove_solutions(full)
        for cell in student.cells:  # a clean notebook to work in
            if cell.cell_type == "code":
                cell.execution_count, cell.outputs = None, []
        nbformat.write(student, output / md.with_suffix(".ipynb").name)
        print(f"{output.name}/{md.with_suffix('.ipynb').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
