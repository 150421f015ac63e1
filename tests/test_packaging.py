"""Installed the way users install it: the sdist built from the checkout, the wheel built from the
sdist (what `python -m build` and pipx do), installed into a fresh venv far from the checkout, then
used there — the bundled demo, an export, and the terminal app in tmux."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from terminal import Terminal, needs_tmux, terminal_env

from svsm_meet.formats.markdown_in import normalize
from svsm_meet.store.migrate import HEAD


def _run(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True, **kw)


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    return out


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """A fresh venv (no access to the checkout) with the wheel and its dependencies in it."""
    venv = tmp_path_factory.mktemp("far-away") / "venv"
    _run(sys.executable, "-m", "venv", venv)
    (wheel,) = dist.glob("svsm_meet-*.whl")
    _run(venv / "bin" / "python", "-m", "pip", "install", "-q", "-c", ROOT / "constraints.txt", wheel)
    return venv


def _checkout_files() -> set[str]:
    """What the app reads at run time, by its path inside the installed package."""
    names = {str(p.relative_to(ROOT)) for p in (ROOT / "svsm_meet").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
    names |= {"svsm_meet/" + str(p.relative_to(ROOT)) for p in (ROOT / "migrations").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    return names


def test_the_wheel_and_the_sdist_carry_everything_the_app_reads(dist):
    (wheel,) = dist.glob("svsm_meet-*.whl")
    in_wheel = {n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("svsm_meet/")}
    expected = _checkout_files()
    assert {"svsm_meet/tui/app.tcss", "svsm_meet/data/demo-meeting.md",
            "svsm_meet/migrations/env.py", "svsm_meet/migrations/script.py.mako"} <= expected
    assert expected - in_wheel == set()
    (sdist,) = dist.glob("svsm_meet-*.tar.gz")
    with tarfile.open(sdist) as tar:
        in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    from_checkout = {str(p.relative_to(ROOT)) for p in [*(ROOT / "svsm_meet").rglob("*"),
                     *(ROOT / "migrations").rglob("*")] if p.is_file() and "__pycache__" not in p.parts}
    assert from_checkout - in_sdist == set()
    assert {"README.md", "pyproject.toml"} <= in_sdist


@needs_tmux
def test_the_installed_wheel_runs_away_from_the_checkout(installed, tmp_path):
    env = terminal_env(tmp_path / "home", tmp_path / "home" / "svsm.db")
    env.pop("PYTHONPATH", None)
    env["PATH"] = f"{installed / 'bin'}{os.pathsep}{env['PATH']}"
    (tmp_path / "home").mkdir()
    app = installed / "bin" / "svsm-meet"

    def cli(*args) -> str:
        return _run(app, *args, env=env, cwd=tmp_path).stdout

    where = _run(installed / "bin" / "python", "-c", "import svsm_meet; print(svsm_meet.__file__)",
                 env=env, cwd=tmp_path).stdout
    assert str(installed) in where and str(ROOT) not in where

    assert "SVSM Development Call" in cli("demo")
    demo = (ROOT / "svsm_meet" / "data" / "demo-meeting.md").read_text(encoding="utf-8")
    assert cli("export", "markdown", "latest") == normalize(demo)
    assert f"revision {HEAD}" in cli("db", "upgrade")

    term = Terminal(tmp_path, env)
    try:
        term.start(str(app))
        term.wait_for("SVSM Development Call")
        term.keys("Enter")
        # The minutes open where the typing goes: at their last topic (the first ones may already
        # be scrolled out of sight when the screen is read).
        term.wait_for("Next bullet → Linux Plumbers Conference")
        term.keys("C-q")
        term.wait_for("EXITED-0")
    finally:
        term.close()
