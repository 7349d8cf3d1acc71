"""Every command the README shows runs, and prints what the README says it prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_commands() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each `$ ` line in the console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
    return found


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory, shared):
    """A working folder laid out like the repository's, so README paths resolve in it:
    ./.venv, ./examples and ../shared, with any store the commands write kept inside it."""
    base = tmp_path_factory.mktemp("readme")
    work = base / "main"
    work.mkdir()
    (work / ".venv").symlink_to(Path(sys.prefix))  # the environment running the tests
    (work / "examples").symlink_to(ROOT / "examples")
    (base / "shared").symlink_to(shared)
    return work


def test_readme_shows_the_two_setup_commands_first():
    first_screen = "\n".join(README.splitlines()[:20])
    assert "make run" in first_screen and "make test" in first_screen


def test_console_commands_run_and_match_their_shown_output(sandbox):
    commands = _console_commands()
    assert len(commands) >= 4
    env = {**os.environ, "COLUMNS": "200"}
    for command, expected in commands:
        proc = subprocess.run(command, shell=True, cwd=sandbox, capture_output=True, text=True,
                              env=env, timeout=600)
        assert proc.returncode == 0, (command, proc.stderr)
        output = [ln.strip() for ln in (proc.stdout + proc.stderr).splitlines()]
        for line in expected:
            assert line.strip() in output, (command, line, output)


def test_python_example_runs(sandbox):
    code = re.search(r"```python\n(.*?)```", README, flags=re.S).group(1)
    proc = subprocess.run([sys.executable, "-c", code], cwd=sandbox, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok 523 [[0, 0, 142], [142, 187, 381]]")


def test_scaling_example_runs_a_worker_pool(sandbox):
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    pooled = next(b for b in blocks if "LocalEngine" in b)
    script = sandbox / "scale_example.py"  # a file, so the workers re-import it as spawn does
    script.write_text(pooled, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=sandbox, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert re.match(r"48 articles, \d{3} events", proc.stdout), proc.stdout
