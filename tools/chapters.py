"""The chapters and what each says about itself: the one home of the book's layout.

A chapter is ``chapters/NN_name.md`` (MyST markdown, paired by jupytext with the
executed ``.ipynb``). Its YAML front matter carries the facts other tools need,
under the ``course`` key (kept in the notebook by ``notebook_metadata_filter``)::

    course:
      question: Why is a gradient cheap?    # what the chapter answers (the landing page's table)
      minutes: 90                           # estimated time, as the chapter states it
      prerequisites: [01_autodiff_basics]   # chapters a reader should have met first
      cpu_devices: 8                        # optional: devices JAX simulates on a CPU

The landing page's chapter table, the instructor guide and the chapter map are
generated from these; nothing else repeats them.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import jupytext
import nbformat
import yaml

from tools import manifest

CHAPTERS = manifest.ROOT / "chapters"
NAME = re.compile(r"\d\d_[a-z0-9_]+")
"""How a chapter's file is named: two digits for its place in the book, then its name."""
GLUE_ROLE = re.compile(r"\{glue(?::text|:md)?\}`([^`:]+):?([^`]*)`")
"""A glued value in the prose: ``{glue:text}`name:spec```; groups: name, format spec."""


DIFFICULTY_MINUTES = {"warm-up": 10, "standard": 20, "harder": 40}
"""Estimated minutes of an exercise by difficulty, unless its check cell has a ``minutes-N`` tag."""


@dataclass(frozen=True)
class Exercise:
    """One exercise: its label, title (the task's leading ``*(...)*``), task text and grading facts.

    Difficulty is "warm-up" or "harder" when the title says so, else "standard";
    points (default 1) and minutes come from ``points-N`` and ``minutes-N`` tags on
    the exercise's check cell.
    """

    label: str
    level: str
    task: str
    points: int = 1
    minutes: int = 20

    @property
    def difficulty(self) -> str:
        level = self.level.lower()
        return "warm-up" if "warm-up" in level else "harder" if "harder" in level else "standard"


@dataclass(frozen=True)
class Chapter:
    """What a chapter's source says about itself."""

    path: Path
    title: str
    question: str
    minutes: int
    prerequisites: tuple[str, ...]
    cpu_devices: int | None
    objectives: tuple[str, ...]
    exercises: tuple[Exercise, ...] = field(default=())

    @property
    def stem(self) -> str:
        return self.path.stem


def chapter_sources() -> list[Path]:
    """The MyST markdown sources of the chapters, in file-name (book) order."""
    return sorted(CHAPTERS.glob("*.md"))


