"""A fresh venv, the wheel of `pip install .` installed in it (not editable), then the commands
from another folder.

Proves that templates/ ships inside the wheel and the console script works. The dependencies are
the ones the tests run with (a .pth file points the new venv at them, after its own site-packages),
so only the wheel is built and installed (``--no-deps``): seconds, not the half minute a full
dependency install took. The README's own set-up command installs everything from scratch in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import ROD


@pytest.fixture(scope="session")
def installeret(tmp_path_factory) -> Path:
    if os.environ.get("SAMDRIFT_SPRING_INSTALLATION"):
        pytest.skip("SAMDRIFT_SPRING_INSTALLATION er sat")
    rod = tmp_path_factory.mktemp("installation")
    hjul = rod / "hjul"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(hjul), str(ROD)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    miljoe = rod / "venv"
    venv.create(miljoe, with_pip=False)  # pip itself is the tests' (pip --python installs into the new venv)
    python = miljoe / "bin" / "python"
    (fil,) = hjul.glob("samdrift-*.whl")
    r = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(fil)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (miljoe / "bin" / "samdrift").is_file(), r.stdout + r.stderr
    # only now the dependencies: had pip seen the tests' site-packages, it would have found the samdrift
    # installed there "already satisfied" and installed nothing
    egne = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(egne, "testens-afhaengigheder.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return miljoe / "bin"


def test_init_check_og_eksempel_fra_en_anden_mappe(installeret, tmp_path):
    samdrift = str(installeret / "samdrift")
    r = subprocess.run([samdrift, "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0 and "Kommandoer" in r.stdout
    r = subprocess.run([samdrift, "init", "ny", "--afdeling", "Æblegården:100", "--afdeling", "Pærebakken:500"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([samdrift, "check"], capture_output=True, text=True, cwd=tmp_path / "ny")
    assert r.returncode == 0, r.stderr
    r = subprocess.run([samdrift, "init", "ny", "--afdeling", "A:1"], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 2
    r = subprocess.run([samdrift, "-C", str(ROD / "examples" / "aeblegaarden_paerebakken"), "check", "milepael", "12"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run([str(installeret / "python"), "-m", "samdrift_cli", "--version"], capture_output=True, text=True)
    assert r.stdout.strip() == "samdrift 0.1.0"
    # the package it ran is the wheel's, in the new venv, not the one the tests run with
    r = subprocess.run([str(installeret / "python"), "-c", "import samdrift_cli; print(samdrift_cli.__file__)"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.stdout.startswith(str(installeret.parent)), r.stdout
    assert (Path(r.stdout.strip()).parent / "templates" / "init" / "samdrift.yaml").is_file()  # inside the wheel
