"""Exports are atomic: a failed or interrupted write leaves the old file and no temporary file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tourplan.export.geojson
import tourplan.export.ical
import tourplan.export.json
from tourplan.exceptions import ExportError, TourplanError
from tourplan.export import write_geojson, write_ics, write_json
from tourplan.plan import Itinerary

OLD = b"the previous export, which must survive\n"

WRITERS: list[tuple[str, Callable[..., Path]]] = [
    ("trip.ics", write_ics),
    ("trip.json", write_json),
    ("trip.geojson", write_geojson),
]


@pytest.fixture(params=WRITERS, ids=[name for name, _ in WRITERS])
def writer(request: pytest.FixtureRequest) -> tuple[str, Callable[..., Path]]:
    return request.param  # type: ignore[no-any-return]


def _fail(*args: Any, **kwargs: Any) -> Any:
    raise OSError(28, "No space left on device")


def _existing(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(OLD)
    return path


def _assert_untouched(path: Path) -> None:
    assert path.read_bytes() == OLD
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary file


def test_failure_after_the_data_is_written_keeps_the_old_file(
    itinerary: Itinerary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: tuple[str, Callable[..., Path]],
) -> None:
    name, write = writer
    path = _existing(tmp_path, name)
    monkeypatch.setattr("tourplan._io.os.fsync", _fail)  # the bytes are in the temp file by now
    with pytest.raises(ExportError, match="No space left") as caught:
        write(itinerary, path)
    assert isinstance(caught.value, OSError) and isinstance(caught.value, TourplanError)
    _assert_untouched(path)


def test_failed_rename_keeps_the_old_file(
    itinerary: Itinerary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: tuple[str, Callable[..., Path]],
) -> None:
    name, write = writer
    path = _existing(tmp_path, name)
    monkeypatch.setattr("tourplan._io.os.replace", _fail)
    with pytest.raises(ExportError):
        write(itinerary, path)
    _assert_untouched(path)


def test_interrupt_midway_keeps_the_old_file(
    itinerary: Itinerary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: tuple[str, Callable[..., Path]],
) -> None:
    name, write = writer
    path = _existing(tmp_path, name)
    real_fdopen = os.fdopen

    class HalfWriter:
        """A file that writes half the data, then is interrupted (Ctrl-C)."""

        def __init__(self, fd: int, mode: str) -> None:
            self._handle = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def write(self, data: bytes) -> int:
            self._handle.write(data[: len(data) // 2])
            self._handle.flush()
            raise KeyboardInterrupt

    monkeypatch.setattr("tourplan._io.os.fdopen", HalfWriter)
    with pytest.raises(KeyboardInterrupt):
        write(itinerary, path)
    _assert_untouched(path)


@pytest.mark.parametrize(
    ("module", "serializer"),
    [
        (tourplan.export.ical, "itinerary_to_ics"),
        (tourplan.export.json, "itinerary_to_json"),
        (tourplan.export.geojson, "itinerary_to_geojson_text"),
    ],
)
def test_failing_serializer_never_touches_the_file(
    itinerary: Itinerary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: Any,
    serializer: str,
) -> None:
    write = {"ical": write_ics, "json": write_json, "geojson": write_geojson}[
        module.__name__.rsplit(".", 1)[1]
    ]
    path = _existing(tmp_path, "trip.out")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("serializer failed")

    monkeypatch.setattr(module, serializer, broken)
    with pytest.raises(ValueError, match="serializer failed"):
        write(itinerary, path)
    _assert_untouched(path)


def test_missing_folder_is_an_export_error(
    itinerary: Itinerary, tmp_path: Path, writer: tuple[str, Callable[..., Path]]
) -> None:
    name, write = writer
    with pytest.raises(ExportError, match="does not exist"):
        write(itinerary, tmp_path / "no" / "such" / name)


def test_success_replaces_the_old_file(
    itinerary: Itinerary, tmp_path: Path, writer: tuple[str, Callable[..., Path]]
) -> None:
    name, write = writer
    path = _existing(tmp_path, name)
    assert write(itinerary, path) == path
    assert path.read_bytes() != OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_symbolic_link_is_written_through(
    itinerary: Itinerary, tmp_path: Path, writer: tuple[str, Callable[..., Path]]
) -> None:
    # as a shell's ">" does: the file the link points to gets the export, the link stays
    name, write = writer
    real = _existing(tmp_path, "real-" + name)
    link = tmp_path / name
    link.symlink_to(real.name)
    write(itinerary, link)
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_bytes() != OLD and link.read_bytes() == real.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([real.name, link.name])


def test_a_device_is_written_to_not_replaced(
    itinerary: Itinerary, writer: tuple[str, Callable[..., Path]]
) -> None:
    # a rename over /dev/null would make it a regular file (as root, for every program)
    _, write = writer
    null = Path(os.devnull)
    write(itinerary, null)
    assert null.is_char_device()


def test_a_named_pipe_gets_the_export(
    itinerary: Itinerary, tmp_path: Path, writer: tuple[str, Callable[..., Path]]
) -> None:
    import threading

    name, write = writer
    fifo = tmp_path / name
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write(itinerary, fifo)
    reader.join(timeout=30)
    assert fifo.is_fifo()
    assert received and received[0].strip()


def test_a_full_device_is_an_export_error_and_stays_a_device(
    itinerary: Itinerary, writer: tuple[str, Callable[..., Path]]
) -> None:
    full = Path("/dev/full")
    if not full.is_char_device():
        pytest.skip("no /dev/full here")
    _, write = writer
    with pytest.raises(ExportError, match="No space left"):
        write(itinerary, full)
    assert full.is_char_device()


def test_an_existing_file_keeps_its_permissions(
    itinerary: Itinerary, tmp_path: Path, writer: tuple[str, Callable[..., Path]]
) -> None:
    name, write = writer
    path = _existing(tmp_path, name)
    path.chmod(0o600)
    write(itinerary, path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_bytes() != OLD


# -- several files, all or nothing (tourplan._io.write_all_or_nothing) -------------------------


def test_a_loop_of_symbolic_links_is_an_export_error_and_stays_a_link(
    itinerary: Itinerary, tmp_path: Path, writer: tuple[str, Callable[..., Path]]
) -> None:
    # a rename would have replaced the link; check_writable raised RuntimeError
    from tourplan._io import check_writable

    _, write = writer
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    for attempt in (lambda: write(itinerary, loop), lambda: check_writable(loop)):
        with pytest.raises(ExportError, match="symbolic links"):
            attempt()
    assert loop.is_symlink() and os.readlink(loop) == "loop"


def test_a_device_that_fails_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    # the files were renamed into place before /dev/full was written
    from tourplan._io import write_all_or_nothing

    full = Path("/dev/full")
    if not full.is_char_device():
        pytest.skip("no /dev/full here")
    old = _existing(tmp_path, "trip.ics")
    with pytest.raises(ExportError, match="No space left"):
        write_all_or_nothing([(old, b"new"), (tmp_path / "new.json", b"{}"), (full, b"x")])
    _assert_untouched(old)


def test_what_fails_before_the_renames_leaves_every_file_and_no_folder(tmp_path: Path) -> None:
    from tourplan._io import write_all_or_nothing

    old = _existing(tmp_path, "README.md")

    def stdout_fails() -> None:
        raise ExportError("cannot write to stdout")

    files = [(old, b"new"), (tmp_path / "new" / "routes" / "01.ics", b"ics")]
    with pytest.raises(ExportError, match="stdout"):
        write_all_or_nothing(files, make_folders=True, before_renames=stdout_fails)
    _assert_untouched(old)  # and new/ was removed again
    assert write_all_or_nothing(files, make_folders=True) == [path for path, _ in files]
    assert (tmp_path / "new" / "routes" / "01.ics").read_bytes() == b"ics"


def test_a_target_that_is_a_folder_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    from tourplan._io import write_all_or_nothing

    (tmp_path / "routes" / "01.ics").mkdir(parents=True)
    files = [(tmp_path / "new" / "README.md", b"r"), (tmp_path / "routes" / "01.ics", b"i")]
    with pytest.raises(ExportError, match=r"01\.ics: it is a folder"):
        write_all_or_nothing(files, make_folders=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["routes"]
