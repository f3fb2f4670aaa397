"""Stored words: a code with parameters, made into a sentence only when shown, in the reader's language.

A record keeps ``Message(code, params)`` (as JSON: ``{"code": ..., "params": {...}}``), never a
translated sentence: the same refusal reads in Polish to a Polish clerk, in English to an English
one, and reaches the portal as a stable code with both texts. Each code is defined once, beside the
service that uses it, with its English source text; ``{name}`` in the text is replaced by the
parameter of that name, and a parameter ``n`` also picks the plural form.

Polish words about a student agree with the student's sex ("nie jest zapisany" / "nie jest
zapisana"). A code whose subject is the student is defined with its feminine form marked for the
translators (the same English text, disambiguated "female"); a message made with the parameter
``gender="female"`` reads in that form, any other in the plain (masculine) one. The sex is the one
PESEL records (``gender_of``).

    NO_PLACES = define("token_request.no_places", "TokenRounds",
                       QT_TRANSLATE_NOOP("TokenRounds", "No places left in {group}."))
    NO_PLACES(group="SJO-ANG lab 2").text()
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator

from desk.audit import plain


FEMALE = "female"
MALE = "male"
GENDER = "gender"  # the parameter that carries the student's grammatical gender


def gender_of(pesel: str | None) -> str | None:
    """The grammatical gender PESEL records: its tenth digit is even for a woman, odd for a man; None unknown."""
    if not pesel or len(pesel) != 11 or not pesel.isdigit():
        return None
    return FEMALE if int(pesel[9]) % 2 == 0 else MALE


class Words:
    """Marks words for the translators without translating them (``lupdate`` reads ``translate`` calls).

    ``Words.translate("Refusals", "The student is …", FEMALE)`` puts the feminine form of a message
    into the .ts file; it returns the English text, which is the same for both.
    """

    @staticmethod
    def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return source


def in_form(context: str, source: str, gender: str | None, n: int = -1,
            translate=QCoreApplication.translate) -> str:
    """The words in the gender's form where the translation has one; else the plain words."""
    untranslated = source.replace("%n", str(n)) if n >= 0 else source
    for form in ((FEMALE, None) if gender == FEMALE else (None,)):
        words = translate(context, source, form, n)
        if words and words != untranslated:
            return words
        if n >= 0:  # a count inside words that have one form only (not marked as counting): the same words
            words = translate(context, source, form, -1)
            if words and words != source:
                return words.replace("%n", str(n))
    return untranslated


@dataclass(frozen=True)
class MessageKind:
    """A defined code: where its English source text lives for the translators."""

    code: str
    context: str
    source: str
    gendered: bool = False  # its subject is the student: the Polish words agree with their sex

    def __call__(self, **params: Any) -> Message:
        return Message(self.code, plain(params))

    def words_in(self, language: str, gender: str | None = None) -> str:
        """The words in a language, parameters not yet filled in (what the portal gets beside the code)."""
        if language == "en" or _translator(language) is None:
            return self.source
        return in_form(self.context, self.source, gender if self.gendered else None,
                       translate=_translate_in(language)) or self.source


_DEFINED: dict[str, MessageKind] = {}


def define(code: str, context: str, source: str, *, female: str | None = None) -> MessageKind:
    """Define a code once; defining it again with other words is a programming error.

    ``female``: the same text marked for the translators' feminine form (``Words.translate(…, FEMALE)``),
    for a message whose subject is the student.
    """
    if female is not None and female != source:
        raise ValueError(f"message code {code!r}: the feminine form must mark the same English text")
    known = _DEFINED.get(code)
    if known is not None and (known.context, known.source) != (context, source):
        raise ValueError(f"message code {code!r} is defined twice with different words")
    kind = MessageKind(code, context, source, gendered=female is not None)
    _DEFINED[code] = kind
    return kind


def kind_of(code: str) -> MessageKind | None:
    return _DEFINED.get(code)


