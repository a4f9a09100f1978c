"""``make canary``: the notebook tests against the newest jax, jaxlib, flax and optax.

Builds a separate environment, ``.venv-canary`` (the pinned ``.venv`` is never
touched), from requirements.txt with those four packages upgraded to their
newest releases, runs strict nbval on every chapter there, and prints which
notebooks break and the first error of each. It reports; it does not fail, so it
can run on a schedule and warn before readers meet version drift.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tools import manifest

CANARY = manifest.ROOT / ".venv-canary"
UPGRADED = ("jax", "jaxlib", "flax", "optax")


def first_failures(pytest_output: str) -> dict[str, str]:
    """notebook -> its first failure, from pytest's short summary ("FAILED path::Cell N - msg")."""
    found: dict[str, str] = {}
    for line in pytest_output.splitlines():
        match = re.match(r"FAILED (\S+?\.ipynb)::(Cell \d+)(?: - (.*))?", line.strip())
        if match and match.group(1) not in found:
            found[match.group(1)] = f"{match.group(2)}: {match.group(3) or 'failed'}"
    return found


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), check=True, text=True, **kwargs)


def main(argv: list[str]) -> int:
    python = CANARY / "bin" / "python"
    if not python.exists():
        run(sys.executable, "-m", "venv", str(CANARY))
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, "-r", str(manifest.ROOT / "requirements.txt"))
    run(*pip, "--upgrade", *UPGRADED)
    run(*pip, "--no-deps", "--no-build-isolation", "-e", str(manifest.ROOT))
    versions = run(str(python), "-c", "import importlib.metadata as m; "
                   f"print(' '.join(f'{{n}} {{m.version(n)}}' for n in {UPGRADED!r}))",
                   capture_output=True).stdout.strip()
    pins = manifest.pins()
    print("pinned:", " ".join(f"{n} {pins[n]}" for n in UPGRADED))
    print("canary:", versions)
    result = subprocess.run(
        [str(python), "-m", "pytest", "chapters", "-q", "-rf", "--tb=no", "-n", "2",
         "--dist", "loadfile", "-p", "no:cacheprovider"],
        cwd=manifest.ROOT, text=True, capture_output=True)
    failures = first_failures(result.stdout)
    if not failures and result.returncode == 0:
        print("every notebook passes strict nbval with the newest versions")
    else:
        print(f"{len(failures)} notebook(s) break with the newest versions:")
        for notebook, first in sorted(failures.items()):
            print(f"  {Path(notebook).name}: {first}")
        if not failures:
            print(result.stdout[-3000:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
