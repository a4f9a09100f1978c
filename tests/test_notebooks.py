"""Structure checks of every chapter: pairing, execution state, the Colab cell, exercises, the toc.

These read the committed files only (fast). Strict nbval, run by the same pytest
command, re-executes every notebook and compares its outputs.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

from tools import chapters, colab, manifest, notebooks

ROOT = manifest.ROOT
SOURCES = chapters.chapter_sources()
NOTEBOOKS = sorted(chapters.CHAPTERS.glob("*.ipynb"))
MAX_BYTES = 2 * 1024 * 1024
MAX_LINE = notebooks.MAX_LINE
NAME = re.compile(r"\d\d_[a-z0-9_]+")


def ids(paths):
    return [p.stem for p in paths]


def read(nb_path: Path) -> nbformat.NotebookNode:
    return nbformat.read(nb_path, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_there_are_chapters():
    assert SOURCES, "no chapters/*.md found"


def test_every_markdown_has_a_notebook_and_vice_versa():
    assert ids(SOURCES) == ids(NOTEBOOKS)


@pytest.mark.parametrize("md", SOURCES, ids=ids(SOURCES))
def test_chapter_file_names(md):
    assert NAME.fullmatch(md.stem), f"{md.name}: chapters are named NN_name.md (lower case)"


@pytest.mark.parametrize("md", SOURCES, ids=ids(SOURCES))
def test_pair_is_in_sync(md):
    """The notebook holds exactly the cells of its markdown (run `make notebooks` if not)."""
    source = notebooks.with_colab_cell(chapters.read_source(md))
    committed = read(md.with_suffix(".ipynb"))
    expected = [
        (c.cell_type, c.source, c.metadata.get("tags", []), c.metadata.get("mystnb")) for c in source.cells
    ]
    found = [
        (c.cell_type, c.source, c.metadata.get("tags", []), c.metadata.get("mystnb")) for c in committed.cells
    ]
    assert found == expected, f"{md.name} and its .ipynb differ: run `make notebooks`"
    assert committed.metadata["jupytext"]["formats"] == notebooks.FORMATS


@pytest.mark.parametrize("md", SOURCES, ids=ids(SOURCES))
def test_colab_cell_is_first_and_current(md):
    """The first code cell is the one generated from requirements.txt and _config.yml."""
    source, committed = chapters.read_source(md), read(md.with_suffix(".ipynb"))
    assert committed.metadata.get("course") == source.metadata.get("course")
    for nb in (source, committed):
        first = code_cells(nb)[0]
        assert first.source == notebooks.colab_cell(nb), f"{md.name}: run `make notebooks`"


def test_colab_cell_sets_simulated_devices_before_jax_starts():
    plain, multi = colab.colab_cell(), colab.colab_cell(cpu_devices=8)
    assert "jax_num_cpu_devices" not in plain
    setting = multi.index('jax.config.update("jax_num_cpu_devices", 8)')
    assert setting < multi.index("report()")
    assert (
        multi.replace(multi[multi.index("# This chapter runs") : multi.index("try:\n    from utils.env")], "")
        == plain
    )
    for bad, error in [
        (0, ValueError),
        (-8, ValueError),
        (2.0, TypeError),
        ("8", TypeError),
        (True, TypeError),
    ]:
        with pytest.raises(error, match="cpu_devices"):
            colab.colab_cell(cpu_devices=bad)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_executed_in_order_without_errors(path):
    cells = code_cells(read(path))
    counts = [c.execution_count for c in cells]
    assert None not in counts, (
        f"{path.name}: unexecuted cells at {[i for i, c in enumerate(counts) if c is None]}"
    )
    assert counts == list(range(1, len(cells) + 1)), f"{path.name}: execution counts out of order: {counts}"
    for cell in cells:
        assert cell.source.strip(), f"{path.name}: empty code cell {cell.execution_count}"
        errors = [o for o in cell.outputs if o.output_type == "error"]
        expects_error = "raises-exception" in cell.metadata.get("tags", [])
        if expects_error:
            assert errors, (
                f"{path.name} cell {cell.execution_count} is tagged raises-exception but raised nothing"
            )
        else:
            assert not errors, (
                f"{path.name} cell {cell.execution_count} raised {errors[0].ename}: {errors[0].evalue}"
            )
        stderr = [o for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"]
        assert not stderr, f"{path.name} cell {cell.execution_count} wrote to stderr: {stderr[0].text[:300]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_metadata_is_stripped_and_size_bounded(path):
    nb = read(path)
    assert nb == notebooks.strip(nb), f"{path.name} carries metadata noise: run `make notebooks`"
    size = path.stat().st_size
    assert size < MAX_BYTES, f"{path.name} is {size / 1e6:.1f} MB; the limit is 2 MB"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_code_lines_fit_the_page(path):
    """Code wider than this scrolls sideways on the site; keep every line readable."""
    for cell in code_cells(read(path)):
        for line in cell.source.splitlines():
            assert len(line) <= MAX_LINE, (
                f"{path.name} cell {cell.execution_count}: {len(line)} > {MAX_LINE} chars: {line!r}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_figure_cells_have_alt_text_and_captions(path):
    for cell in code_cells(read(path)):
        if any("image/png" in o.get("data", {}) for o in cell.outputs):
            mystnb = cell.metadata.get("mystnb", {})
            assert mystnb.get("image", {}).get("alt"), (
                f"{path.name} cell {cell.execution_count}: figure without alt text"
            )
            assert mystnb.get("figure", {}).get("caption"), (
                f"{path.name} cell {cell.execution_count}: figure without caption"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_figure_reprs_leak_into_outputs(path):
    for cell in code_cells(read(path)):
        for out in cell.outputs:
            text = out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
            assert "<Figure size" not in text or "image/png" in out.get("data", {}), (
                f"{path.name} cell {cell.execution_count}: end plotting cells with plt.show()"
            )


@pytest.mark.parametrize("md", SOURCES, ids=ids(SOURCES))
def test_glue_references_are_well_formed_and_defined(md):
    """Every {glue:text}`name:spec` names a glued value and has a valid format spec.

    The strict build would fail too, but only after a full build, and with a message
    about a notebook line number rather than the name.
    """
    text = md.read_text()
    glued = chapters.glued(read(md.with_suffix(".ipynb")))
    for name, spec in chapters.GLUE_ROLE.findall(text):
        assert name in glued, f"{md.name}: {{glue:text}}`{name}` is never glued"
        if spec:
            format(1.5, spec)  # raises ValueError for a malformed spec such as ".1e}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_chapter_shape(path):
    """Objectives and estimated time at the top; a summary and exercises at the end."""
    nb = read(path)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    first_code = nb.cells.index(code_cells(nb)[0])
    intro = "\n".join(c.source for c in nb.cells[:first_code])
    assert "Learning objectives" in intro, f"{path.name}: learning objectives go before the first code cell"
    assert "**Estimated time:**" in intro, f"{path.name}: the estimated time goes before the first code cell"
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[-2:] == ["Summary", "Exercises"], (
        f"{path.name}: must end with Summary then Exercises, has {headings[-2:]}"
    )


def exercise_structure(nb):
    """Yields (label, solution code cells, the cell after solution-end) for each exercise."""
    cells = nb.cells
    labels = re.findall(
        r"```\{exercise-start\}\n:label: ([\w-]+)",
        "\n".join(c.source for c in cells if c.cell_type == "markdown"),
    )
    for label in labels:
        start = next(
            i
            for i, c in enumerate(cells)
            if c.cell_type == "markdown" and f"```{{solution-start}} {label}" in c.source
        )
        end = next(
            i
            for i in range(start, len(cells))
            if cells[i].cell_type == "markdown" and "```{solution-end}" in cells[i].source
        )
        solution_code = [c for c in cells[start : end + 1] if c.cell_type == "code"]
        after = cells[end + 1] if end + 1 < len(cells) else None
        yield label, solution_code, after


def exercise_text(nb, label):
    """The task of exercise ``label``: the markdown between its exercise-start and -end."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    match = re.search(
        r"```\{exercise-start\}\n:label: " + re.escape(label) + r"\n```\n(.*?)```\{exercise-end\}",
        text,
        flags=re.S,
    )
    return match.group(1)


