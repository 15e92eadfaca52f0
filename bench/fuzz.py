"""Generated requests, every plan checked: ``python bench/fuzz.py --requests 10000``.

Issue #19's harness. Each request is drawn from a seeded generator (request ``i`` of seed ``s``
is the same on every machine): a start (a bundled place, a village or ``lat,lon``), one to four
dates (consecutive or not, with holidays), a day window, a mode, a lunch (none, the default,
random windows, zero-width ones like ``12:00-12:00/30``), must-visit and avoided villages,
themes and a theme bonus, a stop limit and a pace; over the bundled data or over a generated
village file (CSV, JSON or GeoJSON, loaded by :func:`tourplan.load_villages`) whose places
have split opening hours, closed days, ``PH off`` rules, seasons, sights, long visits and
entrance fees. A third of the requests count costs: must-do experiences (``--experience``),
optional ones (``--with-experiences``), a party and a budget, over the bundled experiences or
a generated experiences file (CSV or JSON, loaded by
:func:`tourplan.datasets.experiences.load_experiences`; fixed
sessions, hours of their own, prices, group limits).

Each plan is checked twice: by :func:`tourplan.check_itinerary`, and by :func:`independent`
below, which imports nothing from the planner and re-derives the rules from the itinerary's
own datetimes (a timeline without overlaps, breaks where the traveller is, the day window,
the lunch window, must/avoid, each village once, each booking inside its stop and its
sessions for the party, every must-do booked, the budget). Every plan is also exported to
.ics, JSON, GeoJSON and KML in memory (an export that refuses a plan is an internal error:
the loader let a bad value through). A refusal is any :class:`tourplan.TourplanError` (a one-line
reason); anything else, and a solution the planner's own validator refuses
(``InvalidSolutionError``, ``SolverError``), is an internal error. A time-limited search (not
``deterministic``) that takes more than ``--tolerance`` over its limit counts as an overshoot.

Writes one JSON line per request to ``--out`` and a summary to stdout; exit 1 when any plan
was invalid or any internal error happened. See docs/reliability.md for a quoted run.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import tourplan
from tourplan.datasets import save_villages
from tourplan.datasets.experiences import (
    experience_record,
    load_experiences,
    load_hanoi_experiences,
)
from tourplan.exceptions import InvalidSolutionError, SolverError
from tourplan.export import (
    itinerary_to_geojson_text,
    itinerary_to_ics,
    itinerary_to_json,
    itinerary_to_kml,
)
from tourplan.model import THEMES
from tourplan.model.experience import Experience, Experiences

INTERNAL = (InvalidSolutionError, SolverError, tourplan.ItineraryError)
"""Errors that are the planner's fault (its solution, or the itinerary made of it, failed a
check): internal, not refusals."""

MODES = ("walk", "bicycle", "motorbike", "car", "bus")
PACES = ("relaxed", "normal", "quick")
STARTS = ("hoan-kiem-lake", "old-quarter", "noi-bai-airport", "hanoi-railway-station")
HOURS = (
    "Mo-Su 08:00-17:30",
    "Mo-Fr 08:00-11:30,13:30-17:00; Sa 08:00-12:00",
    "Mo-Sa 07:30-11:30,13:00-17:00; PH off",
    "Tu-Su 09:00-16:00",
    "Sa,Su 08:00-17:00",
    "Mo-Su 06:00-10:00",
    "Mo-Su 13:00-18:00",
    "We,Fr 08:00-17:00",
)


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def village_file(rng: random.Random, folder: Path, bundled: tourplan.Villages) -> Path:
    """A generated village file: 5-40 places around Hanoi, in CSV, JSON or GeoJSON."""
    count = rng.randint(5, 40)
    villages = []
    for k in range(count):
        visit = rng.choice((20, 45, 60, 90, 150, 240))
        villages.append(
            tourplan.Village(
                id=f"gen-{k}",
                name_vi=f"Làng thử {k}",
                name_en=f"Test village {k}",
                lat=round(rng.uniform(20.75, 21.30), 5),
                lon=round(rng.uniform(105.45, 106.05), 5),
                visit_minutes=visit,
                opening_hours=tourplan.OpeningHours.parse(rng.choice(HOURS)),
                interest=rng.randint(1, 100),
                themes=tuple(rng.sample(THEMES, rng.randint(0, 2))),
                kind=rng.choice(("village", "village", "village", "pagoda", "museum", "market")),
                short_minutes=visit // 2 if rng.random() < 0.5 else None,
                long_minutes=visit * 2 if rng.random() < 0.5 else None,
                season_months=frozenset(rng.sample(range(1, 13), 6))
                if rng.random() < 0.15
                else frozenset(),
                url=rng.choice(("", "https://example.org/v", f"https://example.org/{k}?a=1&b=2")),
                fee_vnd=rng.choice((None, None, 0, 20_000, 50_000, 150_000)),
            )
        )
    if rng.random() < 0.2:  # mix in a few real villages
        villages += rng.sample(list(bundled), 5)
    suffix = rng.choice((".csv", ".json", ".geojson"))
    path = folder / f"villages-{rng.randrange(10**9)}{suffix}"
    save_villages(villages, path)
    return path


EXPERIENCE_RUNS = ("Mo-Su 08:00-17:00", "Mo-Fr 09:00-11:00,14:00-16:00", "Sa,Su 08:00-12:00")


def experiences_file(rng: random.Random, folder: Path, villages: tourplan.Villages) -> Path:
    """A generated experiences file: 1-8 experiences at the places of ``villages`` (CSV or
    JSON), some with fixed sessions, hours of their own and group limits."""
    places = [v.id for v in villages]
    records = []
    for k in range(rng.randint(1, 8)):
        minutes = rng.choice((20, 30, 45, 60, 90, 120))
        sessions = sorted(rng.sample((8 * 60, 9 * 60, 10 * 60 + 30, 14 * 60, 15 * 60), 2))
        low = rng.choice((None, None, 1, 2, 4))
        records.append(
            experience_record(
                Experience(
                    id=f"gen-exp-{k}",
                    place_id=rng.choice(places),
                    name_vi=f"Trải nghiệm thử {k}",
                    name_en=f"test experience {k}",
                    minutes=minutes,
                    price=rng.choice((0, 30_000, 70_000, 150_000, 400_000)),
                    sessions=tuple(dt.time(m // 60, m % 60) for m in sessions)
                    if rng.random() < 0.4
                    else (),
                    runs=tourplan.OpeningHours.parse(rng.choice(EXPERIENCE_RUNS))
                    if rng.random() < 0.4
                    else None,
                    min_group=low,
                    max_group=None if rng.random() < 0.6 else (low or 1) + rng.randint(0, 10),
                    source="generated by bench/fuzz.py",
                )
            )
        )
    if rng.random() < 0.5:
        path = folder / f"experiences-{rng.randrange(10**9)}.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        return path
    path = folder / f"experiences-{rng.randrange(10**9)}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        for record in records:
            row = {k: "" if v is None else v for k, v in record.items()}
            row["sessions"] = ";".join(record["sessions"])
            writer.writerow(row)
    return path


def draw_costs(rng: random.Random, fields: dict[str, Any], experiences: Experiences) -> None:
    """Add experiences, a party and a budget to a request's ``fields`` (in place)."""
    ids = [e.id for e in experiences]
    if ids and rng.random() < 0.5:
        fields["experiences"] = rng.sample(ids, rng.randint(1, min(2, len(ids))))
    if rng.random() < 0.6:
        fields["with_experiences"] = True
    if rng.random() < 0.6:
        fields["party"] = rng.choice((1, 2, 3, 5, 12))
    if rng.random() < 0.5:
        fields["budget_vnd"] = rng.choice((0, 50_000, 200_000, 500_000, 2_000_000))


