"""Rosters and lists to Excel: read back, Polish order, text cells, print set-up, injection, safe names."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desk import enrollment, rosters
from desk.groups import GroupScope
from desk.model import AuditEntry, TimetableSlot
from exports.xlsx import Column, Sheet, safe_file_name, safe_sheet_title, write_workbook
from tests import factories
from desk.unit_of_work import SystemJob, UnitOfWork


@pytest.fixture
def group(db, admin):
    term = factories.term(db, "2026Z", date(2026, 10, 1), date(2027, 1, 31))
    course = factories.course(db, "MAT-101")
    group_id = factories.group(db, course, term, seat_limit=30)
    with db.write() as session:
        session.add(TimetableSlot(group_id=group_id, weekday=2, starts_at=time(10, 15), ends_at=time(11, 45), room="101",
                                  building="A"))
    names = [("Łukasz", "Łukasiewicz"), ("Jan", "Lewandowski"), ("Anna", "Ślusarz"), ("Ewa", "Szymańska"),
             ("Zofia", "=HYPERLINK(\"http://x\")"), ("Piotr", "@SUM(A1)")]
    for index, (first, last) in enumerate(names):
        sid = factories.student(db, first, last, number=f"0{index}1234")
        enrollment.enroll(UnitOfWork(db, admin), sid, group_id, reason="r")
    return group_id


def test_roster_reads_back_in_polish_order_with_text_numbers(db, admin, group, tmp_path):
    path = rosters.export_rosters(UnitOfWork(db, admin), GroupScope(course_id=factories.course(db, "MAT-101")), tmp_path / "r.xlsx")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "MAT-101 cla 1"
    cells = dict(str(sheet.cell(row=r, column=1).value).split(": ", 1) for r in range(2, 9))
    assert cells["Course"] == "MAT-101 — Course MAT-101" and cells["Students / limit"] == "6 / 30"
    assert "Tue 10:15–11:45, 101 A" in cells["Timetable"]
    header = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "No.")
    surnames = [sheet.cell(row=r, column=3).value for r in range(header + 1, header + 7)]
    # Polish order: Ł after L, Ś after S ("Szymańska" before "Ślusarz"); formulas are just text.
    assert surnames[-4:] == ["Lewandowski", "Łukasiewicz", "Szymańska", "Ślusarz"]
    number = sheet.cell(row=header + 1, column=2)
    assert number.data_type == "s" and number.value.startswith("0")
    for row in range(header + 1, header + 7):
        cell = sheet.cell(row=row, column=3)
        assert cell.data_type == "s"  # never a formula
        if cell.value[0] in "=@":
            assert cell.quotePrefix
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.page_setup.paperSize == "9" or sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth in (1, "1") and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in sheet.oddFooter.center.text
    assert sheet.auto_filter.ref.startswith(f"A{header}:")
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export.roster")).one()
        assert entry.after["students"] == 6


def test_attendance_variant_has_a_column_per_class_date(db, admin, group, tmp_path):
    path = rosters.export_rosters(UnitOfWork(db, admin), GroupScope(term_id=factories.term(db)), tmp_path / "a.xlsx", attendance=True)
    sheet = load_workbook(path).worksheets[0]
    header = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "No.")
    dates = [sheet.cell(row=header, column=c).value for c in range(5, 30) if sheet.cell(row=header, column=c).value]
    assert dates[0] == "06.10" and dates[-1] == "26.01" and len(dates) == 17  # every Tuesday from 6 October to 26 January
    assert sheet.page_setup.orientation == "landscape"


# A cancelled write-only sheet is dropped half-open; openpyxl removes its scratch file at exit.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_never_overwrites_silently_and_leaves_nothing_half_written(db, admin, group, tmp_path):
    out = tmp_path / "out"
    target = out / "r.xlsx"
    rosters.export_rosters(UnitOfWork(db, admin), GroupScope(term_id=factories.term(db)), target)
    with pytest.raises(FileExistsError):
        rosters.export_rosters(UnitOfWork(db, admin), GroupScope(term_id=factories.term(db)), target)
    rosters.export_rosters(UnitOfWork(db, admin), GroupScope(term_id=factories.term(db)), target, overwrite=True)

    def fail(done, total):
        raise KeyboardInterrupt

    sheet = Sheet("x", [Column("a")], [(str(i),) for i in range(1200)])
    with pytest.raises(KeyboardInterrupt):
        write_workbook(out / "cancelled.xlsx", [sheet], progress=fail)
    assert sorted(p.name for p in out.iterdir()) == ["r.xlsx"]


def test_sheet_titles_and_file_names_are_safe():
    taken: set[str] = set()
    assert safe_sheet_title("a/b:c*d?e[f]", taken) == "a-b-c-d-e-f-"
    long = "X" * 40
    first, second = safe_sheet_title(long, taken), safe_sheet_title(long, taken)
    assert len(first) == 31 and len(second) == 31 and first != second
    assert safe_sheet_title("History", taken) == "History-"
    assert safe_file_name("CON") == "_CON.xlsx"
    assert safe_file_name('lista: 2026Z/MAT "1"?') == "lista_ 2026Z_MAT _1__.xlsx"


def test_other_lists(db, admin, group, tmp_path):
    path = rosters.export_list(UnitOfWork(db, admin), rosters.groups_at_risk_sheet(UnitOfWork(db, admin), factories.term(db)), tmp_path / "risk.xlsx",
                               kind=rosters.ExportAction.GROUPS_AT_RISK, personal=False)
    assert load_workbook(path).worksheets[0].cell(row=1, column=1).value == "Groups below their lower limit"
    programme_id = factories.programme(db)
    path = rosters.export_list(UnitOfWork(db, admin), rosters.token_balances_sheet(UnitOfWork(db, admin), programme_id, None), tmp_path / "t.xlsx",
                               kind=rosters.ExportAction.TOKENS)
    sheet = load_workbook(path).worksheets[0]
    assert sheet.cell(row=2, column=1).value == "Student no."
    assert sheet.max_row == 2 + 6


def test_the_payments_due_list_holds_every_payment_due(db, admin, tmp_path):
    """Not cut at a screen list's length: the export is the whole list."""
    path = rosters.export_list(UnitOfWork(db, admin), rosters.payments_due_sheet(UnitOfWork(db, admin)), tmp_path / "payments.xlsx",
                               kind=rosters.ExportAction.PAYMENTS)
    assert load_workbook(path).worksheets[0].max_row >= 2


