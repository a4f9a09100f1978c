"""Glued numbers compared as the reader sees them (a pytest plugin, loaded by the root conftest).

A chapter glues a number with its full ``repr`` (``0.5179373025894165``) and its
prose shows it through a format spec (``{glue:text}`name:.3f```). Strict nbval
would compare the full repr, whose last float32 digits change with the CPU's
instruction set (XLA's ``--xla_cpu_max_isa``) or on a GPU, although nothing a
reader sees has changed. So for the cells that only glue (the tests require such
cells to show nothing else), this plugin turns nbval's raw comparison off and
compares each value formatted with every spec the chapter's prose uses for it; a
value the prose never shows is compared to 4 significant digits. A change a
reader would see still fails, naming the value and both renderings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import chapters

UNSHOWN_SPEC = ".4g"


def specs_in_prose(notebook: Path) -> dict[str, set[str]]:
    """Every format spec the chapter's markdown applies to each glued name."""
    md = notebook.with_suffix(".md")
    found: dict[str, set[str]] = {}
    for name, spec in chapters.GLUE_ROLE.findall(md.read_text() if md.exists() else ""):
        found.setdefault(name, set()).add(spec)
    return found


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    if type(item).__name__ != "IPyNbCell" or not chapters.glued_in(item.cell.get("outputs", [])):
        return (yield)
    if not item.options.get("check", True):  # tagged nbval-ignore-output: timings, compared by no one
        return (yield)
    committed = chapters.glued_in(item.cell.outputs)
    item.options["check"] = False  # nbval would compare the full reprs
    result = yield
    fresh = chapters.glued_in(getattr(item, "test_outputs", []) or [])
    specs = specs_in_prose(Path(str(item.parent.path)))
    problems = []
    for name, text in committed.items():
        if name not in fresh:
            problems.append(f"{name} is no longer glued")
            continue
        for spec in sorted(specs.get(name, {UNSHOWN_SPEC})):
            before, now = chapters.rendered(text, spec), chapters.rendered(fresh[name], spec)
            if before != now:
                problems.append(f"{name}:{spec} showed {before!r}, now {now!r}")
    problems += [f"{name} is newly glued" for name in fresh.keys() - committed.keys()]
    if problems:
        raise AssertionError("glued values changed as the reader sees them:\n" + "\n".join(problems))
    return result
