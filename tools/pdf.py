"""The whole book as one PDF: ``python -m tools.pdf [--solutions appendix|omit] [OUTPUT.pdf]``.

``make pdf`` runs it. Jupyter Book builds the book as a single HTML page (its
``singlehtml`` builder, which is also what its own ``pdfhtml`` builder prints);
headless Chromium, the one the browser tests drive, renders the equations with the
site's MathJax and prints the page, with a table of contents, page numbers, PDF
bookmarks and every chapter on a new page. Exercises stay in their chapters; their
solutions go to an appendix at the end (the default) or are left out
(``--solutions omit``), as the instructor chooses. No LaTeX is needed.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from tools import manifest

CHROMIUM = "/usr/bin/chromium"
DEFAULT_OUTPUT = manifest.ROOT / "_build" / "pdf" / "book.pdf"
SOLUTIONS = ("appendix", "omit")

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
.bd-header, .bd-header-announcement, .bd-sidebar-primary, .bd-sidebar-secondary,
.header-article, .prev-next-area, .bd-footer, .bd-footer-article, .bd-footer-content,
footer, .toggle-button, .headerlink, button.copybtn, .search-button-field,
#pst-skip-link, .skip-link { display: none !important; }
.bd-main, .bd-content, .bd-article-container, .bd-article, .bd-page-width, .bd-container,
.bd-container__inner { max-width: none !important; width: 100% !important;
  margin: 0 !important; padding: 0 !important; display: block !important; }
body { font-size: 10.5pt; }
section.course-chapter { break-before: page; }
figure, table { break-inside: avoid; }
div.cell_output, div.output, div.highlight, pre { break-inside: auto !important; }
pre { white-space: pre-wrap; word-break: break-word; }
nav.course-contents ol { list-style: none; padding-left: 1.2em; }
nav.course-contents > ol { padding-left: 0; }
nav.course-contents a { text-decoration: none; }
"""

PREPARE = """(solutions) => {
  const article = document.querySelector("article") || document.body;
  // every chapter (an h2 of the single page) starts a new page
  const chapters = [...article.querySelectorAll("h2")].map(h => h.closest("section"));
  chapters.forEach(s => s && s.classList.add("course-chapter"));
  // dropdowns open: a printed page cannot be clicked
  document.querySelectorAll(".toggle-hidden").forEach(e => e.classList.remove("toggle-hidden"));
  document.querySelectorAll("details").forEach(d => d.open = true);
  const found = [...article.querySelectorAll("div.solution")];
  if (solutions === "omit") {
    found.forEach(s => s.remove());
  } else if (found.length) {
    const appendix = document.createElement("section");
    appendix.className = "course-chapter";
    appendix.id = "course-solutions";
    appendix.innerHTML = "<h2>Solutions to the exercises</h2>";
    let chapter = null;
    for (const s of found) {
      const home = s.closest("section.course-chapter");
      const title = home && home.querySelector("h2");
      if (title && title.textContent !== chapter) {  // "Exercise 1" restarts in every chapter
        chapter = title.textContent;
        const heading = document.createElement("h3");
        heading.textContent = chapter.replace(/#$/, "");
        appendix.appendChild(heading);
      }
      s.classList.remove("dropdown");
      appendix.appendChild(s);
    }
    article.appendChild(appendix);
  }
  // a table of contents of chapters and their sections, linked
  const nav = document.createElement("nav");
  nav.className = "course-contents course-chapter";
  const top = document.createElement("ol");
  nav.innerHTML = "<h2>Contents</h2>";
  nav.appendChild(top);
  for (const section of article.querySelectorAll("section.course-chapter")) {
    const h = section.querySelector("h2");
    if (!h || !section.id) continue;
    const item = document.createElement("li");
    item.innerHTML = `<a href="#${section.id}">${h.textContent.replace(/#$/, "")}</a>`;
    const inner = document.createElement("ol");
    for (const sub of section.querySelectorAll(":scope > section")) {
      const h3 = sub.querySelector("h3");
      if (h3 && sub.id) inner.innerHTML += `<li><a href="#${sub.id}">${h3.textContent.replace(/#$/, "")}</a></li>`;
    }
    if (inner.children.length) item.appendChild(inner);
    top.appendChild(item);
  }
  const first = article.querySelector("section.course-chapter");
  first.parentNode.insertBefore(nav, first);
  const printed = document.querySelectorAll("#course-solutions div.solution").length;
  return {chapters: chapters.length, solutions: printed, contents: top.children.length};
}"""

FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
    '<span class="title"></span> · <span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def build_single_page(output: Path) -> Path:
    """Builds the book as one HTML page into ``output`` and returns its path.

    Raises:
        RuntimeError: if Jupyter Book fails.
    """
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(manifest.ROOT), "--path-output", str(output)]
    command += ["--builder", "custom", "--custom-builder", "singlehtml", "--all"]
    if subprocess.run(command, check=False).returncode != 0:
        raise RuntimeError("jupyter-book could not build the single-page book: see its output above")
    return output / "_build" / "singlehtml" / "intro.html"


def print_pdf(page_file: Path, pdf: Path, solutions: str = "appendix") -> dict:
    """Prints the single-page book to ``pdf`` with headless Chromium.

    Returns:
        What was laid out: the number of chapters, of solutions printed in the
        appendix and of entries in the table of contents.

    Raises:
        ValueError: if ``solutions`` is not "appendix" or "omit".
    """
    from playwright.sync_api import sync_playwright

    if solutions not in SOLUTIONS:
        raise ValueError(f"solutions must be one of {SOLUTIONS}, got {solutions!r}")
    handler = functools.partial(QuietHandler, directory=str(page_file.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--headless"]
            )
            page = browser.new_page()
            page.emulate_media(media="print")
            url = f"http://127.0.0.1:{httpd.server_address[1]}/{page_file.name}"
            page.goto(url, wait_until="networkidle", timeout=180_000)
            if page.evaluate("() => Boolean(window.MathJax)"):  # the book's pages have equations
                page.wait_for_function("() => MathJax.startup && MathJax.startup.promise")
                page.evaluate("() => MathJax.startup.promise")
            page.add_style_tag(content=PRINT_CSS)
            laid_out = page.evaluate(PREPARE, solutions)
            pdf.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(
                path=str(pdf),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                outline=True,
                tagged=True,
            )
            browser.close()
    finally:
        httpd.shutdown()
    return laid_out


def main(argv: list[str]) -> int:
    solutions, rest = "appendix", []
    it = iter(argv)
    for arg in it:
        if arg == "--solutions":
            solutions = next(it, "")
        else:
            rest.append(arg)
    pdf = Path(rest[0]).resolve() if rest else DEFAULT_OUTPUT
    page_file = build_single_page(pdf.parent / "single")
    laid_out = print_pdf(page_file, pdf, solutions)
    print(
        f"wrote {pdf}: {laid_out['contents']} entries in the contents, "
        f"{laid_out['solutions']} solutions ({solutions})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
