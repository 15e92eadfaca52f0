"""Headless Chromium for the page tests, driven by Selenium through Debian's chromedriver.

Selenium (over a hand-written DevTools client) because it gives, through one maintained API,
the browser's console log (``goog:loggingPrefs``), screenshots, DOM queries and WebDriver's
print-to-PDF. Chromium and chromedriver come from Debian (``.ci/run`` installs them); with
an explicit driver path Selenium Manager downloads nothing. Chromium is started with flags
that keep it off the network, and every host name resolves to nothing, so a page that needed
a CDN or a tile server would show it.

Without Chromium the tests skip with the reason, except when ``TOURPLAN_REQUIRE_BROWSER=1``
(set by ``.ci/run``), where a missing browser fails the run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("TOURPLAN_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TOURPLAN_CHROMEDRIVER", "/usr/bin/chromedriver")
ARTEFACTS = Path(os.environ.get("TOURPLAN_ARTEFACTS", tempfile.gettempdir())) / "tourplan-browser"

OFFLINE_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    # No name resolves: nothing online can load, even on a machine with a network.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1400,1000",
)


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return f"{path} not found: apt-get install chromium chromium-driver (as .ci/run does)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium (a Selenium WebDriver) with its console log kept."""
    reason = _missing()
    if reason is not None:
        if os.environ.get("TOURPLAN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"the browser tests must run here: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="tourplan-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*OFFLINE_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def artefacts() -> Path:
    """The folder where screenshots and PDFs are kept after the run (outside the repo)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS
