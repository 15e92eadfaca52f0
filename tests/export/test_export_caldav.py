"""Upload the .ics to a real CalDAV server (Radicale on loopback) with a real client (caldav).

The server runs as a subprocess on 127.0.0.1 with a free port, a temporary storage folder and
no authentication; the fixture stops it (terminate, then kill) even when a test fails.
"""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import caldav
import icalendar
import pytest

from tourplan.export import itinerary_to_ics
from tourplan.plan import Itinerary

STARTUP_TIMEOUT_S = 20.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1):
            return True
    except urllib.error.HTTPError:  # 401, 404 ...: the server is up and answering
        return True
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def radicale_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a Radicale server started for this module, stopped afterwards."""
    folder = tmp_path_factory.mktemp("radicale")
    port = _free_port()
    config = folder / "config"
    config.write_text(
        "[server]\n"
        f"hosts = 127.0.0.1:{port}\n"
        "[auth]\n"
        "type = none\n"
        "delay = 0\n"
        "[storage]\n"
        f"filesystem_folder = {folder / 'collections'}\n"
        "[web]\n"
        "type = none\n"
        "[logging]\n"
        "level = warning\n",
        encoding="utf-8",
    )
    log_path = folder / "radicale.log"
    url = f"http://127.0.0.1:{port}/"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            while not _answers(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(
                        f"Radicale did not start on {url}:\n{_tail(log_path)}", pytrace=False
                    )
                time.sleep(0.05)
            yield url
        finally:
            _stop(process)


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text("utf-8", errors="replace").splitlines()[-lines:])


def _one_event_calendars(data: bytes) -> list[str]:
    """Split an exported calendar into one VCALENDAR per event, as CalDAV stores them."""
    calendar = icalendar.Calendar.from_ical(data)
    return [
        icalendar.Calendar.new(
            prodid=str(calendar["PRODID"]), subcomponents=[*calendar.timezones, event]
        )
        .to_ical()
        .decode("utf-8")
        for event in calendar.events
    ]


def _texts(event: icalendar.Event) -> tuple[str, dt.datetime, dt.datetime, str, str, str]:
    return (
        str(event["SUMMARY"]),
        event.start.astimezone(dt.UTC),
        event.end.astimezone(dt.UTC),
        str(event.get("DESCRIPTION", "")),
        str(event.get("LOCATION", "")),
        str(event.get("URL", "")),
    )


def _upload(calendar: caldav.Calendar, data: bytes) -> dict[str, icalendar.Event]:
    """Upload every event of ``data`` to ``calendar``; return what the server then holds."""
    for text in _one_event_calendars(data):
        calendar.add_event(text)
    fetched = {}
    for resource in calendar.get_events():
        event = resource.icalendar_component
        fetched[str(event["UID"])] = event
    return fetched


@pytest.fixture
def dav_calendar(radicale_url: str, request: pytest.FixtureRequest) -> Iterator[caldav.Calendar]:
    """A new, empty calendar on the server, named after the test."""
    with caldav.DAVClient(url=radicale_url, username="traveller", password="unused") as client:
        principal = client.principal()
        yield principal.make_calendar(
            name=f"Chuyến đi làng nghề ({request.node.name})",
            cal_id=request.node.name.replace("_", "-"),
        )


def test_caldav_server_returns_the_exported_events(
    dav_calendar: caldav.Calendar, itinerary: Itinerary, dtstamp: dt.datetime
) -> None:
    data = itinerary_to_ics(itinerary, include_legs=True, dtstamp=dtstamp)
    exported = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).events}
    fetched = _upload(dav_calendar, data)
    assert set(fetched) == set(exported)
    for uid, event in exported.items():
        assert _texts(fetched[uid]) == _texts(event), uid
    # and against the plan itself, not only against our own writer
    for day in itinerary.days:
        for stop in day.stops:
            event = fetched[f"tourplan-{day.date:%Y%m%d}-{stop.village.id}-visit@tourplan"]
            assert str(event["SUMMARY"]) == stop.village.name_vi
            assert event.start.astimezone(dt.UTC) == stop.start.astimezone(dt.UTC)
            assert event.end.astimezone(dt.UTC) == stop.end.astimezone(dt.UTC)


def test_reexport_updates_events_instead_of_duplicating(
    dav_calendar: caldav.Calendar, itinerary: Itinerary
) -> None:
    first = itinerary_to_ics(itinerary, dtstamp=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    assert len(_upload(dav_calendar, first)) == 6
    # the same plan re-exported later, in English, with lunch ten minutes later on day one
    day = itinerary.days[0]
    lunch = day.breaks[0]
    later = replace(lunch, start=lunch.start + dt.timedelta(minutes=10))
    changed = replace(itinerary, days=(replace(day, breaks=(later,)), *itinerary.days[1:]))
    second = itinerary_to_ics(changed, dtstamp=dt.datetime(2026, 2, 5, tzinfo=dt.UTC), lang="en")
    fetched = _upload(dav_calendar, second)
    assert len(fetched) == 6
    event = fetched["tourplan-20260302-lunch-at-bat-trang-break@tourplan"]
    assert str(event["SUMMARY"]) == "Lunch"
    assert event.start.astimezone(dt.UTC) == later.start.astimezone(dt.UTC)
