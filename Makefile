# desk: run, test, benchmark. Everything installs into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-search bench-registrations bench-first-come bench-tokens bench-readiness bench-exchanges bench-exports bench-sync bench-busy bench-bombs bench-imports bench-start snapshots snapshots-import pictures translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Open the application (on first run: a demo database with 12,000 students).
run: $(STAMP)
	$(BIN)/desk

## Run every test: SQLite always, PostgreSQL too when DESK_TEST_POSTGRESQL_URL is set; then the UI
## tests again in a real X server (Xvfb at 1366x768 with openbox) where Xvfb, openbox and xdotool are installed.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto --dist loadfile
	@if command -v Xvfb >/dev/null && command -v openbox >/dev/null && command -v xdotool >/dev/null; then \
	  echo "The UI tests in a real X server:"; \
	  DESK_TEST_X_SERVER=1 $(BIN)/python -m pytest -q -n auto --dist loadfile tests/ui; \
	else echo "Xvfb, openbox or xdotool is missing: the UI tests ran offscreen only"; fi

## Every benchmark at 300,000 students (SQLite; PostgreSQL too when DESK_TEST_POSTGRESQL_URL is set).
bench: bench-search bench-registrations bench-first-come bench-tokens bench-readiness bench-exchanges bench-exports bench-sync bench-busy bench-imports bench-start

## Student search: the service's first page against a hand-written query giving the same page, and a naive LIKE.
bench-search: $(STAMP)
	$(BIN)/python -m tests.benchmarks.search

## Group table and bulk grant of 5,000, each against plain SQL giving the same rows.
bench-registrations: $(STAMP)
	$(BIN)/python -m tests.benchmarks.registrations

## First-come registrations by 1 and by 16 processes against a plain-SQL floor with the same outcome.
bench-first-come: $(STAMP)
	$(BIN)/python -m tests.benchmarks.first_come

## Balance lookup among 3,000,000 ledger entries; token round resolution at 5,000-20,000 requests; a refund.
bench-tokens: $(STAMP)
	$(BIN)/python -m tests.benchmarks.tokens

## The readiness sweep of a registration meant for 20,000 students, against the explanation asked for each of them.
bench-readiness: $(STAMP)
	$(BIN)/python -m tests.benchmarks.readiness

## An exchange break at 5,000, 10,000 and 20,000 wishes over 500 full groups, and a 200-student group closed into 10
## siblings, each against a plain floor with the same outcome.
bench-exchanges: $(STAMP)
	$(BIN)/python -m tests.benchmarks.exchanges

## A whole term's rosters (60,000 enrollments in 2,000 groups) and a 500-student roster against bare openpyxl write-only.
bench-exports: $(STAMP)
	$(BIN)/python -m tests.benchmarks.exports

## 50,000 queued changes synced against a bare bulk upsert of the same rows; 5,000 student actions read back.
bench-sync: $(STAMP)
	$(BIN)/python -m tests.benchmarks.sync

## A clerk's seat-limit change in the application while a full sync runs in its long-job lane, against the same change alone.
bench-busy: $(STAMP)
	$(BIN)/python -m tests.benchmarks.busy_desk

## Importing 300,000 students (person, student, programme, login) from .xlsx and CSV, against reading the file and a bare insert.
bench-imports: $(STAMP)
	$(BIN)/python -m tests.benchmarks.imports

## Cold start: the sign-in window on screen against a bare PySide6 dialog; sign-in to the main window.
bench-start: $(STAMP)
	$(BIN)/python -m tests.benchmarks.cold_start

## Two .xlsx bombs (1.5 GB of empty rows in 2 MB; a sheet declaring A1:XFD1048576): time and peak memory to refusal.
bench-bombs: $(STAMP)
	$(BIN)/python -m tests.benchmarks.file_bombs

## PNG pictures of every view, in English and Polish, from a demo database.
snapshots: $(STAMP)
	test -f bench-data/snapshot-demo.sqlite || $(BIN)/desk --db bench-data/snapshot-demo.sqlite demo --students 12000
	QT_QPA_PLATFORM=offscreen DESK_PASSWORD=demo1234 $(BIN)/desk --db bench-data/snapshot-demo.sqlite --as admin snapshot --out docs/screenshots

## The README's pictures from a clerk's session in a real window (Xvfb, openbox, xdotool), light and dark.
pictures: $(STAMP)
	test -f bench-data/snapshot-demo.sqlite || $(BIN)/desk --db bench-data/snapshot-demo.sqlite demo --students 12000
	$(BIN)/python -m tests.window.pictures --demo bench-data/snapshot-demo.sqlite --out docs/screenshots

## The import view previewing a students' file with errors, in English and Polish (after the translations are filled).
snapshots-import: $(STAMP)
	test -f bench-data/snapshot-demo.sqlite || $(BIN)/desk --db bench-data/snapshot-demo.sqlite demo --students 12000
	QT_QPA_PLATFORM=offscreen DESK_PASSWORD=demo1234 $(BIN)/desk --db bench-data/snapshot-demo.sqlite --as admin snapshot --only import-preview --out docs/screenshots

## Refresh the Polish translation (and the English plural forms) from the code, then compile them.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(git ls-files 'desk/*.py' 'ui/*.py') -no-obsolete -ts resources/translations/desk_pl.ts
	$(BIN)/pyside6-lrelease resources/translations/desk_pl.ts -qm resources/translations/desk_pl.qm
	$(BIN)/pyside6-lupdate -pluralonly $$(git ls-files 'desk/*.py' 'ui/*.py') -ts resources/translations/desk_en.ts
	$(BIN)/pyside6-lrelease resources/translations/desk_en.ts -qm resources/translations/desk_en.qm

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
