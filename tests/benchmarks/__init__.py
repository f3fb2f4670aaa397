"""Benchmarks: measurements anyone can run (`make bench`); they print numbers, they assert nothing."""
