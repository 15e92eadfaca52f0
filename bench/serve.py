"""Measure the HTTP API under a bounded load on loopback: 1, 4 and 16 concurrent clients.

Starts ``tourplan serve`` on 127.0.0.1 (a free port) as a user would, then for each number of
concurrent clients sends the same fixed number of ``POST /v1/plans`` requests (a fixed mix of
one-day requests from different starts and with different themes) and reports, per level:

- answers: 200, 503 (a full queue, with ``Retry-After``), anything else (errors), and requests
  that got no answer at all (lost);
- p50 and p95 latency of the 200 answers, in milliseconds;
- plans per second (200 answers over the wall time of the level).

Every 200 answer is read back as an itinerary and checked with ``tourplan.check_itinerary``
against its request; a violation counts as an error. The exit status is 1 when any request
got an error or no answer (a 503 is a clean refusal, not an error).

With ``--retry`` a client honours ``Retry-After`` and sends a refused request again, as an
app should; every request then ends in a plan.

Usage (from the repository root)::

    .venv/bin/python bench/serve.py
    .venv/bin/python bench/serve.py --requests 48 --clients 1,4,16 --workers 2 --queue 8
    .venv/bin/python bench/serve.py --retry --markdown serve.md
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

import tourplan
from tourplan.export import itinerary_from_json
from tourplan.plan import trip_request_from_record

STARTS = ("hoan-kiem-lake", "old-quarter", "hanoi-railway-station", "noi-bai-airport")
THEMES = ((), ("ceramics",), ("textiles",), ("food",))
_RUNNING = re.compile(r"running on http://127\.0\.0\.1:(\d+)", re.IGNORECASE)


def plan_bodies(count: int, time_limit: float) -> list[dict[str, Any]]:
    """``count`` request bodies: a fixed mix of starts and themes, on Saturday 2026-12-05."""
    bodies = []
    for i in range(count):
        body: dict[str, Any] = {
            "id": i,
            "start": STARTS[i % len(STARTS)],
            "date": "2026-12-05",
            "time_limit": time_limit,
        }
        themes = THEMES[(i // len(STARTS)) % len(THEMES)]
        if themes:
            body["themes"] = list(themes)
        bodies.append(body)
    return bodies


@dataclass
class Level:
    """The answers of one load level."""

    clients: int
    requests: int
    ok: int = 0
    busy: int = 0
    errors: int = 0
    lost: int = 0
    retries: int = 0
    latencies: list[float] = field(default_factory=list)
    wall: float = 0.0
    problems: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        ms = sorted(x * 1000 for x in self.latencies)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))] if ms else None
        return {
            "clients": self.clients,
            "requests": self.requests,
            "200": self.ok,
            "503": self.busy,
            "errors": self.errors,
            "lost": self.lost,
            "retries": self.retries,
            "p50_ms": round(statistics.median(ms)) if ms else None,
            "p95_ms": round(p95) if p95 is not None else None,
            "plans_per_s": round(self.ok / self.wall, 2) if self.wall else None,
            "wall_s": round(self.wall, 1),
        }


def _check(body: dict[str, Any], answer: bytes) -> list[str]:
    record = {k: v for k, v in body.items() if k not in ("id", "time_limit")}
    return tourplan.check_itinerary(itinerary_from_json(answer), trip_request_from_record(record))


async def _one(client: httpx.AsyncClient, body: dict[str, Any], level: Level, retry: bool) -> None:
    began = time.perf_counter()
    for _ in range(100 if retry else 1):
        try:
            response = await client.post("/v1/plans", json=body)
        except httpx.HTTPError as exc:
            level.lost += 1
            level.problems.append(f"request {body['id']}: no answer ({type(exc).__name__})")
            return
        if response.status_code == 503 and retry:
            level.retries += 1
            await asyncio.sleep(float(response.headers.get("retry-after", "1")))
            continue
        break
    if response.status_code == 200:
        broken = _check(body, response.content)
        if broken:
            level.errors += 1
            level.problems.append(f"request {body['id']}: infeasible plan: {broken}")
            return
        level.ok += 1
        level.latencies.append(time.perf_counter() - began)
    elif response.status_code == 503 and "retry-after" in response.headers:
        level.busy += 1
    else:
        level.errors += 1
        level.problems.append(f"request {body['id']}: {response.status_code} {response.text[:200]}")


async def run_level(
    url: str, clients: int, bodies: list[dict[str, Any]], retry: bool, timeout: float
) -> Level:
    """Send ``bodies`` with ``clients`` concurrent clients; each sends one request at a time."""
    level = Level(clients, len(bodies))
    todo: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for body in bodies:
        todo.put_nowait(body)

    async def client_loop() -> None:
        async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
            while not todo.empty():
                await _one(client, todo.get_nowait(), level, retry)

    began = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(clients)))
    level.wall = time.perf_counter() - began
    return level


def start_server(folder: Path, workers: int, queue: int) -> tuple[subprocess.Popen[bytes], str]:
    """``tourplan serve`` on 127.0.0.1, a free port; returns the process and its URL."""
    log = folder / "server.log"
    command = [sys.executable, "-m", "tourplan.cli", "serve", "--port", "0"]
    command += ["--workers", str(workers), "--queue", str(queue)]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server exited ({process.returncode}):\n{log.read_text()}")
        found = _RUNNING.search(log.read_text(encoding="utf-8", errors="replace"))
        if found:
            return process, f"http://127.0.0.1:{found.group(1)}"
        time.sleep(0.1)
    process.kill()
    sys.exit("the server did not start within 120 s")


def markdown(rows: list[dict[str, Any]], note: str) -> str:
    """The rows as a Markdown table, with the machine note under it."""
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += [
        "| " + " | ".join("" if r[k] is None else str(r[k]) for k in keys) + " |" for r in rows
    ]
    return "\n".join(lines) + f"\n\n{note}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=48, help="requests per level")
    parser.add_argument("--clients", default="1,4,16", help="concurrent clients per level")
    parser.add_argument("--workers", type=int, default=2, help="solver processes")
    parser.add_argument("--queue", type=int, default=8, help="requests that may wait")
    parser.add_argument("--time-limit", type=float, default=1.0, help="solver seconds a plan")
    parser.add_argument("--retry", action="store_true", help="honour Retry-After and resend")
    parser.add_argument("--timeout", type=float, default=120.0, help="client timeout, s")
    parser.add_argument("--markdown", type=Path, help="also write the table here")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    levels = [int(c) for c in args.clients.split(",")]
    bodies = plan_bodies(args.requests, args.time_limit)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    note = (
        f"{args.requests} requests a level, time_limit {args.time_limit:g} s, "
        f"{args.workers} solver processes, queue {args.queue}, "
        f"{'clients resend after Retry-After' if args.retry else 'no resending'}; "
        f"{cpus} CPUs, load average {os.getloadavg()[0]:.2f} at the start."
    )
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_server(Path(folder), args.workers, args.queue)
        try:
            results = [
                asyncio.run(run_level(url, c, bodies, args.retry, args.timeout)) for c in levels
            ]
        finally:
            process.terminate()
            process.wait(60)
    rows = [level.row() for level in results]
    table = markdown(rows, note)
    print(table)
    for level in results:
        for problem in level.problems[:10]:
            print(f"[{level.clients} clients] {problem}", file=sys.stderr)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"note": note, "rows": rows}, indent=2) + "\n")
    failed = any(level.errors or level.lost for level in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
