"""The generated pages (status, instructor guide, chapter map) match what they are generated from."""

import json

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
        for label in __import__("re").findall(r":label: ([\w-]+)", md.read_text()):
            if "-ex-" in label:
                assert f"`{label}`" in block


def test_chapter_map_covers_every_chapter():
    assert set(pages.DEPENDS) == {md.stem for md in notebooks.chapter_sources()}
    for name, prereqs in pages.DEPENDS.items():
        assert all(p in pages.DEPENDS and p < name for p in prereqs), f"{name}: prerequisites must come first"
    assert pages.CHAPTER_MAP.exists() and pages.CHAPTER_MAP.stat().st_size > 1000
