"""Sphinx extension: small fixes to the theme configuration Jupyter Book generates.

Jupyter Book builds ``html_theme_options`` and ``html_context`` itself (launch
buttons, repository links), so setting them in ``_config.yml`` would replace its
values. This adds to them instead, after Jupyter Book has set them.
"""


def _add_theme_defaults(app, config):
    context = dict(config.html_context or {})
    # pydata-sphinx-theme reads the colour mode from html_context and logs
    # "Got invalid theme mode" in the browser console on every page when it is empty
    context.setdefault("default_mode", "auto")
    config.html_context = context


def setup(app):
    app.connect("config-inited", _add_theme_defaults, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
