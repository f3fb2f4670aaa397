"""Class lists from the class-groups view: to Excel, printed (with a preview) or saved as PDF, and the groups at risk.

A printed list has the page set-up of the spreadsheet (desk.rosters.roster_sheet): A4, landscape
for the attendance sheet, the title and the group's heading above the table, the table's heading
row repeated at the top of every page (a QTextTable with one header row), and at the foot of every
page what the list is and "page / pages". Every list comes from the services, which check the role
and record it in the history; the views only ask where and show the outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QWidget

from desk import rosters
from desk.i18n import translate
from desk.labels import group_label
from desk.groups import GroupLine, GroupScope
from desk.unit_of_work import UnitOfWork
from exports.xlsx import TEMPORARY_PREFIX, Sheet, safe_file_name
from ui.changes import ALL, Changes
from ui.screen import fit_to_screen
from ui.tables import ExportFlow, run_export, suggested_name
from ui.tasks import Lane, error_message, log_unexpected

HEADER_FILL = QColor("#DDE6F0")  # the spreadsheet's heading row colour
BODY_POINTS = 9
TITLE_POINTS = 13



def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}".replace(",", " ")
    return str(value)


# --- one sheet as a printable document --------------------------------------------------------------


def sheet_document(sheet: Sheet, font: QFont | None = None) -> QTextDocument:
    """The sheet's title, heading lines and table; the table's first row repeats on every page.

    Made from HTML in one call (a <thead> row is the table's header row): a few thousand cell-by-cell
    cursor calls cost far more, and PySide6 6.12 on Python 3.11 loses a reference to None on every
    call that returns nothing, which a long list turned into a crash at exit.
    """
    base = QFont(font) if font is not None else QFont()
    base.setPointSizeF(BODY_POINTS)
    rows = list(sheet.rows)
    columns = list(sheet.columns)
    # Widths as the spreadsheet fits them: a column's set width, else its longest text (capped).
    widths = []
    for index, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        longest = max((len(_cell_text(row[index])) for row in rows[:2000]), default=0)
        widths.append(min(max(len(column.heading), longest) + 2, 60))
    total = sum(widths) or 1
    right = [column.kind in ("number", "money") for column in columns]
    parts = []
    if sheet.caption:
        parts.append(f'<p style="font-size:{TITLE_POINTS}pt; font-weight:bold; margin:0">{escape(sheet.caption)}</p>')
    for label, value in sheet.heading:
        parts.append(f'<p style="margin:0">{escape(f"{label}: {_cell_text(value)}")}</p>')
    parts.append('<p style="margin:0">&nbsp;</p>')
    parts.append('<table width="100%" border="1" cellspacing="0" cellpadding="2" '
                 'style="border-collapse:collapse; border-color:#808080; border-style:solid"><thead><tr>')
    for column, width in zip(columns, widths):
        parts.append(f'<th width="{100 * width / total:.1f}%" align="left" bgcolor="{HEADER_FILL.name()}">'
                     f'{escape(column.heading)}</th>')
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(
            f'<td align="right">{escape(_cell_text(value))}</td>' if right[index] else f"<td>{escape(_cell_text(value))}</td>"
            for index, value in enumerate(row)) + "</tr>")
    parts.append("</tbody></table>")
    document = QTextDocument()
    document.setDefaultFont(base)
    document.setDocumentMargin(0)
    document.setHtml("".join(parts))
    return document


def set_up_page(printer: QPrinter, landscape: bool) -> None:
    """A4 with the spreadsheet's margins (0.5 inch at the sides, 0.6 at top and bottom) and orientation."""
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                         QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
                         QMarginsF(12.7, 15.2, 12.7, 15.2), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)


