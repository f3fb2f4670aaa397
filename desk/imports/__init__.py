"""Bringing a university's own records in from spreadsheets: every kind of record, a preview first,
then all or nothing as one audited change set. See ``desk.imports.service``."""
