"""One view per capability of the back office."""
