"""``make bench``: every notebook executed and timed, and the book's headline ratios.

Each chapter is executed in a fresh kernel (as ``make notebooks`` does, without
writing anything back) and timed; the headline measurements are the ratios the
chapters themselves compute and glue, so one run produces all of them side by
side. Results go to ``_static/bench.json`` and the status page. Notebooks over
their budget are flagged, without making ``make test`` depend on a noisy clock.
"""

from __future__ import annotations

import json
import sys

from tools import chapters, manifest, notebooks, pages

NOTEBOOK_BUDGET_S = 60.0
BOOK_BUDGET_S = 300.0
BENCH_JSON = manifest.ROOT / "_static" / "bench.json"
HEADLINES = {  # (notebook, glue name): what the ratio means
    ("07_newton_cg", "loop_numpy_vs_fori"): "fixed-point iteration: NumPy loop time / jit + fori_loop time",
    ("02_forward_reverse", "cheap_rev_time_big"): "gradient (reverse mode) time / function time, largest n",
    (
        "02_forward_reverse",
        "cheap_rev_ops",
    ): "gradient (reverse mode) operations / function operations (XLA count)",
    ("04_linear_regression_jax", "scan_speedup"): "per-batch Python loop time / compiled training run time",
    ("07_newton_cg", "dense_vs_cg_largest"): "dense Newton solve time / HVP + CG time, largest n",
    (
        "09_scaling_out",
        "share_small",
    ): "all-reduce share of a data-parallel step (time with it minus without, over with), fewest rows",
    (
        "09_scaling_out",
        "share_large",
    ): "all-reduce share of a data-parallel step (time with it minus without, over with), most rows",
}


def glued_values(nb) -> dict[str, float]:
    """The numbers a notebook glued, by name."""
    found = {}
    for name, text in chapters.glued(nb).items():
        try:
            found[name] = float(text)
        except (TypeError, ValueError):
            continue
    return found


def over_budget(seconds: dict[str, float]) -> list[str]:
    """Messages for every notebook over its budget, and for the book if over its own."""
    flags = [
        f"{name}: {s:.1f} s > {NOTEBOOK_BUDGET_S:.0f} s"
        for name, s in sorted(seconds.items())
        if s > NOTEBOOK_BUDGET_S
    ]
    total = sum(seconds.values())
    if total > BOOK_BUDGET_S:
        flags.append(f"the whole book: {total:.1f} s > {BOOK_BUDGET_S:.0f} s")
    return flags


def main(argv: list[str]) -> int:
    seconds, glued = {}, {}
    for md in chapters.chapter_sources():
        executed, elapsed = notebooks.build(md)  # as make notebooks; the .ipynb is not written
        seconds[md.stem] = round(elapsed, 1)
        glued[md.stem] = glued_values(executed)
        print(f"{md.stem:28s} {seconds[md.stem]:6.1f} s")
    headlines = {
        f"{nb}/{name}": {"ratio": glued[nb][name], "meaning": meaning}
        for (nb, name), meaning in HEADLINES.items()
    }
    flags = over_budget(seconds)
    result = {
        "execution_seconds": seconds,
        "total_seconds": round(sum(seconds.values()), 1),
        "budgets": {"notebook_s": NOTEBOOK_BUDGET_S, "book_s": BOOK_BUDGET_S},
        "over_budget": flags,
        "headlines": headlines,
        "hardware": pages.hardware(),
    }
    BENCH_JSON.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    print(f"{'total':28s} {result['total_seconds']:6.1f} s\n")
    for key, value in headlines.items():
        print(f"{value['ratio']:10.3g}x  {value['meaning']}  ({key})")
    print("\nover budget:", *(flags or ["nothing"]), sep="\n  ")
    pages.write_all()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
