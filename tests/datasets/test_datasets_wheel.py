"""The built wheel ships the data and py.typed, and loads the dataset away from the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unzipped_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling in the venv")
    if not (ROOT / "README.md").is_file():
        pytest.skip("README.md, the readme named in pyproject.toml, is missing: hatchling refuses")
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--no-cache-dir",
            "-q",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = out.glob("tourplan-*.whl")
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


@pytest.mark.slow
def test_wheel_contains_data_and_type_marker(unzipped_wheel: Path) -> None:
    assert (unzipped_wheel / "tourplan" / "_data" / "villages.csv").is_file()
    assert (unzipped_wheel / "tourplan" / "_data" / "start_points.csv").is_file()
    assert (unzipped_wheel / "tourplan" / "py.typed").is_file()
    shipped = (unzipped_wheel / "tourplan" / "_data" / "villages.csv").read_bytes()
    assert shipped == (ROOT / "data" / "villages.csv").read_bytes()


@pytest.mark.slow
def test_installed_wheel_loads_the_bundled_data(unzipped_wheel: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(unzipped_wheel)
    script = (
        "import tourplan\n"
        "print(len(tourplan.load_hanoi().villages()), len(tourplan.load_hanoi().sights()))\n"
        "print(len(tourplan.load_start_points()))\n"
        "print(tourplan.__file__)\n"
        "print(tourplan.load_hanoi().get('Bat Trang').id)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,  # not the checkout, so its data/ folder is out of sight
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    villages, start_points, module_file, bat_trang = run.stdout.splitlines()
    assert villages == "93 11"  # sights.csv ships in the wheel too
    assert start_points == "4"
    assert Path(module_file).resolve().is_relative_to(unzipped_wheel.resolve())
    assert bat_trang == "bat-trang"