def draw_request(rng: random.Random, villages: tourplan.Villages) -> dict[str, Any]:
    """Keyword arguments of a :class:`tourplan.TripRequest`, as a JSON-able dict."""
    ids = [v.id for v in villages]
    first = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    days = rng.choice((1, 1, 1, 2, 2, 3, 4))
    if rng.random() < 0.2:
        dates = sorted({first + dt.timedelta(days=rng.randrange(10)) for _ in range(days)})
    else:
        dates = [first + dt.timedelta(days=i) for i in range(days)]
    start_min = rng.choice((360, 420, 480, 480, 510, 540, 600, 720))
    end_min = min(start_min + rng.choice((180, 300, 480, 570, 600, 720, 900)), 23 * 60 + 59)
    roll = rng.random()
    start: str
    if roll < 0.5:
        start = rng.choice(STARTS)
    elif roll < 0.7:
        start = rng.choice(ids)
    else:
        start = f"{rng.uniform(20.85, 21.20):.5f},{rng.uniform(105.60, 106.00):.5f}"
    request: dict[str, Any] = {
        "start": start,
        "dates": [d.isoformat() for d in dates],
        "day_start": _time(start_min),
        "day_end": _time(end_min),
        "mode": rng.choice(MODES),
        "pace": rng.choice(PACES),
    }
    if rng.random() < 0.2:
        request["end"] = rng.choice(STARTS)
    lunch = rng.random()
    if lunch < 0.15:
        request["lunch"] = None
    elif lunch < 0.55:
        a = rng.choice((600, 660, 690, 720, 750))
        b = a + rng.choice((0, 0, 30, 60, 120))
        request["lunch"] = f"{_time(a)}-{_time(b)}/{rng.choice((15, 30, 45, 60, 90))}"
    if rng.random() < 0.3:
        request["must_visit"] = rng.sample(ids, rng.randint(1, 2))
    if rng.random() < 0.2:
        request["avoid"] = rng.sample(ids, rng.randint(1, 3))
    if rng.random() < 0.4:
        request["themes"] = rng.sample(THEMES, rng.randint(1, 2))
        request["theme_bonus"] = rng.choice((1.0, 1.5, 2.0, 5.0))
    if rng.random() < 0.4:
        request["max_stops_per_day"] = rng.randint(1, 6)
    if rng.random() < 0.15:
        request["holidays"] = [rng.choice(dates).isoformat()]
    return request