def toc_files() -> list[str]:
    """Every page listed in _toc.yml (root first), as paths without extension."""
    toc = yaml.safe_load((manifest.ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part["chapters"])
    walk(toc.get("chapters", []))
    return files


def read_source(md: Path) -> nbformat.NotebookNode:
    """Reads a chapter's markdown source as a notebook (no outputs)."""
    return jupytext.read(md, fmt="md:myst")


def front_matter(md: Path) -> dict:
    """The ``course`` block of a chapter's YAML front matter.

    Raises:
        ValueError: if the file has no front matter, invalid YAML or no ``course`` block.
    """
    match = re.match(r"---\n(.*?)\n---\n", md.read_text(), flags=re.S)
    if match is None:
        raise ValueError(f"{md.name}: no YAML front matter")
    try:
        course = (yaml.safe_load(match.group(1)) or {}).get("course")
    except yaml.YAMLError as error:
        raise ValueError(f"{md.name}: the front matter is not valid YAML: {error}") from None
    if not isinstance(course, dict):
        raise ValueError(f"{md.name}: the front matter needs a `course:` block (minutes, prerequisites)")
    return course


def _section(text: str, pattern: str, what: str, md: Path) -> re.Match:
    match = re.search(pattern, text, flags=re.S | re.M)
    if match is None:
        raise ValueError(f"{md.name}: {what} not found")
    return match


def exercises(text: str) -> tuple[Exercise, ...]:
    """The exercises of a chapter's markdown, in order."""
    found = []
    for label, task in re.findall(
        r"```\{exercise-start\}\n:label: ([\w-]+)\n```\n\n(.+?)\n```\{exercise-end\}", text, flags=re.S
    ):
        kind = re.match(r"\*\(([^)]*)\)\*", task)
        body = " ".join(re.sub(r"^\*\([^)]*\)\*\s*", "", task).split())
        exercise = Exercise(label, kind.group(1).rstrip(".") if kind else "", body)
        tags = re.search(r":tags: \[([^\]]*)\]\n\n# Check: exercise " + re.escape(label) + r"\n", text)
        tags = [t.strip() for t in tags.group(1).split(",")] if tags else []
        number = {
            k: int(m.group(1))
            for t in tags
            for k in ("points", "minutes")
            if (m := re.fullmatch(k + r"-(\d+)", t))
        }
        found.append(
            replace(
                exercise,
                points=number.get("points", 1),
                minutes=number.get("minutes", DIFFICULTY_MINUTES[exercise.difficulty]),
            )
        )
    return tuple(found)


def chapter(md: Path) -> Chapter:
    """Reads a chapter's facts from its markdown source.

    Raises:
        ValueError: naming the chapter and what is missing or malformed.
    """
    if not NAME.fullmatch(md.stem):
        raise ValueError(f"{md.name}: chapters are named NN_name.md (lower case)")
    course = front_matter(md)
    minutes, prerequisites = course.get("minutes"), course.get("prerequisites", [])
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise ValueError(f"{md.name}: course.minutes must be a positive integer, got {minutes!r}")
    if not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
        raise ValueError(
            f"{md.name}: course.prerequisites must be a list of chapter names, got {prerequisites!r}"
        )
    devices, question = course.get("cpu_devices"), course.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError(
            f"{md.name}: course.question must be the question the chapter answers, got {question!r}"
        )
    text = md.read_text()
    title = _section(text, r"^# (.+)$", "a `# Title` line", md).group(1).strip()
    admonition = _section(
        text, r"```\{admonition\} Learning objectives\n(.*?)```", "the Learning objectives admonition", md
    ).group(1)
    objectives = tuple(
        " ".join(o.split()) for o in re.findall(r"^\d+\. (.+(?:\n   .+)*)", admonition, flags=re.M)
    )
    return Chapter(
        md, title, question.strip(), minutes, tuple(prerequisites), devices, objectives, exercises(text)
    )


def all_chapters() -> list[Chapter]:
    """Every chapter, in book order.

    Raises:
        ValueError: if a prerequisite is not an earlier chapter.
    """
    found = [chapter(md) for md in chapter_sources()]
    seen: set[str] = set()
    for ch in found:
        for p in ch.prerequisites:
            if p not in seen:
                raise ValueError(f"{ch.path.name}: prerequisite {p!r} is not an earlier chapter")
        seen.add(ch.stem)
    return found


def glued_in(outputs) -> dict[str, str]:
    """``{name: text/plain form}`` of the values glued among a cell's ``outputs``, in order."""
    found = {}
    for out in outputs:
        scrapbook = (out.get("metadata") or {}).get("scrapbook")
        if scrapbook is not None:
            found[scrapbook["name"]] = out["data"].get(scrapbook["mime_prefix"] + "text/plain", "")
    return found


def glued(nb: nbformat.NotebookNode) -> dict[str, str]:
    """The values an executed notebook glued: ``{name: text/plain form}``, in order."""
    return {name: text for cell in nb.cells for name, text in glued_in(cell.get("outputs", [])).items()}


def rendered(text: str, spec: str = "") -> str:
    """How ``{glue:text}`name:spec``` shows a glued value whose text/plain form is ``text``.

    Example:
        >>> rendered("0.5179373025894165", ".3f"), rendered("'fast'")
        ('0.518', 'fast')
    """
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text.strip("'\"")
    return format(value, spec) if spec and not isinstance(value, str) else str(value)