def stub_cells(nb, label):
    """The ``stub``-tagged starter cells between exercise ``label`` and its solution."""
    cells = nb.cells
    start = next(
        i for i, c in enumerate(cells) if c.cell_type == "markdown" and f":label: {label}\n" in c.source
    )
    end = next(
        i
        for i, c in enumerate(cells)
        if c.cell_type == "markdown" and f"```{{solution-start}} {label}" in c.source
    )
    return [
        c for c in cells[start : end + 1] if c.cell_type == "code" and "stub" in c.metadata.get("tags", [])
    ]


def defined_names(source: str) -> set[str]:
    """Names bound at the top level of ``source`` (assignments, defs, imports, loops)."""
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        else:
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For)):
                targets = [node.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def used_names(source: str) -> set[str]:
    return {
        n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_exercise_has_a_starter_cell_naming_what_the_check_uses(path):
    """A student's own correct solution must pass the check.

    So every name the check reads from the solution is asked for in the task (in
    backticks) and defined by the exercise's ``stub`` starter cell, with placeholder
    values the check rejects (the student-edition test proves that).
    """
    nb = read(path)
    for label, solution_code, after in exercise_structure(nb):
        stubs = stub_cells(nb, label)
        assert len(stubs) == 1, (
            f"{path.name} {label}: one `stub`-tagged starter cell goes between the task and the solution"
        )
        task = exercise_text(nb, label)
        solution_defines = set().union(*(defined_names(c.source) for c in solution_code))
        needed = used_names(after.source) & solution_defines
        missing_in_task = sorted(
            n for n in needed if not re.search(r"`[^`\n]*\b" + re.escape(n) + r"\b[^`\n]*`", task)
        )
        assert not missing_in_task, (
            f"{path.name} {label}: the check uses {missing_in_task}, which the task never names"
        )
        missing_in_stub = sorted(needed - defined_names(stubs[0].source))
        assert not missing_in_stub, f"{path.name} {label}: the starter cell does not define {missing_in_stub}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_reader_facing_code_carries_no_build_plumbing(path):
    """nbval and glue are the book's machinery: cell tags, and glue calls in hidden cells of their own."""
    for cell in code_cells(read(path)):
        assert "NBVAL" not in cell.source, (
            f"{path.name} cell {cell.execution_count}: use the `nbval-ignore-output` tag, not a comment"
        )
        if (
            re.search(r"\bglue\(", cell.source)
            and "import" not in cell.source.split("glue(")[0].split("\n")[-1]
        ):
            tags = cell.metadata.get("tags", [])
            assert "remove-cell" in tags, (
                f"{path.name} cell {cell.execution_count}: glue calls go in a cell tagged `remove-cell`"
            )
            shown = [o for o in cell.outputs if "scrapbook" not in o.get("metadata", {})]
            assert not shown, (
                f"{path.name} cell {cell.execution_count}: a glue cell shows nothing but glued values"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_exercise_has_a_hidden_solution_and_a_check(path):
    nb = read(path)
    found = list(exercise_structure(nb))
    assert found, f"{path.name} has no exercises"
    for label, solution_code, after in found:
        assert solution_code, f"{path.name} {label}: the solution has no code cell"
        assert after is not None and after.cell_type == "code", (
            f"{path.name} {label}: no check cell after the solution"
        )
        assert "check" in after.metadata.get("tags", []), f"{path.name} {label}: tag the check cell `check`"
        assert f"# Check: exercise {label}" in after.source
        assert re.search(r"\bassert|check_grads\(", after.source), (
            f"{path.name} {label}: the check asserts nothing"
        )
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "```{solution-start}" in cell.source:
            assert ":class: dropdown" in cell.source, f"{path.name}: solutions are hidden in a dropdown"


def test_toc_lists_every_chapter_and_only_existing_pages():
    files = chapters.toc_files()
    assert len(files) == len(set(files)), "a page is listed twice in _toc.yml"
    chapters_in_toc = sorted(f for f in files if f.startswith("chapters/"))
    assert chapters_in_toc == [f"chapters/{p.stem}" for p in NOTEBOOKS], "_toc.yml and chapters/ disagree"
    for entry in files:
        found = [p for p in (ROOT / f"{entry}.ipynb", ROOT / f"{entry}.md") if p.exists()]
        assert found, f"_toc.yml lists {entry}, which does not exist"


def test_chapters_are_in_book_order():
    chapters_in_toc = [f for f in chapters.toc_files() if f.startswith("chapters/")]
    assert chapters_in_toc == sorted(chapters_in_toc), "number chapters in the order of _toc.yml"


def test_tested_with_lines_are_current():
    for name in manifest.TESTED_WITH_FILES:
        text = (ROOT / name).read_text()
        assert manifest.current_tested_with_block(text, name) == manifest.tested_with_block(), (
            f"{name}: the tested-with line is stale: run `make notebooks`"
        )


def test_tested_with_names_only_pythons_recorded_on_these_pins(tmp_path, monkeypatch):
    runs = tmp_path / "python_runs.json"
    monkeypatch.setattr(manifest, "PYTHON_RUNS", runs)
    monkeypatch.setattr(manifest.python_runs, "__defaults__", (runs,))
    assert "no Python yet" in manifest.tested_with()
    assert manifest.record_python_run("3.12.1", runs) and manifest.record_python_run("3.11.7", runs)
    assert not manifest.record_python_run("3.11.7", runs)  # the same run again changes nothing
    assert manifest.tested_pythons() == ["3.11.7", "3.12.1"]
    assert "Tested with Python 3.11.7 and 3.12.1, jax" in manifest.tested_with()
    stale = json.loads(runs.read_text()) | {"3.13.0": "0123456789ab"}  # passed on other pins
    runs.write_text(json.dumps(stale))
    assert manifest.tested_pythons() == ["3.11.7", "3.12.1"]


def test_requirements_are_exact_pins_with_the_core_packages():
    pins = manifest.pins()
    for name in ("jupyter-book", "jax", "jaxlib", "optax", "flax", "matplotlib", "nbval", "jupytext"):
        assert name in pins, f"requirements.txt must pin {name}"
    assert pins["jax"] == pins["jaxlib"], "jax and jaxlib must be pinned to the same version"
    assert pins["jupyter-book"].startswith("1."), (
        "Jupyter Book v1 (2.x reads neither _config.yml nor _toc.yml)"
    )


def test_pins_parser_rejects_loose_requirements(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_text("jax>=0.4\n")
    with pytest.raises(ValueError, match="not an exact pin"):
        manifest.pins(path)


def test_colab_cell_installs_the_pins_and_keeps_the_accelerator():
    cell, pins = colab.colab_cell(), manifest.pins()
    assert f'"jax{{extra}}=={pins["jax"]}"' in cell
    assert f'"flax=={pins["flax"]}"' in cell and f'"optax=={pins["optax"]}"' in cell
    assert "jaxlib" not in cell, "installing jaxlib alone would replace Colab's accelerator build"
    assert 'if "google.colab" in sys.modules:' in cell
    precision = f'jax.config.update("jax_default_matmul_precision", "{colab.MATMUL_PRECISION}")'
    assert cell.index(precision) < cell.index("report()"), "full float32 matmuls on every device"
    assert f'course = "{manifest.repository_url()}"' in cell
    assert f'release = "{manifest.release()["commit"]}"' in cell and "@main" not in cell


@pytest.mark.parametrize("cpu_devices", [None, 8])
@pytest.mark.parametrize(
    "runtime_module, extra",
    [("jax_cuda12_plugin", "[cuda12]"), ("jax_cuda13_plugin", "[cuda13]"), ("libtpu", "[tpu]"), (None, "")],
)
def test_colab_cell_on_a_simulated_colab_runtime(monkeypatch, runtime_module, extra, cpu_devices):
    """Runs the cell as IPython would on Colab (pip replaced by a recorder): exact pins, right extra.

    JAX's settings and the report are recorded too: a multi-device chapter must set
    the number of CPU devices before ``report()`` starts JAX's backends.
    """
    import importlib.util
    import shlex
    import types

    import jax
    from IPython.core.interactiveshell import InteractiveShell

    import utils.env

    calls = []
    monkeypatch.setattr(jax.config, "update", lambda name, value: calls.append((name, value)))
    monkeypatch.setattr(utils.env, "report", lambda: calls.append("report"))

    real_find_spec = importlib.util.find_spec
    accelerator_modules = {"jax_cuda13_plugin", "jax_cuda12_plugin", "libtpu"}

    def find_spec(name, *args):
        if name in accelerator_modules:
            return object() if name == runtime_module else None
        return real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    fake_colab = types.ModuleType("google.colab")
    fake_colab.output = types.ModuleType("google.colab.output")  # JAX's debugger imports it on Colab
    monkeypatch.setitem(sys.modules, "google.colab", fake_colab)
    shell = InteractiveShell.instance()
    pip_lines = []
    shell.register_magic_function(lambda line: pip_lines.append(line), "line", "pip")
    result = shell.run_cell(colab.colab_cell(cpu_devices=cpu_devices), store_history=False)
    assert result.success, result.error_in_exec
    precision = [("jax_default_matmul_precision", colab.MATMUL_PRECISION)]
    devices = [] if cpu_devices is None else [("jax_num_cpu_devices", cpu_devices)]
    assert calls == precision + devices + ["report"]
    pins = manifest.pins()
    assert len(pip_lines) == 1
    assert shlex.split(pip_lines[0]) == [
        "install",
        "--quiet",
        f"jax{extra}=={pins['jax']}",
        *(f"{name}=={pins[name]}" for name in colab.PINNED),
        f"git+{manifest.repository_url()}@{manifest.release()['commit']}",
    ]


def test_colab_installs_utils_from_a_release_whose_utils_is_today_s():
    """The Colab cell's commit holds the very ``utils`` the chapters were run with.

    Compared by git tree hash, which a shallow clone has too; the ancestry check
    needs the history, which a full clone (CI's) has.
    """
    release = manifest.release()
    assert re.fullmatch(r"[0-9a-f]{40}", release["commit"]), "release.toml: commit must be a full hash"
    assert not manifest.git("status", "--porcelain", "--", "utils"), (
        "utils/ has uncommitted changes: commit them, then `python -m tools.manifest pin-utils`"
    )
    assert manifest.git("rev-parse", "HEAD:utils") == release["utils_tree"], (
        "utils/ changed since the release the Colab cell installs: "
        "`python -m tools.manifest pin-utils`, bump the version, `make notebooks ARGS=--sync-only`"
    )
    if manifest.git("rev-parse", "--is-shallow-repository") == "false":
        manifest.git("merge-base", "--is-ancestor", release["commit"], "HEAD")  # raises if not
        assert manifest.git("rev-parse", f"{release['commit']}:utils") == release["utils_tree"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["version"] == release["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text()
    newest = re.search(r"(?m)^## (\S+)", changelog)
    assert newest and newest.group(1) == release["tag"], "CHANGELOG.md's newest entry is not this release"


def test_repository_url_is_written_only_in_config():
    url = manifest.repository_url()
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    holders = sorted(
        f for f in tracked if (ROOT / f).is_file() and url in (ROOT / f).read_text(errors="ignore")
    )
    # the Colab cell of each chapter and the Colab editions: generated, and checked elsewhere
    generated = {f"chapters/{p.name}" for p in SOURCES + NOTEBOOKS}
    generated |= {f for f in holders if f.startswith("colab/")}
    # GitHub reads CITATION.cff on its own, so it repeats the URL; checked here to agree
    assert [f for f in holders if f not in generated] == ["CITATION.cff", "_config.yml"]
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["repository-code"] == url


def test_licence_files_and_citation_are_there():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in (ROOT / "LICENSE-CONTENT").read_text()
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0" and citation["license"] == "MIT"
    assert citation["version"] == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_readme_shows_the_two_commands_and_ci_calls_make_test():
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^\s*(time\s+)?make test\b", ci, flags=re.M)


def test_every_sanitize_rule_is_needed():
    """A rule that matches no committed output hides nothing today and may hide a real change tomorrow."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "tests" / "nbval_sanitize.cfg")
    outputs = []
    for path in NOTEBOOKS:
        for cell in code_cells(read(path)):
            for out in cell.outputs:
                outputs.append(out.get("text", ""))
                outputs += [str(v) for k, v in out.get("data", {}).items() if k.startswith("text/")]
                outputs += out.get("traceback", [])
    blob = "\n".join(outputs)
    for rule in parser.sections():
        assert re.search(parser[rule]["regex"], blob), f"sanitize rule [{rule}] matches no committed output"


def test_colab_cell_names_a_shadowed_utils(monkeypatch):
    """A reader's own utils.py (or PyPI's unrelated `utils`) must not fail with a bare import error."""
    import types

    from IPython.core.interactiveshell import InteractiveShell

    monkeypatch.setitem(sys.modules, "utils", types.ModuleType("utils"))  # a module, not our package
    monkeypatch.delitem(sys.modules, "utils.env", raising=False)
    result = InteractiveShell.instance().run_cell(colab.colab_cell(), store_history=False)
    assert isinstance(result.error_in_exec, ImportError)
    assert "is not this course's package" in str(result.error_in_exec)