def build_request(fields: dict[str, Any]) -> tourplan.TripRequest:
    """The :class:`tourplan.TripRequest` of :func:`draw_request`'s fields."""
    kwargs = dict(fields)
    if "lunch" in kwargs and kwargs["lunch"] is not None:
        kwargs["lunch"] = tourplan.Lunch.parse(kwargs["lunch"])
    kwargs["dates"] = tuple(dt.date.fromisoformat(d) for d in kwargs["dates"])
    if "holidays" in kwargs:
        kwargs["holidays"] = frozenset(dt.date.fromisoformat(d) for d in kwargs["holidays"])
    for name in ("must_visit", "avoid", "themes", "experiences"):
        if name in kwargs:
            kwargs[name] = tuple(kwargs[name])
    return tourplan.TripRequest(**kwargs)


def _clock(value: dt.datetime) -> int:
    return value.hour * 60 + value.minute


def independent(itinerary: tourplan.Itinerary, fields: dict[str, Any]) -> list[str]:
    """The rules a plan breaks, re-derived from its datetimes and the request's fields alone."""
    problems: list[str] = []
    day_open = int(fields["day_start"][:2]) * 60 + int(fields["day_start"][3:])
    day_close = int(fields["day_end"][:2]) * 60 + int(fields["day_end"][3:])
    lunch = fields.get("lunch", "11:00-13:00/60")
    seen: list[str] = []
    for day in itinerary.days:
        tag = day.date.isoformat()
        if tag not in fields["dates"]:
            problems.append(f"{tag}: not a date of the request")
        if not day.stops:
            continue
        if any(x.utcoffset() != dt.timedelta(hours=7) for x in (day.departure, day.arrival)):
            problems.append(f"{tag}: times not in Hanoi time")
        if day.departure.date() != day.date or day.arrival.date() != day.date:
            problems.append(f"{tag}: the outing crosses midnight")
        if _clock(day.departure) < day_open or _clock(day.arrival) > day_close:
            problems.append(f"{tag}: outside the day {fields['day_start']}-{fields['day_end']}")
        # A long stay that goes on after lunch is two stops in a row at one place: one stay
        # (docs/value.md), one stop of the day's maximum; the same place again after another
        # stop or on another day is not.
        visits = [
            s.village.id
            for k, s in enumerate(day.stops)
            if not (k and day.stops[k - 1].village.id == s.village.id)
        ]
        limit = fields.get("max_stops_per_day")
        if limit is not None and len(visits) > limit:
            problems.append(f"{tag}: {len(visits)} visits > {limit}")
        if len(day.legs) != len(day.stops) + 1:
            problems.append(f"{tag}: {len(day.legs)} legs for {len(day.stops)} stops")
            continue
        # the timeline, in order: leg 0, stop 0, leg 1, ..., leg n
        clock = day.departure
        places = [day.start_place.id, *(s.village.id for s in day.stops), day.end_place.id]
        stays: list[tuple[str, dt.datetime, dt.datetime]] = [
            (day.start_place.id, day.departure, day.legs[0].depart)
        ]
        for k, leg in enumerate(day.legs):
            if (leg.origin, leg.destination) != (places[k], places[k + 1]):
                problems.append(f"{tag}: leg {k} goes the wrong way")
            if leg.depart < clock or leg.arrive < leg.depart:
                problems.append(f"{tag}: leg {k} leaves {leg.depart:%H:%M} before {clock:%H:%M}")
            clock = leg.arrive
            if k < len(day.stops):
                stop = day.stops[k]
                if stop.arrival != leg.arrive or stop.start < stop.arrival or stop.end < stop.start:
                    problems.append(f"{tag}: stop {stop.village.id} out of order")
                leave = day.legs[k + 1].depart
                stays.append((stop.village.id, stop.arrival, leave))
                clock = stop.end
        stays.append((day.end_place.id, day.legs[-1].arrive, day.arrival))
        if day.legs[-1].arrive > day.arrival:
            problems.append(f"{tag}: back after the return")
        seen += visits
        busy = [(s.start, s.end, f"visit {s.village.id}") for s in day.stops]
        for brk in day.breaks:
            if brk.end <= brk.start:
                problems.append(f"{tag}: {brk.name} has no length")
            if brk.on_the_way:
                if not any(g.depart <= brk.start and brk.end <= g.arrive for g in day.legs):
                    problems.append(f"{tag}: {brk.name} on the way is not during a journey")
                continue
            # a break at a place: while the traveller is there, never during a journey
            if not any(p == brk.place and a <= brk.start and brk.end <= b for p, a, b in stays):
                problems.append(
                    f"{tag}: {brk.name} at {brk.place} {brk.start:%H:%M}-{brk.end:%H:%M} "
                    "is not while the traveller is there"
                )
            busy.append((brk.start, brk.end, brk.name))
        busy.sort()
        for (_, e1, n1), (s2, _, n2) in itertools.pairwise(busy):
            if s2 < e1:
                problems.append(f"{tag}: {n1} overlaps {n2}")
        lunches = [b for b in day.breaks if b.name == "lunch"]
        if lunch is not None and day_open <= _lunch_latest(lunch) and lunches:
            window, _, minutes = lunch.partition("/")
            a, _, b = window.partition("-")
            low = int(a[:2]) * 60 + int(a[3:])
            high = int(b[:2]) * 60 + int(b[3:])
            for brk in lunches:
                if not low <= _clock(brk.start) <= high:
                    problems.append(f"{tag}: lunch at {brk.start:%H:%M}, outside {window}")
                if brk.end - brk.start != dt.timedelta(minutes=int(minutes)):
                    problems.append(f"{tag}: lunch is not {minutes} min")
        if lunch is None and lunches:
            problems.append(f"{tag}: lunch without a lunch asked")
    twice = {i for i in seen if seen.count(i) > 1}
    if twice:
        problems.append(f"visited twice: {sorted(twice)}")
    return problems + _bookings(itinerary, fields)


