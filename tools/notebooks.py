"""The notebook pipeline: ``python -m tools.notebooks [chapters/NN_name.md ...]``.

For each chapter (all of them by default) it

1. puts the generated Colab set-up cell first in the MyST markdown source,
2. writes the paired ``.ipynb`` from the markdown (the markdown is the source
   of truth; Jupyter with jupytext installed keeps both sides in step),
3. executes the notebook in a fresh kernel, in the chapter folder, and
4. strips metadata noise before writing it, keeping outputs and execution counts.

It also refreshes the "tested with" lines. ``make notebooks`` runs it; the tests
check that what it would write is what is committed.
"""

from __future__ import annotations

import copy
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from tools import colab, edition, manifest, pages
from tools.chapters import chapter_sources, read_source

FORMATS = "ipynb,md:myst"
KEEP_NOTEBOOK_METADATA = ("jupytext", "kernelspec", "course")
KEEP_CELL_METADATA = ("tags", "mystnb", "editable", "slideshow")
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
TIMEOUT_S = 600
MAX_LINE = 80
"""The widest code line the site shows without scrolling (tests enforce it too)."""


def first_code_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    return next((cell for cell in nb.cells if cell.cell_type == "code"), None)


def colab_cell(nb: nbformat.NotebookNode) -> str:
    """The generated Colab set-up cell for ``nb``.

    A chapter that needs several devices says how many in its front matter
    (``course: {cpu_devices: 8}``, kept by ``notebook_metadata_filter: course``).
    """
    return colab.colab_cell(cpu_devices=nb.metadata.get("course", {}).get("cpu_devices"))


def with_colab_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Returns a copy of ``nb`` whose first code cell is the generated Colab cell."""
    nb = copy.deepcopy(nb)
    cell = first_code_cell(nb)
    if cell is None:
        raise ValueError("a chapter needs code cells; the first must be the Colab set-up cell")
    if "report()" in cell.source or "google.colab" in cell.source:
        cell.source = colab_cell(nb)
    else:
        index = nb.cells.index(cell)
        nb.cells.insert(index, nbformat.v4.new_code_cell(colab_cell(nb)))
    return nb


def strip(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Removes metadata noise (timings, widget state, kernel versions), keeping outputs and counts."""
    nb = copy.deepcopy(nb)
    nb.metadata = nbformat.NotebookNode(
        {k: nb.metadata[k] for k in KEEP_NOTEBOOK_METADATA if k in nb.metadata}
    )
    nb.metadata["kernelspec"] = nbformat.NotebookNode(KERNELSPEC)
    nb.metadata["language_info"] = nbformat.NotebookNode(LANGUAGE_INFO)
    for cell in nb.cells:
        cell.metadata = nbformat.NotebookNode(
            {k: cell.metadata[k] for k in KEEP_CELL_METADATA if k in cell.metadata}
        )
        cell.pop("id", None)
    nb.nbformat, nb.nbformat_minor = 4, 4
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path, *, allow_errors: bool = False) -> nbformat.NotebookNode:
    """Executes ``nb`` top to bottom in a fresh kernel of this environment, in ``cwd``.

    Cells tagged ``raises-exception`` may raise; any other error stops the run,
    unless ``allow_errors`` (then every error is recorded and execution goes on).
    """
    nb = copy.deepcopy(nb)
    client = NotebookClient(
        nb,
        timeout=TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        allow_errors=allow_errors,
    )
    # string hashes (set and dict orders) must not vary between runs, however this is called
    client.execute(env={**os.environ, "PYTHONHASHSEED": manifest.HASH_SEED})
    return nb


def long_lines(nb: nbformat.NotebookNode) -> list[str]:
    """Code lines wider than MAX_LINE, to report before a long execution."""
    return [
        line
        for cell in nb.cells
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if len(line) > MAX_LINE
    ]


def synced_source(md: Path) -> nbformat.NotebookNode:
    """The notebook for ``md`` without outputs, after normalising ``md`` in place if needed."""
    source = with_colab_cell(read_source(md))
    for line in long_lines(source):
        print(f"warning: {md.name}: code line of {len(line)} > {MAX_LINE} characters: {line!r}")
    if jupytext.writes(source, fmt="md:myst") != md.read_text():
        jupytext.write(source, md, fmt="md:myst")
        # build from the markdown as written, which jupytext may have normalised
        # (e.g. trailing blank lines in a cell), so the pair is exactly in sync
        source = with_colab_cell(read_source(md))
    source.metadata.setdefault("jupytext", {})["formats"] = FORMATS
    return strip(source)


