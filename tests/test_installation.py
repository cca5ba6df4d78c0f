"""A fresh venv, `pip install .` (not editable), then the commands from another folder.

Proves that templates/ ships inside the wheel and the console script works. Slow (it installs
the dependencies), so it runs once per test session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

from conftest import ROD


@pytest.fixture(scope="session")
def installeret(tmp_path_factory) -> Path:
    if os.environ.get("SAMDRIFT_SPRING_INSTALLATION"):
        pytest.skip("SAMDRIFT_SPRING_INSTALLATION er sat")
    rod = tmp_path_factory.mktemp("installation")
    kilde = rod / "kilde"
    shutil.copytree(ROD, kilde, ignore=shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "build", "dist",
                                                               ".pytest_cache", ".hypothesis", ".venv"))
    miljoe = rod / "venv"
    venv.create(miljoe, with_pip=True)
    python = miljoe / "bin" / "python"
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", str(kilde)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    shutil.rmtree(kilde)  # the installed package must not need the source tree
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