def _bookings(itinerary: tourplan.Itinerary, fields: dict[str, Any]) -> list[str]:
    """The rules of experiences and costs a plan breaks, from its stops and the fields."""
    problems: list[str] = []
    party = fields.get("party", 1)
    booked: list[str] = []
    total = 0
    for stop in itinerary.stops:
        total += (stop.village.fee_vnd or 0) * party
        b = stop.booking
        if b is None:
            continue
        e = b.experience
        tag = f"{stop.start:%Y-%m-%d}: {e.id} at {stop.village.id}"
        booked.append(e.id)
        total += e.price * b.party
        if e.place_id != stop.village.id:
            problems.append(f"{tag}: booked at another place than its own ({e.place_id})")
        end = b.start + dt.timedelta(minutes=e.minutes)
        if b.start < stop.start or end > stop.end:
            problems.append(f"{tag}: {b.start:%H:%M}-{end:%H:%M} is not inside the stop")
        if e.sessions and b.start.time().replace(tzinfo=None) not in e.sessions:
            problems.append(f"{tag}: starts at {b.start:%H:%M}, not at one of its sessions")
        if b.party != party:
            problems.append(f"{tag}: booked for {b.party}, the party is {party}")
        if (e.min_group is not None and party < e.min_group) or (
            e.max_group is not None and party > e.max_group
        ):
            problems.append(f"{tag}: a party of {party} is outside its group limits")
    for wanted in fields.get("experiences", ()):
        if wanted not in booked:
            problems.append(f"must-do experience {wanted} is not booked")
    if len(set(booked)) != len(booked):
        problems.append("an experience is booked twice")
    budget = fields.get("budget_vnd")
    if budget is not None and total > budget:
        problems.append(f"costs {total} VND, over the budget of {budget} VND")
    return problems