def build(md: Path) -> tuple[nbformat.NotebookNode, float]:
    """Makes the executed, stripped notebook for ``md``; returns it and the execution seconds."""
    source = synced_source(md)
    start = time.perf_counter()
    executed = execute(source, md.parent)
    return strip(executed), time.perf_counter() - start


def sync(md: Path) -> tuple[nbformat.NotebookNode, list[int]]:
    """The notebook for ``md`` with the outputs of its committed ``.ipynb``, cell by cell.

    For a change that cannot alter outputs (the Colab cell after a new repository URL,
    a typo in prose). Outputs are kept by position while the cell types line up.

    Returns:
        The notebook, and the indices of code cells whose source changed (their kept
        outputs may be stale; strict nbval in ``make test`` re-checks them all).

    Raises:
        ValueError: if the cells were added, removed or reordered: then execute instead.
    """
    source = synced_source(md)
    old = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    if [c.cell_type for c in old.cells] != [c.cell_type for c in source.cells]:
        raise ValueError(f"{md.name}: cells were added, removed or reordered; run without --sync-only")
    changed = []
    for i, (new, was) in enumerate(zip(source.cells, old.cells, strict=True)):
        if new.cell_type == "code":
            new.outputs, new.execution_count = was.outputs, was.execution_count
            if new.source != was.source:
                changed.append(i)
    return strip(source), changed


USAGE = """usage: python -m tools.notebooks [--no-pages] [--sync-only] [-k|--keep-going] [chapters/NN_name.md ...]

  (no chapter)    every chapter, in book order
  --no-pages      leave README/intro (tested-with lines), status.md and the instructor guide alone
                  (the chapters' own Colab editions are still written)
  --sync-only     write each .ipynb from its .md keeping the committed outputs (no execution)
  -k, --keep-going  go on after a chapter fails; the summary names every failure"""


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("-")}
    unknown = flags - {"--no-pages", "--sync-only", "-k", "--keep-going", "-h", "--help"}
    if unknown or flags & {"-h", "--help"}:
        print(USAGE)
        return 2 if unknown else 0
    pages_too, sync_only = "--no-pages" not in flags, "--sync-only" in flags
    keep_going = bool(flags & {"-k", "--keep-going"})
    paths = [Path(a).resolve() for a in argv if not a.startswith("-")]
    sources = [p if p.suffix == ".md" else p.with_suffix(".md") for p in paths] or chapter_sources()
    times, failed, done = {}, {}, []
    for number, md in enumerate(sources, 1):
        name = md.relative_to(manifest.ROOT)
        print(f"[{number}/{len(sources)}] {name}: {'syncing' if sync_only else 'executing'} ...", flush=True)
        try:
            if sync_only:
                nb, changed = sync(md)
                for i in changed:
                    print(f"  note: code cell {i} changed; its outputs are from the last execution")
            else:
                nb, times[md.stem] = build(md)
        except Exception as error:  # report which chapter failed, then stop or go on
            message = str(error).strip().splitlines()
            failed[str(name)] = f"{type(error).__name__}: {message[-1] if message else ''}"
            print(f"{error}\n  FAILED: {failed[str(name)]}", flush=True)
            if not keep_going:
                break
            continue
        nbformat.write(nb, md.with_suffix(".ipynb"))
        done.append(md.stem)
        if not sync_only:
            print(f"  executed in {times[md.stem]:.1f} s", flush=True)
    skipped = len(sources) - len(done) - len(failed)
    print(
        f"{len(done)} chapter(s) {'synced' if sync_only else 'executed'}, {len(failed)} failed"
        + (f", {skipped} not run" if skipped else "")
        + "".join(f"\n  failed: {n}: {m}" for n, m in failed.items())
    )
    if failed:
        return 1
    if pages_too:
        for changed in manifest.write_tested_with():
            print(f"updated the tested-with line in {changed}")
        if times:
            pages.record_run(times)
        for changed in pages.write_all() + edition.write_all():
            print(f"updated {changed}")
    elif done:  # the chapters' own Colab editions, which need every chapter's notebook
        try:
            for changed in edition.write_all(done):
                print(f"updated {changed}")
        except Exception as error:  # e.g. a chapter without its notebook yet
            print(f"  note: Colab editions not written ({error}); run without --no-pages later")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
