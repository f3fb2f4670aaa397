"""The desktop application: PySide6 views over the desk services."""
