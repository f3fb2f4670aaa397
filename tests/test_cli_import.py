"""``desk import``: a template, a preview that exits 2 on rows in error, --apply with a reason, the desk's
records exported in the same shape and imported back unchanged."""

from __future__ import annotations

import json

import pytest

from desk.cli import main
from desk.db import open_database
from desk.demo import build_demo
from ui.entry import main as desk_command


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-import") / "demo.sqlite"
    db = open_database(str(path)).database
    build_demo(db, students=200, seed=5)
    db.dispose()
    return str(path)


@pytest.mark.parametrize("args", [["import"], ["import", "students"], ["import", "template"], ["import", "export"],
                                  ["import", "offered-courses"], ["import", "kinds"]])
def test_help(args):
    with pytest.raises(SystemExit) as exit_:
        desk_command([*args, "--help"])
    assert exit_.value.code == 0


def test_kinds_template_preview_and_apply(demo_path, tmp_path, capsys):
    base = ["--db", demo_path]
    assert main([*base, "import", "kinds"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("units") and any(line.startswith("students") for line in listed)
    template = tmp_path / "students-template.xlsx"
    assert main([*base, "import", "template", "students", "--out", str(template)]) == 0
    assert main([*base, "import", "template", "students", "--out", str(template)]) == 1
    assert "exists" in capsys.readouterr().err
    csv = tmp_path / "students.csv"
    csv.write_text("INDEKS;Nazwisko;Imię;PRG_KOD;Data przyjęcia\n900001;Nowa;Ola;NIE-MA;01.10.2026\n", encoding="utf-8")
    assert main([*base, "import", "students", str(csv)]) == 2
    out = capsys.readouterr().out
    assert "no programme NIE-MA at the desk" in out and "1 in error" in out
    assert main([*base, "import", "students", str(csv), "--apply"]) == 1
    assert "--reason" in capsys.readouterr().err


def test_exported_records_import_back_unchanged(demo_path, tmp_path, capsys):
    base = ["--db", demo_path]
    out = tmp_path / "groups.csv"
    assert main([*base, "import", "export", "groups", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main([*base, "import", "groups", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["unchanged"] > 10 and report["counts"]["new"] == report["counts"]["error"] == 0
    text = out.read_text(encoding="utf-8").splitlines()
    header, first = text[0], text[1].split(";")
    seat = header.split(";").index("Seat limit")
    first[seat] = str(int(first[seat]) + 5)
    out.write_text("\n".join([header, ";".join(first)]) + "\n", encoding="utf-8")
    assert main([*base, "import", "groups", str(out), "--apply", "--reason", "more seats"]) == 0
    assert "0 new, 1 changed" in capsys.readouterr().out
