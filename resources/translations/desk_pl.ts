<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Access</name>
    <message>
        <location filename="../../desk/access.py" line="226"/>
        <source>There is no registration with the id %1.</source>
        <translation>Nie ma rejestracji o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="246"/>
        <source>The stage (year) is 1 or more.</source>
        <translation>Etap (rok) musi wynosić co najmniej 1.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="253"/>
        <source>That programme no longer exists.</source>
        <translation>Ten kierunek już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="256"/>
        <source>The registration already has this rule.</source>
        <translation>Rejestracja ma już tę regułę.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="279"/>
        <source>That rule no longer exists.</source>
        <translation>Ta reguła już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="362"/>
        <source>Say why access is granted or revoked (e.g. returned from leave).</source>
        <translation>Podaj powód nadania lub odebrania dostępu (np. powrót z urlopu).</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="365"/>
        <source>The expiry must be in the future.</source>
        <translation>Termin wygaśnięcia musi przypadać w przyszłości.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="368"/>
        <source>No students were given.</source>
        <translation>Nie podano żadnych studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="370"/>
        <location filename="../../desk/access.py" line="524"/>
        <source>At most 50,000 students can be handled at once.</source>
        <translation>Jednorazowo można obsłużyć najwyżej 50 000 studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="377"/>
        <source>%1 of these students do not study in your units (e.g. %2).</source>
        <translation>Liczba studentów spoza Twoich jednostek: %1 (np. %2).</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="386"/>
        <source>Some of the students no longer exist (ids %1).</source>
        <translation>Niektórzy studenci już nie istnieją (identyfikatory: %1).</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="446"/>
        <source>Say why the decision is withdrawn.</source>
        <translation>Podaj powód wycofania decyzji.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="451"/>
        <source>That decision no longer exists.</source>
        <translation>Ta decyzja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="454"/>
        <source>The student does not study in your units.</source>
        <translation>Student nie studiuje w żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="456"/>
        <source>The decision was already withdrawn.</source>
        <translation>Decyzja została już wycofana.</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <location filename="../../ui/views/access_panel.py" line="49"/>
        <source>stage %1</source>
        <translation>etap %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="50"/>
        <source>every active student</source>
        <translation>każdy aktywny student</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="62"/>
        <source>Write the date as YYYY-MM-DD, e.g. 2027-02-28.</source>
        <translation>Datę należy wpisać jako RRRR-MM-DD, np. 2027-02-28.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="83"/>
        <source>Rules: who takes part</source>
        <translation>Reguły: kto bierze udział</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="85"/>
        <source>Add &amp;rule…</source>
        <translation>&amp;Dodaj regułę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="86"/>
        <source>Remo&amp;ve rule…</source>
        <translation>&amp;Usuń regułę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="90"/>
        <source>Individual grants and revocations</source>
        <translation>Indywidualne nadania i odebrania uprawnień</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="91"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="91"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="91"/>
        <source>Decision</source>
        <translation>Decyzja</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="91"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="92"/>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="92"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="92"/>
        <source>Until</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="92"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="100"/>
        <source>&amp;Grant to a student…</source>
        <translation>&amp;Nadaj studentowi…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="101"/>
        <source>Re&amp;voke for a student…</source>
        <translation>&amp;Odbierz studentowi…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="102"/>
        <source>Grant to a &amp;list…</source>
        <translation>Nadaj osobom z &amp;listy…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="103"/>
        <source>Grant to a &amp;cohort…</source>
        <translation>Nadaj &amp;rocznikowi…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="104"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Wycofaj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="122"/>
        <source>Rules — students of these programmes take part:</source>
        <translation>Reguły — biorą udział studenci tych kierunków:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="125"/>
        <source>Individual decisions:</source>
        <translation>Decyzje indywidualne:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="175"/>
        <source>(no rules: only individual grants admit students)</source>
        <translation>(brak reguł: dopuszczeni są tylko studenci z indywidualnie nadanym uprawnieniem)</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="178"/>
        <source>Individual decisions: %1 standing, %2 in all</source>
        <translation>Decyzje indywidualne: obowiązujące %1, łącznie %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="182"/>
        <location filename="../../ui/views/access_panel.py" line="308"/>
        <source>grant</source>
        <translation>nadanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="182"/>
        <location filename="../../ui/views/access_panel.py" line="308"/>
        <source>revocation</source>
        <translation>odebranie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="183"/>
        <source>standing</source>
        <translation>obowiązująca</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="183"/>
        <source>withdrawn</source>
        <translation>wycofana</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="183"/>
        <source>expired</source>
        <translation>wygasła</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="210"/>
        <source>Add a rule — %1</source>
        <translation>Dodaj regułę — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="211"/>
        <source>Students matching every field that is set take part (leave a field empty for any).</source>
        <translation>Biorą udział studenci spełniający wszystkie wypełnione pola (pozostaw pole puste, aby dopuścić dowolną wartość).</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="212"/>
        <source>&amp;Add rule</source>
        <translation>&amp;Dodaj regułę</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="216"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="217"/>
        <source>any programme</source>
        <translation>dowolny kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="222"/>
        <source>Level</source>
        <translation>Stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="223"/>
        <source>any level</source>
        <translation>dowolny stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="228"/>
        <source>Mode</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="229"/>
        <source>any mode</source>
        <translation>dowolna forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="234"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="236"/>
        <source>any stage</source>
        <translation>dowolny etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="237"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="238"/>
        <source>&amp;Level:</source>
        <translation>&amp;Stopień:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="239"/>
        <source>&amp;Mode:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="240"/>
        <source>&amp;Stage:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="252"/>
        <source>Remove a rule</source>
        <translation>Usuń regułę</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="253"/>
        <source>Remove the rule “%1”? Students it admitted no longer take part unless granted individually.</source>
        <translation>Usunąć regułę „%1”? Studenci dopuszczeni na jej podstawie przestaną brać udział, chyba że mają indywidualnie nadane uprawnienie.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="255"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="267"/>
        <source>Grant access — %1</source>
        <translation>Nadaj uprawnienie — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="267"/>
        <source>Revoke access — %1</source>
        <translation>Odbierz uprawnienie — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="268"/>
        <source>Find the student. A new decision replaces their standing one.</source>
        <translation>Znajdź studenta. Nowa decyzja zastąpi jego obowiązującą decyzję.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="269"/>
        <source>&amp;Grant access</source>
        <translation>&amp;Nadaj uprawnienie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="269"/>
        <source>&amp;Revoke access</source>
        <translation>&amp;Odbierz uprawnienie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="271"/>
        <source>e.g. returned from leave</source>
        <translation>np. powrót z urlopu</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="271"/>
        <source>e.g. unpaid fees</source>
        <translation>np. nieopłacone należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="276"/>
        <source>Valid until</source>
        <translation>Ważne do</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="277"/>
        <source>YYYY-MM-DD, empty: no end</source>
        <translation>RRRR-MM-DD, puste: bezterminowo</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="278"/>
        <source>&amp;Student:</source>
        <translation>&amp;Student:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="279"/>
        <source>Valid &amp;until:</source>
        <translation>Ważne &amp;do:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="285"/>
        <source>Find and choose the student first.</source>
        <translation>Najpierw znajdź i wybierz studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="306"/>
        <source>Withdraw a decision</source>
        <translation>Wycofaj decyzję</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="307"/>
        <source>Withdraw the %1 for %2 (%3)? The student falls back to the rules.</source>
        <translation>Wycofać decyzję „%1” dla: %2 (%3)? O udziale studenta będą znów decydować reguły.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="310"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Wycofaj</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="70"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="71"/>
        <source>why — kept with the change</source>
        <translation>dlaczego — zostanie zapisane wraz ze zmianą</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="47"/>
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="47"/>
        <source>Something went wrong that desk did not expect. Nothing you saved is lost; the last action may not have been completed. Please tell your administrator.</source>
        <translation>Wystąpił nieoczekiwany błąd. Nic, co zostało zapisane, nie przepadło; ostatnia czynność mogła nie zostać wykonana. Prosimy powiadomić administratora.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="57"/>
        <source>The database cannot be opened</source>
        <translation>Nie można otworzyć bazy danych</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="61"/>
        <source>Open another database file…</source>
        <translation>Otwórz inny plik bazy danych…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="62"/>
        <source>Connect to a server…</source>
        <translation>Połącz z serwerem…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="63"/>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="104"/>
        <source>Creating the demo database (a university with %1 students)…</source>
        <translation>Tworzenie demonstracyjnej bazy danych (uczelnia z %1 studentami)…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="133"/>
        <source>Open or create a database file</source>
        <translation>Otwórz lub utwórz plik bazy danych</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="134"/>
        <source>desk databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bazy danych desk (*.sqlite *.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142"/>
        <source>Connect to a server</source>
        <translation>Połączenie z serwerem</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="143"/>
        <source>Database address, e.g. postgresql://user:password@server/desk</source>
        <translation>Adres bazy danych, np. postgresql://użytkownik:hasło@serwer/desk</translation>
    </message>
</context>
<context>
    <name>BulkGrantDialog</name>
    <message>
        <location filename="../../ui/views/access_panel.py" line="324"/>
        <source>e.g. list from the dean&apos;s office, letter no. …</source>
        <translation>np. lista z dziekanatu, pismo nr …</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="329"/>
        <source>Grant access to a cohort — %1</source>
        <translation>Nadaj uprawnienie rocznikowi — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="329"/>
        <source>Grant access to a list — %1</source>
        <translation>Nadaj uprawnienie osobom z listy — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="330"/>
        <source>Nothing is granted until you check the list and confirm.</source>
        <translation>Uprawnienia zostaną nadane dopiero po sprawdzeniu listy i potwierdzeniu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="331"/>
        <location filename="../../ui/views/access_panel.py" line="388"/>
        <source>&amp;Grant</source>
        <translation>&amp;Nadaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="336"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="341"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="343"/>
        <source>every stage</source>
        <translation>wszystkie etapy</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="344"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="345"/>
        <source>&amp;Stage:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="351"/>
        <location filename="../../ui/views/access_panel.py" line="395"/>
        <source>Student numbers</source>
        <translation>Numery albumów</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="352"/>
        <source>Student numbers, one per line or separated by commas or spaces</source>
        <translation>Numery albumów, jeden w wierszu albo rozdzielone przecinkami lub spacjami</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="354"/>
        <source>&amp;Load from file…</source>
        <translation>&amp;Wczytaj z pliku…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="356"/>
        <source>Load student numbers from a file</source>
        <translation>Wczytaj numery albumów z pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="358"/>
        <source>&amp;Numbers:</source>
        <translation>Nu&amp;mery:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="360"/>
        <source>&amp;Check</source>
        <translation>&amp;Sprawdź</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="362"/>
        <source>Check the list</source>
        <translation>Sprawdź listę</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="364"/>
        <location filename="../../ui/views/access_panel.py" line="389"/>
        <source>Not checked yet.</source>
        <translation>Jeszcze nie sprawdzono.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="370"/>
        <source>Students found</source>
        <translation>Znalezieni studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="374"/>
        <source>Valid until</source>
        <translation>Ważne do</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="375"/>
        <source>YYYY-MM-DD, empty: no end</source>
        <translation>RRRR-MM-DD, puste: bezterminowo</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="377"/>
        <source>Check:</source>
        <translation>Sprawdzenie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="379"/>
        <source>Valid &amp;until:</source>
        <translation>Ważne &amp;do:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="395"/>
        <source>Text or CSV (*.txt *.csv);;All files (*)</source>
        <translation>Tekst lub CSV (*.txt *.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="402"/>
        <source>The file cannot be read: %1</source>
        <translation>Nie można odczytać pliku: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="424"/>
        <source>%1 students found (%2 already admitted).</source>
        <translation>Znalezieni studenci: %1 (w tym już dopuszczeni: %2).</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="426"/>
        <source>Unknown numbers (%1): %2</source>
        <translation>Nieznane numery (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="428"/>
        <source>Given more than once (counted once): %1</source>
        <translation>Podane więcej niż raz (liczone jeden raz): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="430"/>
        <source>Not in your units, left out: %1</source>
        <translation>Spoza Twoich jednostek, pominięte: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="437"/>
        <source>&amp;Grant to %1 students</source>
        <translation>&amp;Nadaj uprawnienie (liczba studentów: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="442"/>
        <source>Check the list first.</source>
        <translation>Najpierw sprawdź listę.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="167"/>
        <source>Change password</source>
        <translation>Zmiana hasła</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="168"/>
        <source>Current password</source>
        <translation>Obecne hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="169"/>
        <source>New password</source>
        <translation>Nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="170"/>
        <source>Repeat the new password</source>
        <translation>Powtórz nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="172"/>
        <source>&amp;Current password:</source>
        <translation>&amp;Obecne hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="173"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nowe hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="174"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="182"/>
        <source>The new passwords differ.</source>
        <translation>Nowe hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../desk/db.py" line="54"/>
        <source>This is not a database address: %1</source>
        <translation>To nie jest adres bazy danych: %1</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="222"/>
        <location filename="../../desk/db.py" line="278"/>
        <source>The file %1 is not a desk database (or it is damaged).</source>
        <translation>Plik %1 nie jest bazą danych desk (albo jest uszkodzony).</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="224"/>
        <source>The database %1 is locked by another program. Close it there, or wait, and try again.</source>
        <translation>Baza danych %1 jest zablokowana przez inny program. Zamknij ją tam albo zaczekaj i spróbuj ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="229"/>
        <location filename="../../desk/db.py" line="284"/>
        <source>The database %1 is read-only. Ask your administrator for write access to the file and its folder.</source>
        <translation>Baza danych %1 jest tylko do odczytu. Poproś administratora o prawo zapisu do pliku i jego folderu.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="234"/>
        <source>The database %1 cannot be opened: the folder does not exist or cannot be written to.</source>
        <translation>Nie można otworzyć bazy danych %1: folder nie istnieje albo nie można w nim zapisywać.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="239"/>
        <location filename="../../desk/db.py" line="261"/>
        <source>The database %1 cannot be opened.</source>
        <translation>Nie można otworzyć bazy danych %1.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="244"/>
        <source>The database server %1 refused the sign-in. Check the user name and password in the database address.</source>
        <translation>Serwer bazy danych %1 odmówił zalogowania. Sprawdź nazwę użytkownika i hasło w adresie bazy.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="249"/>
        <source>The database %1 does not exist on the server.</source>
        <translation>Baza danych %1 nie istnieje na serwerze.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="251"/>
        <source>The database server %1 does not answer. It may be down, or the network is unavailable.</source>
        <translation>Serwer bazy danych %1 nie odpowiada. Może być wyłączony albo sieć jest niedostępna.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="256"/>
        <source>The database %1 does not allow this user to change its structure. Ask your administrator.</source>
        <translation>Baza danych %1 nie pozwala temu użytkownikowi zmieniać swojej struktury. Poproś administratora.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="272"/>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 to folder, a nie plik bazy danych.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="291"/>
        <source>There is no database at %1.</source>
        <translation>Nie ma bazy danych w %1.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="321"/>
        <source>The database %1 was made by a newer version of desk. Install the newer version to open it.</source>
        <translation>Baza danych %1 została utworzona przez nowszą wersję desk. Zainstaluj nowszą wersję, aby ją otworzyć.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="331"/>
        <source>The database %1 holds tables of another program; desk will not change it.</source>
        <translation>Baza danych %1 zawiera tabele innego programu; desk jej nie zmieni.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="341"/>
        <source>The database %1 needs an upgrade. Run: desk db upgrade</source>
        <translation>Baza danych %1 wymaga aktualizacji. Uruchom: desk db upgrade</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="36"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <location filename="../../desk/eligibility.py" line="91"/>
        <source>Admitted. %1</source>
        <translation>Dopuszczony. %1</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="92"/>
        <source>Admitted: nothing stops this student from registering.</source>
        <translation>Dopuszczony: nic nie stoi na przeszkodzie, aby student się zarejestrował.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="93"/>
        <source>Cannot register: %1</source>
        <translation>Nie może się zarejestrować: %1</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="99"/>
        <source>Round open</source>
        <translation>Otwarta tura</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="100"/>
        <source>Rule or individual grant</source>
        <translation>Reguła lub indywidualne uprawnienie</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="101"/>
        <source>No revocation</source>
        <translation>Brak cofnięcia uprawnienia</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="102"/>
        <source>Programme status</source>
        <translation>Status na kierunku</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="103"/>
        <source>Login linked</source>
        <translation>Powiązane konto logowania</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="104"/>
        <source>Data on the portal</source>
        <translation>Dane w portalu</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="105"/>
        <source>Selection limit</source>
        <translation>Limit wyboru przedmiotów</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="106"/>
        <source>Places left</source>
        <translation>Wolne miejsca</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="107"/>
        <source>Tokens or payment</source>
        <translation>Żetony lub należność</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="114"/>
        <source>The registration has no rounds.</source>
        <translation>Rejestracja nie ma żadnych tur.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="115"/>
        <source>Add a round in the registration calendar.</source>
        <translation>Dodaj turę w kalendarzu rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="119"/>
        <source>Round “%1” is open until %2.</source>
        <translation>Tura „%1” jest otwarta do %2.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="125"/>
        <source>Round “%1” opens on %2.</source>
        <translation>Tura „%1” zostanie otwarta %2.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="129"/>
        <source>All rounds have ended; the last closed on %1.</source>
        <translation>Wszystkie tury się zakończyły; ostatnia została zamknięta %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="130"/>
        <source>Extend the last round or add a new one in the registration calendar.</source>
        <translation>Przedłuż ostatnią turę albo dodaj nową w kalendarzu rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="146"/>
        <source>%1 since %2</source>
        <translation>%1 od %2</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="158"/>
        <source>Admitted by an individual grant of %1 by %2: %3.</source>
        <translation>Dopuszczony na mocy indywidualnego uprawnienia z %1, nadanego przez: %2. Powód: %3.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="160"/>
        <location filename="../../desk/eligibility.py" line="205"/>
        <source>the system</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="164"/>
        <source>Valid until %1.</source>
        <translation>Ważne do %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="167"/>
        <source>Admitted by a rule of the registration.</source>
        <translation>Dopuszczony na mocy reguły rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="169"/>
        <source>The registration is open to every active student.</source>
        <translation>Rejestracja jest otwarta dla wszystkich aktywnych studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="170"/>
        <source>Grant access individually.</source>
        <translation>Nadaj uprawnienie indywidualnie.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="177"/>
        <source>%1 (%2), so no rule admits them.</source>
        <translation>%1 (%2), więc nie dopuszcza go żadna reguła.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="182"/>
        <source>Correct the programme status first if it is wrong.</source>
        <translation>Jeśli status na kierunku jest błędny, najpierw go popraw.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="185"/>
        <location filename="../../desk/eligibility.py" line="217"/>
        <source>The student has no programme.</source>
        <translation>Student nie ma przypisanego kierunku studiów.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="186"/>
        <location filename="../../desk/eligibility.py" line="218"/>
        <source>Record the student&apos;s programme first.</source>
        <translation>Najpierw wprowadź kierunek studiów studenta.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="191"/>
        <source>No rule admits their programme %1 and no individual grant stands.</source>
        <translation>Żadna reguła nie dopuszcza kierunku %1 i nie ma ważnego indywidualnego uprawnienia.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="192"/>
        <source>Grant access individually, or add a rule for the programme.</source>
        <translation>Nadaj uprawnienie indywidualnie albo dodaj regułę dla tego kierunku.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="199"/>
        <source>No revocation stands.</source>
        <translation>Uprawnienie nie zostało cofnięte.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="203"/>
        <source>Access was revoked on %1 by %2: %3.</source>
        <translation>Uprawnienie zostało cofnięte %1 przez: %2. Powód: %3.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="207"/>
        <source>Withdraw the revocation, or grant access again.</source>
        <translation>Anuluj cofnięcie albo ponownie nadaj uprawnienie.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="224"/>
        <source>Only active students (and, by an individual grant, students back from leave) take part.</source>
        <translation>Udział biorą tylko aktywni studenci (oraz, na mocy indywidualnego uprawnienia, studenci powracający z urlopu).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="231"/>
        <source>Logs in as %1.</source>
        <translation>Loguje się jako %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="235"/>
        <source>No institutional e-mail is linked, so the portal says they have no account.</source>
        <translation>Nie powiązano uczelnianego adresu e-mail, więc portal podaje, że student nie ma konta.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="236"/>
        <source>Link the login e-mail to the person (Student Service Center).</source>
        <translation>Powiąż e-mail logowania z osobą (Centrum Obsługi Studenta).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="242"/>
        <source>Whether this has reached the portal cannot be told yet: the portal sync is not set up.</source>
        <translation>Nie można jeszcze stwierdzić, czy dane dotarły do portalu: synchronizacja z portalem nie jest skonfigurowana.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="244"/>
        <source>%1 change(s) for this student wait to be sent.</source>
        <translation>Zmiany tego studenta czekające na wysłanie: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="262"/>
        <source>No limit on the number of courses.</source>
        <translation>Brak limitu liczby przedmiotów.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="263"/>
        <source>Registered for %1 of %2 course(s).</source>
        <translation>Zarejestrowany na przedmioty: %1 z %2.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="268"/>
        <source>Already registered for this course.</source>
        <translation>Już zarejestrowany na ten przedmiot.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="273"/>
        <source>Already taken: %1.</source>
        <translation>Już wybrane: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="274"/>
        <source>Unregister from a course first, or move the student between groups.</source>
        <translation>Najpierw wyrejestruj studenta z któregoś przedmiotu albo przenieś go między grupami.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="280"/>
        <source>Raise the group&apos;s limit, or enroll over the limit with a reason.</source>
        <translation>Zwiększ limit miejsc w grupie albo zapisz studenta ponad limit, podając powód.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="285"/>
        <source>%1 of %2 places taken.</source>
        <translation>Zajęte miejsca: %1 z %2.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="287"/>
        <source>The group is full:</source>
        <translation>Grupa jest pełna:</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="303"/>
        <source>The registration offers no class groups yet.</source>
        <translation>Rejestracja nie oferuje jeszcze żadnych grup zajęciowych.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="304"/>
        <source>Add the courses it offers in the registration calendar.</source>
        <translation>Dodaj oferowane przedmioty w kalendarzu rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="308"/>
        <source>All %1 groups are full.</source>
        <translation>Wszystkie grupy (%1) są pełne.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="312"/>
        <source>%1 of %2 groups have places (%3 free).</source>
        <translation>Grupy z wolnymi miejscami: %1 z %2 (wolne miejsca: %3).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="319"/>
        <source>Not a token registration.</source>
        <translation>To nie jest rejestracja żetonowa.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="328"/>
        <source>%1 token(s) %2 left.</source>
        <translation>Pozostałe żetony %2: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="332"/>
        <source>No %1 tokens left: registering creates a payment of %2 PLN, which the student must accept first.</source>
        <translation>Brak żetonów %1: rejestracja utworzy należność w wysokości %2 zł, którą student musi najpierw zaakceptować.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="335"/>
        <source>If an allocation is missing, correct the balance (no later than 7 days before the registration starts).</source>
        <translation>Jeśli brakuje przydziału, skoryguj stan żetonów (najpóźniej 7 dni przed rozpoczęciem rejestracji).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="359"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="362"/>
        <source>There is no registration with the id %1.</source>
        <translation>Nie ma rejestracji o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="367"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="430"/>
        <source>Admitted, but: %1</source>
        <translation>Dopuszczony, ale: %1</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../ui/views/groups.py" line="937"/>
        <source>Enroll in %1</source>
        <translation>Zapis do: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="938"/>
        <source>%1 of %2 places taken.</source>
        <translation>Zajęte miejsca: %1 z %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="939"/>
        <source>&amp;Enroll</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="943"/>
        <source>Student to enroll</source>
        <translation>Student do zapisania</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="944"/>
        <source>Enroll &amp;over the limit (a recorded override)</source>
        <translation>Zapisz &amp;ponad limit (odstępstwo odnotowywane w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="946"/>
        <source>Enroll over the limit</source>
        <translation>Zapisz ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="948"/>
        <source>&amp;Student:</source>
        <translation>&amp;Student:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="955"/>
        <source>The group has free places.</source>
        <translation>W grupie są wolne miejsca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="964"/>
        <source>Find and choose the student first.</source>
        <translation>Najpierw znajdź i wybierz studenta.</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <location filename="../../desk/enrollment.py" line="82"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="89"/>
        <source>There is no class group with the id %1.</source>
        <translation>Nie ma grupy zajęciowej o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="115"/>
        <source>Group %1 is full: %2 of %3 places taken.</source>
        <translation>Grupa %1 jest pełna — zajęte miejsca: %2 z %3.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="177"/>
        <source>The registration allows %1 course(s) per student, and all are taken.</source>
        <translation>Limit przedmiotów na studenta w tej rejestracji (%1) został już wykorzystany.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="192"/>
        <source>Group %1 is not offered in the registration %2.</source>
        <translation>Grupa %1 nie jest oferowana w rejestracji %2.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="212"/>
        <source>The student is already in group %1.</source>
        <translation>Student jest już zapisany do grupy %1.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="249"/>
        <source>Neither group %1 nor the student belongs to your units.</source>
        <translation>Ani grupa %1, ani student nie należą do Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="258"/>
        <source>Say why (it is kept with the change).</source>
        <translation>Podaj powód (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="285"/>
        <source>Only a clerk of the unit that runs the group may enroll over its limit.</source>
        <translation>Ponad limit może zapisać tylko pracownik jednostki prowadzącej grupę.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="289"/>
        <location filename="../../desk/enrollment.py" line="402"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="296"/>
        <source>The student is already in group %1 of this course; move them instead.</source>
        <translation>Student jest już zapisany do grupy %1 tego przedmiotu; zamiast tego przenieś go.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="312"/>
        <location filename="../../desk/enrollment.py" line="341"/>
        <source>That enrollment is no longer standing.</source>
        <translation>Ten zapis nie jest już aktualny.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="323"/>
        <location filename="../../desk/enrollment.py" line="362"/>
        <source>That enrollment no longer exists.</source>
        <translation>Ten zapis już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="368"/>
        <source>The student is already in that group.</source>
        <translation>Student jest już zapisany do tej grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="370"/>
        <source>A student can only be moved to a group of the same course and term.</source>
        <translation>Studenta można przenieść tylko do grupy tego samego przedmiotu i cyklu dydaktycznego.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="404"/>
        <source>No round of %1 is open now.</source>
        <translation>Żadna tura rejestracji %1 nie jest teraz otwarta.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="409"/>
        <source>The student may not take part in %1.</source>
        <translation>Student nie może brać udziału w rejestracji %1.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="412"/>
        <source>The student already has a group of this course.</source>
        <translation>Student jest już zapisany do grupy tego przedmiotu.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="432"/>
        <source>No round of the registration is open now.</source>
        <translation>Żadna tura tej rejestracji nie jest teraz otwarta.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="436"/>
        <source>The round “%1” does not allow unregistering.</source>
        <translation>Tura „%1” nie pozwala na wyrejestrowanie.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="449"/>
        <source>The student is not registered in that group.</source>
        <translation>Student nie jest zarejestrowany w tej grupie.</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="58"/>
        <source>Can this student register?</source>
        <translation>Czy ten student może się zarejestrować?</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="59"/>
        <source>Checking…</source>
        <translation>Sprawdzanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="65"/>
        <source>Verdict</source>
        <translation>Rozstrzygnięcie</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="72"/>
        <source>Conditions checked</source>
        <translation>Sprawdzone warunki</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="73"/>
        <source>Condition</source>
        <translation>Warunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="73"/>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="73"/>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="73"/>
        <source>How to fix</source>
        <translation>Jak to naprawić</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="83"/>
        <source>&amp;Check again</source>
        <translation>&amp;Sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="85"/>
        <source>Check again</source>
        <translation>Sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="86"/>
        <source>F5: check again, e.g. after granting access</source>
        <translation>F5: sprawdź ponownie, np. po nadaniu uprawnienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="123"/>
        <source>Can %1 register for %2?</source>
        <translation>Czy %1 może się zarejestrować (%2)?</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="125"/>
        <source>New database — first administrator</source>
        <translation>Nowa baza danych — pierwszy administrator</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="127"/>
        <source>This database has no staff accounts yet. Create the administrator&apos;s account; the administrator then adds the other staff.</source>
        <translation>Ta baza danych nie ma jeszcze kont pracowników. Utwórz konto administratora; administrator doda potem pozostałych pracowników.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="132"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="133"/>
        <source>Full name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="134"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="135"/>
        <source>Repeat the password</source>
        <translation>Powtórz hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="137"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="138"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="139"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="140"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="150"/>
        <source>The passwords differ.</source>
        <translation>Hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>GrantAccessDialog</name>
    <message>
        <location filename="../../ui/views/student_card.py" line="67"/>
        <source>Grant access — %1</source>
        <translation>Nadanie uprawnienia — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="69"/>
        <source>Let %1 (%2) take part in %3 even though no rule admits them.</source>
        <translation>Zezwól osobie %1 (%2) na udział w %3, choć nie dopuszcza jej żadna reguła.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="77"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="78"/>
        <source>e.g. returned from leave, decision of the vice-dean</source>
        <translation>np. powrót z urlopu, decyzja prodziekana</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="81"/>
        <source>Valid until</source>
        <translation>Ważne do</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="82"/>
        <source>YYYY-MM-DD, empty: no end</source>
        <translation>RRRR-MM-DD, puste: bezterminowo</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="88"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="89"/>
        <source>Valid &amp;until:</source>
        <translation>&amp;Ważne do:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="92"/>
        <source>&amp;Grant access</source>
        <translation>&amp;Nadaj uprawnienie</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="109"/>
        <source>Write the date as YYYY-MM-DD, e.g. 2027-02-28.</source>
        <translation>Wpisz datę w formacie RRRR-MM-DD, np. 2027-02-28.</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="30"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="31"/>
        <source>Course name</source>
        <translation>Nazwa przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="32"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="33"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="34"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="35"/>
        <source>Lower limit</source>
        <translation>Dolny limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="36"/>
        <source>Enrolled</source>
        <translation>Zapisani</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="37"/>
        <source>Free</source>
        <translation>Wolne</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="38"/>
        <source>Fill</source>
        <translation>Zapełnienie</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="39"/>
        <source>Teachers</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="40"/>
        <source>Timetable</source>
        <translation>Plan zajęć</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="215"/>
        <source>%1 of %2 places taken</source>
        <translation>Zajęte miejsca: %1 z %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="230"/>
        <source>Below the lower limit (%1 of %2 needed): may not run.</source>
        <translation>Poniżej dolnego limitu (%1 z wymaganych %2): grupa może nie zostać uruchomiona.</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="233"/>
        <source>%1 enrolled over the limit by a clerk&apos;s decision.</source>
        <translation>Zapisani ponad limit decyzją pracownika: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="236"/>
        <source>Full.</source>
        <translation>Pełna.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <location filename="../../desk/groups.py" line="91"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="149"/>
        <source>Choose a registration, a course or a term.</source>
        <translation>Wybierz rejestrację, przedmiot lub cykl dydaktyczny.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="159"/>
        <location filename="../../desk/groups.py" line="169"/>
        <location filename="../../desk/groups.py" line="307"/>
        <location filename="../../desk/groups.py" line="345"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="221"/>
        <location filename="../../desk/groups.py" line="301"/>
        <source>Say why the limit changes (it is kept with the change).</source>
        <translation>Podaj powód zmiany limitu (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="223"/>
        <source>Give either a new limit or a change such as +5.</source>
        <translation>Podaj nowy limit albo zmianę, np. +5.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="225"/>
        <source>A seat limit cannot be negative.</source>
        <translation>Limit miejsc nie może być ujemny.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="227"/>
        <location filename="../../desk/groups.py" line="316"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="230"/>
        <source>Select at least one group.</source>
        <translation>Zaznacz co najmniej jedną grupę.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="241"/>
        <source>Some of the groups no longer exist.</source>
        <translation>Niektóre z grup już nie istnieją.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="282"/>
        <source>%1: %2 students enrolled, limit asked %3</source>
        <translation>%1: zapisanych studentów: %2, żądany limit: %3</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="289"/>
        <source>A limit cannot be set below the students already in the group. Nothing was changed.</source>
        <translation>Limitu nie można ustawić poniżej liczby studentów już zapisanych do grupy. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="303"/>
        <source>A lower limit cannot be negative.</source>
        <translation>Dolny limit nie może być ujemny.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="311"/>
        <source>The lower limit (%1) cannot exceed the seat limit (%2).</source>
        <translation>Dolny limit (%1) nie może przekraczać limitu miejsc (%2).</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="375"/>
        <location filename="../../desk/groups.py" line="403"/>
        <source>There is no class group %1.</source>
        <translation>Nie ma grupy zajęciowej %1.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="379"/>
        <source>Name a group as TERM/COURSE/TYPE/NUMBER (e.g. 2026Z/MAT-101/class/2) or by its id.</source>
        <translation>Podaj grupę w postaci CYKL/PRZEDMIOT/TYP/NUMER (np. 2026Z/MAT-101/class/2) albo jej identyfikator.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="386"/>
        <source>Unknown class type %1; one of: %2.</source>
        <translation>Nieznany typ zajęć %1; dozwolone: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="418"/>
        <source>The student is not in that group.</source>
        <translation>Student nie należy do tej grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="83"/>
        <location filename="../../ui/models/group_table_model.py" line="47"/>
        <source>Mon</source>
        <translation>pon.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="83"/>
        <location filename="../../ui/models/group_table_model.py" line="48"/>
        <source>Tue</source>
        <translation>wt.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="83"/>
        <location filename="../../ui/models/group_table_model.py" line="49"/>
        <source>Wed</source>
        <translation>śr.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="83"/>
        <location filename="../../ui/models/group_table_model.py" line="50"/>
        <source>Thu</source>
        <translation>czw.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="84"/>
        <location filename="../../ui/models/group_table_model.py" line="51"/>
        <source>Fri</source>
        <translation>pt.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="84"/>
        <location filename="../../ui/models/group_table_model.py" line="52"/>
        <source>Sat</source>
        <translation>sob.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="84"/>
        <location filename="../../ui/models/group_table_model.py" line="53"/>
        <source>Sun</source>
        <translation>niedz.</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <location filename="../../ui/views/groups.py" line="73"/>
        <source>The change was not saved: %1</source>
        <translation>Zmiana nie została zapisana: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="154"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="160"/>
        <source>Registration</source>
        <translation>Rejestracja</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="165"/>
        <source>Filter by course</source>
        <translation>Filtruj według przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="166"/>
        <source>Filter: course code or name</source>
        <translation>Filtr: kod lub nazwa przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="174"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="199"/>
        <source>Summary of the groups</source>
        <translation>Podsumowanie grup</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="202"/>
        <source>Set &amp;limit…</source>
        <translation>Ustaw &amp;limit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="203"/>
        <source>Set the seat limit of the selected groups</source>
        <translation>Ustaw limit miejsc wybranych grup</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="204"/>
        <source>Lo&amp;wer limit…</source>
        <translation>&amp;Dolny limit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="205"/>
        <source>Set the lower limit of the group</source>
        <translation>Ustaw dolny limit grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="206"/>
        <source>Refre&amp;sh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="206"/>
        <source>Refresh the groups</source>
        <translation>Odśwież grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="207"/>
        <source>Load the groups again (F5)</source>
        <translation>Wczytaj grupy ponownie (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="210"/>
        <location filename="../../ui/views/groups.py" line="640"/>
        <source>Select one group to see its students.</source>
        <translation>Wybierz jedną grupę, aby zobaczyć jej studentów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="212"/>
        <source>Selected group</source>
        <translation>Wybrana grupa</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="216"/>
        <source>Students in the group</source>
        <translation>Studenci w grupie</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="218"/>
        <source>No.</source>
        <translation>Lp.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="218"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="218"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="218"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="218"/>
        <source>How</source>
        <translation>Sposób zapisu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="219"/>
        <source>Since</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="219"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="232"/>
        <source>&amp;Enroll student…</source>
        <translation>&amp;Zapisz studenta…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="233"/>
        <source>Enroll a student in the group</source>
        <translation>Zapisz studenta do grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="234"/>
        <source>&amp;Unenroll…</source>
        <translation>&amp;Wypisz…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="235"/>
        <source>Take the selected student out of the group</source>
        <translation>Wypisz wybranego studenta z grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="236"/>
        <source>Take the selected student out of the group (Delete)</source>
        <translation>Wypisz wybranego studenta z grupy (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="237"/>
        <source>&amp;Move to group…</source>
        <translation>&amp;Przenieś do grupy…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="238"/>
        <source>Move the selected student to another group</source>
        <translation>Przenieś wybranego studenta do innej grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="242"/>
        <source>Your role does not allow changing class groups.</source>
        <translation>Twoja rola nie pozwala na zmiany w grupach zajęciowych.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="246"/>
        <source>&amp;Term:</source>
        <translation>&amp;Cykl:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="246"/>
        <source>Re&amp;gistration:</source>
        <translation>&amp;Rejestracja:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="247"/>
        <source>Filter by &amp;course:</source>
        <translation>&amp;Filtruj według przedmiotu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="341"/>
        <location filename="../../ui/views/groups.py" line="370"/>
        <location filename="../../ui/views/groups.py" line="490"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="358"/>
        <source>There are no terms yet.</source>
        <translation>Nie ma jeszcze żadnych cykli dydaktycznych.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="383"/>
        <source>All groups of the term</source>
        <translation>Wszystkie grupy w cyklu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="404"/>
        <location filename="../../ui/views/groups.py" line="414"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="512"/>
        <source>The groups could not be loaded: %1</source>
        <translation>Nie udało się wczytać grup: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="520"/>
        <source>%1 of %2 groups (filtered)</source>
        <translation>Grupy: %1 z %2 (po filtrowaniu)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="522"/>
        <source>%1 groups</source>
        <translation>Grupy: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="524"/>
        <source>%1 seats · %2 enrolled · %3 full · %4 below the lower limit</source>
        <translation>Miejsca: %1 · zapisani: %2 · pełne: %3 · poniżej dolnego limitu: %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="599"/>
        <source>%1 groups selected: select one to see its students.</source>
        <translation>Wybrano grup: %1; wybierz jedną, aby zobaczyć jej studentów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="619"/>
        <source>Students in %1: loading…</source>
        <translation>Studenci w grupie %1: wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="631"/>
        <source>The students could not be loaded: %1</source>
        <translation>Nie udało się wczytać studentów: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="643"/>
        <source>Students in %1 (%2 of %3)</source>
        <translation>Studenci w grupie %1 (%2 z %3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="653"/>
        <source>over the limit</source>
        <translation>ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="763"/>
        <location filename="../../ui/views/groups.py" line="774"/>
        <source>Move to group</source>
        <translation>Przenieś do grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="775"/>
        <source>The course has no other group of this class type in this term.</source>
        <translation>Przedmiot nie ma w tym cyklu innej grupy tego typu zajęć.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desk/eligibility.py" line="135"/>
        <location filename="../../ui/labels.py" line="26"/>
        <location filename="../../ui/labels.py" line="101"/>
        <source>active</source>
        <translation>aktywny</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="136"/>
        <location filename="../../ui/labels.py" line="27"/>
        <source>on leave</source>
        <translation>urlop</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="137"/>
        <location filename="../../ui/labels.py" line="28"/>
        <source>suspended</source>
        <translation>zawieszony</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="138"/>
        <location filename="../../ui/labels.py" line="29"/>
        <source>removed</source>
        <translation>skreślony</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="139"/>
        <location filename="../../ui/labels.py" line="30"/>
        <source>graduated</source>
        <translation>absolwent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>first cycle</source>
        <translation>I stopień</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>second cycle</source>
        <translation>II stopień</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>long cycle</source>
        <translation>jednolite magisterskie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>doctoral</source>
        <translation>doktoranckie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>full-time</source>
        <translation>stacjonarne</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>part-time</source>
        <translation>niestacjonarne</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="73"/>
        <location filename="../../ui/labels.py" line="64"/>
        <source>lecture</source>
        <translation>wykład</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="74"/>
        <location filename="../../ui/labels.py" line="65"/>
        <source>class</source>
        <translation>ćwiczenia</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="75"/>
        <location filename="../../ui/labels.py" line="66"/>
        <source>lab</source>
        <translation>laboratorium</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="76"/>
        <location filename="../../ui/labels.py" line="67"/>
        <source>seminar</source>
        <translation>seminarium</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="77"/>
        <location filename="../../ui/labels.py" line="68"/>
        <source>language class</source>
        <translation>lektorat</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="78"/>
        <location filename="../../ui/labels.py" line="69"/>
        <source>PE</source>
        <translation>WF</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>student</source>
        <translation>student</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>PhD student</source>
        <translation>doktorant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>staff</source>
        <translation>pracownik</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <location filename="../../ui/views/token_rounds.py" line="36"/>
        <source>accepted</source>
        <translation>przyjęty</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <location filename="../../ui/labels.py" line="92"/>
        <source>cancelled</source>
        <translation>anulowany</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>due</source>
        <translation>do zapłaty</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>paid</source>
        <translation>zapłacona</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>no rounds</source>
        <translation>brak tur</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>preparing</source>
        <translation>w przygotowaniu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>closed</source>
        <translation>zamknięta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>first come, first served</source>
        <translation>kto pierwszy, ten lepszy</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109"/>
        <source>token</source>
        <translation>żetonowa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="119"/>
        <source>portal</source>
        <translation>portal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>at the desk</source>
        <translation>przez pracownika</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>token round</source>
        <translation>tura żetonowa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="37"/>
        <source>✓ passed</source>
        <translation>✓ spełniony</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="38"/>
        <source>✗ fails</source>
        <translation>✗ niespełniony</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="39"/>
        <source>! note</source>
        <translation>! uwaga</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="40"/>
        <source>? cannot tell yet</source>
        <translation>? jeszcze nie wiadomo</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="41"/>
        <source>– not applicable</source>
        <translation>– nie dotyczy</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="38"/>
        <source>allocation</source>
        <translation>przydział</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="39"/>
        <source>correction</source>
        <translation>korekta</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="40"/>
        <source>spent</source>
        <translation>wydanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="41"/>
        <source>refund</source>
        <translation>zwrot</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="42"/>
        <source>expiry</source>
        <translation>wygaśnięcie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="35"/>
        <source>waiting</source>
        <translation>oczekująca</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="37"/>
        <source>refused</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="38"/>
        <source>refused permanently</source>
        <translation>odrzucona ostatecznie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="39"/>
        <source>withdrawn</source>
        <translation>wycofana</translation>
    </message>
</context>
<context>
    <name>LowerLimitDialog</name>
    <message>
        <location filename="../../ui/views/groups.py" line="909"/>
        <source>Lower limit — %1</source>
        <translation>Dolny limit — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="910"/>
        <source>Below this number of students the group does not run; it is flagged in the table. %1 enrolled, seat limit %2.</source>
        <translation>Poniżej tej liczby studentów grupa nie zostaje uruchomiona; jest wtedy oznaczana w tabeli. Zapisani: %1, limit miejsc: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="912"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="916"/>
        <source>Lower limit</source>
        <translation>Dolny limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="919"/>
        <source>&amp;Lower limit:</source>
        <translation>&amp;Dolny limit:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>desk — %1</source>
        <translation>desk — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>desk — course registration</source>
        <translation>desk — rejestracja na zajęcia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Views</source>
        <translation>Widoki</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <source>Students</source>
        <translation>Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61"/>
        <source>Registrations</source>
        <translation>Rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Tokens</source>
        <translation>Żetony</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>Token rounds</source>
        <translation>Tury żetonowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Payments</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>SQLite file</source>
        <translation>Plik SQLite</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>PostgreSQL server</source>
        <translation>Serwer PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>data as of %1</source>
        <translation>dane z godz. %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>Change &amp;password…</source>
        <translation>Zmień &amp;hasło…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Wyloguj</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>&amp;Students</source>
        <translation>&amp;Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>&amp;Registrations</source>
        <translation>&amp;Rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Class &amp;groups</source>
        <translation>&amp;Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;Tokens</source>
        <translation>Ż&amp;etony</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Token r&amp;ounds</source>
        <translation>&amp;Tury żetonowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>&amp;Payments</source>
        <translation>&amp;Należności</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>&amp;Find student</source>
        <translation>&amp;Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>&amp;About desk</source>
        <translation>&amp;O programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>find a student</source>
        <translation>znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>move between the search field and the results</source>
        <translation>przejście między polem wyszukiwania a wynikami</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>open the selected student&apos;s card</source>
        <translation>otwórz kartę wybranego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>back to the search field; close a card</source>
        <translation>powrót do pola wyszukiwania; zamknięcie karty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>refresh a card</source>
        <translation>odśwież kartę</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>students</source>
        <translation>studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>registrations</source>
        <translation>rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>class groups</source>
        <translation>grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>tokens</source>
        <translation>żetony</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>token rounds</source>
        <translation>tury żetonowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>payments</source>
        <translation>należności</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>quit</source>
        <translation>zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>About desk</source>
        <translation>O programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>&lt;b&gt;desk&lt;/b&gt; %1 — the back office for course registration.&lt;br&gt;Database: %2&lt;br&gt;Qt %3</source>
        <translation>&lt;b&gt;desk&lt;/b&gt; %1 — obsługa rejestracji na zajęcia w dziekanacie.&lt;br&gt;Baza danych: %2&lt;br&gt;Qt %3</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/views/groups.py" line="1002"/>
        <source>Move %1 %2</source>
        <translation>Przeniesienie: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1003"/>
        <source>From %1 to another group of the course, in one step.</source>
        <translation>Z grupy %1 do innej grupy tego przedmiotu, w jednym kroku.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1004"/>
        <source>&amp;Move</source>
        <translation>&amp;Przenieś</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1008"/>
        <source>Target group</source>
        <translation>Grupa docelowa</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1010"/>
        <source>%1 — %2 of %3, %4 free</source>
        <translation>%1 — %2 z %3, wolne: %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1014"/>
        <source>Even if the group is &amp;full (a recorded override)</source>
        <translation>&amp;Nawet jeśli grupa jest pełna (wyjątek zapisywany w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1016"/>
        <source>Move over the limit</source>
        <translation>Przeniesienie ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1021"/>
        <source>&amp;To group:</source>
        <translation>&amp;Do grupy:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1036"/>
        <source>The group has free places.</source>
        <translation>Grupa ma wolne miejsca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="1047"/>
        <source>Choose the group to move to.</source>
        <translation>Wybierz grupę docelową.</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../../desk/payments.py" line="116"/>
        <source>Say why the payment is cancelled.</source>
        <translation>Podaj powód anulowania należności.</translation>
    </message>
    <message>
        <location filename="../../desk/payments.py" line="121"/>
        <source>That payment no longer exists.</source>
        <translation>Ta należność już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/payments.py" line="130"/>
        <source>Only a payment that is due can be cancelled; this one is %1.</source>
        <translation>Anulować można tylko należność do zapłaty; ta ma status: %1.</translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message>
        <location filename="../../ui/views/payments_list.py" line="42"/>
        <location filename="../../ui/views/payments_list.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="43"/>
        <source>every status</source>
        <translation>wszystkie statusy</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="49"/>
        <location filename="../../ui/views/payments_list.py" line="63"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="52"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="60"/>
        <source>Payments</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="62"/>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="62"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="62"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="62"/>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="62"/>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="63"/>
        <source>Token</source>
        <translation>Żeton</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="63"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="63"/>
        <source>Created</source>
        <translation>Utworzono</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="63"/>
        <source>Cancelled because</source>
        <translation>Powód anulowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="72"/>
        <source>&amp;Cancel payment…</source>
        <translation>&amp;Anuluj należność…</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="74"/>
        <source>Cancel the selected payment</source>
        <translation>Anuluj wybraną należność</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="78"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="78"/>
        <source>&amp;Term:</source>
        <translation>&amp;Cykl:</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="78"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Jednostka:</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="100"/>
        <source>every term</source>
        <translation>wszystkie cykle</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="103"/>
        <source>every unit</source>
        <translation>wszystkie jednostki</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="137"/>
        <source>%1 payments shown; due in total: %2 PLN</source>
        <translation>Wyświetlone należności: %1; łącznie do zapłaty: %2 zł</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="153"/>
        <source>Cancel payment #%1</source>
        <translation>Anulowanie należności nr %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="154"/>
        <source>%1 PLN due from %2 (%3).</source>
        <translation>Kwota %1 zł należna od: %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="156"/>
        <source>Cancel the &amp;payment</source>
        <translation>Anuluj &amp;należność</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="158"/>
        <source>e.g. decision of the dean, letter no. …</source>
        <translation>np. decyzja dziekana, pismo nr …</translation>
    </message>
</context>
<context>
    <name>PersonEditDialog</name>
    <message>
        <location filename="../../ui/views/student_card.py" line="136"/>
        <source>Edit personal data — %1</source>
        <translation>Zmiana danych osobowych — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="137"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="138"/>
        <source>Middle name</source>
        <translation>Drugie imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="139"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="141"/>
        <source>Birth date</source>
        <translation>Data urodzenia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="143"/>
        <source>YYYY-MM-DD</source>
        <translation>RRRR-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="144"/>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="148"/>
        <source>unchanged (%1)</source>
        <translation>bez zmian (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="149"/>
        <source>Private e-mail</source>
        <translation>Prywatny e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="150"/>
        <source>Reason for the change</source>
        <translation>Powód zmiany</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="151"/>
        <source>e.g. change of surname after marriage, certificate no. …</source>
        <translation>np. zmiana nazwiska po ślubie, odpis aktu nr …</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="156"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="160"/>
        <source>&amp;First name:</source>
        <translation>&amp;Imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="161"/>
        <source>&amp;Middle name:</source>
        <translation>&amp;Drugie imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="162"/>
        <source>&amp;Surname:</source>
        <translation>&amp;Nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="163"/>
        <source>&amp;Birth date:</source>
        <translation>Data &amp;urodzenia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="164"/>
        <source>&amp;PESEL:</source>
        <translation>&amp;PESEL:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="165"/>
        <source>Private &amp;e-mail:</source>
        <translation>Prywatny &amp;e-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="166"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="188"/>
        <source>The birth date must be written as YYYY-MM-DD, e.g. 2004-05-17.</source>
        <translation>Datę urodzenia należy wpisać jako RRRR-MM-DD, np. 2004-05-17.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="218"/>
        <source>Not saved: %1</source>
        <translation>Nie zapisano: %1</translation>
    </message>
</context>
<context>
    <name>PickStudentDialog</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="393"/>
        <source>Which student?</source>
        <translation>Który student?</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="393"/>
        <source>Find the student by number or name.</source>
        <translation>Znajdź studenta po numerze albumu lub nazwisku.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="393"/>
        <source>&amp;Explain</source>
        <translation>&amp;Wyjaśnij</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="401"/>
        <source>Find and choose the student first.</source>
        <translation>Najpierw znajdź i wybierz studenta.</translation>
    </message>
</context>
<context>
    <name>QLabel</name>
    <message>
        <source>Error</source>
        <translation type="vanished">Błąd</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="414"/>
        <source>optional for a new registration</source>
        <translation>nieobowiązkowe przy nowej rejestracji</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="415"/>
        <source>Edit registration %1</source>
        <translation>Edycja rejestracji %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="415"/>
        <source>New registration</source>
        <translation>Nowa rejestracja</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="416"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="419"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="420"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="421"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="423"/>
        <source>Term</source>
        <translation>Cykl dydaktyczny</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="425"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="430"/>
        <source>Token type</source>
        <translation>Typ żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="434"/>
        <source>Courses per student</source>
        <translation>Liczba przedmiotów na studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="436"/>
        <source>no limit</source>
        <translation>bez limitu</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="438"/>
        <source>Only &amp;entitled students (by rules and grants)</source>
        <translation>Tylko &amp;uprawnieni studenci (według reguł i nadanych uprawnień)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="443"/>
        <source>Message to students</source>
        <translation>Komunikat dla studentów</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="447"/>
        <source>Courses offered</source>
        <translation>Oferowane przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="449"/>
        <source>&amp;Code:</source>
        <translation>&amp;Kod:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="450"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="451"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Jednostka:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="452"/>
        <source>&amp;Term:</source>
        <translation>&amp;Cykl dydaktyczny:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="453"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="454"/>
        <source>T&amp;oken type:</source>
        <translation>&amp;Typ żetonów:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="455"/>
        <source>Courses &amp;per student:</source>
        <translation>&amp;Przedmiotów na studenta:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="457"/>
        <source>&amp;Message:</source>
        <translation>Ko&amp;munikat:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="458"/>
        <source>Courses o&amp;ffered:</source>
        <translation>&amp;Oferowane przedmioty:</translation>
    </message>
</context>
<context>
    <name>Registrations</name>
    <message>
        <location filename="../../desk/registrations.py" line="308"/>
        <source>There is no registration with the id %1.</source>
        <translation>Nie ma rejestracji o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="331"/>
        <source>A registration needs a code.</source>
        <translation>Rejestracja musi mieć kod.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="333"/>
        <source>A registration needs a name.</source>
        <translation>Rejestracja musi mieć nazwę.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="336"/>
        <source>The code %1 is already used by another registration.</source>
        <translation>Kod %1 jest już używany przez inną rejestrację.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="338"/>
        <source>Choose the unit that organises the registration.</source>
        <translation>Wybierz jednostkę organizującą rejestrację.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="341"/>
        <source>Choose the term of the registration.</source>
        <translation>Wybierz cykl dydaktyczny rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="346"/>
        <source>A token registration must name its token type.</source>
        <translation>Rejestracja żetonowa musi mieć określony typ żetonów.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="350"/>
        <source>The selection limit is at least 1 (or no limit).</source>
        <translation>Limit wyboru musi wynosić co najmniej 1 (albo bez limitu).</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="362"/>
        <source>These courses have no class groups in the term %1: %2.</source>
        <translation>Te przedmioty nie mają grup zajęciowych w cyklu %1: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="409"/>
        <location filename="../../desk/registrations.py" line="486"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="448"/>
        <source>A round needs a name.</source>
        <translation>Tura musi mieć nazwę.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="451"/>
        <source>A round must end after it starts.</source>
        <translation>Koniec tury musi być późniejszy niż jej początek.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="454"/>
        <source>Micro-rounds and breaks last at least a minute.</source>
        <translation>Mikrotury i przerwy muszą trwać co najmniej minutę.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="459"/>
        <source>A token round needs the length of its micro-rounds and breaks.</source>
        <translation>Tura żetonowa wymaga podania długości mikrotur i przerw.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="463"/>
        <source>The round overlaps “%1” (%2 – %3).</source>
        <translation>Tura nakłada się na turę „%1” (%2 – %3).</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="475"/>
        <location filename="../../desk/registrations.py" line="506"/>
        <source>That round no longer exists.</source>
        <translation>Ta tura już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="511"/>
        <source>The round “%1” has already started; change its end instead of removing it.</source>
        <translation>Tura „%1” już się rozpoczęła; zamiast ją usuwać, zmień jej koniec.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="528"/>
        <source>There is no registration with the code %1.</source>
        <translation>Nie ma rejestracji o kodzie %1.</translation>
    </message>
</context>
<context>
    <name>RegistrationsView</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="86"/>
        <location filename="../../ui/views/calendar.py" line="95"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="89"/>
        <location filename="../../ui/views/calendar.py" line="95"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="93"/>
        <source>&amp;New registration…</source>
        <translation>&amp;Nowa rejestracja…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="94"/>
        <source>Registrations</source>
        <translation>Rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="95"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="95"/>
        <location filename="../../ui/views/calendar.py" line="126"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="95"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="95"/>
        <location filename="../../ui/views/calendar.py" line="111"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="96"/>
        <source>Courses per student</source>
        <translation>Przedmiotów na studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="96"/>
        <location filename="../../ui/views/calendar.py" line="111"/>
        <source>Unregistering</source>
        <translation>Wyrejestrowywanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="96"/>
        <source>Courses</source>
        <translation>Przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="99"/>
        <source>Choose a registration.</source>
        <translation>Wybierz rejestrację.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="106"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="107"/>
        <source>Class &amp;groups</source>
        <translation>&amp;Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="108"/>
        <source>E&amp;xplain for a student…</source>
        <translation>&amp;Wyjaśnij dla studenta…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="110"/>
        <source>Rounds</source>
        <translation>Tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="111"/>
        <source>Round</source>
        <translation>Tura</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="111"/>
        <source>Starts</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="111"/>
        <source>Ends</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="112"/>
        <source>Micro-round / break</source>
        <translation>Mikrotura / przerwa</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="114"/>
        <source>&amp;Add round…</source>
        <translation>&amp;Dodaj turę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="115"/>
        <source>Edit &amp;round…</source>
        <translation>Edytuj &amp;turę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="116"/>
        <source>Remo&amp;ve round…</source>
        <translation>&amp;Usuń turę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="125"/>
        <source>Courses offered</source>
        <translation>Oferowane przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="126"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="126"/>
        <source>Groups</source>
        <translation>Grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="126"/>
        <source>Seats</source>
        <translation>Miejsca</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="126"/>
        <source>Enrolled</source>
        <translation>Zapisani</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="131"/>
        <source>R&amp;ounds</source>
        <translation>Tu&amp;ry</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="132"/>
        <source>Co&amp;urses</source>
        <translation>&amp;Przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="133"/>
        <source>A&amp;ccess</source>
        <translation>D&amp;ostęp</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="136"/>
        <source>U&amp;nit:</source>
        <translation>&amp;Jednostka:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="136"/>
        <source>&amp;Term:</source>
        <translation>&amp;Cykl:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="206"/>
        <source>all units</source>
        <translation>wszystkie jednostki</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="209"/>
        <source>all terms</source>
        <translation>wszystkie cykle</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="239"/>
        <location filename="../../ui/views/calendar.py" line="298"/>
        <source>no limit</source>
        <translation>bez limitu</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="240"/>
        <location filename="../../ui/views/calendar.py" line="308"/>
        <source>allowed</source>
        <translation>dozwolone</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="240"/>
        <location filename="../../ui/views/calendar.py" line="308"/>
        <source>not allowed</source>
        <translation>niedozwolone</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="286"/>
        <source>No registrations here.</source>
        <translation>Brak rejestracji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="298"/>
        <source>courses per student: %1</source>
        <translation>przedmiotów na studenta: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="299"/>
        <source>only entitled students</source>
        <translation>tylko uprawnieni studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="299"/>
        <source>open to every active student</source>
        <translation>otwarta dla każdego aktywnego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="303"/>
        <source>Message to students: %1</source>
        <translation>Komunikat dla studentów: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="358"/>
        <source>Remove a round</source>
        <translation>Usuwanie tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="359"/>
        <source>Remove “%1”? Only a round that has not started can be removed.</source>
        <translation>Usunąć „%1”? Można usunąć tylko turę, która się jeszcze nie rozpoczęła.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="360"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
</context>
<context>
    <name>Rosters</name>
    <message>
        <location filename="../../desk/rosters.py" line="137"/>
        <source>No.</source>
        <translation>Lp.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="138"/>
        <location filename="../../desk/rosters.py" line="270"/>
        <location filename="../../desk/rosters.py" line="286"/>
        <location filename="../../desk/rosters.py" line="328"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="139"/>
        <location filename="../../desk/rosters.py" line="328"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="140"/>
        <location filename="../../desk/rosters.py" line="329"/>
        <source>First names</source>
        <translation>Imiona</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="146"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="147"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="148"/>
        <source>Login e-mail</source>
        <translation>E-mail logowania</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="158"/>
        <location filename="../../desk/rosters.py" line="191"/>
        <location filename="../../desk/rosters.py" line="252"/>
        <location filename="../../desk/rosters.py" line="272"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="159"/>
        <location filename="../../desk/rosters.py" line="192"/>
        <location filename="../../desk/rosters.py" line="253"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="160"/>
        <location filename="../../desk/rosters.py" line="272"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="161"/>
        <location filename="../../desk/rosters.py" line="194"/>
        <location filename="../../desk/rosters.py" line="255"/>
        <source>Teachers</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="162"/>
        <location filename="../../desk/rosters.py" line="195"/>
        <source>Timetable</source>
        <translation>Plan zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="163"/>
        <source>Students / limit</source>
        <translation>Studenci / limit</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="164"/>
        <source>Data as of</source>
        <translation>Stan danych na</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="168"/>
        <source>Attendance list</source>
        <translation>Lista obecności</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="172"/>
        <source>Class list</source>
        <translation>Lista grupy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="190"/>
        <source>Summary</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="191"/>
        <location filename="../../desk/rosters.py" line="252"/>
        <source>Course name</source>
        <translation>Nazwa przedmiotu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="192"/>
        <location filename="../../desk/rosters.py" line="253"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="193"/>
        <location filename="../../desk/rosters.py" line="255"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="193"/>
        <location filename="../../desk/rosters.py" line="254"/>
        <source>Lower limit</source>
        <translation>Dolny limit</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="194"/>
        <location filename="../../desk/rosters.py" line="254"/>
        <source>Students</source>
        <translation>Studenci</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="203"/>
        <source>attendance</source>
        <translation>lista-obecności</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="203"/>
        <source>class-list</source>
        <translation>lista-grupy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="214"/>
        <source>There are no groups to export.</source>
        <translation>Nie ma grup do wyeksportowania.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="218"/>
        <source>Groups</source>
        <translation>Grupy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="230"/>
        <source>spreadsheet export</source>
        <translation>eksport do arkusza kalkulacyjnego</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="251"/>
        <source>Below the lower limit</source>
        <translation>Poniżej dolnego limitu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="258"/>
        <source>Groups below their lower limit</source>
        <translation>Grupy poniżej dolnego limitu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="269"/>
        <location filename="../../desk/rosters.py" line="275"/>
        <source>Payments due</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="270"/>
        <location filename="../../desk/rosters.py" line="286"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="271"/>
        <source>Amount (PLN)</source>
        <translation>Kwota (PLN)</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="271"/>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="272"/>
        <source>Token</source>
        <translation>Żeton</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="285"/>
        <source>Access</source>
        <translation>Dostęp</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="287"/>
        <source>Decision</source>
        <translation>Decyzja</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="287"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="288"/>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="288"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="289"/>
        <source>Until</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="289"/>
        <source>Standing</source>
        <translation>Obowiązuje</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="291"/>
        <source>grant</source>
        <translation>nadanie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="291"/>
        <source>revocation</source>
        <translation>odebranie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="294"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="294"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="295"/>
        <source>Individual access decisions</source>
        <translation>Indywidualne decyzje o dostępie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="327"/>
        <location filename="../../desk/rosters.py" line="332"/>
        <source>Token balances</source>
        <translation>Stany żetonów</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="528"/>
        <source>optional for a new round</source>
        <translation>nieobowiązkowe przy nowej turze</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="530"/>
        <source>Edit round — %1</source>
        <translation>Edycja tury — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="530"/>
        <source>New round — %1</source>
        <translation>Nowa tura — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="531"/>
        <source>Times are in the institution&apos;s time zone (%1).</source>
        <translation>Czas jest podawany w strefie czasowej uczelni (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="531"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="535"/>
        <source>Round %1</source>
        <translation>Tura %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="537"/>
        <source>Round name</source>
        <translation>Nazwa tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="540"/>
        <source>Starts</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="541"/>
        <source>Ends</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="542"/>
        <source>Students may &amp;unregister</source>
        <translation>Studenci mogą się &amp;wyrejestrować</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="545"/>
        <source>Micro-round minutes</source>
        <translation>Długość mikrotury w minutach</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="546"/>
        <source>Break minutes</source>
        <translation>Długość przerwy w minutach</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="549"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="550"/>
        <source>&amp;Starts:</source>
        <translation>&amp;Początek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="551"/>
        <source>&amp;Ends:</source>
        <translation>&amp;Koniec:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="553"/>
        <source>&amp;Micro-round (minutes):</source>
        <translation>&amp;Mikrotura (minuty):</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="554"/>
        <source>&amp;Break (minutes):</source>
        <translation>P&amp;rzerwa (minuty):</translation>
    </message>
</context>
<context>
    <name>SetLimitDialog</name>
    <message>
        <location filename="../../ui/views/groups.py" line="843"/>
        <source>Seat limit — %1 group(s)</source>
        <translation>Limit miejsc — liczba grup: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="844"/>
        <source>A limit is never set below the students already in a group; then nothing is changed.</source>
        <translation>Limit nigdy nie jest ustawiany poniżej liczby studentów już zapisanych do grupy; w takim przypadku nic nie jest zmieniane.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="845"/>
        <source>&amp;Apply</source>
        <translation>&amp;Zastosuj</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="847"/>
        <source>Set &amp;to</source>
        <translation>&amp;Ustaw na</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="849"/>
        <source>Set the limit to a value</source>
        <translation>Ustaw limit na podaną wartość</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="850"/>
        <source>Change &amp;by</source>
        <translation>Zmień &amp;o</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="852"/>
        <source>Change the limit by a number</source>
        <translation>Zmień limit o podaną liczbę</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="855"/>
        <source>New limit</source>
        <translation>Nowy limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="860"/>
        <source>Change of the limit</source>
        <translation>Zmiana limitu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="865"/>
        <source>New limits</source>
        <translation>Nowe limity</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="875"/>
        <source>Groups:</source>
        <translation>Grupy:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="887"/>
        <source>(below the %1 enrolled)</source>
        <translation>(poniżej liczby zapisanych: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="890"/>
        <source>… and %1 more</source>
        <translation>… i jeszcze %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="897"/>
        <source>Give a change such as +5 or -3.</source>
        <translation>Podaj zmianę, np. +5 lub -3.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="15"/>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="19"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="20"/>
        <source>As the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="27"/>
        <source>A new language applies when the application is opened again.</source>
        <translation>Nowy język zacznie obowiązywać po ponownym uruchomieniu programu.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="31"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="32"/>
        <source>Times shown in:</source>
        <translation>Czas pokazywany w strefie:</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/sign_in.py" line="26"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="53"/>
        <source>Failed: %1</source>
        <translation>Nie powiodło się: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="67"/>
        <source>Sign in — desk</source>
        <translation>Logowanie — desk</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="68"/>
        <source>Course registration back office</source>
        <translation>Obsługa rejestracji na zajęcia</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="70"/>
        <source>Database: %1</source>
        <translation>Baza danych: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="74"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="75"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="77"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="78"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="85"/>
        <source>Demo database: sign in as &lt;b&gt;admin&lt;/b&gt; (administrator), &lt;b&gt;dziekanat&lt;/b&gt; (dean&apos;s office clerk) or &lt;b&gt;cos&lt;/b&gt; (Student Service Center), password &lt;b&gt;demo1234&lt;/b&gt;.</source>
        <translation>Baza demonstracyjna: zaloguj się jako &lt;b&gt;admin&lt;/b&gt; (administrator), &lt;b&gt;dziekanat&lt;/b&gt; (pracownik dziekanatu) lub &lt;b&gt;cos&lt;/b&gt; (Centrum Obsługi Studenta), hasło &lt;b&gt;demo1234&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="97"/>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="104"/>
        <source>Type your login.</source>
        <translation>Wpisz swój login.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../../desk/staff.py" line="97"/>
        <source>Your role (%1) does not allow this: %2.</source>
        <translation>Twoja rola (%1) nie pozwala na to: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="105"/>
        <source>dean&apos;s office clerk</source>
        <translation>pracownik dziekanatu</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="106"/>
        <source>Student Service Center</source>
        <translation>Centrum Obsługi Studenta</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="107"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="113"/>
        <source>look up students</source>
        <translation>wyszukiwanie studentów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="114"/>
        <source>see personal data</source>
        <translation>wgląd w dane osobowe</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="115"/>
        <source>change students&apos; records</source>
        <translation>zmiana danych studentów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="116"/>
        <source>manage registrations</source>
        <translation>zarządzanie rejestracjami</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="117"/>
        <source>grant access to registrations</source>
        <translation>nadawanie uprawnień do rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="118"/>
        <source>manage class groups</source>
        <translation>zarządzanie grupami zajęciowymi</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="119"/>
        <source>correct token balances</source>
        <translation>korekta stanu żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="120"/>
        <source>override the token correction deadline</source>
        <translation>korekta żetonów po terminie</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="121"/>
        <source>link login accounts</source>
        <translation>powiązanie kont logowania</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="122"/>
        <source>run the sync</source>
        <translation>uruchamianie synchronizacji</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="123"/>
        <source>manage staff accounts</source>
        <translation>zarządzanie kontami pracowników</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="124"/>
        <source>administer the system</source>
        <translation>administrowanie systemem</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="131"/>
        <source>A password needs at least %1 characters.</source>
        <translation>Hasło musi mieć co najmniej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="158"/>
        <source>Wrong login or password.</source>
        <translation>Błędny login lub hasło.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="168"/>
        <source>Too many failed attempts. Try again in %1 s.</source>
        <translation>Zbyt wiele nieudanych prób. Spróbuj ponownie za %1 s.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="180"/>
        <source>This staff account is disabled. Ask an administrator.</source>
        <translation>To konto pracownika jest wyłączone. Zwróć się do administratora.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="197"/>
        <source>There is no active staff account %1.</source>
        <translation>Nie ma aktywnego konta pracownika %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="216"/>
        <source>A staff account needs a login and a full name.</source>
        <translation>Konto pracownika wymaga loginu oraz imienia i nazwiska.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="218"/>
        <source>The login %1 is already taken.</source>
        <translation>Login %1 jest już zajęty.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="223"/>
        <source>There is no unit with the code %1.</source>
        <translation>Nie ma jednostki o kodzie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="226"/>
        <source>A dean&apos;s office clerk acts for at least one unit.</source>
        <translation>Pracownik dziekanatu musi być przypisany do co najmniej jednej jednostki.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="251"/>
        <source>This database already has staff accounts; an administrator adds new ones.</source>
        <translation>Ta baza danych ma już konta pracowników; nowe dodaje administrator.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="261"/>
        <source>first administrator</source>
        <translation>pierwszy administrator</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="298"/>
        <source>The current password is wrong.</source>
        <translation>Obecne hasło jest błędne.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="306"/>
        <source>password changed by its owner</source>
        <translation>hasło zmienione przez właściciela</translation>
    </message>
</context>
<context>
    <name>StudentCardWindow</name>
    <message>
        <location filename="../../ui/views/student_card.py" line="235"/>
        <source>Student card</source>
        <translation>Karta studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="238"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="244"/>
        <source>Show &amp;PESEL</source>
        <translation>Pokaż &amp;PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="246"/>
        <source>Show PESEL (recorded in the history)</source>
        <translation>Pokaż PESEL (zapisywane w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="247"/>
        <source>Shows the full PESEL. Every look is recorded in the history.</source>
        <translation>Pokazuje pełny numer PESEL. Każde wyświetlenie jest zapisywane w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="249"/>
        <source>&amp;Edit personal data…</source>
        <translation>&amp;Zmień dane osobowe…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="251"/>
        <source>Edit personal data</source>
        <translation>Zmień dane osobowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="253"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="255"/>
        <source>Refresh the card</source>
        <translation>Odśwież kartę</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="257"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="259"/>
        <source>Close the card</source>
        <translation>Zamknij kartę</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="305"/>
        <source>The card cannot be shown</source>
        <translation>Nie można wyświetlić karty</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="312"/>
        <source>%1 — student %2</source>
        <translation>%1 — student %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="315"/>
        <source>Student no. %1</source>
        <translation>Nr albumu %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="317"/>
        <source>also: %1</source>
        <translation>także: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="326"/>
        <source>Only a dean&apos;s office clerk of the student&apos;s unit may change these data.</source>
        <translation>Te dane może zmienić tylko pracownik dziekanatu jednostki studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="347"/>
        <source>Person</source>
        <translation>Osoba</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="350"/>
        <source>First name:</source>
        <translation>Imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="351"/>
        <source>Surname:</source>
        <translation>Nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="352"/>
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="353"/>
        <source>Birth date:</source>
        <translation>Data urodzenia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="354"/>
        <source>none (no PESEL given)</source>
        <translation>brak (nie podano numeru PESEL)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="357"/>
        <source>PESEL:</source>
        <translation>PESEL:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="359"/>
        <source>Private e-mail:</source>
        <translation>Prywatny e-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="363"/>
        <location filename="../../ui/views/student_card.py" line="379"/>
        <source>Programmes</source>
        <translation>Kierunki studiów</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="372"/>
        <source> since %1</source>
        <translation> od %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="380"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="380"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="380"/>
        <source>Level</source>
        <translation>Stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="380"/>
        <source>Mode</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="380"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="380"/>
        <location filename="../../ui/views/student_card.py" line="505"/>
        <location filename="../../ui/views/student_card.py" line="530"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="380"/>
        <location filename="../../ui/views/student_card.py" line="431"/>
        <source>Admitted</source>
        <translation>Przyjęty</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="389"/>
        <source>Login account</source>
        <translation>Konto logowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="394"/>
        <source>No login account is linked: the student cannot sign in to the portal. The Student Service Center links the institutional e-mail.</source>
        <translation>Brak powiązanego konta logowania: student nie może zalogować się do portalu. Uczelniany adres e-mail powiązuje Centrum Obsługi Studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="405"/>
        <source>Changes waiting to be sent to the portal: %1</source>
        <translation>Zmiany czekające na wysłanie do portalu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="412"/>
        <location filename="../../ui/views/student_card.py" line="430"/>
        <source>Registrations of this term and the next</source>
        <translation>Rejestracje w bieżącym i następnym cyklu dydaktycznym</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="415"/>
        <source>No registrations in the current or the next term.</source>
        <translation>Brak rejestracji w bieżącym ani w następnym cyklu dydaktycznym.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="423"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="423"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="431"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="431"/>
        <source>Registration</source>
        <translation>Rejestracja</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="431"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="431"/>
        <source>Why</source>
        <translation>Dlaczego</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="444"/>
        <source>&amp;Why? (check each condition)…</source>
        <translation>&amp;Dlaczego? (sprawdź każdy warunek)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="446"/>
        <source>Explain whether the student can register</source>
        <translation>Wyjaśnij, czy student może się zarejestrować</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="448"/>
        <source>&amp;Grant access…</source>
        <translation>&amp;Nadaj uprawnienie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="450"/>
        <source>Grant the student access to the selected registration</source>
        <translation>Nadaj studentowi uprawnienie do wybranej rejestracji</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="486"/>
        <location filename="../../ui/views/student_card.py" line="504"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="488"/>
        <source>Not enrolled in any class group.</source>
        <translation>Nie jest zapisany do żadnej grupy zajęciowej.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="431"/>
        <location filename="../../ui/views/student_card.py" line="505"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="505"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="505"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="505"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="505"/>
        <source>Since</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="512"/>
        <source>Tokens and payments</source>
        <translation>Żetony i należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="516"/>
        <source>No tokens allocated.</source>
        <translation>Brak przyznanych żetonów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="529"/>
        <source>Payments</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="530"/>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="530"/>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="530"/>
        <source>For</source>
        <translation>Za</translation>
    </message>
</context>
<context>
    <name>StudentLookupView</name>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="42"/>
        <source>Find a student</source>
        <translation>Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="44"/>
        <source>Student number, name, PESEL or login e-mail — e.g. 123456 or lukasz zolkiewski</source>
        <translation>Nr albumu, imię i nazwisko, PESEL lub e-mail logowania — np. 123456 albo lukasz zolkiewski</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="51"/>
        <source>Search result summary</source>
        <translation>Podsumowanie wyników wyszukiwania</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="56"/>
        <source>Students found</source>
        <translation>Znalezieni studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="117"/>
        <source>Type a student number, a name, a PESEL or a login e-mail.</source>
        <translation>Wpisz numer albumu, imię i nazwisko, PESEL albo e-mail logowania.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="129"/>
        <source>Searching…</source>
        <translation>Szukam…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="142"/>
        <source>No student matches “%1”.</source>
        <translation>Żaden student nie pasuje do „%1”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="144"/>
        <location filename="../../ui/views/student_lookup.py" line="171"/>
        <source>More than %n students match; scroll for more or refine the search.</source>
        <translation>
            <numerusform>Pasuje więcej niż %n student; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform>
            <numerusform>Pasuje więcej niż %n studentów; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform>
            <numerusform>Pasuje więcej niż %n studentów; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="146"/>
        <location filename="../../ui/views/student_lookup.py" line="173"/>
        <source>%n student(s) found.</source>
        <translation>
            <numerusform>Znaleziono %n studenta.</numerusform>
            <numerusform>Znaleziono %n studentów.</numerusform>
            <numerusform>Znaleziono %n studentów.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="154"/>
        <source>The search failed: %1</source>
        <translation>Wyszukiwanie nie powiodło się: %1</translation>
    </message>
</context>
<context>
    <name>StudentPicker</name>
    <message>
        <location filename="../../ui/dialogs.py" line="133"/>
        <source>Find a student</source>
        <translation>Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134"/>
        <source>Student number or name</source>
        <translation>Numer albumu lub imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Students found</source>
        <translation>Znalezieni studenci</translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="17"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="18"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="19"/>
        <source>First names</source>
        <translation>Imiona</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="20"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="21"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="22"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="23"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/student_table_model.py" line="136"/>
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n kolejny)</numerusform>
            <numerusform> (+%n kolejne)</numerusform>
            <numerusform> (+%n kolejnych)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="140"/>
        <source>No login account is linked to this person: they cannot sign in to the portal.</source>
        <translation>Ta osoba nie ma powiązanego konta logowania: nie może zalogować się do portalu.</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="175"/>
        <source>no login linked</source>
        <translation>brak powiązanego loginu</translation>
    </message>
</context>
<context>
    <name>Students</name>
    <message>
        <location filename="../../desk/students.py" line="50"/>
        <source>A PESEL has exactly 11 digits.</source>
        <translation>PESEL ma dokładnie 11 cyfr.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="55"/>
        <source>The PESEL %1 is not valid: its check digit or date is wrong.</source>
        <translation>PESEL %1 jest niepoprawny: błędna cyfra kontrolna lub data.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="60"/>
        <source>The PESEL %1 gives the birth date %2, but the record says %3.</source>
        <translation>PESEL %1 wskazuje datę urodzenia %2, a w danych jest %3.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="142"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="323"/>
        <source>Say why the personal data is being changed.</source>
        <translation>Podaj powód zmiany danych osobowych.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="328"/>
        <source>A person needs a first name and a surname.</source>
        <translation>Osoba musi mieć imię i nazwisko.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="331"/>
        <source>%1 is not an e-mail address.</source>
        <translation>%1 nie jest adresem e-mail.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="340"/>
        <source>Student %1 does not study in any of your units.</source>
        <translation>Student %1 nie studiuje w żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="351"/>
        <source>The PESEL %1 already belongs to %2.</source>
        <translation>PESEL %1 należy już do osoby: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="364"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="393"/>
        <source>There is no student with the number %1.</source>
        <translation>Nie ma studenta o numerze albumu %1.</translation>
    </message>
</context>
<context>
    <name>TokenCorrectionView</name>
    <message>
        <location filename="../../ui/views/token_balances.py" line="67"/>
        <source>Find a student on the left.</source>
        <translation>Wyszukaj studenta po lewej stronie.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="75"/>
        <source>Token ledger</source>
        <translation>Historia operacji na żetonach</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="76"/>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="76"/>
        <source>When</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="76"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="76"/>
        <source>Entry</source>
        <translation>Operacja</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="77"/>
        <source>Amount</source>
        <translation>Liczba</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="77"/>
        <location filename="../../ui/views/token_balances.py" line="102"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="77"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="77"/>
        <source>By</source>
        <translation>Wprowadził</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="85"/>
        <source>&amp;Undo correction…</source>
        <translation>&amp;Cofnij korektę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="87"/>
        <source>Undo the selected correction</source>
        <translation>Cofnij wybraną korektę</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="93"/>
        <source>Token type</source>
        <translation>Typ żetonu</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="96"/>
        <source>Tokens to add or take away</source>
        <translation>Liczba żetonów do dodania lub odjęcia</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="103"/>
        <source>e.g. admitted mid-year, no allocation</source>
        <translation>np. przyjęty w trakcie roku, brak przydziału</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="106"/>
        <source>Document reference</source>
        <translation>Sygnatura dokumentu</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="107"/>
        <source>e.g. DZ.2026.123</source>
        <translation>np. DZ.2026.123</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="110"/>
        <location filename="../../ui/views/token_balances.py" line="331"/>
        <source>Reason for overriding the deadline</source>
        <translation>Powód korekty po terminie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="111"/>
        <location filename="../../ui/views/token_balances.py" line="332"/>
        <source>administrators only, after the deadline</source>
        <translation>tylko administratorzy, po terminie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="119"/>
        <source>&amp;Save correction</source>
        <translation>&amp;Zapisz korektę</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="121"/>
        <source>Save the correction</source>
        <translation>Zapisz korektę</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="123"/>
        <source>Correct the balance</source>
        <translation>Korekta stanu żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="126"/>
        <source>&amp;Token type:</source>
        <translation>&amp;Typ żetonu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="127"/>
        <source>&amp;Amount (+/−):</source>
        <translation>&amp;Liczba (+/−):</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="128"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="129"/>
        <source>&amp;Document:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="130"/>
        <location filename="../../ui/views/token_balances.py" line="335"/>
        <source>&amp;Override reason:</source>
        <translation>Powód korekty po t&amp;erminie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="131"/>
        <source>Effect:</source>
        <translation>Skutek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="206"/>
        <source>(reverses #%1)</source>
        <translation>(cofa wpis nr %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="208"/>
        <source>(reversed by #%1)</source>
        <translation>(cofnięty wpisem nr %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="233"/>
        <source>Choose how many tokens to add (+) or take away (−).</source>
        <translation>Wybierz, ile żetonów dodać (+) lub odjąć (−).</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="250"/>
        <source>Balance of %1: %2 → &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Stan %1: %2 → &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="253"/>
        <source>A balance cannot fall below zero.</source>
        <translation>Stan nie może spaść poniżej zera.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="256"/>
        <source>No registration with these tokens is coming: corrections are open.</source>
        <translation>Nie zbliża się żadna rejestracja z tymi żetonami: korekty są możliwe.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="260"/>
        <source>As an administrator you may override it, with a reason.</source>
        <translation>Jako administrator możesz dokonać korekty po terminie, podając powód.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="263"/>
        <source>Corrections allowed until %1 (registration %2 starts %3).</source>
        <translation>Korekty są możliwe do %1 (rejestracja %2 rozpoczyna się %3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="269"/>
        <source>Requests in the basket: %1 — free %2 → %3, paid %4 → %5, refused %6 → %7</source>
        <translation>Prośby w koszyku: %1 — bezpłatne %2 → %3, płatne %4 → %5, odrzucone %6 → %7</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="324"/>
        <source>Undo correction #%1</source>
        <translation>Cofnięcie korekty nr %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="325"/>
        <source>A new entry of %1 reverses it; the original stays in the ledger.</source>
        <translation>Korekta zostanie cofnięta nowym wpisem o wartości %1; pierwotny wpis pozostanie w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="326"/>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
</context>
<context>
    <name>TokenRoundView</name>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="54"/>
        <source>Token registration</source>
        <translation>Rejestracja żetonowa</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="65"/>
        <source>Requests per group</source>
        <translation>Prośby według grup</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="66"/>
        <location filename="../../ui/views/token_rounds.py" line="84"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="66"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="66"/>
        <source>Enrolled</source>
        <translation>Zapisani</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="66"/>
        <source>Waiting</source>
        <translation>Oczekujące</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="67"/>
        <source>Accepted</source>
        <translation>Przyjęte</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="67"/>
        <source>Refused</source>
        <translation>Odrzucone</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="76"/>
        <source>Requests with status</source>
        <translation>Prośby o statusie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="77"/>
        <source>every status</source>
        <translation>wszystkie statusy</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="83"/>
        <source>Requests in the order submitted</source>
        <translation>Prośby w kolejności złożenia</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="84"/>
        <source>Submitted</source>
        <translation>Złożono</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="84"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="84"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="85"/>
        <source>Request</source>
        <translation>Prośba</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="85"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="85"/>
        <source>Why</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="93"/>
        <source>&amp;Resolve now</source>
        <translation>Rozpatrz &amp;teraz</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="95"/>
        <source>Resolve the pending requests now</source>
        <translation>Rozpatrz teraz oczekujące prośby</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="96"/>
        <source>Carries out every pending request submitted so far, in the order submitted.</source>
        <translation>Realizuje wszystkie dotychczas złożone oczekujące prośby w kolejności ich złożenia.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="100"/>
        <source>&amp;Registration:</source>
        <translation>&amp;Rejestracja:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="117"/>
        <source>Requests, in the order submitted, &amp;with status:</source>
        <translation>Prośby w kolejności złożenia, o &amp;statusie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="153"/>
        <source>No token registrations.</source>
        <translation>Brak rejestracji żetonowych.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="170"/>
        <source>register</source>
        <translation>zarejestrowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="170"/>
        <source>unregister</source>
        <translation>wyrejestrowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="172"/>
        <source>will pay</source>
        <translation>zapłaci</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="182"/>
        <source>%1: %2 – %3, %4; micro-rounds of %5 min with %6 min breaks</source>
        <translation>%1: %2 – %3, %4; mikrotury po %5 min z przerwami po %6 min</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="189"/>
        <source>Next break, when requests are carried out: %1</source>
        <translation>Następna przerwa, w której prośby zostaną zrealizowane: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="192"/>
        <source>Waiting %1 · accepted %2 · refused %3 · refused permanently %4 · withdrawn %5</source>
        <translation>Oczekujące %1 · przyjęte %2 · odrzucone %3 · odrzucone trwale %4 · wycofane %5</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="225"/>
        <source>Carrying out the requests in the order submitted…</source>
        <translation>Realizowanie próśb w kolejności złożenia…</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="225"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="227"/>
        <location filename="../../ui/views/token_rounds.py" line="248"/>
        <source>Resolve now</source>
        <translation>Rozpatrz teraz</translation>
    </message>
</context>
<context>
    <name>TokenRounds</name>
    <message>
        <location filename="../../desk/token_rounds.py" line="114"/>
        <location filename="../../desk/token_rounds.py" line="462"/>
        <location filename="../../desk/token_rounds.py" line="514"/>
        <source>That is not a token registration.</source>
        <translation>To nie jest rejestracja żetonowa.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="119"/>
        <source>No round of %1 is open now.</source>
        <translation>Żadna tura rejestracji %1 nie jest teraz otwarta.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="122"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="124"/>
        <source>The student may not take part in %1.</source>
        <translation>Student nie może uczestniczyć w rejestracji %1.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="143"/>
        <source>withdrawn by the student</source>
        <translation>wycofana przez studenta</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="146"/>
        <source>The request is no longer pending.</source>
        <translation>Prośba nie oczekuje już na rozpatrzenie.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="259"/>
        <source>already registered for this course</source>
        <translation>już zapisany na ten przedmiot</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="262"/>
        <source>the registration&apos;s selection limit is reached</source>
        <translation>osiągnięto limit wyboru przedmiotów w rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="264"/>
        <source>no tokens left and payment not accepted</source>
        <translation>brak żetonów, a płatność nie jest akceptowana</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="266"/>
        <source>group full; waiting for a place</source>
        <translation>grupa pełna; oczekuje na miejsce</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="279"/>
        <source>registered; one token spent</source>
        <translation>zapisany; wykorzystano jeden żeton</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="282"/>
        <source>registered; payment due</source>
        <translation>zapisany; naliczono należność</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="287"/>
        <source>the round does not allow unregistering</source>
        <translation>tura nie pozwala na wyrejestrowanie</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="289"/>
        <source>not registered in this group</source>
        <translation>nie jest zapisany do tej grupy</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="294"/>
        <source>unregistered; token refunded or payment cancelled</source>
        <translation>wyrejestrowany; zwrócono żeton lub anulowano należność</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="317"/>
        <source>A group changed during resolution; run it again.</source>
        <translation>Grupa zmieniła się w trakcie rozstrzygania; uruchom je ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="330"/>
        <source>token registration request %1</source>
        <translation>prośba w rejestracji żetonowej %1</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="390"/>
        <location filename="../../desk/token_rounds.py" line="401"/>
        <source>unregistered (request %1)</source>
        <translation>wyrejestrowano (prośba %1)</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="444"/>
        <source>the registration ended before a place was found</source>
        <translation>rejestracja zakończyła się, zanim znalazło się miejsce</translation>
    </message>
</context>
<context>
    <name>Tokens</name>
    <message>
        <location filename="../../desk/tokens.py" line="144"/>
        <source>Corrections closed on %1: the registration %2 starts on %3, and balances may be corrected no later than 7 days before it.</source>
        <translation>Korekty zamknięto %1: rejestracja %2 rozpoczyna się %3, a stan żetonów można korygować najpóźniej 7 dni przed jej rozpoczęciem.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="230"/>
        <source>The student does not study in any of your units.</source>
        <translation>Student nie studiuje w żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="260"/>
        <source>That token type no longer exists.</source>
        <translation>Ten typ żetonu już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="291"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="342"/>
        <source>Only an administrator may override the deadline.</source>
        <translation>Tylko administrator może dokonać korekty po terminie.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="364"/>
        <source>Say why the balance is corrected (e.g. admitted mid-year).</source>
        <translation>Podaj powód korekty stanu żetonów (np. przyjęcie w trakcie roku).</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="366"/>
        <source>A correction adds or takes away at least one token.</source>
        <translation>Korekta musi dodawać lub odejmować co najmniej jeden żeton.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="382"/>
        <source>The balance of %1 would fall below zero (it is %2).</source>
        <translation>Stan %1 spadłby poniżej zera (obecnie wynosi %2).</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="423"/>
        <source>Say why the correction is undone.</source>
        <translation>Podaj powód cofnięcia korekty.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="431"/>
        <source>That ledger entry no longer exists.</source>
        <translation>Ten wpis w historii żetonów już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="434"/>
        <source>This correction was already undone.</source>
        <translation>Ta korekta została już cofnięta.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="436"/>
        <source>Only a correction can be undone here.</source>
        <translation>Tutaj można cofnąć tylko korektę.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="442"/>
        <source>Undoing it would leave a negative balance (it is %1); the tokens were used.</source>
        <translation>Cofnięcie spowodowałoby ujemny stan (obecnie %1); żetony zostały już wykorzystane.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="491"/>
        <location filename="../../desk/tokens.py" line="574"/>
        <source>An allocation gives at least one token.</source>
        <translation>Przydział musi obejmować co najmniej jeden żeton.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="557"/>
        <source>automatic allocation by rule</source>
        <translation>automatyczny przydział według reguły</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="572"/>
        <source>Say why the tokens are allocated.</source>
        <translation>Podaj powód przydziału żetonów.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="580"/>
        <source>That programme no longer exists.</source>
        <translation>Ten kierunek już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="619"/>
        <source>A token type code is 1 to 10 letters or digits, e.g. JO.</source>
        <translation>Kod typu żetonu składa się z 1–10 liter lub cyfr, np. JO.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="621"/>
        <source>A token type needs a name.</source>
        <translation>Typ żetonu musi mieć nazwę.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="625"/>
        <source>The price is an amount in PLN, e.g. 180.00.</source>
        <translation>Cena to kwota w złotych, np. 180.00.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="627"/>
        <source>The price cannot be negative.</source>
        <translation>Cena nie może być ujemna.</translation>
    </message>
</context>
<context>
    <name>UnenrollDialog</name>
    <message>
        <location filename="../../ui/views/groups.py" line="977"/>
        <source>Unenroll — %1</source>
        <translation>Wypisanie z grupy — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="978"/>
        <source>Take %1 %2 (%3) out of %4? The place is free again at once.</source>
        <translation>Wypisać z grupy %4: %1 %2 (%3)? Miejsce od razu stanie się wolne.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="981"/>
        <source>&amp;Unenroll</source>
        <translation>&amp;Wypisz</translation>
    </message>
</context>
</TS>