def paint_sheets(sheets: Sequence[Sheet], printer: QPrinter, progress: Callable[[int, int], None] | None = None) -> int:
    """Paint the sheets on the printer, each from a new page; returns the pages painted.

    ``progress(pages painted, pages known so far)`` after each page may raise to stop.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(translate("ClassLists", "The printer cannot be used."))
    pages_painted = 0
    known = 0
    try:
        for number, sheet in enumerate(sheets):
            document = sheet_document(sheet)
            document.documentLayout().setPaintDevice(printer)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            footer_font = QFont(document.defaultFont())
            footer_font.setPointSizeF(8)
            metrics = QFontMetricsF(footer_font, printer)
            footer = metrics.height() * 2
            body = QSizeF(area.width(), area.height() - footer)
            document.setPageSize(body)
            pages = document.pageCount()
            known += pages
            for page in range(pages):
                if number or page:
                    printer.newPage()
                painter.save()
                clip = QRectF(0, page * body.height(), body.width(), body.height())
                painter.translate(0, -clip.top())
                document.drawContents(painter, clip)
                painter.restore()
                painter.setFont(footer_font)
                painter.setPen(QColor("#404040"))
                line = QRectF(0, area.height() - metrics.height() - 1, area.width(), metrics.height())
                painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), sheet.caption)
                painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{page + 1} / {pages}")
                pages_painted += 1
                if progress is not None:
                    progress(pages_painted, known)
    finally:
        painter.end()
    return pages_painted


def write_pdf(sheets: Sequence[Sheet], path: str | Path, *, overwrite: bool = False,
             progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the sheets to a PDF file (A4, the sheets' orientation), all of it or nothing, as the workbooks are:
    painted into a temporary file beside the target and renamed at the end; an existing file is replaced only
    when ``overwrite``. Painting on a QPrinter is allowed off the GUI thread, so this runs as a long job."""
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(str(target))
    temporary = target.with_name(f"{TEMPORARY_PREFIX}{target.stem}.pdf")
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temporary))
        printer.setDocName(sheets[0].caption if sheets else "")
        set_up_page(printer, any(sheet.landscape for sheet in sheets))
        paint_sheets(sheets, printer, progress)
        del printer  # the file is complete once the printer is gone
        if target.exists() and not overwrite:  # appeared meanwhile: still never replaced silently
            raise FileExistsError(str(target))
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)  # a cancelled or failed PDF leaves nothing behind (gone already when written)
    return target


# --- the class-groups view's actions ------------------------------------------------------------------


