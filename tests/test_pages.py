"""The generated pages (status, instructor guide, chapter map) match what they are generated from."""

import ast
import json
import re

import pytest

from tools import chapters, manifest, pages


def test_status_page_is_current_and_covers_every_notebook():
    status = json.loads(pages.STATUS_JSON.read_text())
    assert set(status["execution_seconds"]) == {md.stem for md in chapters.chapter_sources()}
    assert all(seconds > 0 for seconds in status["execution_seconds"].values())
    assert {"cpu", "cores", "memory", "python", "jax backend"} <= set(status["hardware"])
    assert pages.STATUS_MD.read_text() == pages.status_page(), "status.md is stale: run `make notebooks`"
    for name in pages.SHOWN_PINS:
        assert f"| {name} | {manifest.pins()[name]} |" in pages.STATUS_MD.read_text()


def test_instructor_guide_lists_every_chapter_from_its_source():
    assert pages.current_guide_block() == pages.guide_block(), "instructors.md is stale: run `make notebooks`"
    block = pages.current_guide_block()
    for md in chapters.chapter_sources():
        assert f"{{doc}}`chapters/{md.stem}`" in block
        for label in re.findall(r":label: ([\w-]+)", md.read_text()):
            if "-ex-" in label:
                assert f"`{label}`" in block


def test_exercise_points_minutes_and_difficulty_come_from_the_check_cell_tags():
    text = """```{exercise-start}
:label: t-ex-a
```

*(Warm-up.)* Do a.

```{exercise-end}
```

```{code-cell} ipython3
:tags: [check]

# Check: exercise t-ex-a
```

```{exercise-start}
:label: t-ex-b
```

*(Harder.)* Do b.

```{exercise-end}
```

```{code-cell} ipython3
:tags: [check, points-3, minutes-45]

# Check: exercise t-ex-b
```
"""
    a, b = chapters.exercises(text)
    assert (a.difficulty, a.points, a.minutes, a.task) == ("warm-up", 1, 10, "Do a.")
    assert (b.difficulty, b.points, b.minutes) == ("harder", 3, 45)


def test_chapter_map_covers_every_chapter():
    deps = pages.depends()
    assert set(deps) == {md.stem for md in chapters.chapter_sources()}
    for name, prereqs in deps.items():
        assert all(p in deps and p < name for p in prereqs), f"{name}: prerequisites must come first"
    assert pages.CHAPTER_MAP.exists() and pages.CHAPTER_MAP.stat().st_size > 1000


def test_landing_page_table_is_generated_from_the_front_matter():
    assert pages.current_chapter_table() == pages.chapter_table(), "intro.md is stale: run `make notebooks`"
    total = sum(ch.minutes for ch in chapters.all_chapters())
    assert f"**{pages.duration(total)}**" in pages.current_chapter_table()


def test_front_matter_agrees_with_what_each_chapter_says():
    """The time and prerequisites a chapter states in its objectives are its front matter's."""
    labels = {}
    for md in chapters.chapter_sources():
        match = re.search(r"^\((\S+)\)=\n# ", md.read_text(), flags=re.M)
        assert match, f"{md.name}: a `(label)=` target goes right before the title"
        labels[match.group(1)] = md.stem
    for ch in chapters.all_chapters():
        text = ch.path.read_text()
        stated = re.search(r"\*\*Estimated time:\*\* (\d+) minutes", text)
        assert stated and int(stated.group(1)) == ch.minutes, (
            f"{ch.path.name}: front matter says {ch.minutes} minutes"
        )
        line = re.search(r"\*\*Prerequisites:\*\*(.+?)(?:\n\n|\n```)", text, flags=re.S).group(1)
        refs = [labels[r] for r in re.findall(r"\{ref\}`([\w-]+)`", line) if r in labels]
        assert refs == list(ch.prerequisites), f"{ch.path.name}: the Prerequisites line names {refs}"


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ("course:\n  minutes: ninety\n  question: Why?", "course.minutes must be a positive integer"),
        ("jupytext: {}", "the front matter needs a `course:` block"),
        ("course: {minutes: 5, question: Why?", "the front matter is not valid YAML"),
        ("course: {minutes: 5, question: 'Why?'}", "the Learning objectives admonition not found"),
    ],
)
def test_bad_front_matter_is_named(tmp_path, front_matter, message):
    md = tmp_path / "07_bad.md"
    md.write_text(f"---\n{front_matter}\n---\n# Bad\n")
    with pytest.raises(ValueError, match=r"07_bad\.md: " + re.escape(message)):
        chapters.chapter(md)


def test_tools_import_one_way():
    """No cycle among the modules of tools/, counting imports inside functions too."""
    graph = {}
    for path in sorted((manifest.ROOT / "tools").glob("*.py")):
        tree = ast.parse(path.read_text())
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "tools":
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tools."):
                found.add(node.module.split(".")[1])
        graph[path.stem] = found - {path.stem}

    def visit(name, stack):
        assert name not in stack, "import cycle: " + " -> ".join([*stack, name])
        for dep in graph.get(name, ()):
            visit(dep, [*stack, name])

    for name in graph:
        visit(name, [])
    assert "chapters" in graph["notebooks"] and "notebooks" not in graph["pages"]


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
        md = chapters.CHAPTERS / f"{notebook}.md"
        assert re.search(rf'glue\(\s*"{name}"', md.read_text()), f"{notebook} no longer glues {name}"
