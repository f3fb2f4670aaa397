"""Polish names, places and course titles the demo university is made of."""

from __future__ import annotations

MALE_FIRST_NAMES = (
    "Adam", "Adrian", "Aleksander", "Andrzej", "Antoni", "Arkadiusz", "Bartłomiej", "Bartosz",
    "Błażej", "Cezary", "Damian", "Daniel", "Dariusz", "Dawid", "Dominik", "Filip", "Franciszek",
    "Grzegorz", "Hubert", "Igor", "Jacek", "Jakub", "Jan", "Jarosław", "Jerzy", "Józef", "Kacper",
    "Kamil", "Karol", "Konrad", "Krystian", "Krzysztof", "Leon", "Łukasz", "Maciej", "Marcin",
    "Marek", "Mariusz", "Mateusz", "Michał", "Mikołaj", "Miłosz", "Norbert", "Oskar", "Patryk",
    "Paweł", "Piotr", "Przemysław", "Radosław", "Rafał", "Robert", "Sebastian", "Stanisław",
    "Szymon", "Tomasz", "Wiktor", "Witold", "Wojciech", "Zbigniew", "Zdzisław",
)

FEMALE_FIRST_NAMES = (
    "Agata", "Agnieszka", "Aleksandra", "Alicja", "Amelia", "Anna", "Barbara", "Beata", "Dominika",
    "Dorota", "Edyta", "Elżbieta", "Emilia", "Ewa", "Gabriela", "Grażyna", "Hanna", "Iga",
    "Iwona", "Izabela", "Joanna", "Jolanta", "Julia", "Justyna", "Kamila", "Karolina", "Katarzyna",
    "Kinga", "Klaudia", "Lena", "Magdalena", "Małgorzata", "Maja", "Marta", "Martyna", "Monika", "Natalia", "Nikola", "Oliwia", "Patrycja", "Paulina", "Renata", "Sandra", "Sylwia",
    "Teresa", "Urszula", "Weronika", "Wiktoria", "Zofia", "Zuzanna", "Łucja", "Żaneta",
)

# Adjectival surnames take -a in the feminine (Kowalski/Kowalska); stored in the masculine.
ADJECTIVAL_SURNAMES = (
    "Kowalski", "Wiśniewski", "Wójcicki", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
    "Dąbrowski", "Kozłowski", "Jankowski", "Kwiatkowski", "Krawczyński",
    "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski", "Michalski", "Nowicki", "Adamczewski",
    "Dudziński", "Wieczorkowski", "Jabłoński", "Majewski", "Olszewski",
    "Jaworski", "Malinowski", "Stępniewski", "Górski", "Rutkowski", "Ostrowski", "Baranowski",
    "Sikorski", "Witkowski", "Walczewski", "Kalinowski", "Żółkiewski",
    "Śliwiński", "Błaszczykowski", "Łęcki", "Ślązkiewski", "Żeromski", "Łoziński", "Gąsiorowski",
    "Chmielewski", "Borkowski", "Czarnecki", "Sawicki", "Sokołowski", "Maciejewski", "Szczepański",
    "Kucharski", "Wilczyński", "Kaczmarski", "Zawadzki", "Tomaszewski", "Przybylski", "Wróblewski",
    "Bielecki", "Łapiński", "Śniadecki", "Żurawski", "Radziwiłłowski", "Jasiński", "Zalewski", "Głowacki", "Sadowski",
)

# Nouns: the same in both genders (Nowak, Wójcik, Łukasiewicz).
NOUN_SURNAMES = (
    "Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król",
    "Wieczorek", "Wróbel", "Stępień", "Dudek", "Adamczyk", "Pawlak", "Walczak", "Sikora", "Baran",
    "Szewczyk", "Tomaszewicz", "Pietrzak", "Marciniak",
    "Łukasiewicz", "Ślusarz", "Żak", "Źródło", "Gołąb", "Kołodziej", "Błaszczyk",
    "Łuczak", "Śliwa", "Żuk", "Ślęzak", "Kąkol", "Gęba", "Bąk", "Cieślak", "Michalak", "Kubiak",
    "Szulc", "Lis", "Mróz", "Kurek", "Ryba", "Owsiak", "Urban", "Jakubowicz",
)

TOWNS = ("Opole", "Brzeg", "Nysa", "Kędzierzyn-Koźle", "Kluczbork", "Prudnik", "Strzelce Opolskie", "Krapkowice")

BUILDINGS = (
    "Collegium Maius", "Collegium Minus", "Collegium Chemicum", "Collegium Civitas",
    "Budynek Dydaktyczny A", "Budynek Dydaktyczny B", "Centrum Sportu", "Studium Języków Obcych",
)

