"""Sphinx extension: small fixes to the theme configuration Jupyter Book generates.

Jupyter Book builds ``html_theme_options`` and ``html_context`` itself (launch
buttons, repository links), so setting them in ``_config.yml`` would replace its
values. This adds to them instead, after Jupyter Book has set them. It also fixes
what axe-core reports against WCAG 2.1 AA in the generated pages.
"""

import shutil
from pathlib import Path

STUDENT_EDITION = Path(__file__).resolve().parent.parent / "colab" / "student"


def _add_theme_defaults(app, config):
    context = dict(config.html_context or {})
    # pydata-sphinx-theme reads the colour mode from html_context and logs
    # "Got invalid theme mode" in the browser console on every page when it is empty
    context.setdefault("default_mode", "auto")
    config.html_context = context


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """Keeps the first of identical scripts (same file, same inline body).

    Jupyter Book lists MathJax twice in html_js_files and sphinx.ext.mathjax adds
    it once more, and sphinx-thebe's configuration is emitted twice: the browser
    then loads MathJax twice and both raise errors ("Cannot set property
    Package", "Identifier 'THEBE_JS_URL' has already been declared").
    """
    seen, kept = set(), []
    for script in context.get("script_files", []):
        filename = str(getattr(script, "filename", script) or "").split("?")[0]
        body = getattr(script, "attributes", {}).get("body", "")
        key = filename if filename else ("inline", body)
        if key in seen:
            continue
        seen.add(key)
        kept.append(script)
    context["script_files"] = kept


def _colab_editions(app, pagename, templatename, context, doctree):
    """Points the Colab button of a chapter at its Colab edition, and adds the student edition
    (on Colab, and as a download).

    sphinx-book-theme links Colab to the page's own notebook, ``chapters/NN_name.ipynb``,
    whose MyST (roles, glue, exercise fences) Colab shows as raw text. ``make notebooks``
    writes plain editions to ``colab/`` (``tools/edition.py``); these buttons open them.
    """
    if not pagename.startswith("chapters/"):
        return
    for group in context.get("header_buttons", []):
        if group.get("label") != "launch-buttons":
            continue
        for button in list(group["buttons"]):
            if button.get("text") == "Colab" and "/chapters/" in button.get("url", ""):
                full = button["url"].replace("/chapters/", "/colab/", 1)
                button["url"] = full
                button["tooltip"] = "Open the Colab edition"
                student = dict(
                    button,
                    text="Colab (student)",
                    tooltip="Open the student edition on Colab: solutions removed, checks kept",
                    url=full.replace("/colab/", "/colab/student/", 1),
                )
                group["buttons"].insert(group["buttons"].index(button) + 1, student)
    notebook = pagename.removeprefix("chapters/") + ".ipynb"
    if not (STUDENT_EDITION / notebook).exists():
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].insert(
                1,
                {
                    "type": "link",
                    "url": f"{context['pathto']('student', 1)}/{notebook}",
                    "text": "student .ipynb",
                    "icon": "fas fa-user-graduate",
                    "tooltip": "Download the student notebook: solutions removed, checks kept",
                    "label": "download-student-button",
                },
            )


def _copy_student_editions(app, exception):
    """Puts the student notebooks on the site, at ``student/NN_name.ipynb``, for the download button."""
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "student"
    target.mkdir(exist_ok=True)
    for notebook in STUDENT_EDITION.glob("*.ipynb"):
        shutil.copyfile(notebook, target / notebook.name)


def _bibliography_roles(app, exception):
    """Gives the bibliography's entries the ARIA role their list needs.

    docutils marks each citation ``role="doc-biblioentry"``, which DPUB-ARIA 1.1
    deprecates, inside a ``role="list"`` that then has no list items: axe-core
    reports both (aria-deprecated-role, aria-required-children). ``listitem`` fixes
    both without changing how the page looks.
    """
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'role="doc-biblioentry"' in text:
            page.write_text(text.replace('role="doc-biblioentry"', 'role="listitem"'), encoding="utf-8")


# _static/ansi-contrast.css needs no add_css_file: Jupyter Book links every .css in _static.


def setup(app):
    app.connect("build-finished", _bibliography_roles)
    app.connect("build-finished", _copy_student_editions)
    app.connect("config-inited", _add_theme_defaults, priority=900)
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("html-page-context", _colab_editions, priority=600)  # after the theme's (501)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
