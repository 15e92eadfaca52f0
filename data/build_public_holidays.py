"""Write ``public_holidays.csv``: Vietnam's public holidays of 2024-2032 from the holidays package.

Usage: ``python data/build_public_holidays.py`` (from the repository root, with the package's
dependencies installed). :mod:`tourplan.public_holidays` reads the table for the years it
covers, so that planning a trip does not import the ``holidays`` package (0.12 s: it loads
its 250 countries on first use); other years still come from the package. The table is what
the installed package says, row by row with that source; ``tests/test_public_holidays.py``
fails when the installed package no longer agrees, and this script is then run again.
"""

from __future__ import annotations

import csv
import sys
from importlib.metadata import version
from pathlib import Path

import holidays

HERE = Path(__file__).resolve().parent
YEARS = range(2024, 2033)
TET_WORDS = "Lunar New Year"  # as tourplan.public_holidays._TET_WORDS


def main() -> int:
    source = f"python-holidays {version('holidays')}, country_holidays VN"
    rows = []
    for year in YEARS:
        calendar = holidays.country_holidays("VN", years=year, language="en_US")
        for day, name in sorted(calendar.items()):
            rows.append({"date": day.isoformat(), "tet": int(TET_WORDS in name), "source": source})
    with open(HERE / "public_holidays.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["date", "tet", "source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} public holidays of {YEARS.start}-{YEARS.stop - 1}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
