"""The results file: whole lines appended, a partial last line cut on resume, ids remembered."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tourplan import DataError
from tourplan.batch import BatchResult, ResultsFile, failed, jobs_from_lines
from tourplan.exceptions import ExportError


def _bad(i: int) -> BatchResult:
    return failed(f"r{i}", "bad-request", f"line {i}: not JSON", line=i)


def test_each_result_is_one_whole_json_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with ResultsFile(path, resume=False) as out:
        for i in range(3):
            out.write(_bad(i))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert [json.loads(line)["id"] for line in lines] == ["r0", "r1", "r2"]
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)


def test_an_existing_file_is_never_overwritten_without_resume(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "status": "ok"}\n', encoding="utf-8")
    with pytest.raises(DataError, match="already exists: pass --resume"):
        ResultsFile(path, resume=False)
    assert path.read_text(encoding="utf-8") == '{"id": "a", "status": "ok"}\n'


def test_resume_cuts_a_partial_last_line_and_keeps_the_done_ids(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with ResultsFile(path, resume=False) as out:
        out.write(_bad(1))
        out.write(_bad(2))
    whole = path.read_bytes()
    path.write_bytes(whole + b'{"id": "r3", "status": "ok", "itin')  # killed mid-line
    with ResultsFile(path, resume=True) as out:
        assert out.done == {"r1": "failed", "r2": "failed"}
        assert path.read_bytes() == whole
        out.write(_bad(3))
        assert out.counts() == {"failed": 3}
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["r1", "r2", "r3"]


def test_resume_names_a_line_that_is_not_a_result(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "status": "ok"}\n{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"out.jsonl, row 2: is not a result line"):
        ResultsFile(path, resume=True)


def test_request_lines_become_requests_or_explained_failures() -> None:
    lines = [
        '{"id": "a", "start": "hoan-kiem-lake", "date": "2026-12-05"}\n',
        "\n",  # blank lines are skipped
        '{"id": "b", "start": \n',
        '{"start": "hoan-kiem-lake", "date": "2026-12-05", "pace": "sprint"}\n',
        '{"id": "c", "start": "hoan-kiem-lake", "date": "2026-12-05", "days": 0}\n',
    ]
    items = list(jobs_from_lines(lines, source="trips.jsonl"))
    assert [(item.id, type(item).__name__) for item in items] == [
        ("a", "BatchRequest"),
        ("3", "BatchResult"),
        ("4", "BatchResult"),
        ("c", "BatchResult"),
    ]
    messages = [
        item.error.message for item in items[1:] if isinstance(item, BatchResult) and item.error
    ]
    assert messages[0].startswith("trips.jsonl, line 3, column ")
    assert messages[1].startswith("trips.jsonl, line 4, field 'pace': ")
    assert messages[2].startswith("trips.jsonl, line 5, field 'days': ")


def test_an_unwritable_results_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"cannot write .*no-such-folder"):
        ResultsFile(tmp_path / "no-such-folder" / "out.jsonl", resume=False)


def test_ctrl_c_right_after_the_bytes_are_written_keeps_the_line_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C arriving after ``os.write`` returned, before its count is used: one line, then
    the interrupt (catching KeyboardInterrupt around the write repeated the line)."""
    path = tmp_path / "r.jsonl"
    real_write = os.write
    calls = []

    def write_then_interrupt(fd: int, data: bytes) -> int:
        written = real_write(fd, data)
        calls.append(written)
        if len(calls) == 1:
            signal.raise_signal(signal.SIGINT)  # the handler runs as this function returns
        return written

    with ResultsFile(path, resume=False) as out:
        monkeypatch.setattr(os, "write", write_then_interrupt)
        with pytest.raises(KeyboardInterrupt):
            out.write(_bad(1))
        monkeypatch.setattr(os, "write", real_write)
        lines = path.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["id"] for line in lines] == ["r1"]
        assert out.counts() == {"failed": 1}
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_the_file_is_created_with_the_first_result_not_before(tmp_path: Path) -> None:
    # a run that could not start (scheduler out of reach, a file not UTF-8) left an empty file
    path = tmp_path / "out.jsonl"
    with pytest.raises(ConnectionError), ResultsFile(path, resume=False):
        raise ConnectionError("cannot reach the Dask scheduler")
    assert not path.exists()
    with ResultsFile(path, resume=False) as out:
        assert not path.exists()
        out.write(_bad(1))
        assert path.exists()
    with ResultsFile(tmp_path / "none.jsonl", resume=False):
        pass  # a run with nothing to plan still leaves its (empty) results file
    assert (tmp_path / "none.jsonl").read_bytes() == b""


@pytest.mark.parametrize("kind", ["folder", "loop"])
def test_a_folder_or_a_link_loop_is_not_taken_for_an_existing_file(
    tmp_path: Path, kind: str
) -> None:
    # a folder was "already exists: pass --resume"
    path = tmp_path / "out"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("out")
    with pytest.raises(ExportError, match=r"it is a folder|symbolic links"):
        ResultsFile(path, resume=False)


def test_a_full_device_is_an_export_error_not_a_failed_fsync() -> None:
    full = Path("/dev/full")
    if not full.is_char_device():
        pytest.skip("no /dev/full here")
    with pytest.raises(ExportError, match="No space left"), ResultsFile(full, resume=False) as out:
        out.write(_bad(1))
    with ResultsFile(Path(os.devnull), resume=False) as out:  # a device is never fsynced
        out.write(_bad(1))
