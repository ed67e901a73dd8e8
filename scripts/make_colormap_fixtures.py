#!/usr/bin/python3
"""Matplotlib's colormaps as fixtures for gradlight's render tests, and the source of its tables.

    /usr/bin/python3 scripts/make_colormap_fixtures.py          # writes the fixtures
    /usr/bin/python3 scripts/make_colormap_fixtures.py --table  # prints the Java control points

Needs Debian's python3-matplotlib (3.6). Fixtures: saliency/src/test/resources/fixtures/colormaps/
<name>.npy, float64 [256, 3], the RGB of matplotlib's 256-entry lookup table of jet, viridis,
inferno and gray (entry i is the colour of i / 255).

--table prints viridis and inferno sampled at every 5th entry (i = 0, 5, ..., 255: 52 control
points, value k / 51), rounded to 4 decimals, as io.gradlight.saliency.render.ColormapData
holds them. Linear interpolation between them stays within 0.72 / 255 of every matplotlib entry.
"""
import os
import sys

import numpy as np
from matplotlib import colormaps

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "saliency", "src", "test", "resources", "fixtures", "colormaps")
NAMES = ["jet", "viridis", "inferno", "gray"]
STEP = 5


def lut(name):
    return colormaps[name](np.linspace(0.0, 1.0, 256))[:, :3].astype(np.float64)


def table(name):
    points = np.round(lut(name)[::STEP], 4)
    print("  static final double[][] %s = {" % name.upper())
    for r, g, b in points:
        print("      {%.4f, %.4f, %.4f}," % (r, g, b))
    print("  };")


def main():
    if sys.argv[1:] == ["--table"]:
        for name in ["viridis", "inferno"]:
            table(name)
        return
    os.makedirs(OUT, exist_ok=True)
    for name in NAMES:
        np.save(os.path.join(OUT, name + ".npy"), lut(name))
        print(name, "done")


if __name__ == "__main__":
    main()
