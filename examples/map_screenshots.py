"""Make the screenshots of the map pages shown in docs/exports.md and the README.

Plans the 3-day trip of the browser tests in English, writes its page and a 3-route catalogue
index, and photographs them in headless Chromium (offline, as the tests do). Needs the test
extra and Debian's chromium and chromium-driver::

    .venv/bin/python examples/map_screenshots.py docs/images
"""

from __future__ import annotations

import base64
import datetime as dt
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.print_page_options import PrintOptions

import tourplan
from tourplan.catalogue import CatalogueRequest
from tourplan.export import write_catalogue, write_html
from tourplan.plan import TripRequest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1400,900",
    "--hide-scrollbars",
)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tourplan-shots-"))
    search = tourplan.SearchParameters(deterministic=True)
    saturday = dt.date(2026, 12, 5)
    trip = tourplan.plan_trip(
        TripRequest.for_days("hoan-kiem-lake", saturday, days=3), search=search
    )
    page = write_html(trip, work / "trip.html", lang="en")
    catalogue = tourplan.plan_catalogue(CatalogueRequest(date=saturday, routes=3), search=search)
    write_catalogue(catalogue, work / "catalogue", lang="en", html=True)

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={work / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        driver.get(page.as_uri())
        driver.save_screenshot(str(out / "map-page.png"))
        print_options = PrintOptions()
        print_options.page_width, print_options.page_height = 21.0, 29.7
        print_options.background = True
        pdf = base64.b64decode(driver.print_page(print_options))
        (out / "map-page-print.pdf").write_bytes(pdf)
        driver.get((work / "catalogue" / "index.html").as_uri())
        driver.save_screenshot(str(out / "map-catalogue.png"))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images"))
