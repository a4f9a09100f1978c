"""The Colab edition: each chapter as a plain notebook that reads like the site.

Colab renders CommonMark and ``$...$`` math, not MyST, so the site's notebooks show
raw roles and directives there. This module writes, from each executed chapter,
``colab/NN_name.ipynb`` (outputs kept, solutions in hidden form cells) and
``colab/student/NN_name.ipynb`` (solutions removed, starter and check cells kept,
no outputs), in which

* every glued number is the text the book's run computed,
* cross-references and citations are plain text with links to the site,
* admonitions are block quotes with their title, exercises numbered headings,
* numbered equations carry their number (``\\tag``), and
* the book's plumbing (glue cells, ``(label)=`` targets) is gone.

``make notebooks`` writes both; the tests check that they are current and that
no MyST syntax is left.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tools import chapters, manifest

EDITION = manifest.ROOT / "colab"
STUDENT = EDITION / "student"
SOLUTION_TITLE = '# @title Solution {display-mode: "form"}'
"""Colab's form cell: only the title shows until the reader double-clicks it."""
DIRECTIVE = re.compile(r"^(`{3,}|:{3,})\{([\w-]+)\}[ \t]*(.*)$")
ADMONITIONS = {
    "note": "Note",
    "tip": "Tip",
    "warning": "Warning",
    "important": "Important",
    "caution": "Caution",
    "hint": "Hint",
    "seealso": "See also",
    "attention": "Attention",
}


@dataclass(frozen=True)
class Targets:
    """What cross-references point at, across the book."""

    sections: dict[str, tuple[str, str]]  # label -> (chapter stem, heading text)
    figures: dict[str, tuple[str, int]]  # figure name -> (chapter stem, number in its chapter)
    equations: dict[str, tuple[str, int]]  # equation label -> (chapter stem, number in its chapter)
    titles: dict[str, str]  # chapter stem -> title


def site_page(stem: str, anchor: str = "") -> str:
    """The URL of a chapter's page on the published site."""
    return f"{manifest.site_url()}/chapters/{stem}.html" + (f"#{anchor}" if anchor else "")


def targets() -> Targets:
    """Collects section labels, figure names and equation labels from every chapter."""
    sections, figures, equations, titles = {}, {}, {}, {}
    for md in chapters.chapter_sources():
        nb = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        titles[md.stem] = re.search(r"^# (.+)$", text, flags=re.M).group(1).strip()
        for label, heading in re.findall(r"^\(([\w-]+)\)=\n#+ (.+)$", text, flags=re.M):
            sections[label] = (md.stem, heading.strip())
        for number, label in enumerate(re.findall(r"```\{exercise-start\}\n:label: ([\w-]+)", text), 1):
            sections[label] = (md.stem, f"Exercise {number}")  # numbered as the edition's headings
        for number, label in enumerate(re.findall(r"^\$\$ *\(([\w-]+)\)$", text, flags=re.M), 1):
            equations[label] = (md.stem, number)
        names = [
            c.metadata.get("mystnb", {}).get("figure", {}).get("name")
            for c in nb.cells
            if c.cell_type == "code"
        ]
        for number, name in enumerate([n for n in names if n], 1):
            figures[name] = (md.stem, number)
    return Targets(sections, figures, equations, titles)


def citation(keys: str, textual: bool, bib: dict[str, dict]) -> str:
    """``(Baydin et al., 2018)`` or ``Baydin et al. (2018)``, linked to the references page."""
    parts = []
    for key in [k.strip() for k in keys.split(",")]:
        if key not in bib:
            raise ValueError(f"citation {key!r} is not in references.bib")
        entry = bib[key]
        who, year = entry["who"], entry["year"]
        parts.append(f"{who} ({year})" if textual else f"{who}, {year}")
    text = "; ".join(parts) if textual else "(" + "; ".join(parts) + ")"
    return f"[{text}]({manifest.site_url()}/references.html)"


def bibliography() -> dict[str, dict]:
    """``{key: {"who": "Baydin et al.", "year": "2018"}}`` from references.bib."""
    from pybtex.database import parse_file

    found = {}
    for key, entry in parse_file(str(manifest.ROOT / "references.bib")).entries.items():
        people = entry.persons.get("author", [])
        last = [" ".join(p.last_names).replace("{", "").replace("}", "") for p in people]
        if not last:
            who = "*" + entry.fields.get("title", key).replace("{", "").replace("}", "") + "*"
        elif len(last) == 1:
            who = last[0]
        elif len(last) == 2:
            who = f"{last[0]} and {last[1]}"
        else:
            who = f"{last[0]} et al."
        found[key] = {"who": who, "year": entry.fields.get("year", "n.d.")}
    return found


