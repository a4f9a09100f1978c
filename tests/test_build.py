"""The strict site build: zero warnings, every reference resolved, the pages and buttons there."""

import re

import pytest

from tools import build, manifest, notebooks


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("site")
    assert build.main([str(output)]) == 0, "the strict build failed: see the output above"
    return output / "_build" / "html"


def test_landing_page_and_every_chapter_are_built(site):
    assert (site / "intro.html").exists() and (site / "index.html").exists()
    for md in notebooks.chapter_sources():
        assert (site / "chapters" / f"{md.stem}.html").exists()


def test_chapters_are_built_from_notebooks_so_colab_opens_a_notebook(site):
    url = manifest.repository_url().removeprefix("https://github.com/")
    for md in notebooks.chapter_sources():
        html = (site / "chapters" / f"{md.stem}.html").read_text()
        colab = f"https://colab.research.google.com/github/{url}/blob/main/chapters/{md.stem}.ipynb"
        assert colab in html, f"{md.stem}: no Colab launch link to the notebook"
        assert "mybinder.org" in html


def test_glued_numbers_are_rendered(site):
    for md in notebooks.chapter_sources():
        html = (site / "chapters" / f"{md.stem}.html").read_text()
        assert "{glue" not in html, f"{md.stem}: an unresolved glue role"
        assert not re.search(r"pasted-text\">\s*</span>", html), f"{md.stem}: an empty glued value"
