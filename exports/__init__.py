"""Spreadsheet writers: plain headings and rows in, .xlsx files out. Knows no database."""