def roles(text: str, stem: str, values: dict[str, str], where: Targets, bib: dict[str, dict]) -> str:
    """Replaces MyST roles with plain Markdown."""

    def glue(match: re.Match) -> str:
        name, spec = match.group(1), match.group(2)
        if name not in values:
            raise ValueError(f"{stem}: {{glue}}`{name}` was never glued")
        return chapters.rendered(values[name], spec)

    def ref(match: re.Match) -> str:
        explicit, label = match.group(1), match.group(2)
        if label not in where.sections:
            raise ValueError(f"{stem}: {{ref}}`{label}` points nowhere")
        page, heading = where.sections[label]
        return f"[{explicit or heading}]({site_page(page, label)})"

    def numref(match: re.Match) -> str:
        name = match.group(1)
        page, number = where.figures[name]
        text = f"Figure {number}" if page == stem else f"Figure {number} of {where.titles[page]}"
        return f"[{text}]({site_page(page, name)})"

    def eq(match: re.Match) -> str:
        page, number = where.equations[match.group(1)]
        return f"({number})" if page == stem else f"[({number}) of {where.titles[page]}]({site_page(page)})"

    def doc(match: re.Match) -> str:
        page = Path(match.group(2)).stem
        return f"[{match.group(1) or where.titles[page]}]({site_page(page)})"

    text = chapters.GLUE_ROLE.sub(glue, text)
    text = re.sub(r"\{ref\}`(?:([^`<]+?)\s*<)?([\w-]+)>?`", ref, text)
    text = re.sub(r"\{numref\}`([\w-]+)`", numref, text)
    text = re.sub(r"\{eq\}`([\w-]+)`", eq, text)
    text = re.sub(r"\{doc\}`(?:([^`<]+?)\s*<)?([^`>]+)>?`", doc, text)
    text = re.sub(r"\{cite:([pt])\}`([^`]+)`", lambda m: citation(m.group(2), m.group(1) == "t", bib), text)
    return text


def math(text: str, stem: str, where: Targets) -> str:
    """``$$ ... $$ (label)`` becomes ``$$ ... \\tag{N} $$``, numbered as on the site."""

    def tag(match: re.Match) -> str:
        _, number = where.equations[match.group(2)]
        return f"{match.group(1).rstrip()} \\tag{{{number}}}\n$$"

    return re.sub(r"(\$\$\n.*?)\n\$\$ *\(([\w-]+)\)", tag, text, flags=re.S)


