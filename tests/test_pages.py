"""The generated pages (status, instructor guide, chapter map) match what they are generated from."""

import json
import re

from tools import manifest, notebooks, pages


def test_status_page_is_current_and_covers_every_notebook():
    status = json.loads(pages.STATUS_JSON.read_text())
    assert set(status["execution_seconds"]) == {md.stem for md in notebooks.chapter_sources()}
    assert all(seconds > 0 for seconds in status["execution_seconds"].values())
    assert {"cpu", "cores", "memory", "python", "jax backend"} <= set(status["hardware"])
    assert pages.STATUS_MD.read_text() == pages.status_page(), "status.md is stale: run `make notebooks`"
    for name in pages.SHOWN_PINS:
        assert f"| {name} | {manifest.pins()[name]} |" in pages.STATUS_MD.read_text()


def test_instructor_guide_lists_every_chapter_from_its_source():
    assert pages.current_guide_block() == pages.guide_block(), "instructors.md is stale: run `make notebooks`"
    block = pages.current_guide_block()
    for md in notebooks.chapter_sources():
        assert f"{{doc}}`chapters/{md.stem}`" in block
        for label in re.findall(r":label: ([\w-]+)", md.read_text()):
            if "-ex-" in label:
                assert f"`{label}`" in block


def test_chapter_map_covers_every_chapter():
    assert set(pages.DEPENDS) == {md.stem for md in notebooks.chapter_sources()}
    for name, prereqs in pages.DEPENDS.items():
        assert all(p in pages.DEPENDS and p < name for p in prereqs), f"{name}: prerequisites must come first"
    assert pages.CHAPTER_MAP.exists() and pages.CHAPTER_MAP.stat().st_size > 1000


def test_bench_reads_glued_numbers_and_flags_budgets():
    import nbformat

    from tools import bench

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("glue")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/papermill.record/text/plain": "12.5"},
            metadata={"scrapbook": {"name": "speedup", "mime_prefix": "application/papermill.record/"}},
        )
    ]
    nb.cells = [cell]
    assert bench.glued_values(nb) == {"speedup": 12.5}
    assert bench.over_budget({"a": 10.0, "b": 20.0}) == []
    assert bench.over_budget({"a": 61.0}) == ["a: 61.0 s > 60 s"]
    flags = bench.over_budget({f"n{i}": 50.0 for i in range(7)})
    assert flags == ["the whole book: 350.0 s > 300 s"]


def test_every_headline_is_glued_by_its_chapter():
    from tools import bench

    for notebook, name in bench.HEADLINES:
        md = notebooks.CHAPTERS / f"{notebook}.md"
        assert re.search(rf'glue\(\s*"{name}"', md.read_text()), f"{notebook} no longer glues {name}"


def test_canary_reports_the_first_failure_of_each_notebook():
    from tools import canary

    output = "\n".join(
        [
            "FAILED chapters/01_autodiff_basics.ipynb::Cell 12 - Notebook cell execution failed",
            "FAILED chapters/01_autodiff_basics.ipynb::Cell 30 - Notebook cell execution failed",
            "FAILED chapters/04_flax_nnx.ipynb::Cell 3",
            "2 failed, 300 passed in 90.0s",
        ]
    )
    assert canary.first_failures(output) == {
        "chapters/01_autodiff_basics.ipynb": "Cell 12: Notebook cell execution failed",
        "chapters/04_flax_nnx.ipynb": "Cell 3: failed",
    }
    assert canary.first_failures("300 passed") == {}
