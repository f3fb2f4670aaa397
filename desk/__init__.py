"""desk: the back office for course registration (data, rules, sync). Knows nothing of the UI."""

__version__ = "0.1.0"