# Faculties: code, name, English name, fields of study (name, short code).
FACULTIES = (
    ("WE", "Wydział Ekonomiczny", "Faculty of Economics",
     (("Ekonomia", "EK"), ("Finanse i rachunkowość", "FIR"), ("Zarządzanie", "ZAR"), ("Logistyka", "LOG"))),
    ("WFL", "Wydział Filologiczny", "Faculty of Philology",
     (("Filologia angielska", "FA"), ("Filologia germańska", "FG"), ("Filologia polska", "FP"), ("Lingwistyka stosowana", "LS"))),
    ("WH", "Wydział Historyczno-Pedagogiczny", "Faculty of History and Pedagogy",
     (("Historia", "HIS"), ("Pedagogika", "PED"), ("Archeologia", "ARC"), ("Politologia", "POL"))),
    ("WMFI", "Wydział Matematyki, Fizyki i Informatyki", "Faculty of Mathematics, Physics and Computer Science",
     (("Informatyka", "INF"), ("Matematyka", "MAT"), ("Fizyka", "FIZ"), ("Analiza danych", "AD"))),
    ("WPA", "Wydział Prawa i Administracji", "Faculty of Law and Administration",
     (("Administracja", "ADM"), ("Bezpieczeństwo wewnętrzne", "BW"), ("Prawo", "PRA"), ("Europeistyka", "EUR"))),
    ("WCH", "Wydział Chemii", "Faculty of Chemistry",
     (("Chemia", "CH"), ("Chemia kosmetyczna", "CHK"), ("Ochrona środowiska", "OS"), ("Biotechnologia", "BT"))),
    ("WNZ", "Wydział Nauk o Zdrowiu", "Faculty of Health Sciences",
     (("Pielęgniarstwo", "PIEL"), ("Fizjoterapia", "FIZJ"), ("Położnictwo", "POŁ"), ("Dietetyka", "DIET"))),
    ("WTE", "Wydział Teologiczny", "Faculty of Theology",
     (("Teologia", "TEO"), ("Nauki o rodzinie", "NOR"), ("Turystyka religijna", "TR"), ("Muzyka kościelna", "MK"))),
    ("WNS", "Wydział Nauk Społecznych", "Faculty of Social Sciences",
     (("Psychologia", "PSY"), ("Socjologia", "SOC"), ("Praca socjalna", "PS"), ("Dziennikarstwo", "DZ"))),
    ("WSN", "Wydział Sztuki i Nauk o Kulturze", "Faculty of Arts and Cultural Studies",
     (("Kulturoznawstwo", "KUL"), ("Edukacja artystyczna", "EA"), ("Architektura krajobrazu", "AK"), ("Muzykologia", "MUZ"))),
)

# Course topics: the field's name comes first ("Informatyka: metodologia badań").
COURSE_TITLES = (
    "wprowadzenie", "podstawy teoretyczne", "metodologia badań", "seminarium dyplomowe",
    "wybrane zagadnienia", "historia dyscypliny", "warsztaty", "pracownia specjalistyczna",
    "etyka zawodowa", "statystyka w praktyce", "technologie informacyjne",
    "ochrona własności intelektualnej", "projekt zespołowy",
)

LANGUAGES = (
    ("ANG", "Język angielski", "en"),
    ("NIEM", "Język niemiecki", "de"),
    ("HISZ", "Język hiszpański", "es"),
    ("FRA", "Język francuski", "fr"),
    ("ROS", "Język rosyjski", "ru"),
    ("WŁO", "Język włoski", "it"),
)
LANGUAGE_LEVELS = ("A2", "B1", "B2", "C1")

PE_ACTIVITIES = (
    "Piłka siatkowa", "Piłka nożna", "Koszykówka", "Pływanie", "Fitness", "Tenis stołowy",
    "Joga", "Siłownia", "Aerobik", "Taniec towarzyski", "Wspinaczka", "Badminton",
)

GRANT_REASONS = (
    "powrót z urlopu dziekańskiego",
    "wznowienie studiów",
    "przeniesienie z innej uczelni",
    "decyzja prodziekana ds. studenckich",
    "indywidualna organizacja studiów",
)
REVOKE_REASONS = ("zaległości w opłatach", "zaliczony lektorat w poprzednim roku")
CORRECTION_REASONS = (
    "przyjęcie na studia w trakcie roku",
    "uznanie lektoratu z poprzednich studiów",
    "decyzja prodziekana",
    "korekta błędnego przydziału",
)
