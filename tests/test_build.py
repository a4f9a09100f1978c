"""The strict site build: zero warnings, every reference resolved, the pages and buttons there."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tools import chapters, manifest


def test_landing_page_and_every_chapter_are_built(site):
    assert (site / "intro.html").exists() and (site / "index.html").exists()
    for md in chapters.chapter_sources():
        assert (site / "chapters" / f"{md.stem}.html").exists()


def test_chapters_are_built_from_notebooks_and_colab_opens_their_editions(site):
    url = manifest.repository_url().removeprefix("https://github.com/")
    for md in chapters.chapter_sources():
        html = (site / "chapters" / f"{md.stem}.html").read_text()
        colab = f"https://colab.research.google.com/github/{url}/blob/main/colab/{md.stem}.ipynb"
        assert colab in html, f"{md.stem}: no Colab launch link to the Colab edition"
        assert colab.replace("/colab/", "/colab/student/") in html, (
            f"{md.stem}: no link to the student edition"
        )
        assert "mybinder.org" in html


def test_glued_numbers_are_rendered(site):
    for md in chapters.chapter_sources():
        html = (site / "chapters" / f"{md.stem}.html").read_text()
        assert "{glue" not in html, f"{md.stem}: an unresolved glue role"
        assert not re.search(r"pasted-text\">\s*</span>", html), f"{md.stem}: an empty glued value"


def pages(site: Path) -> list[Path]:
    """Every HTML page of the site except Sphinx's generated index and search pages."""
    skip = {"genindex.html", "search.html"}
    return sorted(
        p
        for p in site.rglob("*.html")
        if p.name not in skip and "_sources" not in p.parts and "_static" not in p.parts
    )


PUBLISHED_LATER = {"book.pdf": "make pdf PYTHON=python PDF=_build/html/book.pdf"}
"""Files the pages workflow adds to the built site after `make book`, with the step that does."""


def test_files_published_later_are_made_by_the_pages_workflow():
    workflow = (Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pages.yml").read_text()
    for name, step in PUBLISHED_LATER.items():
        assert step in workflow, f"{name} is linked from the site but the pages workflow does not make it"


def test_every_internal_link_and_anchor_resolves(site):
    ids_cache: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_cache:
            soup = BeautifulSoup(path.read_text(), "html.parser")
            ids_cache[path] = {tag["id"] for tag in soup.find_all(id=True)}
        return ids_cache[path]

    broken, checked = [], 0
    for page in pages(site):
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue  # off-site links are not fetched: the site must work offline
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists() and target not in {(site / n).resolve() for n in PUBLISHED_LATER}:
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids(target):
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert checked > 100, f"only {checked} internal links found: is the site built?"
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_favicon_ico_at_the_root_and_the_licence_in_every_footer(site):
    """Browsers request /favicon.ico whatever the page declares; a 404 shows in their console."""
    assert (site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header
    for page in pages(site):
        html = page.read_text()
        if 'http-equiv="Refresh"' in html:
            continue  # index.html only redirects to the landing page
        assert "creativecommons.org/licenses/by/4.0" in html and "MIT licence" in html, page.name
