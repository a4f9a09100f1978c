"""The strict site build: ``python -m tools.build OUTPUT_DIR``.

Warnings are errors (``-W``), every reference must resolve (``-n``), and
``--keep-going`` reports all problems in one run. Every page is rebuilt
every time, so a warning cannot hide behind an up-to-date page. Notebooks are not executed by
the build: it renders the committed outputs, which the tests prove current
(strict nbval re-executes every notebook and compares).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools import manifest


def command(output: Path) -> list[str]:
    """The jupyter-book command that builds the site into ``output/_build/html``."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return [
        str(jupyter_book),
        "build",
        str(manifest.ROOT),
        "--path-output",
        str(output),
        "--builder",
        "html",
        "--all",  # rebuild every page: an incremental build would not repeat old warnings
        "--warningiserror",
        "--nitpick",
        "--keep-going",
    ]


def main(argv: list[str]) -> int:
    output = Path(argv[0] if argv else ".").resolve()
    return subprocess.run(command(output), check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