def defined() -> list[MessageKind]:
    """Every code defined by the modules imported so far, in code order."""
    return sorted(_DEFINED.values(), key=lambda kind: kind.code)


def _translate_in(language: str):
    """``translate`` in a given language: its translator's words, else the English source."""
    translator = _translator(language) if language != "en" else None

    def translate(context, source, disambiguation=None, n=-1):
        return (translator.translate(context, source, disambiguation, n) if translator is not None else "") or source

    return translate


@cache
def _translator(language: str) -> QTranslator | None:
    import resources  # the compiled .qm files ship with the package

    translator = QTranslator()
    return translator if translator.load(str(resources.path("translations", f"desk_{language}.qm"))) else None


def _is_group(name: str) -> bool:
    return name == "group" or name.endswith("_group")


def _fill(text: str, params: Mapping[str, Any], translate=QCoreApplication.translate) -> str:
    # Parameters go in as stored, as the portal fills the same words in (desk.portal.schema): a price
    # reads "180.00" there and here alike. A group (``group``, ``other_group``, …) is kept as course code,
    # class type code and number (``labels.group_reference``): its class type is put in the reader's words.
    for name, value in params.items():
        if value is not None and _is_group(name):
            from desk.labels import reference_in_words  # the model's class types: only when a group is named

            value = reference_in_words(value, translate)
        text = text.replace("{" + name + "}", "" if value is None else str(value))
    return text


@dataclass(frozen=True)
class Message:
    """A code and its parameters: what a record stores instead of a sentence."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def _n(self) -> int:
        n = self.params.get("n")
        return n if isinstance(n, int) else -1

    def _gender(self, kind: MessageKind) -> str | None:
        return self.params.get(GENDER) if kind.gendered else None

    def text(self) -> str:
        """The words in the language the application (or terminal) runs in now."""
        kind = _DEFINED.get(self.code)
        if kind is None:  # a code from a newer desk, or one no longer defined: still readable
            return _fill(self.code, self.params)
        return _fill(in_form(kind.context, kind.source, self._gender(kind), self._n()), self.params)

    def text_in(self, language: str) -> str:
        """The words in a given language ("en", "pl"), whatever the application runs in."""
        kind = _DEFINED.get(self.code)
        if kind is None:
            return _fill(self.code, self.params)
        words = kind.words_in(language, self._gender(kind))
        if self._n() != -1:
            words = words.replace("%n", str(self._n()))
        return _fill(words, self.params, _translate_in(language))

    def texts(self) -> dict[str, str]:
        """What the portal gets beside the code: the Polish and the English words."""
        return {"pl": self.text_in("pl"), "en": self.text_in("en")}

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_json(cls, value: Any) -> Message | None:
        """A stored message back; None for nothing stored. Accepts the dict or its JSON text."""
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return None
        if not isinstance(value, dict) or not isinstance(value.get("code"), str):
            return None
        params = value.get("params")
        return cls(value["code"], params if isinstance(params, dict) else {})

    def params_text(self) -> str:
        """The parameters as canonical JSON text: what a row keeps beside the code, the same from either database
        (a token request's reason, an exchange wish's, a waiting student's)."""
        return json.dumps(dict(self.params), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_columns(cls, code: str | None, params: str | None) -> Message | None:
        """A message kept as a code and ``params_text``; None where no code is kept."""
        if not code:
            return None
        try:
            value = json.loads(params or "{}")
        except ValueError:
            value = {}
        return cls(code, value if isinstance(value, dict) else {})

    def __str__(self) -> str:
        return self.text()


def stored(reason: str | Message | None) -> str | None:
    """For a text column that keeps either a clerk's typed words or a reason the system gave."""
    if isinstance(reason, Message):
        return json.dumps(reason.to_json(), ensure_ascii=False)
    return reason


def shown(value: str | None) -> str:
    """What ``stored`` kept, in the reader's language (typed words as typed)."""
    message = Message.from_json(value) if value and value.startswith("{") else None
    return message.text() if message is not None else (value or "")
