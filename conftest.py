"""Root pytest set-up, for every test path (tests/ and the chapters' notebooks alike)."""

import os
import platform
from pathlib import Path

from tools.manifest import HASH_SEED, ROOT, record_python_run

# nbval's kernels inherit this process's environment: string hashes (set and dict
# orders) are then the same in the committed run and in every test run, with or
# without make.
os.environ["PYTHONHASHSEED"] = HASH_SEED

# inside strict nbval's run: prove the student edition, and compare glued numbers as
# the prose shows them rather than by their full repr (see each module)
pytest_plugins = ["tests.student_edition", "tests.glued_values"]


def pytest_sessionfinish(session, exitstatus):
    """Records this Python in tests/python_runs.json when the whole suite passed.

    Only a run of every test path counts (``make test``: no paths, no ``-k``/``-m``),
    and only in the controlling process; the "tested with" lines are generated
    from these records (``make notebooks``).
    """
    config = session.config
    whole = not config.args or {Path(a).resolve() for a in config.args} == {
        ROOT / p for p in config.getini("testpaths")
    }
    selected = config.getoption("keyword") or config.getoption("markexpr")
    if exitstatus == 0 and whole and not selected and not hasattr(config, "workerinput"):
        record_python_run(platform.python_version())
