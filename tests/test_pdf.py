"""The PDF printer (tools/pdf.py) on a small page shaped like the single-page book."""

from __future__ import annotations

import pytest

from tools import pdf

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tiny book</title></head>
<body><article>
<section id="intro"><h1>Tiny book</h1><p>Front matter.</p>
<section id="ch-a"><h2>Chapter A</h2><section id="a-1"><h3>First idea</h3>
<p>Text of A.</p><div class="exercise admonition"><p>Exercise 1: do it.</p></div>
<div class="solution dropdown admonition"><p>SOLUTION-ONE</p></div></section></section>
<section id="ch-b"><h2>Chapter B</h2><p>Text of B.</p>
<div class="solution dropdown admonition"><p>SOLUTION-TWO</p></div></section>
</section></article></body></html>
"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("single")
    (folder / "intro.html").write_text(PAGE)
    return folder / "intro.html"


@pytest.mark.parametrize(("solutions", "expected"), [("appendix", 2), ("omit", 0)])
def test_solutions_go_to_an_appendix_or_are_left_out(page_file, tmp_path, solutions, expected):
    out = tmp_path / "book.pdf"
    laid_out = pdf.print_pdf(page_file, out, solutions)
    assert laid_out == {"chapters": 2, "solutions": expected, "contents": 3 if expected else 2}
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and out.stat().st_size > 2000
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page>>") + data.count(b"/Type/Page") >= 1
    assert (b"/Outlines" in data) and (b"/StructTreeRoot" in data)  # bookmarks and a tagged PDF


def test_bad_choice_is_named(page_file, tmp_path):
    with pytest.raises(ValueError, match="solutions must be one of"):
        pdf.print_pdf(page_file, tmp_path / "x.pdf", "inline")