def _lunch_latest(lunch: str) -> int:
    late = lunch.partition("/")[0].partition("-")[2]
    return int(late[:2]) * 60 + int(late[3:])


def run_one(
    index: int, seed: int, args: argparse.Namespace, folder: Path, bundled: tourplan.Villages
) -> dict[str, Any]:
    """Draw, plan, check and export request ``index``; the outcome as a JSON-able dict."""
    rng = random.Random(seed * 1_000_003 + index)
    villages, source = bundled, "bundled"
    if rng.random() < args.generated:
        path = village_file(rng, folder, bundled)
        source = path.suffix
        try:
            villages = tourplan.load_villages(path)
        except tourplan.TourplanError as exc:
            return {"i": index, "outcome": "internal", "error": f"own file refused: {exc}"}
        finally:
            path.unlink()
    fields = draw_request(rng, villages)
    experiences = load_hanoi_experiences()
    if rng.random() < args.costs:
        if source != "bundled" or rng.random() < 0.5:
            path = experiences_file(rng, folder, villages)
            try:
                experiences = load_experiences(path)
            except tourplan.TourplanError as exc:
                return {"i": index, "outcome": "internal", "error": f"own file refused: {exc}"}
            finally:
                path.unlink()
            record_source = f"{source}+{path.suffix}"
        else:
            record_source = f"{source}+bundled"
        draw_costs(rng, fields, experiences)
    else:
        record_source = source
    deterministic = rng.random() < args.deterministic
    limit = rng.choice(args.time_limits)
    search = tourplan.SearchParameters(
        time_limit=limit,
        deterministic=deterministic,
        iteration_limit=rng.choice((50, 100, 200)),
        seed=rng.randrange(1000),
    )
    record: dict[str, Any] = {"i": index, "villages": source, "request": fields}
    record["experiences"] = record_source if record_source != source else None
    record.update(deterministic=deterministic, time_limit=limit)
    began, cpu = time.perf_counter(), time.process_time()
    try:
        request = build_request(fields)
        itinerary = tourplan.plan_trip(request, villages, search=search, experiences=experiences)
    except INTERNAL as exc:  # the planner's own output refused: a fault, not a refusal
        record.update(outcome="internal", error=f"{type(exc).__name__}: {exc}")
        record["seconds"] = round(time.perf_counter() - began, 3)
        return record
    except tourplan.TourplanError as exc:
        record.update(outcome="refused", error=f"{type(exc).__name__}: {exc}".splitlines()[0])
        record["seconds"] = round(time.perf_counter() - began, 3)
        return record
    except Exception:
        record.update(outcome="internal", error=traceback.format_exc(limit=-3))
        return record
    seconds = time.perf_counter() - began
    record["seconds"] = round(seconds, 3)
    record["cpu_seconds"] = round(time.process_time() - cpu, 3)  # wall minus waiting for a core
    problems = tourplan.check_itinerary(itinerary, request)
    problems += [f"independent: {p}" for p in independent(itinerary, fields)]
    try:
        itinerary_to_ics(itinerary, lang="en")
        itinerary_to_json(itinerary)
        itinerary_to_geojson_text(itinerary, lang="vi")
        itinerary_to_kml(itinerary, lang="vi")
    except Exception as exc:
        record.update(outcome="internal", error=f"export failed: {type(exc).__name__}: {exc}")
        return record
    record["stops"] = len(itinerary.stops)
    record["outcome"] = "invalid" if problems else "planned"
    if problems:
        record["problems"] = problems
    if not deterministic and seconds > limit * (1 + args.tolerance):
        record["overshoot"] = round(seconds / limit, 3)
    return record