class ClassListActions(QObject):
    """"Class lists ▾" in the class-groups view: the selected groups' lists to Excel, printed or as PDF; the groups at risk.

    ``groups()`` gives the selected groups, ``term()`` the term shown (id, code) or None.
    """

    printed = Signal(int)  # pages painted in the print preview
    pdfWritten = Signal(str)  # the PDF file written

    def __init__(self, context, view: QWidget, groups: Callable[[], list[GroupLine]],
                 term: Callable[[], tuple[int, str] | None], status=None):
        super().__init__(view)
        self.setObjectName("classListActions")
        self.context = context
        self.view = view
        self.groups = groups
        self.term = term
        self.status = status
        self.last_export: ExportFlow | None = None
        self.last_preview: QPrintPreviewDialog | None = None
        self.last_box: QMessageBox | None = None

        def action(text: str, name: str, slot: Callable[[], Any]) -> QAction:
            made = QAction(text, view)
            made.setObjectName(name)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.export_action = action(translate("ClassLists", "&Export class list…"), "exportClassListAction",
                                    lambda: self.export())
        self.attendance_action = action(translate("ClassLists", "Export &attendance sheet…"), "exportAttendanceAction",
                                        lambda: self.export(attendance=True))
        self.print_action = action(translate("ClassLists", "&Print class list…"), "printClassListAction",
                                   lambda: self.print_preview())
        self.pdf_action = action(translate("ClassLists", "Save class list as P&DF…"), "classListPdfAction",
                                 lambda: self.save_pdf())
        self.at_risk_action = action(translate("ClassLists", "Export groups at &risk…"), "exportGroupsAtRiskAction",
                                     lambda: self.export_at_risk())
        self.menu = QMenu(view)
        self.menu.setObjectName("classListMenu")
        for made in (self.export_action, self.attendance_action, self.print_action, self.pdf_action):
            self.menu.addAction(made)
        self.menu.addSeparator()
        self.menu.addAction(self.at_risk_action)
        self.button = QPushButton(translate("ClassLists", "Cl&ass lists"), view)
        self.button.setObjectName("classListsButton")
        self.button.setAccessibleName(translate("ClassLists", "Class lists: export, print, PDF"))
        self.button.setToolTip(translate("ClassLists", "The selected groups' class lists to Excel, printed or as PDF; "
                                                       "the term's groups at risk"))
        self.button.setMenu(self.menu)
        self.update()

    def actions(self) -> list[QAction | None]:
        """For the groups table's context menu."""
        return [self.export_action, self.attendance_action, self.print_action, self.pdf_action, None, self.at_risk_action]

    def update(self) -> None:
        chosen = bool(self.groups())
        for made in (self.export_action, self.attendance_action, self.print_action, self.pdf_action):
            made.setEnabled(chosen)
        self.at_risk_action.setEnabled(self.term() is not None)

    # --- names -------------------------------------------------------------------------------------

    def _label(self, chosen: list[GroupLine]) -> str:
        if len(chosen) == 1:
            g = chosen[0]
            return f"{g.term_code} {group_label(g.course_code, g.class_type, g.number)}"
        codes = sorted({g.course_code for g in chosen})
        return " ".join([chosen[0].term_code, *codes[:3]] + ([f"+{len(codes) - 3}"] if len(codes) > 3 else []))

    # --- to Excel ------------------------------------------------------------------------------------

    def export(self, attendance: bool = False) -> ExportFlow | None:
        chosen = self.groups()
        if not chosen:
            return None
        scope = GroupScope(group_ids=tuple(g.id for g in chosen))
        label = self._label(chosen)
        db, actor, zone = self.context.db, self.context.actor, self.context.time_zone

        def write(path: Path, overwrite: bool, progress) -> Path:
            return rosters.export_rosters(UnitOfWork(db, actor), scope, path, attendance=attendance, overwrite=overwrite,
                                          progress=progress, title=label, zone=zone)

        title = translate("ClassLists", "Export attendance sheet") if attendance else translate("ClassLists", "Export class list")
        name = rosters.default_file_name(label, attendance)
        self.last_export = run_export(self.context, self.view, title=title, file_name=name, write=write, status=self.status)
        return self.last_export

    def export_at_risk(self) -> ExportFlow | None:
        term = self.term()
        if term is None:
            return None
        term_id, code = term
        db, actor = self.context.db, self.context.actor

        def write(path: Path, overwrite: bool, progress) -> Path:
            sheet = rosters.groups_at_risk_sheet(UnitOfWork(db, actor), term_id)
            return rosters.export_list(UnitOfWork(db, actor), sheet, path, kind=rosters.ExportAction.GROUPS_AT_RISK,
                                       overwrite=overwrite, personal=False, progress=progress)

        self.last_export = run_export(self.context, self.view, title=translate("ClassLists", "Export groups at risk"),
                                      file_name=suggested_name(translate("ClassLists", "groups-at-risk"), code), write=write,
                                      status=self.status)
        return self.last_export

    # --- printed and PDF -------------------------------------------------------------------------------

    def print_preview(self, attendance: bool = False) -> None:
        """Gather the lists (in the background; recorded as they leave), then show them in a print preview to print."""
        chosen = self.groups()
        if not chosen:
            return
        scope = GroupScope(group_ids=tuple(g.id for g in chosen))
        db, actor, zone = self.context.db, self.context.actor, self.context.time_zone
        self.context.tasks.run(
            lambda: rosters.print_rosters(UnitOfWork(db, actor), scope, list, attendance=attendance, zone=zone),
            self._preview, self._failed, lane=Lane.WRITE)

    def _preview(self, sheets: list[Sheet]) -> QPrintPreviewDialog:
        self.context.changes.announce(Changes.of(history=ALL))  # the list is in the history now
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_page(printer, any(sheet.landscape for sheet in sheets))
        printer.setDocName(sheets[0].caption if sheets else "")
        preview = QPrintPreviewDialog(printer, self.view)
        preview.setObjectName("classListPreview")
        preview.setWindowTitle(translate("ClassLists", "Print class list"))
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.paintRequested.connect(lambda target: self.printed.emit(paint_sheets(sheets, target)))
        fit_to_screen(preview, QSize(1000, 720))  # a page readable at once, within a 1366x768 screen
        self.last_preview = preview
        preview.open()
        return preview

    def save_pdf(self, attendance: bool = False) -> ExportFlow | None:
        """Ask where, then paint the lists into a PDF as a long job (progress, Cancel, "Open the file")."""
        chosen = self.groups()
        if not chosen:
            return None
        scope = GroupScope(group_ids=tuple(g.id for g in chosen))
        db, actor, zone = self.context.db, self.context.actor, self.context.time_zone

        def write(path: Path, overwrite: bool, progress) -> Path:
            return rosters.print_rosters(
                UnitOfWork(db, actor), scope, lambda sheets: write_pdf(sheets, path, overwrite=overwrite, progress=progress),
                attendance=attendance, output=path.name, zone=zone)

        name = safe_file_name(Path(rosters.default_file_name(self._label(chosen), attendance)).stem, ".pdf")
        self.last_export = run_export(self.context, self.view, title=translate("ClassLists", "Save class list as PDF"),
                                      file_name=name, write=write, status=self.status, suffix=".pdf",
                                      kind=translate("ClassLists", "PDF document (*.pdf)"))
        if self.last_export is not None:
            self.last_export.written.connect(self.pdfWritten)
        return self.last_export

    def _failed(self, error: BaseException) -> None:
        log_unexpected(error, "class list")
        box = QMessageBox(QMessageBox.Icon.Warning, translate("ClassLists", "Class lists"), error_message(error),
                          QMessageBox.StandardButton.Ok,
                          self.view)
        box.setObjectName("classListErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box = box
        box.open()
