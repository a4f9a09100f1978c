"""The Colab edition: plain Markdown that reads like the site, current, and the chapter's own code."""

import ast
import re

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

from tests.test_notebooks import defined_names
from tests.test_notebooks import used_names as python_names
from tools import chapters, edition, notebooks

SOURCES = chapters.chapter_sources()
MYST = [
    r"\{glue",
    r"```\{",
    r":::\{",
    r"\{ref\}",
    r"\{numref\}",
    r"\{cite",
    r"\{doc\}",
    r"\{eq\}",
    r"^\([\w-]+\)=$",
    r"\{solution",
    r"\{exercise",
]


@pytest.fixture(scope="module")
def where():
    return edition.targets()


@pytest.fixture(scope="module")
def bib():
    return edition.bibliography()


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
@pytest.mark.parametrize("student", [False, True], ids=["colab", "student"])
def test_edition_is_committed_current_and_plain(md, student, where, bib):
    built = edition.edition(md, student, where, bib)
    path = (edition.STUDENT if student else edition.EDITION) / md.with_suffix(".ipynb").name
    assert path.exists() and path.read_text() == nbformat.writes(built) + "\n", (
        f"{path.name}: run `make notebooks`"
    )
    for cell in built.cells:
        if cell.cell_type == "markdown":
            for pattern in MYST:
                assert not re.search(pattern, cell.source, flags=re.M), (
                    f"{path.name}: MyST left: {pattern}\n{cell.source[:300]}"
                )
    assert built.cells[0].cell_type == "markdown" and edition.site_page(md.stem) in built.cells[0].source
    first_code = next(c for c in built.cells if c.cell_type == "code")
    assert first_code.source == notebooks.colab_cell(nbformat.read(md.with_suffix(".ipynb"), as_version=4))


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_glued_number_appears_as_text(md, where, bib):
    full = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    values = chapters.glued(full)
    text = "\n".join(c.source for c in edition.edition(md, False, where, bib).cells)
    prose = "\n".join(c.source for c in full.cells if c.cell_type == "markdown")
    for name, spec in chapters.GLUE_ROLE.findall(prose):
        shown = chapters.rendered(values[name], spec)
        assert shown in text, f"{md.stem}: glued {name} = {shown} is not in the Colab edition"


def used_names(source: str) -> set[str]:
    """Names a cell reads, magics included (``%pip`` becomes a call)."""
    return python_names(TransformerManager().transform_cell(source))


def bound_anywhere(source: str) -> set[str]:
    """Every name a cell binds, in nested scopes too (loops, comprehensions, parameters)."""
    tree = ast.parse(TransformerManager().transform_cell(source))
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return names | {a.arg for a in ast.walk(tree) if isinstance(a, ast.arg)}


def expected_code(full):
    """The chapter's code cells as the Colab edition should hold them: (is a solution, source)."""
    expected, group = [], None
    for cell in full.cells:
        if cell.cell_type == "markdown":
            for marker in re.findall(r"\{solution-(start|end)\}", cell.source):
                if marker == "start":
                    group = []
                else:
                    expected.append((True, "\n\n".join(group)))
                    group = None
        elif "remove-cell" not in cell.metadata.get("tags", []):
            (group.append if group is not None else lambda s: expected.append((False, s)))(cell.source)
    code = [c for c in full.cells if c.cell_type == "code"]
    for k, cell in enumerate(code):  # plumbing may not bind a name the reader's code reads
        if "remove-cell" not in cell.metadata.get("tags", []):
            continue
        for name in defined_names(cell.source):
            for later in code[k + 1 :]:
                if "remove-cell" in later.metadata.get("tags", []):
                    continue
                if name in bound_anywhere(later.source):
                    break  # bound again (or a local name there)
                assert name not in used_names(later.source), (
                    f"hidden cell binds {name!r}, read later:\n{cell.source}"
                )
    return expected


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_editions_run_the_chapters_own_code(md, where, bib):
    """So strict nbval of the chapter proves the editions run: the same code in the same order.

    They leave out only `remove-cell` cells (glue), which bind no name the rest uses; the
    Colab edition folds each solution into one hidden form cell, the student edition drops it.
    """
    full = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    expected = expected_code(full)
    colab = [c.source for c in edition.edition(md, False, where, bib).cells if c.cell_type == "code"]
    assert len(colab) == len(expected), f"{md.stem}: {len(colab)} code cells, expected {len(expected)}"
    for got, (is_solution, source) in zip(colab, expected, strict=True):
        if is_solution:
            assert got.startswith(edition.SOLUTION_TITLE) and got.endswith(source)
        else:
            assert got == source
    student = [c.source for c in edition.edition(md, True, where, bib).cells if c.cell_type == "code"]
    assert student == [source for is_solution, source in expected if not is_solution]


def test_solutions_are_hidden_form_cells():
    md = SOURCES[0]
    nb = edition.edition(md)
    forms = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith(edition.SOLUTION_TITLE)]
    assert len(forms) == len(re.findall(r"```\{solution-start\}", md.read_text())) > 0


def test_an_edition_runs_from_a_folder_outside_the_repository(tmp_path):
    """A smoke run of the shortest chapter's Colab edition, where a reader's download would sit.

    The other editions run the chapter's own code (checked above), which strict nbval runs.
    """
    path = edition.EDITION / "00_getting_started.ipynb"
    nb = nbformat.read(path, as_version=4)
    executed = notebooks.execute(nb, tmp_path)
    errors = [
        o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    expected = [c for c in nb.cells if "raises-exception" in c.metadata.get("tags", [])]
    assert len(errors) == len(expected), [f"{e.ename}: {e.evalue}" for e in errors]
