"""``make canary``: the notebook tests against other releases of jax, jaxlib, flax and optax.

Builds a separate environment, ``.venv-canary`` (the pinned ``.venv`` is never
touched), from requirements.txt with those four packages upgraded to their
newest releases (or set to the versions given, ``python -m tools.canary
flax==0.12.7 optax==0.2.7``), runs strict nbval on every chapter there and
reports every cell that fails, as "output differs" (with the first differing
line) or "cell raised" (with the exception). The version line of each chapter's
first cell is sanitized for this run only (the pinned run still compares it), so
a new release is not a failure by itself. The report is printed and written to
``_build/canary.md``. The canary exits 1 when a cell fails, so a scheduled job
can open an issue; run it by hand to see drift before readers do.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from tools import manifest

CANARY = manifest.ROOT / ".venv-canary"
REPORT = manifest.ROOT / "_build" / "canary.md"
SANITIZE = manifest.ROOT / "tests" / "nbval_sanitize.cfg"
UPGRADED = ("jax", "jaxlib", "flax", "optax")
VERSION_RULE = """
[canary-versions]
regex: \\b(jax|jaxlib|flax|optax) \\d+\\.\\d+\\.\\d+\\S*
replace: \\1 VERSION
"""
"""Added to the sanitize rules for the canary run only: the report line of each first cell."""
ANSI = re.compile(r"(\x1b|#x1B)\[[0-9;]*m")  # JUnit XML writes ESC as "#x1B"


@dataclass(frozen=True)
class Failure:
    """One failing cell of one notebook."""

    notebook: str
    cell: str
    kind: str  # "output differs", "cell raised" or "failed"
    detail: str


def failures(junit_xml: str) -> list[Failure]:
    """Every failing nbval cell in a pytest JUnit XML report, in order."""
    found = []
    for case in ET.fromstring(junit_xml).iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            continue
        name = case.get("name", "")
        notebook = ".".join(case.get("classname", "").split(".")[-2:])  # "chapters.NN_name.ipynb"
        text = ANSI.sub("", (problem.get("message") or "") + "\n" + (problem.text or ""))
        if "Cell outputs differ" in text:
            kind, detail = "output differs", first_difference(text)
        elif "Cell execution caused an exception" in text or "Timeout" in text:
            kind, detail = "cell raised", exception_line(text)
        else:
            kind, detail = "failed", (text.strip().splitlines() or [""])[0]
        found.append(Failure(notebook, name, kind, detail))
    return found


def first_difference(text: str) -> str:
    """The first differing line, as "committed ... -> now ...".

    nbval asserts ``reference_output == test_output``; pytest's diff of that marks
    the committed (left) side's lines with ``+`` and the fresh (right) side's with ``-``.
    """
    committed = re.search(r"^\s+\+ (.*)$", text, flags=re.M)
    now = re.search(r"^\s+- (.*)$", text, flags=re.M)
    if committed or now:
        return f"committed {committed.group(1) if committed else ''!r} -> now {now.group(1) if now else ''!r}"
    mismatch = re.search(r"mismatch '([^']+)'", text)
    return f"{mismatch.group(1)} differs" if mismatch else "outputs differ"


def exception_line(text: str) -> str:
    """The last 'SomeError: message' line of a traceback."""
    lines = [
        line.strip()
        for line in text.splitlines()
        if re.match(r"\s*[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b:?", line)
    ]
    return lines[-1] if lines else "exception"


def report(versions: str, found: list[Failure]) -> str:
    """The canary's report in Markdown: what was run, then every failing cell by kind."""
    pins = manifest.pins()
    lines = [
        "# Canary report",
        "",
        "pinned: " + " ".join(f"{n} {pins[n]}" for n in UPGRADED),
        f"canary: {versions}",
        "",
    ]
    if not found:
        return "\n".join(lines + ["Every notebook passes strict nbval with these versions.", ""])
    notebooks = sorted({f.notebook for f in found})
    lines += [f"{len(found)} cell(s) fail in {len(notebooks)} notebook(s).", ""]
    for kind in ("cell raised", "output differs", "failed"):
        of_kind = [f for f in found if f.kind == kind]
        if of_kind:
            lines += [f"## {kind.capitalize()} ({len(of_kind)})", ""]
            lines += [f"- `{f.notebook}` {f.cell}: {f.detail}" for f in of_kind] + [""]
    return "\n".join(lines)


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), check=True, text=True, **kwargs)


def main(argv: list[str]) -> int:
    for spec in argv:
        if not re.fullmatch(r"(jax|jaxlib|flax|optax)==[\w.]+", spec):
            raise ValueError(f"versions are given as NAME==VERSION for one of {UPGRADED}, got {spec!r}")
    python = CANARY / "bin" / "python"
    if not python.exists():
        run(sys.executable, "-m", "venv", str(CANARY))
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, "-r", str(manifest.ROOT / "requirements.txt"))
    chosen = {spec.split("==")[0] for spec in argv}
    run(*pip, "--upgrade", *argv, *[name for name in UPGRADED if name not in chosen])
    run(*pip, "--no-deps", "--no-build-isolation", "-e", str(manifest.ROOT))
    versions = run(
        str(python),
        "-c",
        f"import importlib.metadata as m; print(' '.join(f'{{n}} {{m.version(n)}}' for n in {UPGRADED!r}))",
        capture_output=True,
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        sanitize, junit = Path(tmp) / "sanitize.cfg", Path(tmp) / "junit.xml"
        sanitize.write_text(SANITIZE.read_text() + VERSION_RULE)
        result = subprocess.run(
            [
                str(python),
                "-m",
                "pytest",
                "chapters",
                "-q",
                "--tb=short",
                "-n",
                "2",
                "--dist",
                "loadfile",
                "-p",
                "no:cacheprovider",
                f"--junitxml={junit}",
                f"--nbval-sanitize-with={sanitize}",
            ],
            cwd=manifest.ROOT,
            text=True,
            capture_output=True,
        )
        found = failures(junit.read_text()) if junit.exists() else []
    text = report(versions, found)
    if result.returncode != 0 and not found:
        text += "\npytest failed before comparing any cell:\n\n```\n" + result.stdout[-3000:] + "\n```\n"
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text)
    print(text)
    print(f"(written to {REPORT.relative_to(manifest.ROOT)})")
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
