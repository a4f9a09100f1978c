"""Writes ``_extra/favicon.ico`` (``python -m tools.favicon``), the raster twin of ``_static/favicon.svg``.

Browsers ask for ``/favicon.ico`` at the site root whatever the page declares, and log a
404 when it is missing; Sphinx copies ``_extra/`` to the root (``html_extra_path``).
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch
from PIL import Image

from tools import manifest

ICO = manifest.ROOT / "_extra" / "favicon.ico"
BLUE = "#0072B2"  # Okabe-Ito blue, as in favicon.svg


def draw(size: int = 64) -> Image.Image:
    fig = plt.figure(figsize=(1, 1), dpi=size)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.add_patch(
        FancyBboxPatch(
            (0.02, 0.02),
            0.96,
            0.96,
            boxstyle="round,pad=0,rounding_size=0.18",
            facecolor=BLUE,
            edgecolor="none",
            transform=ax.transAxes,
        )
    )
    ax.text(
        0.5,
        0.45,
        "\u2202",
        color="white",
        fontsize=0.62 * size,
        family="serif",
        ha="center",
        va="center",
        transform=ax.transAxes,
    )
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", transparent=True)
    plt.close(fig)
    return Image.open(buffer).convert("RGBA")


def main() -> None:
    ICO.parent.mkdir(exist_ok=True)
    draw().save(ICO, format="ICO", sizes=[(16, 16), (32, 32), (48, 48), (64, 64)])
    print(f"wrote {ICO.relative_to(manifest.ROOT)}")


if __name__ == "__main__":
    main()