def test_a_real_spreadsheet_program_reads_every_kind(db, admin, group, tmp_path):
    """Where LibreOffice is installed, it converts each kind of file to CSV (proof the files are readable)."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    term = factories.term(db)
    files = [
        rosters.export_rosters(UnitOfWork(db, admin), GroupScope(term_id=term), tmp_path / "roster.xlsx"),
        rosters.export_rosters(UnitOfWork(db, admin), GroupScope(term_id=term), tmp_path / "attendance.xlsx", attendance=True),
        rosters.export_list(UnitOfWork(db, admin), rosters.payments_due_sheet(UnitOfWork(db, admin)), tmp_path / "payments.xlsx", kind=rosters.ExportAction.PAYMENTS),
        rosters.export_list(UnitOfWork(db, admin), rosters.groups_at_risk_sheet(UnitOfWork(db, admin), term), tmp_path / "risk.xlsx", kind=rosters.ExportAction.GROUPS_AT_RISK,
                            personal=False),
    ]
    out = tmp_path / "csv"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=180)
    roster_csv = (out / "roster.csv").read_text(encoding="utf-8", errors="replace")
    assert "Class list: MAT-101" in roster_csv and "Łukasiewicz" in roster_csv
    assert '=HYPERLINK("http://x")' in roster_csv.replace('""', '"')  # kept as text, not evaluated
    assert all((out / f"{f.stem}.csv").exists() for f in files)


def test_a_long_roster_prints_on_a4_with_the_heading_row_on_every_page(sqlite_db, tmp_path):
    """LibreOffice prints a 150-student roster to PDF: A4 pages, each starting with the column heading."""
    import shutil
    import subprocess

    from desk.staff import create_first_administrator

    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice or poppler's pdftotext is not installed")
    db = sqlite_db
    admin = create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "admin", "Anna Administratorka", "admin-password")
    term = factories.term(db, "2026Z", date(2026, 10, 1), date(2027, 1, 31))
    group_id = factories.group(db, factories.course(db, "MAT-101"), term, seat_limit=200)
    ids = factories.many_students(db, 148, prefix="Nowak")
    ids += [factories.student(db, "Jan", "Lewandowski"), factories.student(db, "Łukasz", "Łukasiewicz")]
    for sid in ids:
        enrollment.enroll(UnitOfWork(db, admin), sid, group_id, reason="r")
    path = rosters.export_rosters(UnitOfWork(db, admin), GroupScope(course_id=factories.course(db, "MAT-101")), tmp_path / "r.xlsx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "r.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 3
    assert "(A4)" in info
    texts = [subprocess.run([pdftotext, "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"], check=True,
                            capture_output=True, text=True).stdout for p in range(1, pages + 1)]
    assert "Class list: MAT-101" in texts[0] and "Students / limit: 150 / 200" in texts[0]
    for number, text in enumerate(texts, start=1):
        first_line = next(line for line in text.splitlines() if line.strip())
        if number > 1:
            assert first_line.split()[:3] == ["No.", "Student", "no."], (number, first_line)
        assert re.search(rf"\b{number}\s*/\s*{pages}\b", text)  # the footer's page numbers
    everything = "\n".join(texts)
    assert everything.index("Lewandowski") < everything.index("Łukasiewicz") < everything.index("Nowak00000")
