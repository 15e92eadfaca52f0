"""A real ``tourplan serve`` on 127.0.0.1, started by the tests: a free port, a bounded lifetime."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")

#: The longest a test server may take to start (two solver processes loading OR-Tools on a
#: busy 2-core machine), and to stop.
START_TIMEOUT = 90.0
STOP_TIMEOUT = 30.0
#: A test server never outlives this many seconds, even if pytest dies without stopping it.
MAX_LIFETIME = 1800

_RUNNING = re.compile(r"running on http://127\.0\.0\.1:(\d+)", re.IGNORECASE)


@dataclass
class Server:
    """A running test server: its base URL, its JSON-line log file and its process."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def client(self, timeout: float = 60.0) -> httpx.Client:
        """An HTTP client for this server."""
        return httpx.Client(base_url=self.url, timeout=timeout)

    def log_lines(self) -> list[dict[str, Any]]:
        """Every JSON log line the server wrote so far."""
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]

    def wait_for_log(
        self, keep: Callable[[dict[str, Any]], bool], timeout: float = 30.0
    ) -> list[dict[str, Any]]:
        """The log lines ``keep`` accepts, waiting until there is one: the server writes a
        request's access line after the answer has left, so a client may read the log first."""
        deadline = time.monotonic() + timeout
        while True:
            lines = [line for line in self.log_lines() if keep(line)]
            if lines or time.monotonic() >= deadline:
                return lines
            time.sleep(0.05)

    def wait_until_held(self, count: int, timeout: float = 30.0) -> None:
        """Wait until the server's solver pool holds ``count`` requests."""
        deadline = time.monotonic() + timeout
        with self.client() as client:
            while time.monotonic() < deadline:
                if client.get("/v1/health").json()["held"] == count:
                    return
                time.sleep(0.05)
        raise AssertionError(f"the pool never held {count} requests")


def start_server(folder: Path, *options: str) -> Server:
    """Start ``tourplan serve --port 0`` with ``options``; return once it answers."""
    log = folder / "server.log"
    # `timeout` bounds the server's lifetime even if pytest is killed before its teardown.
    command = [sys.executable, "-m", "tourplan.cli", "serve", "--port", "0", *options]
    if os.path.exists("/usr/bin/timeout"):
        command = ["/usr/bin/timeout", "--signal=TERM", str(MAX_LIFETIME), *command]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited ({process.returncode}):\n{log.read_text()}")
        found = _RUNNING.search(log.read_text(encoding="utf-8", errors="replace"))
        if found:
            return Server(f"http://127.0.0.1:{found.group(1)}", log, process)
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"the server did not start in {START_TIMEOUT:g} s:\n{log.read_text()}")


def stop_server(server: Server) -> None:
    """Stop the server (SIGTERM, then SIGKILL) and check it logged no unexpected error."""
    server.process.terminate()
    try:
        server.process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(STOP_TIMEOUT)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The API with two solver processes and a queue of eight."""
    running = start_server(
        tmp_path_factory.mktemp("serve"), "--workers", "2", "--queue", "8", "--max-body", "8192"
    )
    yield running
    stop_server(running)
    bugs = [line for line in running.log_lines() if line["logger"] == "tourplan.serve.error"]
    assert not bugs, f"the server logged unexpected errors: {bugs}"


@pytest.fixture(scope="module")
def tiny_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The API with one solver process and no queue: a second plan at once finds it full."""
    running = start_server(tmp_path_factory.mktemp("tiny"), "--workers", "1", "--queue", "0")
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def impatient_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One solver process; a request may wait and run 1 s in all."""
    running = start_server(
        tmp_path_factory.mktemp("impatient"), "--workers", "1", "--request-timeout", "1"
    )
    yield running
    stop_server(running)


@pytest.fixture()
def client(server: Server) -> Iterator[httpx.Client]:
    """An HTTP client for the shared test server."""
    with server.client() as http:
        yield http
