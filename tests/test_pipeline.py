"""Tests of the notebook pipeline itself (tools.notebooks) on a tiny chapter."""

import nbformat

from tools import chapters, colab, notebooks

TINY = """---
jupytext:
  formats: ipynb,md:myst
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
    jupytext_version: 1.19.6
kernelspec:
  display_name: Python 3 (ipykernel)
  language: python
  name: python3
---

# Tiny

```{code-cell} ipython3
x = 1 + 1
print(x)


```
"""


def test_build_inserts_the_colab_cell_normalises_and_executes(tmp_path):
    md = tmp_path / "99_tiny.md"
    md.write_text(TINY)
    nb, seconds = notebooks.build(md)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].source == colab.colab_cell()
    assert [c.execution_count for c in code] == [1, 2]
    assert code[1].outputs[0].text == "2\n"
    # the markdown was rewritten with the Colab cell, and the notebook matches it exactly
    again = notebooks.with_colab_cell(chapters.read_source(md))
    assert [c.source for c in again.cells] == [c.source for c in nb.cells]
    assert nb == notebooks.strip(nb) and seconds > 0


def test_strip_keeps_outputs_and_counts_but_drops_noise():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(
        "1", execution_count=1, outputs=[nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    )
    cell.metadata = {"tags": ["check"], "execution": {"iopub.status.busy": "2026"}}
    nb.cells = [cell]
    nb.metadata = {"widgets": {}, "language_info": {"version": "3.11.7"}}
    stripped = notebooks.strip(nb)
    (out,) = stripped.cells
    assert out.metadata == {"tags": ["check"]} and out.execution_count == 1
    assert out.outputs[0].text == "1\n"
    assert "widgets" not in stripped.metadata
    assert stripped.metadata["language_info"] == notebooks.LANGUAGE_INFO


def test_kernels_hash_strings_the_same_way_in_every_run(monkeypatch, tmp_path):
    """Set iteration order depends on PYTHONHASHSEED; without make it was random."""
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(hash('jax'))")])
    runs = {notebooks.execute(nb, tmp_path).cells[0].outputs[0].text for _ in range(2)}
    assert len(runs) == 1


def test_make_notebooks_names_the_failing_chapter_keeps_going_and_syncs_only(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(notebooks.manifest, "ROOT", tmp_path)
    good, bad = tmp_path / "98_good.md", tmp_path / "99_bad.md"
    good.write_text(TINY)
    bad.write_text(TINY.replace("print(x)", "raise RuntimeError('broken on purpose')"))
    assert notebooks.main(["--no-pages", str(bad), str(good)]) == 1
    out = capsys.readouterr().out
    assert "[1/2] 99_bad.md: executing" in out and "FAILED: " in out and "broken on purpose" in out
    assert "0 chapter(s) executed, 1 failed, 1 not run" in out and not good.with_suffix(".ipynb").exists()
    assert notebooks.main(["--no-pages", "-k", str(bad), str(good)]) == 1
    out = capsys.readouterr().out
    assert "1 chapter(s) executed, 1 failed" in out and "failed: 99_bad.md" in out
    executed = nbformat.read(good.with_suffix(".ipynb"), as_version=4)
    # --sync-only takes a prose change without executing, keeping the outputs
    good.write_text(good.read_text().replace("# Tiny", "# Tiny, renamed"))
    assert notebooks.main(["--no-pages", "--sync-only", str(good)]) == 0
    synced = nbformat.read(good.with_suffix(".ipynb"), as_version=4)
    assert synced.cells[0].source == "# Tiny, renamed"
    assert [c.get("outputs") for c in synced.cells] == [c.get("outputs") for c in executed.cells]
    assert notebooks.main(["--bogus"]) == 2