def directives(text: str, counter: list[int]) -> str:
    """Admonitions become block quotes with their title; exercise fences a numbered heading."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        match = DIRECTIVE.match(lines[i])
        if match is None:
            out.append(lines[i])
            i += 1
            continue
        fence, name, argument = match.groups()
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == fence), None)
        if end is None:
            raise ValueError(f"unclosed {{{name}}} directive")
        body = [line for line in lines[i + 1 : end] if not re.match(r"^:[\w-]+:", line)]
        while body and not body[0].strip():
            body.pop(0)
        if name == "exercise-start":
            counter[0] += 1
            out.append(f"### Exercise {counter[0]}")
        elif name in ("exercise-end",):
            pass
        elif name == "admonition" or name in ADMONITIONS:
            title = argument.strip() or ADMONITIONS.get(name, "Note")
            quoted = [f"> {line}" if line.strip() else ">" for line in body]
            out += [f"> **{title}**", ">", *quoted]
        else:
            raise ValueError(f"no plain form for the {{{name}}} directive")
        i = end + 1
    return "\n".join(out)


def markdown(text: str, stem: str, values, where, bib, counter) -> str:
    text = re.sub(r"^\([\w-]+\)=\n", "", text, flags=re.M)
    text = math(text, stem, where)
    text = roles(text, stem, values, where, bib)
    return directives(text, counter).strip()


def header(stem: str, title: str, student: bool) -> nbformat.NotebookNode:
    kind = "student edition" if student else "Colab edition"
    lines = [
        f"> **{kind.capitalize()}** of [{title}]({site_page(stem)}), from the course "
        f"*Autodiff and Optimisation with JAX*. The numbers in the text are those of the book's own run.",
    ]
    if student:
        lines.append(
            "> Solutions are removed: complete each exercise's starter cell, then run its check cell."
        )
    else:
        lines.append("> Each exercise's solution is a hidden form cell: double-click *Solution* to see it.")
    return nbformat.v4.new_markdown_cell("\n>\n".join(lines))


def edition(md: Path, student: bool = False, where: Targets | None = None, bib=None) -> nbformat.NotebookNode:
    """The Colab edition of one chapter, from its executed notebook."""
    where = where or targets()
    bib = bib if bib is not None else bibliography()
    full = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    values = chapters.glued(full)
    cells, counter, solution = [], [0], None
    for cell in full.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code" and "remove-cell" in tags:
            continue  # the book's plumbing (glue): nothing a reader runs
        if cell.cell_type == "markdown":
            text, kept = cell.source, []
            while text:
                if solution is None:
                    start = re.search(r"```\{solution-start\}[^\n]*\n(?::[^\n]*\n)*```\n?", text)
                    if start is None:
                        kept.append(text)
                        break
                    kept.append(text[: start.start()])
                    text, solution = text[start.end() :], {"code": [], "notes": [], "outputs": []}
                else:
                    end = re.search(r"```\{solution-end\}\n```\n?", text)
                    inside = text if end is None else text[: end.start()]
                    if inside.strip():
                        solution["notes"].append(markdown(inside, md.stem, values, where, bib, counter))
                    if end is None:
                        break
                    text = text[end.end() :]
                    plain = "\n".join(p for p in kept if p.strip())
                    if plain.strip():
                        cells.append(
                            nbformat.v4.new_markdown_cell(
                                markdown(plain, md.stem, values, where, bib, counter)
                            )
                        )
                    kept = []
                    if not student:
                        cells.append(solution_cell(solution))
                    solution = None
            plain = "\n".join(p for p in kept if p.strip())
            if plain.strip():
                cells.append(
                    nbformat.v4.new_markdown_cell(markdown(plain, md.stem, values, where, bib, counter))
                )
            continue
        if solution is not None:
            solution["code"].append(cell.source)
            solution["outputs"] += cell.get("outputs", [])
            continue
        new = nbformat.v4.new_code_cell(cell.source, metadata={"tags": tags} if tags else {})
        if not student:
            new.outputs = copy.deepcopy(cell.outputs)
        cells.append(new)
        figure = cell.metadata.get("mystnb", {}).get("figure", {})
        if figure.get("caption"):  # the site prints it under the figure
            number = where.figures[figure["name"]][1] if figure.get("name") in where.figures else None
            caption = " ".join(roles(figure["caption"], md.stem, values, where, bib).split())
            cells.append(
                nbformat.v4.new_markdown_cell(f"*Figure {number}: {caption}*" if number else f"*{caption}*")
            )
    if solution is not None:
        raise ValueError(f"{md.name}: a solution-start has no solution-end")
    title = re.search(
        r"^# (.+)$", "\n".join(c.source for c in full.cells if c.cell_type == "markdown"), flags=re.M
    )
    cells.insert(0, header(md.stem, title.group(1).strip(), student))
    for cell in cells:
        cell.pop("id", None)  # random ids would make every run a change
        if cell.cell_type == "code":
            cell.execution_count = None
            for out in cell.outputs:
                if "execution_count" in out:
                    out["execution_count"] = None
    nb = nbformat.v4.new_notebook()
    nb.nbformat_minor, nb.cells = 4, cells  # nbformat 4.4: no random cell ids
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "colab": {"provenance": [], "toc_visible": True},
        "accelerator": "GPU",
    }
    return nb


def solution_cell(solution: dict) -> nbformat.NotebookNode:
    """One hidden form cell: the solution's explanation as comments, then its code."""
    notes = "\n".join(solution["notes"])
    comments = [f"# {line}".rstrip() for line in notes.splitlines()] if notes.strip() else []
    source = "\n".join(
        [SOLUTION_TITLE, *comments, *(["#"] if comments else []), "\n\n".join(solution["code"])]
    )
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = copy.deepcopy(solution["outputs"])
    return cell


def write_all(stems: list[str] | None = None) -> list[str]:
    """Writes both editions of every chapter (or of those named); returns the paths that changed."""
    where, bib, changed = targets(), bibliography(), []
    for md in chapters.chapter_sources():
        if stems is not None and md.stem not in stems:
            continue
        for student, folder in ((False, EDITION), (True, STUDENT)):
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / md.with_suffix(".ipynb").name
            text = nbformat.writes(edition(md, student, where, bib)) + "\n"
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
                changed.append(str(path.relative_to(manifest.ROOT)))
    return changed
