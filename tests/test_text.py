"""Name folding and the Polish sort key agree with what a Polish reader expects."""

from PySide6.QtCore import QCollator, QLocale

from desk.text import fold, person_name_fields, polish_sort_key


def test_fold():
    assert fold("Łukasz ŻÓŁKIEWSKI") == "lukasz zolkiewski"
    assert fold("  Gęślą\tJaźń\x00 ") == "gesla jazn"
    assert fold("Nowak-Jeziorańska") == "nowak-jezioranska"
    assert fold("Ślęzak O'Brien") == "slezak o'brien"


SURNAMES = [
    ("Żak", "Adam"), ("Zając", "Ewa"), ("Źródło", "Jan"), ("Ślusarz", "Jan"), ("Szymański", "Adam"),
    ("Łukasiewicz", "Ewa"), ("Lewandowski", "Piotr"), ("Nowakowski", "Adam"), ("Nowak", "Zofia"),
    ("Kowalska-Nowak", "Anna"), ("Kowalska", "Zofia"), ("Ósemka", "Jan"), ("Owsiak", "Jerzy"),
    ("Ćwik", "Jan"), ("Cywiński", "Jan"), ("Ąbel", "X"), ("Azja", "Y"), ("Nowak", "Adam"),
]


def test_sort_key_order_matches_the_polish_collator():
    collator = QCollator(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    expected = sorted(SURNAMES, key=lambda n: collator.sortKey(f"{n[0]} {n[1]}"))
    ours = sorted(SURNAMES, key=lambda n: polish_sort_key(*n))
    assert [n[0] for n in ours][:3] == ["Azja", "Ąbel", "Cywiński"]
    assert ours.index(("Lewandowski", "Piotr")) < ours.index(("Łukasiewicz", "Ewa"))
    assert ours.index(("Szymański", "Adam")) < ours.index(("Ślusarz", "Jan"))
    assert ours.index(("Nowak", "Zofia")) < ours.index(("Nowakowski", "Adam"))
    assert ours.index(("Kowalska", "Zofia")) < ours.index(("Kowalska-Nowak", "Anna"))
    assert [n[0] for n in ours] == [n[0] for n in expected]


def test_sort_key_has_no_nul_and_is_deterministic():
    key = polish_sort_key("Żółkiewski", "Łukasz")
    assert "\x00" not in key and key == polish_sort_key("Żółkiewski", "Łukasz")
    fields = person_name_fields("Łukasz", "Jan", "Żółkiewski")
    assert fields["search_name"] == "lukasz jan zolkiewski"
    assert fields["last_name_folded"] == "zolkiewski" and fields["first_name_folded"] == "lukasz"
