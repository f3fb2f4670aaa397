"""Name folding for search and the Polish sort key the databases order by."""

from __future__ import annotations

import re
import unicodedata

_STROKED = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fold(text: str) -> str:
    """Lower case, no diacritics, ``ł`` as ``l``, single spaces: the form names are searched in.

    Neither Unicode decomposition nor SQLite's ``remove_diacritics`` turns ``ł`` into ``l``,
    so it is mapped by hand before the combining marks are dropped.
    """
    text = _CONTROL.sub(" ", text).translate(_STROKED)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


# Polish alphabet order: each letter with a diacritic is a letter of its own that follows its
# base letter (Ł after L, Ś after S), so "Szymański" sorts before "Ślusarz".
_POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_RANK = {letter: index for index, letter in enumerate(_POLISH_ALPHABET)}
_LETTER_BASE = 0x100  # sort keys use code points from here up, so any separator sorts first


def _key_char(char: str) -> str:
    rank = _RANK.get(char)
    if rank is not None:
        return chr(_LETTER_BASE + rank * 4)
    if char.isdigit():
        return chr(0x30 + int(char)) if char.isascii() else chr(0x30)
    if char.isalpha():
        # A letter outside the Polish alphabet (é, ü, ö ...) sorts as its base letter.
        base = unicodedata.normalize("NFKD", char)[0].translate(_STROKED).lower()
        rank = _RANK.get(base)
        if rank is not None:
            return chr(_LETTER_BASE + rank * 4 + 1)
        return chr(_LETTER_BASE + len(_POLISH_ALPHABET) * 4 + (ord(char) % 0x1000))
    return "\x20"  # spaces, hyphens, apostrophes: word separators


def polish_sort_key(*parts: str) -> str:
    """A string (no NUL, so PostgreSQL takes it) whose binary (code point) order is Polish alphabetical order of ``parts``.

    Parts (surname, first names) are joined by a separator that sorts before every letter,
    so "Nowak Zofia" comes before "Nowakowski Adam". Case and non-Polish accents only break
    ties. Stored in a column with binary collation, it lets either database sort by index.
    """
    primary = "\x02".join("".join(_key_char(c) for c in part.lower()) for part in parts)
    tie = "".join(parts)
    return primary + "\x01" + tie


def person_name_fields(first_name: str, middle_name: str | None, last_name: str) -> dict[str, str]:
    """The derived columns of a person that search and ordering use."""
    return {
        "search_name": fold(" ".join(n for n in (first_name, middle_name, last_name) if n)),
        "first_name_folded": fold(first_name),
        "last_name_folded": fold(last_name),
        "sort_key": polish_sort_key(last_name, " ".join(n for n in (first_name, middle_name) if n)),
    }
