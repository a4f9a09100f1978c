"""Root pytest set-up, for every test path (tests/ and the chapters' notebooks alike)."""

import os

from tools.manifest import HASH_SEED

# nbval's kernels inherit this process's environment: string hashes (set and dict
# orders) are then the same in the committed run and in every test run, with or
# without make.
os.environ["PYTHONHASHSEED"] = HASH_SEED

# inside strict nbval's run: prove the student edition, and compare glued numbers as
# the prose shows them rather than by their full repr (see each module)
pytest_plugins = ["tests.student_edition", "tests.glued_values"]