def summarise(paths: list[Path], tolerance: float) -> int:
    """Print the totals of several ``--out`` files (shards of one run); 1 on any fault."""
    records = [json.loads(line) for path in paths for line in path.open(encoding="utf-8")]
    for r in records:  # files written before these counted as refusals
        if r["outcome"] == "refused" and r["error"].startswith(tuple(e.__name__ for e in INTERNAL)):
            r["outcome"] = "internal"
    counts = Counter(r["outcome"] for r in records)
    timed = [r for r in records if not r.get("deterministic", True) and "seconds" in r]
    ratios = sorted(r["seconds"] / r["time_limit"] for r in timed)
    planned_timed = [r["seconds"] / r["time_limit"] for r in timed if r["outcome"] == "planned"]
    summary = {
        "requests": len(records),
        "distinct": len({r["i"] for r in records}),
        **{k: counts[k] for k in ("planned", "refused", "invalid", "internal")},
        "deterministic": sum(1 for r in records if r.get("deterministic")),
        "generated_files": sum(1 for r in records if r.get("villages", "bundled") != "bundled"),
        "time_limited": len(timed),
        "within_tolerance": sum(1 for x in ratios if x <= 1 + tolerance),
        "median_ratio": round(statistics.median(ratios), 3) if ratios else 0.0,
        "p90_ratio": round(ratios[int(0.9 * (len(ratios) - 1))], 3) if ratios else 0.0,
        "worst_ratio": round(max(ratios), 3) if ratios else 0.0,
        "median_ratio_planned": round(statistics.median(planned_timed), 3)
        if planned_timed
        else 0.0,
        "refusals": dict(
            Counter(r["error"].split(":")[0] for r in records if r["outcome"] == "refused")
        ),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if counts["invalid"] or counts["internal"] else 0


def main(argv: list[str] | None = None) -> int:
    """Run the harness; print a summary; 1 when a plan was invalid or an error internal."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--first", type=int, default=0, help="index of the first request")
    parser.add_argument("--time-limits", type=float, nargs="+", default=[0.5, 1.0])
    parser.add_argument("--deterministic", type=float, default=0.3, help="share of requests")
    parser.add_argument("--generated", type=float, default=0.3, help="share on generated files")
    parser.add_argument(
        "--costs", type=float, default=0.3, help="share with experiences, a party or a budget"
    )
    parser.add_argument("--tolerance", type=float, default=0.10)
    parser.add_argument("--out", type=Path, help="one JSON line per request")
    parser.add_argument(
        "--summarise", type=Path, nargs="+", help="only summarise these --out files (shards)"
    )
    args = parser.parse_args(argv)
    if args.summarise:
        return summarise(args.summarise, args.tolerance)
    bundled = tourplan.load_hanoi()
    counts: Counter[str] = Counter()
    overshoots: list[float] = []
    ratios: list[float] = []
    out = args.out.open("w", encoding="utf-8") if args.out else None
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(args.first, args.first + args.requests):
            record = run_one(index, args.seed, args, Path(tmp), bundled)
            counts[record["outcome"]] += 1
            if "seconds" in record and not record.get("deterministic", True):
                ratios.append(record["seconds"] / record["time_limit"])
            if "overshoot" in record:
                overshoots.append(record["overshoot"])
            if record["outcome"] in ("invalid", "internal"):
                print(json.dumps(record, ensure_ascii=False), file=sys.stderr)
            if out:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
    if out:
        out.close()
    summary = {
        "requests": args.requests,
        "seed": args.seed,
        "first": args.first,
        **{k: counts[k] for k in ("planned", "refused", "invalid", "internal")},
        "time_limited": len(ratios),
        "overshoots": len(overshoots),
        "worst_ratio": max(ratios, default=0.0),
        "median_ratio": statistics.median(ratios) if ratios else 0.0,
        "wall_seconds": round(time.perf_counter() - began, 1),
    }
    print(json.dumps(summary))
    return 1 if counts["invalid"] or counts["internal"] else 0


if __name__ == "__main__":
    sys.exit(main())
