"""Outputs of every command: an empty or odd path is refused naming its option, a run writes
all its outputs or none, and a stdout that cannot be written is one line and exit 2.

The planners are replaced by recorders where the command gets that far; the cases that need a
real stdout (``> /dev/full``, ``>&-``) run the installed console script.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.cli import main

from .conftest import Recorder
from .test_cli_reliability import assert_refused

SATURDAY = "2026-12-05"
SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")
FULL = Path("/dev/full")
needs_full = pytest.mark.skipif(not FULL.is_char_device(), reason="no /dev/full here")
needs_script = pytest.mark.skipif(
    not SCRIPT.is_file(), reason="the console script is not installed"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def script(*args: str, stdout: Any = subprocess.PIPE, cwd: Path | None = None) -> Any:
    """Run the console script; stderr as text."""
    return subprocess.run(
        [str(SCRIPT), *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
        cwd=cwd, check=False,
    )  # fmt: skip


@pytest.fixture
def list_csv(tmp_path: Path) -> Path:
    """A list of one village as the city keeps it (for ``villages import``)."""
    path = tmp_path / "list.csv"
    path.write_text("name,commune,district,craft\nBát Tràng,Bát Tràng,Gia Lâm,gốm\n", "utf-8")
    return path


@pytest.fixture
def one_request(tmp_path: Path) -> Path:
    path = tmp_path / "one.jsonl"
    path.write_text('{"start": "hoan-kiem-lake", "date": "2026-12-05"}\n', "utf-8")
    return path


@pytest.fixture
def no_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalogue that must not be planned."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the catalogue was planned")

    monkeypatch.setattr("tourplan.api.plan_catalogue", refuse)


# -- 1. an empty path is refused, naming its option -------------------------------------------


def test_catalogue_out_empty_is_refused_and_the_current_folder_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_catalogue: None
) -> None:
    # it was taken for the current folder: README.md there was replaced, exit 0
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("MINE")
    assert_refused(run("catalogue", "--routes", "2", "--out", ""), "--out", "empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]
    assert (tmp_path / "README.md").read_text() == "MINE"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["batch", "{one}", "--out", ""], "--out"),  # was "Error: .: already exists"
        (["batch", "", "--out", "r.jsonl"], "REQUESTS.jsonl"),
        (["batch", "{one}", "--out", "r.jsonl", "--villages", " "], "--villages"),
        (["villages", "import", "{list}", "--out", ""], "--out"),
        (["villages", "import", "", "--out", "v.csv"], "LIST.csv"),
        (["villages", "--villages", ""], "--villages"),
        (["route", "--villages", ""], "--villages"),
        (["route", "--road-graph", ""], "--road-graph"),
        (["route", "--experiences", ""], "--experiences"),  # was named --experience
        (["route", "--html", " "], "--html"),
        (["catalogue", "--road-graph", ""], "--road-graph"),
    ],
)
def test_every_empty_path_is_refused_naming_its_option(
    planned: Recorder,
    no_catalogue: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    one_request: Path,
    list_csv: Path,
    args: list[str],
    option: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    args = [a.format(one=one_request, list=list_csv) for a in args]
    assert_refused(run(*args), option, "empty")
    assert sorted(tmp_path.iterdir()) == before
    assert planned == []


# -- 2. all or nothing ---------------------------------------------------------------------------


@needs_full
@pytest.mark.parametrize("failing", ["--json", "--html"])
def test_a_device_that_cannot_be_written_leaves_the_other_outputs_unchanged(
    planned: Recorder, tmp_path: Path, failing: str
) -> None:
    # the .ics was replaced before /dev/full was written
    ics = tmp_path / "e.ics"
    ics.write_text("OLD")
    result = run("route", "--date", SATURDAY, "--ics", str(ics), failing, str(FULL))
    assert_refused(result, "/dev/full", "No space left")
    assert ics.read_text() == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.ics"]


@needs_script
@needs_full
def test_a_stdout_that_cannot_be_written_leaves_the_files_unchanged(tmp_path: Path) -> None:
    ics = tmp_path / "e.ics"
    ics.write_text("OLD")
    with FULL.open("wb") as full:
        done = script(
            "route", "--date", SATURDAY, "--time-limit", "1", "--ics", str(ics), "--json", "-",
            stdout=full,
        )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr == "Error: cannot write to stdout: No space left on device\n"
    assert ics.read_text() == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.ics"]


def test_catalogue_json_as_a_folder_is_refused_before_planning(
    tmp_path: Path, no_catalogue: None
) -> None:
    # README.md and routes/ were written, then exit 2
    (tmp_path / "catalogue.json").mkdir()
    result = run("catalogue", "--routes", "2", "--deterministic", "--out", str(tmp_path))
    assert_refused(result, "--out", "catalogue.json", "it is a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue.json"]


@pytest.mark.parametrize(
    ("name", "words"),
    [("catalogue", "is a file"), ("catalogue/routes", "a file of that name is in the way")],
)
def test_a_file_in_the_way_of_the_catalogue_folder_is_refused_before_planning(
    tmp_path: Path, no_catalogue: None, name: str, words: str
) -> None:
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).touch()
    result = run("catalogue", "--out", str(tmp_path / "catalogue"))
    assert_refused(result, "--out", name, words)


def test_batch_with_a_requests_file_not_utf8_creates_no_results_file(tmp_path: Path) -> None:
    requests = tmp_path / "bad.jsonl"
    requests.write_bytes(b'{"start": "hoan-kiem-lake"}\n\xff\xfe\n')
    out = tmp_path / "r.jsonl"
    result = run("batch", str(requests), "--out", str(out), "--workers", "0")
    assert_refused(result, "bad.jsonl, line 2", "not UTF-8")
    assert not out.exists()


def test_batch_with_a_scheduler_that_is_not_an_address_creates_nothing(
    tmp_path: Path, one_request: Path
) -> None:
    # was "unexpected failure (ValueError: missing port number)", exit 1, an empty --out
    out = tmp_path / "r.jsonl"
    result = run("batch", str(one_request), "--out", str(out), "--scheduler", "notanaddress")
    assert_refused(result, "--scheduler", "'notanaddress' is not a scheduler address")
    assert not out.exists()


def test_batch_with_nothing_to_plan_still_leaves_its_results_file(tmp_path: Path) -> None:
    requests = tmp_path / "empty.jsonl"
    requests.write_text("\n")
    out = tmp_path / "r.jsonl"
    result = run("batch", str(requests), "--out", str(out), "--workers", "0")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == b""


@needs_full
def test_batch_to_a_full_device_is_one_line(one_request: Path) -> None:
    # was "unexpected failure (OSError: [Errno 22] Invalid argument)", exit 1
    result = run("batch", str(one_request), "--out", str(FULL), "--workers", "0")
    assert_refused(result, "cannot write /dev/full", "No space left")


# -- 3 and 4. no traceback, no "unexpected failure" ------------------------------------------------


@needs_script
@needs_full
@pytest.mark.parametrize(
    "args",
    [["villages"], ["villages", "--json"], ["villages", "bat"], ["route", "--date", SATURDAY]],
)
def test_a_full_stdout_is_one_line_and_exit_2(args: list[str]) -> None:
    with FULL.open("wb") as full:
        done = script(*args, "--lang", "en", stdout=full)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "Error: cannot write to stdout: No space left on device\n"


@needs_script
@pytest.mark.skipif(os.name == "nt", reason="POSIX shell")
@pytest.mark.parametrize(
    "args", [["route", "--json", "-"], ["route"], ["villages"], ["catalogue", "--json"]]
)
def test_a_closed_stdout_is_refused_before_any_work(args: list[str], tmp_path: Path) -> None:
    # route --json - >&- was "unexpected failure (AttributeError: 'NoneType' ...flush)";
    # villages >&- printed nothing and exit 0
    done = subprocess.run(
        ["sh", "-c", '"$0" "$@" >&-', str(SCRIPT), *args],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr == "Error: cannot write to stdout: it is closed\n"
    assert list(tmp_path.iterdir()) == []  # the catalogue folder was not written either


@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["route", "--json", "{loop}"], "--json"),  # was RuntimeError: Symlink loop
        (["villages", "import", "{list}", "--out", "{loop}"], "--out"),  # the same
        (["batch", "{one}", "--out", "{loop}", "--workers", "0"], "loop"),
        (["catalogue", "--out", "{loop}"], "--out"),
    ],
)
def test_a_symbolic_link_loop_is_one_line(
    planned: Recorder,
    no_catalogue: None,
    tmp_path: Path,
    one_request: Path,
    list_csv: Path,
    args: list[str],
    option: str,
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    args = [a.format(loop=loop, one=one_request, list=list_csv) for a in args]
    assert_refused(run(*args), option, "symbolic links")
    assert loop.is_symlink()
    assert planned == []


# -- 5. control characters, empty texts, repeated outputs -----------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    before=st.text(alphabet="abc./", max_size=5),
    control=st.sampled_from([*map(chr, range(32)), "\x7f", "\x85", "\u2028"]),
    option=st.sampled_from(["--json", "--ics", "--html"]),
)
def test_an_output_name_with_a_control_character_is_refused(
    before: str, control: str, option: str
) -> None:
    # route --json $'/tmp/out/\nx.json' wrote a file whose name held a line break
    with tempfile.TemporaryDirectory() as folder:
        name = f"{folder}/{before}{control}x.json"
        result = run("route", option, name, "--date", SATURDAY, "--time-limit", "0.1")
        assert result.exit_code == 2, result.output
        assert f"Invalid value for '{option}'" in result.stderr
        assert "control character" in result.stderr
        assert os.listdir(folder) == []


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["catalogue", "--out", "a\nb"], "--out"),
        (["batch", "{one}", "--out", "r\t.jsonl"], "--out"),
        (["villages", "import", "{list}", "--out", "v\r.csv"], "--out"),
    ],
)
def test_every_output_name_refuses_control_characters(
    no_catalogue: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_request: Path,
    list_csv: Path, args: list[str], option: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    args = [a.format(one=one_request, list=list_csv) for a in args]
    assert_refused(run(*args), option, "control character")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv", "one.jsonl"]


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_experience_is_refused_as_an_empty_must_is(planned: Recorder, value: str) -> None:
    assert_refused(run("route", "--experience", value), "--experience", "empty")
    assert planned == []


@pytest.mark.parametrize(
    "args",
    [
        ["route", "--json", "a.json", "--json", "b.json"],
        ["route", "--ics", "-", "--ics", "a.ics"],
        ["catalogue", "--out", "a", "--out", "b"],
        ["batch", "{one}", "--out", "a.jsonl", "--out", "b.jsonl"],
        ["villages", "import", "{list}", "--out", "a.csv", "--out", "b.csv"],
    ],
)
def test_a_single_output_given_twice_is_refused(
    planned: Recorder,
    no_catalogue: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    one_request: Path,
    list_csv: Path,
    args: list[str],
) -> None:
    # route --json a.json --json b.json kept b.json without a word
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    args = [a.format(one=one_request, list=list_csv) for a in args]
    assert_refused(run(*args), "given 2 times", "give it once")
    assert sorted(tmp_path.iterdir()) == before
    assert planned == []
