"""The layering of the house plan holds: ui -> desk -> exports, desk without widgets, exports without a
database, ui without SQLAlchemy. The contracts are in pyproject.toml ([tool.importlinter])."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.import_contracts import imported_modules

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ("layers", "desk-without-widgets", "exports-leaf", "ui-through-services")


def lint_imports(folder: Path, *contracts: str) -> subprocess.CompletedProcess:
    """import-linter over the packages in ``folder``, with this project's contracts."""
    script = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    options = [f"--contract={contract}" for contract in contracts]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join((str(folder), str(ROOT))), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", script, "--no-cache", *options], cwd=folder, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_the_code_keeps_every_layering_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout


@pytest.fixture
def broken_house(tmp_path):
    """A copy of the three packages' outline where each contract is broken once."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    files = {
        "desk/__init__.py": "",
        "desk/service.py": "from PySide6.QtCore import QLocale\nfrom PySide6 import QtGui\nimport exports.xlsx\n",
        "desk/upward.py": "from ui.view import shown\n",
        "ui/__init__.py": "",
        "ui/view.py": "from sqlalchemy import select\nfrom desk import service\nshown = 1\n",
        "exports/__init__.py": "",
        "exports/xlsx.py": "import sqlalchemy\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


@pytest.mark.parametrize("contract, named", [
    ("layers", "desk.upward -> ui.view"),
    ("desk-without-widgets", "desk.service is not allowed to import PySide6.QtGui"),
    ("exports-leaf", "exports.xlsx -> sqlalchemy"),
    ("ui-through-services", "ui.view -> sqlalchemy"),
])
def test_each_contract_names_the_import_that_breaks_it(broken_house, contract, named):
    result = lint_imports(broken_house, contract)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    assert named in " ".join(result.stdout.split()), result.stdout


def test_the_modules_an_import_line_names():
    assert imported_modules("from PySide6.QtWidgets import QDialog, QWidget as W") == {
        "PySide6.QtWidgets", "PySide6.QtWidgets.QDialog", "PySide6.QtWidgets.QWidget"}
    assert imported_modules("from PySide6 import QtCore, QtGui") == {"PySide6", "PySide6.QtCore", "PySide6.QtGui"}
    assert imported_modules("    from PySide6.QtGui import (") == {"PySide6.QtGui"}
    assert imported_modules("import PySide6.QtGui as gui, os") == {"PySide6.QtGui", "os"}
    assert imported_modules("from PySide6.QtGui import QColor  # a comment") == {"PySide6.QtGui", "PySide6.QtGui.QColor"}
