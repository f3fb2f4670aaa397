<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Access</name>
    <message>
        <location filename="../../desk/access.py" line="323"/>
        <source>There is no registration with the id %1.</source>
        <translation>Nie ma rejestracji o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="343"/>
        <source>The stage (year) is 1 or more.</source>
        <translation>Etap (rok) musi wynosić co najmniej 1.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="350"/>
        <source>That programme no longer exists.</source>
        <translation>Ten kierunek już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="353"/>
        <source>The registration already has this rule.</source>
        <translation>Rejestracja ma już tę regułę.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="374"/>
        <source>That rule no longer exists.</source>
        <translation>Ta reguła już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="451"/>
        <source>Say why access is granted or revoked (e.g. returned from leave).</source>
        <translation>Podaj powód nadania lub odebrania dostępu (np. powrót z urlopu).</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="454"/>
        <source>The expiry must be in the future.</source>
        <translation>Termin wygaśnięcia musi przypadać w przyszłości.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="457"/>
        <source>No students were given.</source>
        <translation>Nie podano żadnych studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="459"/>
        <location filename="../../desk/access.py" line="606"/>
        <source>At most 50,000 students can be handled at once.</source>
        <translation>Jednorazowo można obsłużyć najwyżej 50 000 studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="466"/>
        <source>%1 of these students do not study in your units (e.g. %2).</source>
        <translation>Liczba studentów spoza Twoich jednostek: %1 (np. %2).</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="475"/>
        <source>Some of the students no longer exist (ids %1).</source>
        <translation>Niektórzy studenci już nie istnieją (identyfikatory: %1).</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="531"/>
        <source>Say why the decision is withdrawn.</source>
        <translation>Podaj powód wycofania decyzji.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="536"/>
        <source>That decision no longer exists.</source>
        <translation>Ta decyzja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="539"/>
        <source>The student does not study in your units.</source>
        <translation>Student nie studiuje w żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="541"/>
        <source>The decision was already withdrawn.</source>
        <translation>Decyzja została już wycofana.</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <location filename="../../ui/views/access_panel.py" line="55"/>
        <source>stage %1</source>
        <translation>etap %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="56"/>
        <source>every active student</source>
        <translation>każdy aktywny student</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="69"/>
        <source>no end</source>
        <translation>bezterminowo</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="90"/>
        <source>Rules: who takes part</source>
        <translation>Reguły: kto bierze udział</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="92"/>
        <source>Add &amp;rule…</source>
        <translation>&amp;Dodaj regułę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="93"/>
        <source>Remo&amp;ve rule…</source>
        <translation>&amp;Usuń regułę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="97"/>
        <source>Individual grants and revocations</source>
        <translation>Indywidualne nadania i odebrania uprawnień</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="98"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="98"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="98"/>
        <source>Decision</source>
        <translation>Decyzja</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="98"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="99"/>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="99"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="99"/>
        <source>Until</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="99"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="107"/>
        <source>&amp;Grant to a student…</source>
        <translation>&amp;Nadaj studentowi…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="108"/>
        <source>Re&amp;voke for a student…</source>
        <translation>&amp;Odbierz studentowi…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="109"/>
        <source>Grant to a &amp;list…</source>
        <translation>Nadaj osobom z &amp;listy…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="110"/>
        <source>Grant to a &amp;cohort…</source>
        <translation>Nadaj &amp;rocznikowi…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="111"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Wycofaj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="112"/>
        <source>E&amp;xport access list…</source>
        <translation>E&amp;ksportuj listę uprawnień…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="113"/>
        <source>The registration&apos;s individual decisions to an .xlsx file; the export is recorded in the history.</source>
        <translation>Indywidualne decyzje rejestracji do pliku .xlsx; eksport zostaje zapisany w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="135"/>
        <source>Rules — students of these programmes take part:</source>
        <translation>Reguły — biorą udział studenci tych kierunków:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="138"/>
        <source>Individual decisions:</source>
        <translation>Decyzje indywidualne:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="197"/>
        <source>(no rules: only individual grants admit students)</source>
        <translation>(brak reguł: dopuszczeni są tylko studenci z indywidualnie nadanym uprawnieniem)</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="200"/>
        <source>Individual decisions: %1 standing, %2 in all</source>
        <translation>Decyzje indywidualne: obowiązujące %1, łącznie %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="204"/>
        <location filename="../../ui/views/access_panel.py" line="350"/>
        <source>grant</source>
        <translation>nadanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="204"/>
        <location filename="../../ui/views/access_panel.py" line="350"/>
        <source>revocation</source>
        <translation>odebranie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="205"/>
        <source>standing</source>
        <translation>obowiązująca</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="205"/>
        <source>withdrawn</source>
        <translation>wycofana</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="205"/>
        <source>expired</source>
        <translation>wygasła</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="236"/>
        <source>Export access list</source>
        <translation>Eksport listy uprawnień</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="237"/>
        <source>access</source>
        <translation>uprawnienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="255"/>
        <source>Add a rule — %1</source>
        <translation>Dodaj regułę — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="256"/>
        <source>Students matching every field that is set take part (leave a field empty for any).</source>
        <translation>Biorą udział studenci spełniający wszystkie wypełnione pola (pozostaw pole puste, aby dopuścić dowolną wartość).</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="257"/>
        <source>&amp;Add rule</source>
        <translation>&amp;Dodaj regułę</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="261"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="262"/>
        <source>any programme</source>
        <translation>dowolny kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="267"/>
        <source>Level</source>
        <translation>Stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="268"/>
        <source>any level</source>
        <translation>dowolny stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="273"/>
        <source>Mode</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="274"/>
        <source>any mode</source>
        <translation>dowolna forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="279"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="281"/>
        <source>any stage</source>
        <translation>dowolny etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="282"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="283"/>
        <source>&amp;Level:</source>
        <translation>&amp;Stopień:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="284"/>
        <source>&amp;Mode:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="285"/>
        <source>&amp;Stage:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="297"/>
        <source>Remove a rule</source>
        <translation>Usuń regułę</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="298"/>
        <source>Remove the rule “%1”? Students it admitted no longer take part unless granted individually.</source>
        <translation>Usunąć regułę „%1”? Studenci dopuszczeni na jej podstawie przestaną brać udział, chyba że mają indywidualnie nadane uprawnienie.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="300"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="312"/>
        <source>Grant access — %1</source>
        <translation>Nadaj uprawnienie — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="312"/>
        <source>Revoke access — %1</source>
        <translation>Odbierz uprawnienie — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="313"/>
        <source>Find the student. A new decision replaces their standing one.</source>
        <translation>Znajdź studenta. Nowa decyzja zastąpi jego obowiązującą decyzję.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="314"/>
        <source>&amp;Grant access</source>
        <translation>&amp;Nadaj uprawnienie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="314"/>
        <source>&amp;Revoke access</source>
        <translation>&amp;Odbierz uprawnienie</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="316"/>
        <source>e.g. returned from leave</source>
        <translation>np. powrót z urlopu</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="316"/>
        <source>e.g. unpaid fees</source>
        <translation>np. nieopłacone należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="68"/>
        <source>Valid until</source>
        <translation>Ważne do</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="320"/>
        <source>&amp;Student:</source>
        <translation>&amp;Student:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="321"/>
        <source>Valid &amp;until:</source>
        <translation>Ważne &amp;do:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="327"/>
        <source>Find and choose the student first.</source>
        <translation>Najpierw znajdź i wybierz studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="348"/>
        <source>Withdraw a decision</source>
        <translation>Wycofaj decyzję</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="349"/>
        <source>Withdraw the %1 for %2 (%3)? The student falls back to the rules.</source>
        <translation>Wycofać decyzję „%1” dla: %2 (%3)? O udziale studenta będą znów decydować reguły.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="352"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Wycofaj</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../desk/accounts/state.py" line="33"/>
        <source>no login</source>
        <translation>brak loginu</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="34"/>
        <source>login not linked to a person</source>
        <translation>login niepowiązany z osobą</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="35"/>
        <source>linked, not yet on the portal</source>
        <translation>powiązany, jeszcze nie w portalu</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="36"/>
        <source>on the portal</source>
        <translation>w portalu</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="45"/>
        <source>students</source>
        <translation>studenci</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="46"/>
        <source>PhD students</source>
        <translation>doktoranci</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="47"/>
        <source>staff</source>
        <translation>pracownicy</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="45"/>
        <source>You are logged in, but you do not have an account in USOSweb</source>
        <translation>Jesteś zalogowany, ale nie masz konta w USOSweb</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/addresses.py" line="20"/>
        <source>the address is empty</source>
        <translation>adres jest pusty</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/addresses.py" line="22"/>
        <source>it contains a space</source>
        <translation>zawiera spację</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/addresses.py" line="24"/>
        <source>it needs exactly one @</source>
        <translation>musi zawierać dokładnie jeden znak @</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/addresses.py" line="26"/>
        <source>it contains letters outside a–z (Polish letters are not used in logins)</source>
        <translation>zawiera litery spoza zakresu a–z (w loginach nie używa się polskich liter)</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/addresses.py" line="29"/>
        <source>the part before @ is empty or has characters a login cannot have</source>
        <translation>część przed @ jest pusta lub zawiera znaki niedozwolone w loginie</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/addresses.py" line="31"/>
        <source>the part after @ is not a domain such as student.uni.opole.pl</source>
        <translation>część po @ nie jest domeną (taką jak np. student.uni.opole.pl)</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/addresses.py" line="40"/>
        <location filename="../../desk/accounts/addresses.py" line="58"/>
        <source>%1 is not a valid login address: %2.</source>
        <translation>%1 nie jest poprawnym adresem logowania: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="73"/>
        <source>The template has an unknown placeholder {%1}.</source>
        <translation>Szablon zawiera nieznany znacznik {%1}.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="75"/>
        <source>The template needs {%1}, which this person does not have.</source>
        <translation>Szablon wymaga wartości {%1}, której ta osoba nie ma.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="103"/>
        <source>%1 is not a domain such as student.uni.opole.pl.</source>
        <translation>%1 nie jest domeną (taką jak np. student.uni.opole.pl).</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="107"/>
        <source>The template must end with @%1, its domain.</source>
        <translation>Szablon musi kończyć się swoją domeną: @%1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="112"/>
        <source>Use the placeholders {student_number}, {first_initial}, {first} and {last}, e.g. %1.</source>
        <translation>Użyj znaczników {student_number}, {first_initial}, {first} i {last}, np. %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="116"/>
        <source>Staff have no student number: make their logins from their names.</source>
        <translation>Pracownicy nie mają numeru albumu: twórz ich loginy na podstawie imienia i nazwiska.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="125"/>
        <source>The domain %1 is already the domain of %2.</source>
        <translation>Domena %1 jest już domeną kategorii „%2”.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/persons.py" line="34"/>
        <location filename="../../desk/accounts/templates.py" line="165"/>
        <source>There is no person with the id %1.</source>
        <translation>Nie ma osoby o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="169"/>
        <source>No login template is set for %1; an administrator sets one.</source>
        <translation>Nie ustawiono szablonu loginu dla kategorii „%1”; ustawia go administrator.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/persons.py" line="45"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="198"/>
        <source>%1 has the domain of %2 (@%3), but %4 is among %5.</source>
        <translation>%1 ma domenę kategorii „%2” (@%3), ale %4 należy do kategorii „%5”.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="200"/>
        <source>%1 has the domain of %2 (@%3), but %4 is among %5, whose logins end in @%6.</source>
        <translation>%1 ma domenę kategorii „%2” (@%3), ale %4 należy do kategorii „%5”, której loginy kończą się na @%6.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/templates.py" line="206"/>
        <source>%1 is not in the domain of %2: their logins end in @%3.</source>
        <translation>%1 nie należy do domeny kategorii „%2”: loginy tej kategorii kończą się na @%3.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="55"/>
        <source>%1 is already linked to %2; nothing was changed.</source>
        <translation>Login %1 jest już powiązany z osobą %2; nic nie zmieniono.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="61"/>
        <source>%1 is already linked to %2, so it cannot be linked to %3. If it was linked by mistake, unlink it from %2 first.</source>
        <translation>Login %1 jest już powiązany z osobą %2, więc nie można go powiązać z osobą %3. Jeśli powiązano go przez pomyłkę, najpierw odłącz go od osoby %2.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="78"/>
        <source>%1 was just created at another workstation; look it up again.</source>
        <translation>Login %1 został przed chwilą utworzony na innym stanowisku; wyszukaj go ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="92"/>
        <source>Say why the login is linked (e.g. reported by the student).</source>
        <translation>Podaj powód powiązania loginu (np. zgłoszenie studenta).</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="94"/>
        <source>Say whom the login is linked to: one person or one student.</source>
        <translation>Wskaż, z kim powiązać login: z jedną osobą albo z jednym studentem.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="105"/>
        <source>Say why the login is unlinked (e.g. linked to the wrong person).</source>
        <translation>Podaj powód odłączenia loginu (np. powiązanie z niewłaściwą osobą).</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="109"/>
        <source>There is no login %1.</source>
        <translation>Nie ma loginu %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/linking.py" line="111"/>
        <source>%1 is not linked to anyone; nothing was changed.</source>
        <translation>Login %1 nie jest z nikim powiązany; nic nie zmieniono.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="13"/>
        <source>made at admission</source>
        <translation>utworzony przy przyjęciu na studia</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="174"/>
        <source>Login not linked to a person: %1 exists, but nobody is linked to it. Whoever logs in with it sees “%2”.</source>
        <translation>Login niepowiązany z osobą: %1 istnieje, ale nikt nie jest z nim powiązany. Kto się nim zaloguje, zobaczy komunikat „%2”.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="176"/>
        <source>Link it to the student it belongs to.</source>
        <translation>Powiąż go ze studentem, do którego należy.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="178"/>
        <source>It looks like the login of %1: link it to them.</source>
        <translation>Wygląda na to, że to login osoby %1: powiąż go z nią.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="182"/>
        <source>No login: the desk has no login %1.</source>
        <translation>Brak loginu: w programie desk nie ma loginu %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="184"/>
        <source>%1 logs in as %2.</source>
        <translation>%1 loguje się jako %2.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="187"/>
        <source>%1 has no linked login either.</source>
        <translation>%1 również nie ma powiązanego loginu.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="189"/>
        <source>No login: %1 has no institutional e-mail linked, so they cannot log in to the portal.</source>
        <translation>Brak loginu: %1 nie ma powiązanego uczelnianego adresu e-mail, więc nie może zalogować się do portalu.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="198"/>
        <source>The login %1 exists but is not linked: link it to them.</source>
        <translation>Login %1 istnieje, ale nie jest powiązany: powiąż go z tą osobą.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="200"/>
        <source>Link the address the mail system gave them; the template gives %1.</source>
        <translation>Powiąż adres nadany przez system pocztowy; według szablonu byłby to %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="202"/>
        <source>Check which address the student really uses.</source>
        <translation>Sprawdź, którego adresu student faktycznie używa.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="204"/>
        <source>Link the address the mail system gave them.</source>
        <translation>Powiąż adres nadany przez system pocztowy.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="211"/>
        <source>Linked, but not yet on the portal: %1 is linked to %2, and the change has waited to be sent since %3. Until it is sent, the student sees “%4”.</source>
        <translation>Powiązany, ale jeszcze nie w portalu: login %1 powiązano z osobą %2, a zmiana czeka na wysłanie od %3. Dopóki nie zostanie wysłana, student widzi komunikat „%4”.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="215"/>
        <source>Send it now with the sync for this student, or wait for the next sync.</source>
        <translation>Wyślij ją teraz, uruchamiając synchronizację dla tego studenta, albo zaczekaj na następną synchronizację.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="219"/>
        <source>On the portal: %1 logs in as %2.</source>
        <translation>W portalu: %1 loguje się jako %2.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="223"/>
        <source>Check the address with the mail system and link the right one.</source>
        <translation>Sprawdź adres w systemie pocztowym i powiąż właściwy.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="281"/>
        <source>Type a login e-mail or a student number.</source>
        <translation>Wpisz e-mail logowania albo numer albumu.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/state.py" line="283"/>
        <source>Nothing matches %1: type a login e-mail or a student number.</source>
        <translation>Nic nie pasuje do „%1”: wpisz e-mail logowania albo numer albumu.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="37"/>
        <source>students without a login</source>
        <translation>studenci bez loginu</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="38"/>
        <source>logins without a person</source>
        <translation>loginy niepowiązane z osobą</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="39"/>
        <source>domain not matching the category</source>
        <translation>domena niezgodna z kategorią</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="40"/>
        <source>malformed addresses</source>
        <translation>nieprawidłowe adresy</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="41"/>
        <source>near-duplicate addresses</source>
        <translation>niemal identyczne adresy</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="194"/>
        <source>No login linked; %1 exists but is not linked.</source>
        <translation>Brak powiązanego loginu; login %1 istnieje, ale nie jest powiązany.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="196"/>
        <source>No login; the template gives %1.</source>
        <translation>Brak loginu; według szablonu: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="198"/>
        <source>No login.</source>
        <translation>Brak loginu.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="219"/>
        <source>Nobody is linked; it looks like the login of %1 (%2).</source>
        <translation>Nikt nie jest powiązany; wygląda na login osoby %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="222"/>
        <source>Nobody is linked to this login.</source>
        <translation>Nikt nie jest powiązany z tym loginem.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/worklist.py" line="283"/>
        <source>Differs from %1 only in case, dots or Polish letters.</source>
        <translation>Różni się od %1 tylko wielkością liter, kropkami lub polskimi literami.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="54"/>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="55"/>
        <source>already linked</source>
        <translation>już powiązany</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="56"/>
        <source>unknown student</source>
        <translation>nieznany student</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="57"/>
        <source>malformed address</source>
        <translation>nieprawidłowy adres</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="58"/>
        <source>linked to someone else</source>
        <translation>powiązany z inną osobą</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="59"/>
        <source>domain mismatch</source>
        <translation>niezgodna domena</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="60"/>
        <source>duplicate line</source>
        <translation>powtórzony wiersz</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="61"/>
        <source>missing value</source>
        <translation>brak wartości</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="162"/>
        <source>The file has more than %1 rows; split it into smaller files.</source>
        <translation>Plik przekracza dopuszczalną liczbę wierszy (%1); podziel go na mniejsze pliki.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="187"/>
        <source>Line %1 of the file has a field longer than %2 characters (or an unclosed quote); it is not the mail system&apos;s list.</source>
        <translation>Wiersz %1 pliku ma pole dłuższe niż %2 znaków (albo niezamknięty cudzysłów); to nie jest lista z systemu poczty.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="199"/>
        <source>%1 cannot be read as an Excel (.xlsx) file.</source>
        <translation>Nie można odczytać pliku %1 jako pliku Excel (.xlsx).</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="224"/>
        <source>There is no file %1.</source>
        <translation>Nie ma pliku %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="228"/>
        <source>Old Excel files (.xls) cannot be read: save it as .xlsx or .csv.</source>
        <translation>Nie można odczytać starych plików Excel (.xls): zapisz plik jako .xlsx lub .csv.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="250"/>
        <source>Several columns could be the e-mail (%1): leave only the institutional one.</source>
        <translation>Adres e-mail może być w kilku kolumnach (%1): pozostaw tylko kolumnę z adresem uczelnianym.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="268"/>
        <source>The file needs a column with the student number (or PESEL) and a column with the e-mail, named in its first line (e.g. “numer albumu” and “e-mail”); its first line has: %1.</source>
        <translation>Plik musi mieć kolumnę z numerem albumu (lub numerem PESEL) i kolumnę z adresem e-mail, nazwane w pierwszym wierszu (np. „numer albumu” i „e-mail”); jego pierwszy wiersz zawiera: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="331"/>
        <location filename="../../desk/accounts/bulk_link.py" line="332"/>
        <source>The line has %1.</source>
        <translation>W wierszu %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="331"/>
        <source>no e-mail</source>
        <translation>brak adresu e-mail</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="333"/>
        <source>no PESEL</source>
        <translation>brak numeru PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="333"/>
        <source>no student number</source>
        <translation>brak numeru albumu</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="334"/>
        <source>Line %1 has this address or student already.</source>
        <translation>Wiersz %1 zawiera już ten adres lub tego studenta.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="335"/>
        <source>No person has the PESEL %1.</source>
        <translation>Żadna osoba nie ma numeru PESEL %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="335"/>
        <source>No student has the number %1.</source>
        <translation>Żaden student nie ma numeru albumu %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="336"/>
        <source>Already linked: nothing to do.</source>
        <translation>Już powiązany: nic do zrobienia.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="337"/>
        <source>%1 is already linked to %2, not to %3.</source>
        <translation>Login %1 jest już powiązany z osobą %2, a nie z osobą %3.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="338"/>
        <source>The existing login will be linked to %1.</source>
        <translation>Istniejący login zostanie powiązany z osobą %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="339"/>
        <source>A new login will be linked to %1.</source>
        <translation>Nowy login zostanie powiązany z osobą %1.</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="413"/>
        <source>Say why the logins are linked (e.g. export from the mail system of 1 Oct).</source>
        <translation>Podaj powód powiązania loginów (np. eksport z systemu pocztowego z 1 października).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/accounts/bulk_link.py" line="423"/>
        <source>Nothing was linked: %n lines have errors, e.g. line %2: %3 Fix the file, or leave those lines out explicitly.</source>
        <translation>
            <numerusform>Nic nie powiązano: %n wiersz zawiera błędy, np. wiersz %2: %3 Popraw plik albo jawnie pomiń te wiersze.</numerusform>
            <numerusform>Nic nie powiązano: %n wiersze zawierają błędy, np. wiersz %2: %3 Popraw plik albo jawnie pomiń te wiersze.</numerusform>
            <numerusform>Nic nie powiązano: %n wierszy zawiera błędy, np. wiersz %2: %3 Popraw plik albo jawnie pomiń te wiersze.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="446"/>
        <source>Some of these logins were just created at another workstation; preview the file again.</source>
        <translation>Niektóre z tych loginów zostały przed chwilą utworzone na innym stanowisku; ponownie wyświetl podgląd pliku.</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../ui/views/accounts.py" line="307"/>
        <source>Login e-mail or student number</source>
        <translation>E-mail logowania lub numer albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="315"/>
        <source>&amp;Show</source>
        <translation>Pok&amp;aż</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="317"/>
        <source>Show the state of this login or student</source>
        <translation>Pokaż stan tego loginu lub studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="319"/>
        <source>&amp;Import from file…</source>
        <translation>&amp;Importuj z pliku…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="321"/>
        <source>Link logins from a file of the mail system</source>
        <translation>Powiąż loginy na podstawie pliku z systemu pocztowego</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="322"/>
        <source>A CSV or Excel file with the student number (or PESEL) and the e-mail; you see every line&apos;s result before anything is linked.</source>
        <translation>Plik CSV lub Excel z numerem albumu (albo numerem PESEL) i adresem e-mail; zanim cokolwiek zostanie powiązane, zobaczysz wynik dla każdego wiersza.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="330"/>
        <source>Or find a student by name</source>
        <translation>Albo znajdź studenta po imieniu i nazwisku</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="335"/>
        <source>Type a login or a student number, or find a student by name.</source>
        <translation>Wpisz login lub numer albumu albo znajdź studenta po imieniu i nazwisku.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="341"/>
        <source>Account state</source>
        <translation>Stan konta</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="353"/>
        <source>Logins</source>
        <translation>Loginy</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="354"/>
        <location filename="../../ui/views/accounts.py" line="429"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="354"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="354"/>
        <source>Linked</source>
        <translation>Powiązano</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="354"/>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="354"/>
        <source>Waiting since</source>
        <translation>Oczekuje od</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="358"/>
        <source>&amp;Link…</source>
        <translation>Po&amp;wiąż…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="360"/>
        <source>Link a login</source>
        <translation>Powiąż login</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="362"/>
        <source>&amp;Unlink…</source>
        <translation>&amp;Usuń powiązanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="364"/>
        <source>Unlink a login</source>
        <translation>Usuń powiązanie loginu</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="366"/>
        <source>Send to the portal &amp;now</source>
        <translation>Wyślij do portalu &amp;teraz</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="368"/>
        <source>Send this student&apos;s changes to the portal now</source>
        <translation>Wyślij teraz zmiany tego studenta do portalu</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="369"/>
        <source>A sync of this one student: the student can log in within seconds.</source>
        <translation>Synchronizacja tylko tego jednego studenta: student będzie mógł się zalogować w ciągu kilku sekund.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="376"/>
        <source>Your role does not link login accounts.</source>
        <translation>Twoja rola nie pozwala na powiązywanie kont logowania.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="416"/>
        <source>Show in the worklist</source>
        <translation>Pokaż na liście spraw do załatwienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="417"/>
        <source>every kind</source>
        <translation>wszystkie rodzaje</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="421"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="423"/>
        <source>Refresh the worklist</source>
        <translation>Odśwież listę spraw do załatwienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="428"/>
        <location filename="../../ui/views/accounts.py" line="433"/>
        <source>Worklist</source>
        <translation>Sprawy do załatwienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="429"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="429"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="429"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="429"/>
        <source>What is wrong</source>
        <translation>Opis problemu</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="430"/>
        <source>Double-click or press Enter to see a line&apos;s state above.</source>
        <translation>Kliknij dwukrotnie wiersz lub naciśnij Enter, aby zobaczyć jego stan powyżej.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="437"/>
        <source>Sho&amp;w:</source>
        <translation>Po&amp;każ:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/accounts.py" line="632"/>
        <source>Sent to the portal: %n changes.</source>
        <translation>
            <numerusform>Wysłano do portalu: %n zmianę.</numerusform>
            <numerusform>Wysłano do portalu: %n zmiany.</numerusform>
            <numerusform>Wysłano do portalu: %n zmian.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="456"/>
        <source>L&amp;ogin or student number:</source>
        <translation>&amp;Login lub numer albumu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="473"/>
        <source>Login e-mail or student number — e.g. %1 or 123456</source>
        <translation>E-mail logowania lub numer albumu — np. %1 albo 123456</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="591"/>
        <source>Linked: %1 → %2. It goes to the portal with the next sync.</source>
        <translation>Powiązano: %1 → %2. Trafi do portalu przy najbliższej synchronizacji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="608"/>
        <source>Deleted: %1.</source>
        <translation>Usunięto: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="608"/>
        <source>Unlinked: %1.</source>
        <translation>Usunięto powiązanie: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="622"/>
        <source>Sending to the portal…</source>
        <translation>Wysyłanie do portalu…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="646"/>
        <source>Counting…</source>
        <translation>Liczenie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="675"/>
        <source>(%1 shown)</source>
        <translation>(wyświetlono: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="696"/>
        <source>Link logins from a file</source>
        <translation>Powiąż loginy z pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="697"/>
        <source>Spreadsheets and CSV (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Arkusze kalkulacyjne i CSV (*.xlsx *.csv *.txt);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="706"/>
        <source>Checking %1…</source>
        <translation>Sprawdzanie: %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="716"/>
        <source>Linked from the file: %1 logins (%2 new); %3 already linked; %4 lines left out.</source>
        <translation>Loginy powiązane z pliku: %1 (w tym nowe: %2); już powiązane: %3; pominięte wiersze: %4.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="78"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79"/>
        <source>why — kept with the change</source>
        <translation>dlaczego — zostanie zapisane wraz ze zmianą</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="148"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
</context>
<context>
    <name>AddProgrammeDialog</name>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="243"/>
        <source>optional: recorded as “admission”</source>
        <translation>opcjonalnie: zostanie zapisane „przyjęcie”</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="244"/>
        <source>Add a programme — %1</source>
        <translation>Dodaj kierunek — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="245"/>
        <source>%1 %2 (%3) starts one more programme.</source>
        <translation>%1 %2 (%3) rozpoczyna kolejny kierunek.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="247"/>
        <source>&amp;Add programme</source>
        <translation>&amp;Dodaj kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="251"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="254"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="256"/>
        <source>Admitted on</source>
        <translation>Data przyjęcia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="257"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="258"/>
        <source>S&amp;tage:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="259"/>
        <source>A&amp;dmitted on:</source>
        <translation>Data przy&amp;jęcia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="274"/>
        <source>Choose the programme.</source>
        <translation>Wybierz kierunek.</translation>
    </message>
</context>
<context>
    <name>AddShareDialog</name>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="297"/>
        <source>e.g. dean&apos;s decision no. …</source>
        <translation>np. decyzja dziekana nr …</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="300"/>
        <source>Dedicate seats — %1</source>
        <translation>Przeznacz miejsca — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="301"/>
        <source>The seats are kept for the students matching every field set below, or for those on a list; %n of the group&apos;s seats can be dedicated now.</source>
        <translation>
            <numerusform>Miejsca są zachowane dla studentów spełniających wszystkie ustawione niżej warunki albo dla studentów z listy; teraz można przeznaczyć %n miejsce grupy.</numerusform>
            <numerusform>Miejsca są zachowane dla studentów spełniających wszystkie ustawione niżej warunki albo dla studentów z listy; teraz można przeznaczyć %n miejsca grupy.</numerusform>
            <numerusform>Miejsca są zachowane dla studentów spełniających wszystkie ustawione niżej warunki albo dla studentów z listy; teraz można przeznaczyć %n miejsc grupy.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="303"/>
        <source>&amp;Add</source>
        <translation>Dod&amp;aj</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="307"/>
        <source>Seats</source>
        <translation>Liczba miejsc</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="311"/>
        <source>Students &amp;matching:</source>
        <translation>Studenci spełniający &amp;warunki:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="313"/>
        <source>Seats for the students matching a programme, level, mode or stage</source>
        <translation>Miejsca dla studentów danego kierunku, stopnia, formy lub etapu</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="314"/>
        <source>Students on a l&amp;ist:</source>
        <translation>Studenci z list&amp;y:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="316"/>
        <source>Seats for the students on a list</source>
        <translation>Miejsca dla studentów z listy</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="324"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="325"/>
        <source>any programme</source>
        <translation>dowolny kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="330"/>
        <source>Level</source>
        <translation>Stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="331"/>
        <source>any level</source>
        <translation>dowolny stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="336"/>
        <source>Mode</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="337"/>
        <source>any mode</source>
        <translation>dowolna forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="342"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="344"/>
        <source>any stage</source>
        <translation>dowolny etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="348"/>
        <source>Student numbers</source>
        <translation>Numery albumów</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="349"/>
        <source>Student numbers, one per line or separated by commas or spaces</source>
        <translation>Numery albumów, jeden w wierszu albo rozdzielone przecinkami lub spacjami</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="354"/>
        <source>Student numbers counted</source>
        <translation>Policzone numery albumów</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="358"/>
        <source>When the seats go to everyone</source>
        <translation>Kiedy miejsca trafiają do wszystkich</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="359"/>
        <source>not by themselves: a clerk releases them</source>
        <translation>nie same: zwalnia je pracownik dziekanatu</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="360"/>
        <source>at a day and time</source>
        <translation>w wybranym dniu o wybranej godzinie</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="361"/>
        <source>when a round starts</source>
        <translation>gdy zaczyna się tura</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="363"/>
        <source>Release day</source>
        <translation>Dzień zwolnienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="364"/>
        <source>type the day</source>
        <translation>wpisz dzień</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="367"/>
        <source>Release time</source>
        <translation>Godzina zwolnienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="379"/>
        <source>Round whose start releases the seats</source>
        <translation>Tura, której początek zwalnia miejsca</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="385"/>
        <source>no round of the course starts later</source>
        <translation>żadna późniejsza tura nie obejmuje przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="389"/>
        <source>&amp;Seats:</source>
        <translation>Liczba &amp;miejsc:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="391"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="392"/>
        <source>L&amp;evel:</source>
        <translation>&amp;Stopień:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="393"/>
        <source>M&amp;ode:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="394"/>
        <source>S&amp;tage:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="396"/>
        <source>Numbers:</source>
        <translation>Numery:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="398"/>
        <source>Re&amp;lease:</source>
        <translation>&amp;Zwolnienie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="375"/>
        <source>Da&amp;y and time:</source>
        <translation>&amp;Dzień i godzina:</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="400"/>
        <source>Ro&amp;und:</source>
        <translation>T&amp;ura:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="425"/>
        <source>%n student number(s)</source>
        <translation>
            <numerusform>%n numer albumu</numerusform>
            <numerusform>%n numery albumów</numerusform>
            <numerusform>%n numerów albumów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="427"/>
        <source>(%1 given more than once, counted once)</source>
        <translation>(%1 podane więcej niż raz, liczone jeden raz)</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="444"/>
        <source>Paste the student numbers of the students the seats are for.</source>
        <translation>Wklej numery albumów studentów, dla których są miejsca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="449"/>
        <source>Choose whom the seats are for: a programme, level, mode or stage, or a list of students.</source>
        <translation>Wybierz, dla kogo są miejsca: kierunek, stopień, formę lub etap albo listę studentów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="456"/>
        <source>Type the day the seats go to everyone, or choose another release.</source>
        <translation>Wpisz dzień, w którym miejsca trafią do wszystkich, albo wybierz inny sposób zwolnienia.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="458"/>
        <source>That day and time has passed: choose a later one, or release the seats now in the list.</source>
        <translation>Ten dzień i godzina już minęły: wybierz późniejsze albo zwolnij miejsca od razu na liście.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="463"/>
        <source>Choose the round whose start releases the seats.</source>
        <translation>Wybierz turę, której początek zwolni miejsca.</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="138"/>
        <source>Add a staff account</source>
        <translation>Dodaj konto pracownika</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="139"/>
        <source>The new staff member signs in with this login and password and can change the password afterwards (File → Change password). A password has at least %1 characters.</source>
        <translation>Nowy pracownik loguje się tym loginem i hasłem, a hasło może potem zmienić (Plik → Zmień hasło). Hasło ma co najmniej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="142"/>
        <source>&amp;Add account</source>
        <translation>&amp;Dodaj konto</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="143"/>
        <source>e.g. new clerk of the dean&apos;s office, from 1 October</source>
        <translation>np. nowa pracownica dziekanatu od 1 października</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="146"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="149"/>
        <source>Full name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="152"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="153"/>
        <source>Repeat the password</source>
        <translation>Powtórz hasło</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="154"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="155"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="156"/>
        <source>R&amp;ole:</source>
        <translation>R&amp;ola:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="157"/>
        <source>&amp;Units:</source>
        <translation>&amp;Jednostki:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="160"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="161"/>
        <source>Re&amp;peat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="170"/>
        <source>Only a dean&apos;s office clerk acts for units.</source>
        <translation>Tylko pracownik dziekanatu działa w imieniu jednostek.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="174"/>
        <source>The passwords differ.</source>
        <translation>Hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>AddWishDialog</name>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="306"/>
        <source>Add an exchange wish — %1</source>
        <translation>Nowa prośba o wymianę — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="307"/>
        <source>Type the student number and press Enter: their groups in this registration&apos;s courses are offered, then tick the groups they would take, first choice at the top.</source>
        <translation>Wpisz numer albumu i naciśnij Enter: pojawią się grupy studenta z przedmiotów tej rejestracji; zaznacz grupy, do których chce przejść, pierwszy wybór na górze.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="309"/>
        <source>&amp;Add the wish</source>
        <translation>&amp;Dodaj prośbę</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="312"/>
        <source>Student number</source>
        <translation>Numer albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="313"/>
        <source>e.g. 100234, then Enter</source>
        <translation>np. 100234, potem Enter</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="316"/>
        <source>The student</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="320"/>
        <source>The group the student leaves</source>
        <translation>Grupa, którą student opuszcza</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="323"/>
        <source>The groups the student would take, in order</source>
        <translation>Grupy, do których student chce przejść, w kolejności</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="325"/>
        <source>Move &amp;up</source>
        <translation>&amp;Wyżej</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="327"/>
        <source>Move the chosen group up</source>
        <translation>Przesuń wybraną grupę wyżej</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="329"/>
        <source>Move &amp;down</source>
        <translation>&amp;Niżej</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="331"/>
        <source>Move the chosen group down</source>
        <translation>Przesuń wybraną grupę niżej</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="339"/>
        <source>Student &amp;number:</source>
        <translation>Nr al&amp;bumu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="341"/>
        <source>&amp;From group:</source>
        <translation>&amp;Z grupy:</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="342"/>
        <source>&amp;Groups wished for:</source>
        <translation>&amp;Grupy docelowe:</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="388"/>
        <source>Looking for the student…</source>
        <translation>Szukam studenta…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="416"/>
        <source>No student chosen yet.</source>
        <translation>Nie wybrano jeszcze studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="432"/>
        <source>%1 · %2 of %3 seats free</source>
        <translation>%1 · wolne %2 z %3 miejsc</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="484"/>
        <source>Type the student number and press Enter to see their groups.</source>
        <translation>Wpisz numer albumu i naciśnij Enter, aby zobaczyć grupy studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="487"/>
        <source>Choose the group the student leaves.</source>
        <translation>Wybierz grupę, którą student opuszcza.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="490"/>
        <source>Tick at least one group the student would take.</source>
        <translation>Zaznacz co najmniej jedną grupę, do której student chce przejść.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="91"/>
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="88"/>
        <source>The details are in %1; please send that file to your administrator.</source>
        <translation>Szczegóły są w pliku %1; prześlij go administratorowi.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="90"/>
        <source>Please tell your administrator.</source>
        <translation>Powiadom administratora.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="91"/>
        <source>Something went wrong that desk did not expect. Nothing you saved is lost; the last action may not have been completed.</source>
        <translation>Wystąpił nieoczekiwany błąd. Nic, co zapisano, nie przepadło; ostatnie działanie mogło nie zostać dokończone.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="126"/>
        <source>The database cannot be opened</source>
        <translation>Nie można otworzyć bazy danych</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="130"/>
        <source>Open another database file…</source>
        <translation>Otwórz inny plik bazy danych…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="131"/>
        <source>Connect to a server…</source>
        <translation>Połącz z serwerem…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="132"/>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="173"/>
        <source>Creating the demo database (a university with %1 students)…</source>
        <translation>Tworzenie demonstracyjnej bazy danych (uczelnia z %1 studentami)…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="206"/>
        <source>Database password</source>
        <translation>Hasło do bazy danych</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="207"/>
        <source>Password for the database %1 (not saved):</source>
        <translation>Hasło do bazy danych %1 (nie jest zapisywane):</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="242"/>
        <source>Open or create a database file</source>
        <translation>Otwórz lub utwórz plik bazy danych</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="243"/>
        <source>desk databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bazy danych desk (*.sqlite *.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="251"/>
        <source>Connect to a server</source>
        <translation>Połączenie z serwerem</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="252"/>
        <source>Database address, e.g. postgresql://user@server/desk (the password is asked for, or read from ~/.pgpass; it is never saved)</source>
        <translation>Adres bazy danych, np. postgresql://uzytkownik@serwer/desk (hasło zostanie zapytane albo odczytane z ~/.pgpass; nigdy nie jest zapisywane)</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../desk/backup.py" line="81"/>
        <source>(no institution name)</source>
        <translation>(bez nazwy uczelni)</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="82"/>
        <source>institution “%1”, desk %2</source>
        <translation>uczelnia „%1”, baza desk %2</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="83"/>
        <source>that never published to a portal</source>
        <translation>która nigdy nie publikowała do portalu</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="84"/>
        <source> (a demo)</source>
        <translation> (demonstracyjna)</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="104"/>
        <source>The database %1 is on a PostgreSQL server: back it up and restore it with the server&apos;s own tools, not with desk. Back up with:
  %2
Restore with:
  %3</source>
        <translation>Baza danych %1 jest na serwerze PostgreSQL: kopię zapasową robi się i odtwarza narzędziami serwera, nie programem desk. Kopia zapasowa:
  %2
Odtworzenie:
  %3</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="121"/>
        <source>Only a database file can be backed up.</source>
        <translation>Kopię zapasową można zrobić tylko z pliku bazy danych.</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="225"/>
        <source>Keep at least one backup.</source>
        <translation>Zachowaj co najmniej jedną kopię zapasową.</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="237"/>
        <source>The backup of %1 could not be written to %2: %3</source>
        <translation>Nie udało się zapisać kopii zapasowej %1 w %2: %3</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="285"/>
        <location filename="../../desk/backup.py" line="335"/>
        <source>The file %1 is not a desk database backup.</source>
        <translation>Plik %1 nie jest kopią zapasową bazy danych desk.</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="287"/>
        <source>There is no backup file %1.</source>
        <translation>Nie ma pliku kopii zapasowej %1.</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="297"/>
        <location filename="../../desk/backup.py" line="308"/>
        <source>The backup %1 is damaged (%2); it is not restored.</source>
        <translation>Kopia zapasowa %1 jest uszkodzona (%2); nie została odtworzona.</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="314"/>
        <source>The backup %1 was made by a newer version of desk (schema %2). Install that version to restore it.</source>
        <translation>Kopię zapasową %1 zrobiła nowsza wersja programu desk (schemat %2). Zainstaluj tę wersję, aby ją odtworzyć.</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="372"/>
        <source>A database cannot be restored from itself.</source>
        <translation>Nie można odtworzyć bazy danych z niej samej.</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="393"/>
        <source>The database %1 could not be restored: %2</source>
        <translation>Nie udało się odtworzyć bazy danych %1: %2</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="399"/>
        <source>The restored database %1 does not open: %2 The copy taken before the restore is %3.</source>
        <translation>Odtworzonej bazy danych %1 nie da się otworzyć: %2 Kopia sprzed odtworzenia: %3.</translation>
    </message>
</context>
<context>
    <name>Bounds</name>
    <message>
        <location filename="../../desk/bounds.py" line="64"/>
        <source>%1 is a whole number from %2 to %3, not %4.</source>
        <translation>%1 to liczba całkowita od %2 do %3, a nie %4.</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="94"/>
        <source>A token correction</source>
        <translation>Korekta żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="95"/>
        <source>A token balance</source>
        <translation>Saldo żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="96"/>
        <source>The tokens an allocation gives</source>
        <translation>Liczba żetonów w przydziale</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="97"/>
        <source>A seat limit</source>
        <translation>Limit miejsc</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="98"/>
        <source>A change of a seat limit</source>
        <translation>Zmiana limitu miejsc</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="99"/>
        <source>A lower limit</source>
        <translation>Dolny limit</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="100"/>
        <source>An id</source>
        <translation>Identyfikator</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="101"/>
        <source>A list&apos;s length</source>
        <translation>Długość listy</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="102"/>
        <source>A stage</source>
        <translation>Rok studiów</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="103"/>
        <source>A group&apos;s number</source>
        <translation>Numer grupy</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="104"/>
        <source>A weekday (Monday 1 to Sunday 7)</source>
        <translation>Dzień tygodnia (od poniedziałku 1 do niedzieli 7)</translation>
    </message>
    <message>
        <location filename="../../desk/bounds.py" line="118"/>
        <source>A price is an amount in PLN from 0.00 to 100,000.00 with at most two decimal places, e.g. 180.00; not %1.</source>
        <translation>Cena to kwota w PLN od 0,00 do 100 000,00 z najwyżej dwoma miejscami po przecinku, np. 180,00; a nie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="50"/>
        <source>A selection limit</source>
        <translation>Limit wyboru</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="51"/>
        <source>A length in minutes</source>
        <translation>Długość w minutach</translation>
    </message>
</context>
<context>
    <name>BulkGrantDialog</name>
    <message>
        <location filename="../../ui/views/access_panel.py" line="366"/>
        <source>e.g. list from the dean&apos;s office, letter no. …</source>
        <translation>np. lista z dziekanatu, pismo nr …</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="371"/>
        <source>Grant access to a cohort — %1</source>
        <translation>Nadaj uprawnienie rocznikowi — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="371"/>
        <source>Grant access to a list — %1</source>
        <translation>Nadaj uprawnienie osobom z listy — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="372"/>
        <source>Nothing is granted until you check the list and confirm.</source>
        <translation>Uprawnienia zostaną nadane dopiero po sprawdzeniu listy i potwierdzeniu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="373"/>
        <location filename="../../ui/views/access_panel.py" line="427"/>
        <source>&amp;Grant</source>
        <translation>&amp;Nadaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="378"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="383"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="385"/>
        <source>every stage</source>
        <translation>wszystkie etapy</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="386"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="387"/>
        <source>&amp;Stage:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="393"/>
        <location filename="../../ui/views/access_panel.py" line="434"/>
        <source>Student numbers</source>
        <translation>Numery albumów</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="394"/>
        <source>Student numbers, one per line or separated by commas or spaces</source>
        <translation>Numery albumów, jeden w wierszu albo rozdzielone przecinkami lub spacjami</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="396"/>
        <source>&amp;Load from file…</source>
        <translation>&amp;Wczytaj z pliku…</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="398"/>
        <source>Load student numbers from a file</source>
        <translation>Wczytaj numery albumów z pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="400"/>
        <source>&amp;Numbers:</source>
        <translation>Nu&amp;mery:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="402"/>
        <source>&amp;Check</source>
        <translation>&amp;Sprawdź</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="404"/>
        <source>Check the list</source>
        <translation>Sprawdź listę</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="406"/>
        <location filename="../../ui/views/access_panel.py" line="428"/>
        <source>Not checked yet.</source>
        <translation>Jeszcze nie sprawdzono.</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="412"/>
        <source>Students found</source>
        <translation>Znalezieni studenci</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/access_panel.py" line="476"/>
        <source>&amp;Grant to %n students</source>
        <translation>
            <numerusform>&amp;Nadaj uprawnienie %n studentowi</numerusform>
            <numerusform>&amp;Nadaj uprawnienie %n studentom</numerusform>
            <numerusform>&amp;Nadaj uprawnienie %n studentom</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="416"/>
        <source>Check:</source>
        <translation>Sprawdzenie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="418"/>
        <source>Valid &amp;until:</source>
        <translation>Ważne &amp;do:</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="434"/>
        <source>Text or CSV (*.txt *.csv);;All files (*)</source>
        <translation>Tekst lub CSV (*.txt *.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="441"/>
        <source>The file cannot be read: %1</source>
        <translation>Nie można odczytać pliku: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="463"/>
        <source>%1 students found (%2 already admitted).</source>
        <translation>Znalezieni studenci: %1 (w tym już dopuszczeni: %2).</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="465"/>
        <source>Unknown numbers (%1): %2</source>
        <translation>Nieznane numery (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="467"/>
        <source>Given more than once (counted once): %1</source>
        <translation>Podane więcej niż raz (liczone jeden raz): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="469"/>
        <source>Not in your units, left out: %1</source>
        <translation>Spoza Twoich jednostek, pominięte: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/access_panel.py" line="481"/>
        <source>Check the list first.</source>
        <translation>Najpierw sprawdź listę.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="260"/>
        <source>Change password</source>
        <translation>Zmiana hasła</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="261"/>
        <source>Current password</source>
        <translation>Obecne hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="262"/>
        <source>New password</source>
        <translation>Nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="263"/>
        <source>Repeat the new password</source>
        <translation>Powtórz nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="265"/>
        <source>&amp;Current password:</source>
        <translation>&amp;Obecne hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="266"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nowe hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="267"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="275"/>
        <source>The new passwords differ.</source>
        <translation>Nowe hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="194"/>
        <source>Change the role of %1</source>
        <translation>Zmień rolę: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="195"/>
        <source>%1 is now: %2. The new role applies from their next sign-in.</source>
        <translation>%1 ma teraz rolę: %2. Nowa rola obowiązuje od następnego logowania.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="198"/>
        <source>&amp;Change role</source>
        <translation>&amp;Zmień rolę</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="201"/>
        <source>R&amp;ole:</source>
        <translation>R&amp;ola:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="202"/>
        <source>&amp;Units:</source>
        <translation>&amp;Jednostki:</translation>
    </message>
</context>
<context>
    <name>ChangeSetDialog</name>
    <message>
        <location filename="../../ui/views/history.py" line="584"/>
        <location filename="../../ui/views/history.py" line="596"/>
        <source>Change set #%1</source>
        <translation>Zestaw zmian nr %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="591"/>
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln wiersz</numerusform>
            <numerusform>%Ln wiersze</numerusform>
            <numerusform>%Ln wierszy</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="593"/>
        <source>Reason: %1</source>
        <translation>Powód: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="600"/>
        <source>The rows of the change set</source>
        <translation>Wiersze zestawu zmian</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="621"/>
        <source>&amp;More…</source>
        <translation>&amp;Więcej…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="623"/>
        <source>Show the next rows</source>
        <translation>Pokaż kolejne wiersze</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="649"/>
        <source>Reading the rows…</source>
        <translation>Wczytywanie wierszy…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="663"/>
        <source>%Ln rows shown, in the order they were recorded.</source>
        <translation>
            <numerusform>Pokazano %Ln wiersz, w kolejności zapisu.</numerusform>
            <numerusform>Pokazano %Ln wiersze, w kolejności zapisu.</numerusform>
            <numerusform>Pokazano %Ln wierszy, w kolejności zapisu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="665"/>
        <source>Next rows: More…</source>
        <translation>Kolejne wiersze: Więcej…</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../desk/check.py" line="142"/>
        <source>the check of %1</source>
        <translation>sprawdzanie: %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="143"/>
        <source>could not read the database: %1</source>
        <translation>nie udało się odczytać bazy danych: %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="148"/>
        <source>student %1</source>
        <translation>student %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="149"/>
        <source>student id %1</source>
        <translation>student o id %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="153"/>
        <source>ledger entry %1 of student %2</source>
        <translation>wpis %1 w rejestrze żetonów studenta %2</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="196"/>
        <location filename="../../desk/check.py" line="198"/>
        <source>database file</source>
        <translation>plik bazy danych</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="200"/>
        <source>table %1, row %2</source>
        <translation>tabela %1, wiersz %2</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="201"/>
        <source>refers to a missing row of %1</source>
        <translation>wskazuje na nieistniejący wiersz tabeli %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="245"/>
        <source>a rule on an append-only table lets changes past its guards</source>
        <translation>reguła na tabeli tylko do dopisywania przepuszcza zmiany mimo zabezpieczeń</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="249"/>
        <source>the guard trigger is missing: entries can be changed or removed unnoticed</source>
        <translation>brak wyzwalacza ochronnego: wpisy można zmienić lub usunąć niepostrzeżenie</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="251"/>
        <source>the guard trigger is disabled: entries can be changed or removed unnoticed</source>
        <translation>wyzwalacz ochronny jest wyłączony: wpisy można zmienić lub usunąć niepostrzeżenie</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="253"/>
        <source>the guard trigger refuses nothing: entries can be changed or removed unnoticed</source>
        <translation>wyzwalacz ochronny niczego nie odrzuca: wpisy można zmienić lub usunąć niepostrzeżenie</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="255"/>
        <source>table %1, trigger %2</source>
        <translation>tabela %1, wyzwalacz %2</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="268"/>
        <source>audit entry %1 (table audit_log)</source>
        <translation>wpis dziennika zmian %1 (tabela audit_log)</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="269"/>
        <source>ledger entry %1 (table token_ledger)</source>
        <translation>wpis rejestru żetonów %1 (tabela token_ledger)</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="271"/>
        <source>has no chain hash: it was written behind the application&apos;s back</source>
        <translation>nie ma skrótu łańcucha: zapisano go z pominięciem aplikacji</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="272"/>
        <source>breaks the hash chain: this entry or the one before it was changed, removed or replaced behind the application&apos;s back</source>
        <translation>przerywa łańcuch skrótów: ten wpis lub poprzedni zmieniono, usunięto lub zastąpiono z pominięciem aplikacji</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="290"/>
        <source>has no row in the search table: the lookup cannot find them</source>
        <translation>nie ma wiersza w tabeli wyszukiwania: wyszukiwarka go nie znajdzie</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="298"/>
        <source>is in the search table but there is no such student</source>
        <translation>jest w tabeli wyszukiwania, ale takiego studenta nie ma</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="314"/>
        <source>number %1 in the search table, %2 in students</source>
        <translation>numer %1 w tabeli wyszukiwania, %2 w tabeli studentów</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="317"/>
        <source>person %1 in the search table, %2 in students</source>
        <translation>osoba %1 w tabeli wyszukiwania, %2 w tabeli studentów</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="320"/>
        <source>name &quot;%1&quot; in the search table, &quot;%2&quot; in persons</source>
        <translation>nazwisko „%1” w tabeli wyszukiwania, „%2” w tabeli osób</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="323"/>
        <source>sort key or name parts differ from persons</source>
        <translation>klucz sortowania lub części nazwiska różnią się od tabeli osób</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="351"/>
        <source>the %1 balance is %2: the ledger took more tokens than it gave</source>
        <translation>saldo %1 wynosi %2: rejestr odebrał więcej żetonów, niż przydzielił</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="363"/>
        <source>is reversed by %1 entries; an entry is reversed at most once</source>
        <translation>jest cofnięty przez wpisy (liczba: %1); wpis cofa się najwyżej raz</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="377"/>
        <source>reverses entry %1, which does not exist</source>
        <translation>cofa wpis %1, który nie istnieje</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="379"/>
        <source>reverses itself</source>
        <translation>cofa sam siebie</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="381"/>
        <source>reverses entry %1 of another student or token type</source>
        <translation>cofa wpis %1 innego studenta lub innego rodzaju żetonu</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="383"/>
        <source>amount %1 does not undo entry %2 (amount %3)</source>
        <translation>kwota %1 nie cofa wpisu %2 (kwota %3)</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="396"/>
        <source>is a refund that gives back no spent token</source>
        <translation>to zwrot, który nie oddaje żadnego wydanego żetonu</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="410"/>
        <source>token request %1 has %2 %3 entries; it has one at most</source>
        <translation>prośba %1 ma wpisy typu %3 (liczba: %2); może mieć najwyżej jeden</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="431"/>
        <source>points at token request %1 of another student</source>
        <translation>wskazuje na prośbę %1 innego studenta</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="433"/>
        <source>points at token request %1 of a registration with another token type</source>
        <translation>wskazuje na prośbę %1 w rejestracji z innym rodzajem żetonu</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="435"/>
        <source>is a %2 for token request %1, which asked for something else</source>
        <translation>to wpis typu %2 dla prośby %1, która dotyczyła czegoś innego</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="511"/>
        <source>the ledger gives %1 %2, the portal shows no balance</source>
        <translation>według rejestru saldo %2 wynosi %1, portal nie pokazuje salda</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="513"/>
        <source>the portal shows %1 %2 but the ledger has no entries</source>
        <translation>portal pokazuje saldo %2 równe %1, ale rejestr nie ma wpisów</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="515"/>
        <source>the ledger gives %1 %2, the portal shows %3 and nothing waits to go out</source>
        <translation>według rejestru saldo %2 wynosi %1, portal pokazuje %3, a nic nie czeka na wysłanie</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="550"/>
        <source>the group&apos;s count says %1 students, %2 enrollments are accepted</source>
        <translation>licznik grupy podaje studentów: %1, a przyjętych zapisów jest %2</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="553"/>
        <source>%1 students in a group of %2 places with %3 recorded overrides</source>
        <translation>studentów w grupie: %1, miejsc: %2, zapisanych przekroczeń limitu: %3</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="584"/>
        <source>dedicated seats %1 of group %2</source>
        <translation>miejsca dedykowane %1 grupy %2</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="585"/>
        <source>the share counts %1 taken, %2 standing enrollments hold its seats</source>
        <translation>pula miejsc liczy zajęte: %1, a aktualnych zapisów na jej miejscach jest %2</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="588"/>
        <source>the group keeps %1 dedicated seats (%2 taken), its shares say %3 (%4 taken)</source>
        <translation>grupa przechowuje miejsca dedykowane: %1 (zajęte: %2), a jej pule miejsc: %3 (zajęte: %4)</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="608"/>
        <source>changes of %1 waiting for the portal</source>
        <translation>zmiany typu %1 czekające na portal</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="609"/>
        <source>%1 waiting since %2, more than %3 hours: is the sync running?</source>
        <translation>%1 czeka od %2, ponad %3 godz.: czy synchronizacja działa?</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="617"/>
        <source>sync run %1</source>
        <translation>synchronizacja nr %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="618"/>
        <source>a %1 run started at %2 was interrupted: it is still marked running but gives no sign of life; the next sync closes it</source>
        <translation>przebieg (%1) rozpoczęty %2 został przerwany: nadal jest oznaczony jako trwający, ale nie daje znaku życia; następna synchronizacja go zamknie</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="718"/>
        <source>The first full publication to the portal database was interrupted: it was not compared. The next sync finishes it.</source>
        <translation>Pierwsza pełna publikacja do bazy portalu została przerwana: nie porównano jej. Następna synchronizacja ją dokończy.</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="634"/>
        <source>the portal&apos;s checkpoint</source>
        <translation>punkt kontrolny portalu</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="635"/>
        <source>cannot be read: %1</source>
        <translation>nie da się odczytać: %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="645"/>
        <source>the last batch of sync run %1</source>
        <translation>ostatnia partia synchronizacji nr %1</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="646"/>
        <source>%1 of its %2 changes reached the portal but are not marked sent (the run was interrupted); the next sync marks them</source>
        <translation>%1 z %2 jej zmian dotarło do portalu, ale nie są oznaczone jako wysłane (synchronizację przerwano); następna synchronizacja je oznaczy</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="714"/>
        <source>No portal database: balances and the last batch on the portal were not compared.</source>
        <translation>Brak bazy portalu: nie porównano sald ani ostatniej partii na portalu.</translation>
    </message>
    <message>
        <location filename="../../desk/check.py" line="716"/>
        <source>The portal database has not been filled by this desk yet: it was not compared.</source>
        <translation>Tej bazy portalu nie wypełnił jeszcze ten desk: nie została porównana.</translation>
    </message>
</context>
<context>
    <name>ClassLists</name>
    <message>
        <location filename="../../ui/print_roster.py" line="125"/>
        <source>The printer cannot be used.</source>
        <translation>Nie można użyć drukarki.</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="218"/>
        <source>&amp;Export class list…</source>
        <translation>&amp;Eksportuj listę grupy…</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="220"/>
        <source>Export &amp;attendance sheet…</source>
        <translation>Eksportuj listę &amp;obecności…</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="222"/>
        <source>&amp;Print class list…</source>
        <translation>&amp;Drukuj listę grupy…</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="224"/>
        <source>Save class list as P&amp;DF…</source>
        <translation>Zapisz listę grupy jako P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="226"/>
        <source>Export groups at &amp;risk…</source>
        <translation>Eksportuj grupy &amp;zagrożone…</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="234"/>
        <source>Cl&amp;ass lists</source>
        <translation>Listy gr&amp;up</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="236"/>
        <source>Class lists: export, print, PDF</source>
        <translation>Listy grup: eksport, wydruk, PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="237"/>
        <source>The selected groups&apos; class lists to Excel, printed or as PDF; the term&apos;s groups at risk</source>
        <translation>Listy zaznaczonych grup do Excela, na wydruk lub do PDF; grupy zagrożone w cyklu</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="275"/>
        <source>Export attendance sheet</source>
        <translation>Eksport listy obecności</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="275"/>
        <source>Export class list</source>
        <translation>Eksport listy grupy</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="292"/>
        <source>Export groups at risk</source>
        <translation>Eksport grup zagrożonych</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="293"/>
        <source>groups-at-risk</source>
        <translation>grupy-zagrozone</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="317"/>
        <source>Print class list</source>
        <translation>Drukowanie listy grupy</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="339"/>
        <source>Save class list as PDF</source>
        <translation>Zapis listy grupy do PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="341"/>
        <source>PDF document (*.pdf)</source>
        <translation>Dokument PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_roster.py" line="348"/>
        <source>Class lists</source>
        <translation>Listy grup</translation>
    </message>
</context>
<context>
    <name>CloseGroupDialog</name>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="205"/>
        <source>e.g. too few students to run it</source>
        <translation>np. za mało chętnych, by ją uruchomić</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="209"/>
        <source>Close group — %1</source>
        <translation>Zamknięcie grupy — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="210"/>
        <source>Its students go to the other groups of the course and class type, each to the one with the most free seats the rules let them take; then the group takes no one. Nothing changes until you close it.</source>
        <translation>Jej studenci przechodzą do innych grup przedmiotu tego samego typu zajęć, każdy do tej z największą liczbą wolnych miejsc, które zasady pozwalają mu zająć; potem grupa nikogo nie przyjmuje. Nic się nie zmieni, dopóki jej nie zamkniesz.</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="213"/>
        <source>Close the &amp;group</source>
        <translation>Zamknij &amp;grupę</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="226"/>
        <source>The preview is not ready: close the group once it is shown.</source>
        <translation>Podgląd nie jest gotowy: zamknij grupę, gdy się pojawi.</translation>
    </message>
</context>
<context>
    <name>CohortDialog</name>
    <message>
        <location filename="../../ui/views/token_balances.py" line="395"/>
        <source>Token balances of a cohort</source>
        <translation>Salda żetonów rocznika</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="398"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="403"/>
        <source>Stage</source>
        <translation>Rok studiów</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="405"/>
        <source>every stage</source>
        <translation>każdy rok</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="408"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;ksportuj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="413"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="414"/>
        <source>&amp;Stage:</source>
        <translation>&amp;Rok:</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="100"/>
        <source>New course</source>
        <translation>Nowy przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="101"/>
        <source>A course is taught in class groups; add its groups once the course is saved.</source>
        <translation>Przedmiot jest prowadzony w grupach zajęciowych; dodaj jego grupy po zapisaniu przedmiotu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="102"/>
        <source>&amp;Add course</source>
        <translation>&amp;Dodaj przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="103"/>
        <source>Course code</source>
        <translation>Kod przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="104"/>
        <source>e.g. MAT-101</source>
        <translation>np. MAT-101</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="105"/>
        <source>Course name</source>
        <translation>Nazwa przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="106"/>
        <source>English name</source>
        <translation>Nazwa angielska</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="107"/>
        <source>Organising unit</source>
        <translation>Jednostka prowadząca</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="110"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="111"/>
        <source>pl, en, de …</source>
        <translation>pl, en, de …</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="112"/>
        <source>&amp;Code:</source>
        <translation>&amp;Kod:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="113"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="114"/>
        <source>&amp;English name:</source>
        <translation>Nazwa &amp;angielska:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="115"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Jednostka:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="116"/>
        <source>&amp;Language:</source>
        <translation>Ję&amp;zyk:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="123"/>
        <source>Choose the organising unit.</source>
        <translation>Wybierz jednostkę prowadzącą.</translation>
    </message>
</context>
<context>
    <name>Courses</name>
    <message>
        <location filename="../../desk/courses.py" line="72"/>
        <source>%1: give a value.</source>
        <translation>%1: podaj wartość.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="74"/>
        <source>%1: at most %2 characters.</source>
        <translation>%1: najwyżej %2 znaków.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="76"/>
        <source>%1: holds characters that cannot be shown.</source>
        <translation>%1: zawiera znaki, których nie można wyświetlić.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="92"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="96"/>
        <source>Code: letters, digits, dots, hyphens and underscores only (e.g. MAT-101), not %1.</source>
        <translation>Kod: tylko litery, cyfry, kropki, łączniki i podkreślenia (np. MAT-101), a nie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="98"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="99"/>
        <source>English name</source>
        <translation>Nazwa angielska</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="103"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="107"/>
        <source>Language: a language code such as pl or en, not %1.</source>
        <translation>Język: kod języka, np. pl lub en, a nie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="125"/>
        <source>There is no unit %1.</source>
        <translation>Nie ma jednostki %1.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="135"/>
        <source>The code %1 is already used by the course %2 “%3”.</source>
        <translation>Kod %1 jest już używany przez przedmiot %2 „%3”.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="162"/>
        <source>Say why the course changes (it is kept with the change).</source>
        <translation>Podaj powód zmiany przedmiotu (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="165"/>
        <source>A course has no field %1.</source>
        <translation>Przedmiot nie ma pola %1.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="169"/>
        <location filename="../../desk/courses.py" line="235"/>
        <location filename="../../desk/group_records.py" line="387"/>
        <source>That course no longer exists.</source>
        <translation>Ten przedmiot już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="186"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="201"/>
        <source>The code %1 is already used by another course.</source>
        <translation>Kod %1 jest już używany przez inny przedmiot.</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="245"/>
        <source>There is no course %1.</source>
        <translation>Nie ma przedmiotu %1.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../desk/db.py" line="75"/>
        <source>This is not a database address: %1</source>
        <translation>To nie jest adres bazy danych: %1</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="83"/>
        <source>desk works with an SQLite file or a PostgreSQL server (postgresql://…), not %1.</source>
        <translation>desk działa z plikiem SQLite albo serwerem PostgreSQL (postgresql://…), a nie z %1.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="256"/>
        <location filename="../../desk/db.py" line="327"/>
        <source>The database is busy: another workstation or job is changing it. Try again in a moment.</source>
        <translation>Baza danych jest zajęta: inne stanowisko lub zadanie właśnie ją zmienia. Spróbuj ponownie za chwilę.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="542"/>
        <location filename="../../desk/db.py" line="641"/>
        <source>The file %1 is not a desk database (or it is damaged).</source>
        <translation>Plik %1 nie jest bazą danych desk (albo jest uszkodzony).</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="544"/>
        <source>The database %1 is locked by another program. Close it there, or wait, and try again.</source>
        <translation>Baza danych %1 jest zablokowana przez inny program. Zamknij ją tam albo zaczekaj i spróbuj ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="549"/>
        <location filename="../../desk/db.py" line="647"/>
        <source>The database %1 is read-only. Ask your administrator for write access to the file and its folder.</source>
        <translation>Baza danych %1 jest tylko do odczytu. Poproś administratora o prawo zapisu do pliku i jego folderu.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="554"/>
        <source>The database %1 cannot be opened: the folder does not exist or cannot be written to.</source>
        <translation>Nie można otworzyć bazy danych %1: folder nie istnieje albo nie można w nim zapisywać.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="559"/>
        <location filename="../../desk/db.py" line="581"/>
        <source>The database %1 cannot be opened.</source>
        <translation>Nie można otworzyć bazy danych %1.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="564"/>
        <source>The database server %1 refused the sign-in. Check the user name and password in the database address.</source>
        <translation>Serwer bazy danych %1 odmówił zalogowania. Sprawdź nazwę użytkownika i hasło w adresie bazy.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="569"/>
        <source>The database %1 does not exist on the server.</source>
        <translation>Baza danych %1 nie istnieje na serwerze.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="571"/>
        <source>The database server %1 does not answer. It may be down, or the network is unavailable.</source>
        <translation>Serwer bazy danych %1 nie odpowiada. Może być wyłączony albo sieć jest niedostępna.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="576"/>
        <source>The database %1 does not allow this user to change its structure. Ask your administrator.</source>
        <translation>Baza danych %1 nie pozwala temu użytkownikowi zmieniać swojej struktury. Poproś administratora.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="602"/>
        <source>A database file is damaged: %1 or a file given to the command. Run desk check --thorough, and restore a backup (desk backup list, desk backup restore).</source>
        <translation>Plik bazy danych jest uszkodzony: %1 albo plik podany poleceniu. Uruchom desk check --thorough i przywróć kopię zapasową (desk backup list, desk backup restore).</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="629"/>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 to folder, a nie plik bazy danych.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="636"/>
        <source>The file %1 is empty: it is not a desk database. Remove it, or choose another file.</source>
        <translation>Plik %1 jest pusty: to nie jest baza desk. Usuń go albo wybierz inny plik.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="662"/>
        <source>There is no database at %1.</source>
        <translation>Nie ma bazy danych w %1.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="692"/>
        <source>The database %1 was made by a newer version of desk. Install the newer version to open it.</source>
        <translation>Baza danych %1 została utworzona przez nowszą wersję desk. Zainstaluj nowszą wersję, aby ją otworzyć.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="655"/>
        <location filename="../../desk/db.py" line="702"/>
        <source>The database %1 holds tables of another program; desk will not change it.</source>
        <translation>Baza danych %1 zawiera tabele innego programu; desk jej nie zmieni.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="712"/>
        <source>The database %1 needs an upgrade. Run: desk db upgrade</source>
        <translation>Baza danych %1 wymaga aktualizacji. Uruchom: desk db upgrade</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../desk/demo.py" line="96"/>
        <source>demo database</source>
        <translation>baza demonstracyjna</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="41"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <location filename="../../desk/eligibility.py" line="105"/>
        <source>Admitted. %1</source>
        <translation>Dopuszczony. %1</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="111"/>
        <source>Admitted: nothing stops this student from registering.</source>
        <translation>Dopuszczony: nic nie stoi na przeszkodzie, aby student się zarejestrował.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="107"/>
        <source>Cannot register: %1</source>
        <translation>Nie może się zarejestrować: %1</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="112"/>
        <source>Admitted: nothing stops this student from registering.</source>
        <comment>female</comment>
        <translation>Dopuszczona: nic nie stoi na przeszkodzie, aby studentka się zarejestrowała.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="117"/>
        <source>Round open</source>
        <translation>Otwarta tura</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="118"/>
        <source>Rule or individual grant</source>
        <translation>Reguła lub indywidualne uprawnienie</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="119"/>
        <source>No revocation</source>
        <translation>Brak cofnięcia uprawnienia</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="120"/>
        <source>Programme status</source>
        <translation>Status na kierunku</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="121"/>
        <source>Login linked</source>
        <translation>Powiązane konto logowania</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="122"/>
        <source>Data on the portal</source>
        <translation>Dane w portalu</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="123"/>
        <source>Offered in the registration</source>
        <translation>Oferowany w rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="124"/>
        <source>Not already in a group of this course and class type</source>
        <translation>Nie ma już grupy tego przedmiotu i typu zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="125"/>
        <source>No timetable clash</source>
        <translation>Brak kolizji w planie zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="126"/>
        <source>Selection limit</source>
        <translation>Limit wyboru przedmiotów</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="127"/>
        <source>Places left</source>
        <translation>Wolne miejsca</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="128"/>
        <source>Tokens or payment</source>
        <translation>Żetony lub należność</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="135"/>
        <source>The registration has no rounds.</source>
        <translation>Rejestracja nie ma żadnych tur.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="136"/>
        <source>Add a round in the registration calendar.</source>
        <translation>Dodaj turę w kalendarzu rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="140"/>
        <source>Round “%1” is open until %2.</source>
        <translation>Tura „%1” jest otwarta do %2.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="146"/>
        <source>Round “%1” opens on %2.</source>
        <translation>Tura „%1” zostanie otwarta %2.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="150"/>
        <source>All rounds have ended; the last closed on %1.</source>
        <translation>Wszystkie tury się zakończyły; ostatnia została zamknięta %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="151"/>
        <source>Extend the last round or add a new one in the registration calendar.</source>
        <translation>Przedłuż ostatnią turę albo dodaj nową w kalendarzu rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="167"/>
        <source>%1 since %2 until %3</source>
        <translation>%1 od %2 do %3</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="170"/>
        <source>%1 since %2</source>
        <translation>%1 od %2</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="182"/>
        <source>Admitted by an individual grant of %1 by %2: %3.</source>
        <translation>Dopuszczony na mocy indywidualnego uprawnienia z %1, nadanego przez: %2. Powód: %3.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="184"/>
        <location filename="../../desk/eligibility.py" line="229"/>
        <source>the system</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="188"/>
        <source>Valid until %1.</source>
        <translation>Ważne do %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="191"/>
        <source>Admitted by a rule of the registration.</source>
        <translation>Dopuszczony na mocy reguły rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="193"/>
        <source>The registration is open to every active student.</source>
        <translation>Rejestracja jest otwarta dla wszystkich aktywnych studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="194"/>
        <source>Grant access individually.</source>
        <translation>Nadaj uprawnienie indywidualnie.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="201"/>
        <source>%1 (%2), so no rule admits them.</source>
        <translation>%1 (%2), więc nie dopuszcza go żadna reguła.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="206"/>
        <source>Correct the programme status first if it is wrong.</source>
        <translation>Jeśli status na kierunku jest błędny, najpierw go popraw.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="209"/>
        <location filename="../../desk/eligibility.py" line="241"/>
        <source>The student has no programme.</source>
        <translation>Student nie ma przypisanego kierunku studiów.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="210"/>
        <location filename="../../desk/eligibility.py" line="242"/>
        <source>Record the student&apos;s programme first.</source>
        <translation>Najpierw wprowadź kierunek studiów studenta.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="215"/>
        <source>No rule admits their programme %1 and no individual grant stands.</source>
        <translation>Żadna reguła nie dopuszcza kierunku %1 i nie ma ważnego indywidualnego uprawnienia.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="216"/>
        <source>Grant access individually, or add a rule for the programme.</source>
        <translation>Nadaj uprawnienie indywidualnie albo dodaj regułę dla tego kierunku.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="223"/>
        <source>No revocation stands.</source>
        <translation>Uprawnienie nie zostało cofnięte.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="227"/>
        <source>Access was revoked on %1 by %2: %3.</source>
        <translation>Uprawnienie zostało cofnięte %1 przez: %2. Powód: %3.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="231"/>
        <source>Withdraw the revocation, or grant access again.</source>
        <translation>Anuluj cofnięcie albo ponownie nadaj uprawnienie.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="248"/>
        <source>Only active students (and, by an individual grant, students back from leave) take part.</source>
        <translation>Udział biorą tylko aktywni studenci (oraz, na mocy indywidualnego uprawnienia, studenci powracający z urlopu).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="255"/>
        <source>Logs in as %1.</source>
        <translation>Loguje się jako %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="259"/>
        <source>No institutional e-mail is linked, so the portal says they have no account.</source>
        <translation>Nie powiązano uczelnianego adresu e-mail, więc portal podaje, że student nie ma konta.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="260"/>
        <source>Link the login e-mail to the person (Student Service Center).</source>
        <translation>Powiąż e-mail logowania z osobą (Centrum Obsługi Studenta).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="266"/>
        <source>Whether this has reached the portal cannot be told yet: the portal sync is not set up.</source>
        <translation>Nie można jeszcze stwierdzić, czy dane dotarły do portalu: synchronizacja z portalem nie jest skonfigurowana.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="268"/>
        <source>%n changes for this student wait to be sent.</source>
        <translation>
            <numerusform>Zmiany tego studenta czekające na wysłanie: %n.</numerusform>
            <numerusform>Zmiany tego studenta czekające na wysłanie: %n.</numerusform>
            <numerusform>Zmiany tego studenta czekające na wysłanie: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="287"/>
        <source>Registered for %1 of %n courses.</source>
        <translation>
            <numerusform>Zapisy na przedmioty: %1 z %n.</numerusform>
            <numerusform>Zapisy na przedmioty: %1 z %n.</numerusform>
            <numerusform>Zapisy na przedmioty: %1 z %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="349"/>
        <source>%n %1 tokens left.</source>
        <translation>
            <numerusform>Pozostał %n żeton %1.</numerusform>
            <numerusform>Pozostały %n żetony %1.</numerusform>
            <numerusform>Pozostało %n żetonów %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="286"/>
        <source>No limit on the number of courses.</source>
        <translation>Brak limitu liczby przedmiotów.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="291"/>
        <source>Already registered for this course.</source>
        <translation>Już zarejestrowany na ten przedmiot.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="296"/>
        <source>Already taken: %1.</source>
        <translation>Już wybrane: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="297"/>
        <source>Unregister from a course first, or move the student between groups.</source>
        <translation>Najpierw wyrejestruj studenta z któregoś przedmiotu albo przenieś go między grupami.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="321"/>
        <source>Raise the group&apos;s limit, or enroll over the limit with a reason.</source>
        <translation>Zwiększ limit miejsc w grupie albo zapisz studenta ponad limit, podając powód.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="324"/>
        <source>%1 of %2 places taken.</source>
        <translation>Zajęte miejsca: %1 z %2.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="326"/>
        <source>The group is full:</source>
        <translation>Grupa jest pełna:</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="330"/>
        <source>The registration offers no class groups yet.</source>
        <translation>Rejestracja nie oferuje jeszcze żadnych grup zajęciowych.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="331"/>
        <source>Add the courses it offers in the registration calendar.</source>
        <translation>Dodaj oferowane przedmioty w kalendarzu rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="335"/>
        <source>All %1 groups are full.</source>
        <translation>Wszystkie grupy (%1) są pełne.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="339"/>
        <source>%1 of %2 groups have places (%3 free).</source>
        <translation>Grupy z wolnymi miejscami: %1 z %2 (wolne miejsca: %3).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="346"/>
        <source>Not a token registration.</source>
        <translation>To nie jest rejestracja żetonowa.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="353"/>
        <source>No %1 tokens left: registering creates a payment of %2 PLN, which the student must accept first.</source>
        <translation>Brak żetonów %1: rejestracja utworzy należność w wysokości %2 zł, którą student musi najpierw zaakceptować.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="356"/>
        <source>If an allocation is missing, correct the balance (no later than 7 days before the registration starts).</source>
        <translation>Jeśli brakuje przydziału, skoryguj stan żetonów (najpóźniej 7 dni przed rozpoczęciem rejestracji).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="388"/>
        <source>The portal has not been synced from this desk yet, so what it shows cannot be told.</source>
        <translation>Portal nie został jeszcze zsynchronizowany z tego programu desk, więc nie można stwierdzić, co pokazuje.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="389"/>
        <source>Run a full sync (Sync view).</source>
        <translation>Uruchom pełną synchronizację (widok „Synchronizacja”).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="390"/>
        <source>Sync this student now (student card, “On the portal”).</source>
        <translation>Zsynchronizuj teraz tego studenta (karta studenta, „W portalu”).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="393"/>
        <source>Changes for this student wait to be sent to the portal: %1.</source>
        <translation>Zmiany tego studenta czekające na wysłanie do portalu: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="399"/>
        <source>The portal database cannot be read: %1</source>
        <translation>Nie można odczytać bazy danych portalu: %1</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="407"/>
        <source>The portal has no account for this student: they see “logged in, but no account”.</source>
        <translation>Portal nie ma konta tego studenta: student widzi komunikat „Jesteś zalogowany, ale nie masz konta w USOSweb”.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="412"/>
        <source>The portal does not admit the student to this registration yet.</source>
        <translation>Portal jeszcze nie dopuszcza studenta do tej rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="414"/>
        <source>The portal has the student&apos;s data (last sync %1).</source>
        <translation>Portal ma dane studenta (ostatnia synchronizacja: %1).</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="420"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="423"/>
        <source>There is no registration with the id %1.</source>
        <translation>Nie ma rejestracji o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="428"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="525"/>
        <source>No course or group asked about.</source>
        <translation>Nie wskazano przedmiotu ani grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="526"/>
        <source>The registration offers this course.</source>
        <translation>Rejestracja oferuje ten przedmiot.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="533"/>
        <source>Ask about a group to check the groups the student already holds.</source>
        <translation>Zapytaj o grupę, aby sprawdzić grupy, w których student już jest.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="535"/>
        <source>Not in another group of this course and class type.</source>
        <translation>Nie jest w innej grupie tego przedmiotu i typu zajęć.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="542"/>
        <source>Ask about a group to check its timetable against the student&apos;s groups.</source>
        <translation>Zapytaj o grupę, aby sprawdzić jej termin z grupami studenta.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="545"/>
        <source>This registration does not check timetable clashes.</source>
        <translation>Ta rejestracja nie sprawdza kolizji w planie zajęć.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="548"/>
        <source>The group has no timetable: it clashes with nothing.</source>
        <translation>Grupa nie ma terminu w planie: z niczym nie koliduje.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="550"/>
        <source>No clash with the groups the student holds in the term.</source>
        <translation>Brak kolizji z grupami, w których student jest w tym cyklu.</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="587"/>
        <source>Admitted, but: %1</source>
        <translation>Dopuszczony, ale: %1</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="213"/>
        <source>Enroll in %1</source>
        <translation>Zapis do: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="209"/>
        <source>%1 of %2 places taken.</source>
        <translation>Zajęte miejsca: %1 z %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_dialogs.py" line="211"/>
        <source>Free places dedicated to some students: %n (other students only over the limit).</source>
        <translation>
            <numerusform>Wolne miejsca dedykowane wybranym studentom: %n (inni studenci tylko ponad limit).</numerusform>
            <numerusform>Wolne miejsca dedykowane wybranym studentom: %n (inni studenci tylko ponad limit).</numerusform>
            <numerusform>Wolne miejsca dedykowane wybranym studentom: %n (inni studenci tylko ponad limit).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="213"/>
        <source>&amp;Enroll</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="216"/>
        <source>Student to enroll</source>
        <translation>Student do zapisania</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="217"/>
        <source>Enroll &amp;over the limit (a recorded override)</source>
        <translation>Zapisz ponad &amp;limit (odstępstwo odnotowywane w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="219"/>
        <source>Enroll over the limit</source>
        <translation>Zapisz ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="222"/>
        <source>&amp;Student:</source>
        <translation>&amp;Student:</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="231"/>
        <source>The group has free places.</source>
        <translation>W grupie są wolne miejsca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="242"/>
        <source>Find and choose the student first.</source>
        <translation>Najpierw znajdź i wybierz studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="270"/>
        <source>Despite the timetable &amp;clash (a recorded override)</source>
        <translation>Mimo &amp;kolizji w planie zajęć (odstępstwo odnotowywane w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="272"/>
        <source>Despite the timetable clash</source>
        <translation>Mimo kolizji w planie zajęć</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="281"/>
        <source>Offered when the group clashes with one the student holds.</source>
        <translation>Dostępne, gdy grupa koliduje z grupą, w której student już jest.</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <location filename="../../desk/enrollment.py" line="80"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="87"/>
        <location filename="../../desk/enrollment.py" line="691"/>
        <source>There is no class group with the id %1.</source>
        <translation>Nie ma grupy zajęciowej o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="248"/>
        <source>Neither group %1 nor the student belongs to your units.</source>
        <translation>Ani grupa %1, ani student nie należą do Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="257"/>
        <source>Say why (it is kept with the change).</source>
        <translation>Podaj powód (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="287"/>
        <source>Only a clerk of the unit that runs the group may enroll over its limit.</source>
        <translation>Ponad limit może zapisać tylko pracownik jednostki prowadzącej grupę.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="292"/>
        <location filename="../../desk/enrollment.py" line="649"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="325"/>
        <location filename="../../desk/enrollment.py" line="365"/>
        <source>That enrollment no longer exists.</source>
        <translation>Ten zapis już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="460"/>
        <location filename="../../desk/enrollment.py" line="474"/>
        <source>A group changed meanwhile; try again.</source>
        <translation>Grupa zmieniła się w międzyczasie; spróbuj ponownie.</translation>
    </message>
</context>
<context>
    <name>Exchanges</name>
    <message>
        <location filename="../../desk/exchanges.py" line="55"/>
        <source>Waiting: no one in the groups wished for wants a seat this would free, and none has a free seat.</source>
        <translation>Czeka: nikt z grup docelowych nie chce miejsca, które by się zwolniło, a żadna nie ma wolnego miejsca.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="57"/>
        <source>Carried out: now in {group}.</source>
        <translation>Zrealizowana: teraz w {group}.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="58"/>
        <source>The student no longer holds {group}.</source>
        <translation>Student nie jest już w grupie {group}.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="59"/>
        <source>Withdrawn.</source>
        <translation>Wycofana.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="60"/>
        <source>Replaced by a newer wish.</source>
        <translation>Zastąpiona nowszą prośbą.</translation>
    </message>
    <message>
        <location filename="../../desk/exchange_choices.py" line="52"/>
        <source>Type the student number.</source>
        <translation>Wpisz numer albumu.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="113"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="115"/>
        <source>The registration %1 does not allow exchanges.</source>
        <translation>Rejestracja %1 nie dopuszcza wymian.</translation>
    </message>
    <message>
        <location filename="../../desk/exchange_choices.py" line="59"/>
        <source>There is no student with the number %1.</source>
        <translation>Nie ma studenta o numerze albumu %1.</translation>
    </message>
    <message>
        <location filename="../../desk/exchange_choices.py" line="77"/>
        <source>Student %1 holds no group of this registration&apos;s courses that has another group to exchange it for.</source>
        <translation>Student %1 nie ma w przedmiotach tej rejestracji grupy, którą można wymienić na inną.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="62"/>
        <source>No group of the same course and class type as {group} is held to exchange for it.</source>
        <translation>Student nie jest w żadnej grupie tego samego przedmiotu i typu zajęć co {group}, którą mógłby na nią wymienić.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="126"/>
        <source>Name at least one group to move to.</source>
        <translation>Wskaż co najmniej jedną grupę docelową.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="128"/>
        <source>A wish may name at most %1 groups.</source>
        <translation>Prośba może wskazać najwyżej %1 grup.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="130"/>
        <source>The group the student leaves cannot be one they wish for.</source>
        <translation>Grupa, którą student opuszcza, nie może być grupą docelową.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="143"/>
        <source>The student is not in that group.</source>
        <translation>Student nie jest w tej grupie.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="150"/>
        <source>The registration %1 does not offer that course.</source>
        <translation>Rejestracja %1 nie oferuje tego przedmiotu.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="156"/>
        <source>A student exchanges only for a group of the same course, term and class type.</source>
        <translation>Student może wymienić grupę tylko na grupę tego samego przedmiotu, semestru i typu zajęć.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="211"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="253"/>
        <source>That wish no longer exists.</source>
        <translation>Ta prośba już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="258"/>
        <source>That wish is no longer open.</source>
        <translation>Ta prośba nie jest już otwarta.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="522"/>
        <source>That enrollment is no longer standing.</source>
        <translation>Ten zapis już nie obowiązuje.</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="525"/>
        <source>Both students are in the same group.</source>
        <translation>Obaj studenci są w tej samej grupie.</translation>
    </message>
</context>
<context>
    <name>ExchangesDialog</name>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="82"/>
        <source>Group exchanges — %1</source>
        <translation>Wymiany grup — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="93"/>
        <source>Open exchange wishes</source>
        <translation>Otwarte prośby o wymianę</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="94"/>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="94"/>
        <source>Leaves</source>
        <translation>Opuszcza</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="94"/>
        <source>Wishes for, in order</source>
        <translation>Chce do (w kolejności)</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="95"/>
        <source>Since</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="95"/>
        <source>Made</source>
        <translation>Zgłoszona</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="95"/>
        <source>Why it waits</source>
        <translation>Dlaczego czeka</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="98"/>
        <source>&amp;Run the exchange now…</source>
        <translation>&amp;Przeprowadź wymianę teraz…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="99"/>
        <source>Carry out every set of open wishes that can be satisfied now</source>
        <translation>Zrealizuj teraz wszystkie zestawy otwartych próśb, które da się spełnić</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="100"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Wycofaj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="101"/>
        <source>Withdraw the chosen wish</source>
        <translation>Wycofaj wybraną prośbę</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="102"/>
        <source>Withdraw the chosen wish, with a reason (Delete)</source>
        <translation>Wycofaj wybraną prośbę, podając powód (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="103"/>
        <source>&amp;Add a wish…</source>
        <translation>&amp;Dodaj prośbę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="104"/>
        <source>Record a wish for a student</source>
        <translation>Zapisz prośbę w imieniu studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="106"/>
        <source>An exchange is run by the unit that organises the registration.</source>
        <translation>Wymianę przeprowadza jednostka organizująca rejestrację.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="131"/>
        <source>Reading the wishes…</source>
        <translation>Wczytywanie próśb…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="182"/>
        <source>%n open wishes, oldest first. A run carries out together every set that can be: pairs, cycles and chains ending in a free seat.</source>
        <translation>
            <numerusform>%n otwarta prośba, od najstarszej. Wymiana realizuje razem każdy zestaw, który się da: pary, cykle i łańcuchy kończące się wolnym miejscem.</numerusform>
            <numerusform>%n otwarte prośby, od najstarszej. Wymiana realizuje razem każdy zestaw, który się da: pary, cykle i łańcuchy kończące się wolnym miejscem.</numerusform>
            <numerusform>%n otwartych próśb, od najstarszej. Wymiana realizuje razem każdy zestaw, który się da: pary, cykle i łańcuchy kończące się wolnym miejscem.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="185"/>
        <source>No wish is open. Students wish on the portal; a clerk adds one for a student with Add a wish.</source>
        <translation>Brak otwartych próśb. Studenci zgłaszają je w portalu; pracownik dodaje prośbę za studenta przyciskiem „Dodaj prośbę”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="193"/>
        <source>on the portal</source>
        <translation>w portalu</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="193"/>
        <source>by a clerk</source>
        <translation>przez pracownika</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="235"/>
        <source>e.g. the exchange break of the first round</source>
        <translation>np. przerwa wymian po I turze</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="237"/>
        <source>Run the exchange — %1</source>
        <translation>Wymiana — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="238"/>
        <source>Every set of the %n open wishes that can be satisfied together is carried out now, oldest wishes first, each move asked of the rules; the others stay open with why.</source>
        <translation>
            <numerusform>Jeśli %n otwartą prośbę da się spełnić, zostanie teraz zrealizowana, a każde przeniesienie sprawdzone regułami; w przeciwnym razie pozostanie otwarta z podaniem przyczyny.</numerusform>
            <numerusform>Zestawy spośród %n otwartych próśb, które da się spełnić razem, zostaną teraz zrealizowane, od najstarszych, każde przeniesienie sprawdzone regułami; pozostałe zostaną otwarte z podaniem przyczyny.</numerusform>
            <numerusform>Zestawy spośród %n otwartych próśb, które da się spełnić razem, zostaną teraz zrealizowane, od najstarszych, każde przeniesienie sprawdzone regułami; pozostałe zostaną otwarte z podaniem przyczyny.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="240"/>
        <source>Run &amp;now</source>
        <translation>Wy&amp;konaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="249"/>
        <source>Run at %1: %2</source>
        <translation>Wymiana o %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="255"/>
        <source>%n wishes carried out</source>
        <translation>
            <numerusform>zrealizowano %n prośbę</numerusform>
            <numerusform>zrealizowano %n prośby</numerusform>
            <numerusform>zrealizowano %n próśb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="256"/>
        <source>in %n sets</source>
        <translation>
            <numerusform>w %n zestawie</numerusform>
            <numerusform>w %n zestawach</numerusform>
            <numerusform>w %n zestawach</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="257"/>
        <source>the longest of %n moves</source>
        <translation>
            <numerusform>najdłuższy: %n przeniesienie</numerusform>
            <numerusform>najdłuższy: %n przeniesienia</numerusform>
            <numerusform>najdłuższy: %n przeniesień</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="258"/>
        <source>%n still open.</source>
        <translation>
            <numerusform>%n nadal otwarta.</numerusform>
            <numerusform>%n nadal otwarte.</numerusform>
            <numerusform>%n nadal otwartych.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="260"/>
        <source>No wish could be carried out; %n still open.</source>
        <translation>
            <numerusform>Żadnej prośby nie dało się zrealizować; %n nadal otwarta.</numerusform>
            <numerusform>Żadnej prośby nie dało się zrealizować; %n nadal otwarte.</numerusform>
            <numerusform>Żadnej prośby nie dało się zrealizować; %n nadal otwartych.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="262"/>
        <source>%n closed: the student no longer holds the group they wished to leave.</source>
        <translation>
            <numerusform>%n zamknięta: student nie jest już w grupie, którą chciał opuścić.</numerusform>
            <numerusform>%n zamknięte: student nie jest już w grupie, którą chciał opuścić.</numerusform>
            <numerusform>%n zamkniętych: student nie jest już w grupie, którą chciał opuścić.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="275"/>
        <source>Withdraw a wish — %1</source>
        <translation>Wycofanie prośby — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="276"/>
        <source>Withdraw the wish of %1 to leave %2 for %3?</source>
        <translation>Wycofać prośbę: %1 z %2 do %3?</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchanges_dialog.py" line="279"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Wycofaj</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="77"/>
        <source>Can this student register?</source>
        <translation>Czy ten student może się zarejestrować?</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="78"/>
        <source>Checking…</source>
        <translation>Sprawdzanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="84"/>
        <source>Verdict</source>
        <translation>Rozstrzygnięcie</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="89"/>
        <source>Conditions checked</source>
        <translation>Sprawdzone warunki</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="90"/>
        <source>Condition</source>
        <translation>Warunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="90"/>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="90"/>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="90"/>
        <source>How to fix</source>
        <translation>Jak to naprawić</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="91"/>
        <source>&amp;Check again</source>
        <translation>&amp;Sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="93"/>
        <source>Check again</source>
        <translation>Sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="94"/>
        <source>F5: check again, e.g. after granting access</source>
        <translation>F5: sprawdź ponownie, np. po nadaniu uprawnienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="97"/>
        <source>&amp;Grant access…</source>
        <translation>&amp;Nadaj uprawnienie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="99"/>
        <source>Grant the student access to this registration</source>
        <translation>Nadaj studentowi uprawnienie do tej rejestracji</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="161"/>
        <source>Your role or units do not allow granting access to this registration.</source>
        <translation>Twoja rola lub jednostki nie pozwalają nadać uprawnienia do tej rejestracji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="166"/>
        <source>Can %1 register for %2?</source>
        <translation>Czy %1 może się zarejestrować (%2)?</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../desk/accounts/bulk_link.py" line="233"/>
        <location filename="../../desk/imports/files.py" line="49"/>
        <location filename="../../desk/input_files.py" line="28"/>
        <source>The file %1 cannot be read.</source>
        <translation>Nie można odczytać pliku %1.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="70"/>
        <location filename="../../desk/input_files.py" line="37"/>
        <source>There is no file %1.</source>
        <translation>Nie ma pliku %1.</translation>
    </message>
    <message>
        <location filename="../../desk/input_files.py" line="39"/>
        <source>%1 is not a file.</source>
        <translation>%1 nie jest plikiem.</translation>
    </message>
    <message>
        <location filename="../../desk/input_files.py" line="52"/>
        <source>The file is %1 MB; at most %2 MB can be read at once. Split it into smaller files.</source>
        <translation>Plik ma %1 MB; jednorazowo można odczytać najwyżej %2 MB. Podziel go na mniejsze pliki.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="86"/>
        <location filename="../../desk/input_files.py" line="71"/>
        <source>The file %1 is not a text file (it contains NUL bytes).</source>
        <translation>Plik %1 nie jest plikiem tekstowym (zawiera bajty NUL).</translation>
    </message>
    <message>
        <location filename="../../desk/input_files.py" line="79"/>
        <source>The file %1 is not UTF-8 text (line %2). Save it as UTF-8 and try again.</source>
        <translation>Plik %1 nie jest tekstem UTF-8 (wiersz %2). Zapisz go jako UTF-8 i spróbuj ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="53"/>
        <location filename="../../desk/input_files.py" line="95"/>
        <source>The file has more than %1 rows; split it into smaller files.</source>
        <translation>Plik ma więcej niż %1 wierszy; podziel go na mniejsze pliki.</translation>
    </message>
    <message>
        <location filename="../../desk/input_files.py" line="110"/>
        <source>%1 is not an Excel file desk reads: it would unpack to more than %2 MB or %3 cells. Save only the needed columns as .xlsx or .csv.</source>
        <translation>%1 nie jest plikiem Excela, który desk odczyta: po rozpakowaniu miałby ponad %2 MB albo %3 komórek. Zapisz tylko potrzebne kolumny jako .xlsx lub .csv.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="149"/>
        <location filename="../../desk/input_files.py" line="140"/>
        <source>%1 cannot be read as an Excel (.xlsx) file.</source>
        <translation>Nie można odczytać %1 jako pliku Excela (.xlsx).</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="215"/>
        <source>New database — first administrator</source>
        <translation>Nowa baza danych — pierwszy administrator</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="217"/>
        <source>This database has no staff accounts yet. Create the administrator&apos;s account; the administrator then adds the other staff.</source>
        <translation>Ta baza danych nie ma jeszcze kont pracowników. Utwórz konto administratora; administrator doda potem pozostałych pracowników.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="222"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="223"/>
        <source>Full name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="224"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="225"/>
        <source>Repeat the password</source>
        <translation>Powtórz hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="227"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="228"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="229"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="230"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="240"/>
        <source>The passwords differ.</source>
        <translation>Hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/readiness_dialog.py" line="150"/>
        <source>Grant access to %n students</source>
        <translation>
            <numerusform>Nadaj uprawnienie %n studentowi</numerusform>
            <numerusform>Nadaj uprawnienia %n studentom</numerusform>
            <numerusform>Nadaj uprawnienia %n studentom</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="150"/>
        <source>&amp;Grant</source>
        <translation>&amp;Nadaj</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/readiness_dialog.py" line="151"/>
        <source>Send the waiting changes of %n students</source>
        <translation>
            <numerusform>Wyślij czekające zmiany %n studenta</numerusform>
            <numerusform>Wyślij czekające zmiany %n studentów</numerusform>
            <numerusform>Wyślij czekające zmiany %n studentów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="151"/>
        <source>&amp;Send now</source>
        <translation>&amp;Wyślij teraz</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/readiness_dialog.py" line="152"/>
        <source>Allocate tokens to %n students</source>
        <translation>
            <numerusform>Przydziel żetony %n studentowi</numerusform>
            <numerusform>Przydziel żetony %n studentom</numerusform>
            <numerusform>Przydziel żetony %n studentom</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="152"/>
        <source>&amp;Allocate</source>
        <translation>Przy&amp;dziel</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="158"/>
        <source>Tokens each</source>
        <translation>Żetonów na osobę</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="162"/>
        <source>&amp;Tokens each:</source>
        <translation>Żetonów na &amp;osobę:</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../ui/formats.py" line="98"/>
        <source>“%1” is not a date: write it as %2, e.g. %3.</source>
        <translation>„%1” to nie jest data: zapisz ją jako %2, np. %3.</translation>
    </message>
    <message>
        <location filename="../../ui/formats.py" line="126"/>
        <source>no date</source>
        <translation>brak daty</translation>
    </message>
    <message>
        <location filename="../../ui/formats.py" line="127"/>
        <source>Type the date (%1, or %2) or pick it from the calendar.</source>
        <translation>Wpisz datę (%1 lub %2) albo wybierz ją z kalendarza.</translation>
    </message>
    <message>
        <location filename="../../ui/formats.py" line="129"/>
        <source>Empty: no date.</source>
        <translation>Puste: bez daty.</translation>
    </message>
</context>
<context>
    <name>GrantAccessDialog</name>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="40"/>
        <source>Grant access — %1</source>
        <translation>Nadanie uprawnienia — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="42"/>
        <source>Let %1 (%2) take part in %3 even though no rule admits them.</source>
        <translation>Zezwól osobie %1 (%2) na udział w %3, choć nie dopuszcza jej żadna reguła.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="50"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="51"/>
        <source>e.g. returned from leave, decision of the vice-dean</source>
        <translation>np. powrót z urlopu, decyzja prodziekana</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="52"/>
        <source>Valid until</source>
        <translation>Ważne do</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="53"/>
        <source>no end</source>
        <translation>bezterminowo</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="59"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="60"/>
        <source>Valid &amp;until:</source>
        <translation>&amp;Ważne do:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="63"/>
        <source>&amp;Grant access</source>
        <translation>&amp;Nadaj uprawnienie</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="146"/>
        <source>New class group</source>
        <translation>Nowa grupa zajęciowa</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="147"/>
        <source>Teachers by their login e-mail or person id, separated by commas. Timetable: one slot a line, as WEEKDAY START-END ROOM BUILDING, e.g. 1 08:00-09:30 A-101 Main.</source>
        <translation>Prowadzący według e-maila logowania lub identyfikatora osoby, rozdzieleni przecinkami. Plan zajęć: jeden termin w wierszu, jako DZIEŃ POCZĄTEK-KONIEC SALA BUDYNEK, np. 1 08:00-09:30 A-101 Główny.</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="149"/>
        <source>&amp;Add group</source>
        <translation>Dodaj &amp;grupę</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="151"/>
        <source>Edit class group — %1</source>
        <translation>Edycja grupy zajęciowej — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="153"/>
        <source>%1 enrolled. A limit is never set below the students already in the group.</source>
        <translation>Zapisanych: %1. Limitu nie ustawia się poniżej liczby studentów już zapisanych do grupy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="155"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="159"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="163"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="164"/>
        <source>&amp;Course:</source>
        <translation>P&amp;rzedmiot:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="165"/>
        <source>&amp;Term:</source>
        <translation>&amp;Cykl:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="169"/>
        <source>Course:</source>
        <translation>Przedmiot:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="171"/>
        <source>Class type</source>
        <translation>Typ zajęć</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="175"/>
        <source>Group number</source>
        <translation>Numer grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="178"/>
        <source>next free</source>
        <translation>następny wolny</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="180"/>
        <source>Seat limit</source>
        <translation>Limit miejsc</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="182"/>
        <source>Lower limit</source>
        <translation>Dolny limit miejsc</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="184"/>
        <source>Teachers</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="186"/>
        <source>e.g. j.kowalski@uni.example.pl, 1234</source>
        <translation>np. j.kowalski@uni.example.pl, 1234</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="189"/>
        <source>Timetable</source>
        <translation>Plan zajęć</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="191"/>
        <source>1 08:00-09:30 A-101 Main building</source>
        <translation>1 08:00-09:30 A-101 Budynek główny</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="192"/>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="194"/>
        <source>Class t&amp;ype:</source>
        <translation>&amp;Typ zajęć:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="195"/>
        <source>&amp;Number:</source>
        <translation>&amp;Numer:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="196"/>
        <source>&amp;Seat limit:</source>
        <translation>&amp;Limit miejsc:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="197"/>
        <source>&amp;Lower limit:</source>
        <translation>&amp;Dolny limit miejsc:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="198"/>
        <source>Teac&amp;hers:</source>
        <translation>Pro&amp;wadzący:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="199"/>
        <source>Ti&amp;metable:</source>
        <translation>Pl&amp;an zajęć:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="200"/>
        <source>&amp;Description:</source>
        <translation>&amp;Opis:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="222"/>
        <source>Choose the course from the list.</source>
        <translation>Wybierz przedmiot z listy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="224"/>
        <source>Choose the term.</source>
        <translation>Wybierz cykl.</translation>
    </message>
</context>
<context>
    <name>GroupMemberActions</name>
    <message>
        <location filename="../../ui/views/group_members.py" line="221"/>
        <source>Unenroll</source>
        <translation>Wypisz</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="222"/>
        <source>%n students unenrolled from %1.</source>
        <translation>
            <numerusform>Wypisano %n studenta z %1.</numerusform>
            <numerusform>Wypisano %n studentów z %1.</numerusform>
            <numerusform>Wypisano %n studentów z %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="261"/>
        <source>%n students moved to %1.</source>
        <translation>
            <numerusform>Przeniesiono %n studenta do %1.</numerusform>
            <numerusform>Przeniesiono %n studentów do %1.</numerusform>
            <numerusform>Przeniesiono %n studentów do %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupOfferActions</name>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="308"/>
        <source>&amp;New group…</source>
        <translation>&amp;Nowa grupa…</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="309"/>
        <source>&amp;Edit group…</source>
        <translation>&amp;Edytuj grupę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="310"/>
        <source>New &amp;course…</source>
        <translation>Nowy &amp;przedmiot…</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="314"/>
        <source>C&amp;ourses and groups</source>
        <translation>Przedmioty i &amp;grupy</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="39"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="40"/>
        <source>Course name</source>
        <translation>Nazwa przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="41"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="42"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="43"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="44"/>
        <source>Lower limit</source>
        <translation>Dolny limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="45"/>
        <source>Enrolled</source>
        <translation>Zapisani</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="46"/>
        <source>Free</source>
        <translation>Wolne</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="47"/>
        <source>Dedicated</source>
        <translation>Miejsca dedykowane</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="48"/>
        <source>Fill</source>
        <translation>Zapełnienie</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="49"/>
        <source>Teachers</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="50"/>
        <source>Timetable</source>
        <translation>Plan zajęć</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/group_table_model.py" line="79"/>
        <source>list of %n</source>
        <translation>
            <numerusform>lista %n studenta</numerusform>
            <numerusform>lista %n studentów</numerusform>
            <numerusform>lista %n studentów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="86"/>
        <source>stage %1</source>
        <translation>etap %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="87"/>
        <source>any student</source>
        <translation>każdy student</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="94"/>
        <source>(released)</source>
        <translation>(zwolnione)</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="108"/>
        <source>released %1</source>
        <translation>zwolnione %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="109"/>
        <source>released</source>
        <translation>zwolnione</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="111"/>
        <source>to be released when %1 starts (%2)</source>
        <translation>do zwolnienia, gdy zacznie się %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="114"/>
        <source>to be released at %1</source>
        <translation>do zwolnienia %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="132"/>
        <source>%1: %2 of %3 seats free, %4</source>
        <translation>%1: wolne %2 z %3 miejsc, %4</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="116"/>
        <source>kept until a clerk releases them</source>
        <translation>do zwolnienia przez pracownika dziekanatu</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="121"/>
        <source>Free for everyone: %1.</source>
        <translation>Wolne dla wszystkich: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="123"/>
        <source>Dedicated to some students, still free: %1.</source>
        <translation>Dedykowane wybranym studentom, jeszcze wolne: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="127"/>
        <source>%1: %2 of %3 seats taken, %4; its free seats are everyone&apos;s</source>
        <translation>%1: zajęte %2 z %3 miejsc, %4; wolne miejsca są dla wszystkich</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="146"/>
        <source>closed</source>
        <translation>zamknięta</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="152"/>
        <source>Closed %1: it takes no one. Open again… lets it take students.</source>
        <translation>Zamknięta %1: nikogo nie przyjmuje. „Otwórz ponownie…” pozwala znów przyjmować studentów.</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="168"/>
        <source>All groups</source>
        <translation>Wszystkie grupy</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="169"/>
        <source>Full</source>
        <translation>Pełne</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="170"/>
        <source>Nearly full (≥ 90%)</source>
        <translation>Prawie pełne (≥ 90%)</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="171"/>
        <source>Below the lower limit</source>
        <translation>Poniżej dolnego limitu</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="351"/>
        <source>%1 of %2 places taken</source>
        <translation>Zajęte miejsca: %1 z %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="366"/>
        <source>Below the lower limit (%1 of %2 needed): may not run.</source>
        <translation>Poniżej dolnego limitu (%1 z wymaganych %2): grupa może nie zostać uruchomiona.</translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="369"/>
        <source>%1 enrolled over the limit by a clerk&apos;s decision.</source>
        <translation>Zapisani ponad limit decyzją pracownika: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/group_table_model.py" line="373"/>
        <source>Full for everyone: its %n free seats are dedicated to some students.</source>
        <translation>
            <numerusform>Pełna dla wszystkich: jej %n wolne miejsce jest dedykowane wybranym studentom.</numerusform>
            <numerusform>Pełna dla wszystkich: jej %n wolne miejsca są dedykowane wybranym studentom.</numerusform>
            <numerusform>Pełna dla wszystkich: jej %n wolnych miejsc jest dedykowanych wybranym studentom.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/group_table_model.py" line="377"/>
        <source>Full.</source>
        <translation>Pełna.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <location filename="../../desk/groups.py" line="123"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="195"/>
        <source>Choose a registration, a course or a term.</source>
        <translation>Wybierz rejestrację, przedmiot lub cykl dydaktyczny.</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="113"/>
        <location filename="../../desk/group_records.py" line="302"/>
        <location filename="../../desk/groups.py" line="204"/>
        <location filename="../../desk/groups.py" line="214"/>
        <location filename="../../desk/groups.py" line="409"/>
        <location filename="../../desk/groups.py" line="449"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="182"/>
        <location filename="../../desk/closures.py" line="216"/>
        <source>The group is closed already.</source>
        <translation>Grupa jest już zamknięta.</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="202"/>
        <source>Select students of one group.</source>
        <translation>Zaznacz studentów jednej grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="223"/>
        <location filename="../../ui/views/impact_preview.py" line="28"/>
        <source>The groups changed since the preview: look at the preview again.</source>
        <translation>Grupy zmieniły się od podglądu: obejrzyj podgląd ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="255"/>
        <source>The group is not closed.</source>
        <translation>Grupa nie jest zamknięta.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="281"/>
        <location filename="../../desk/groups.py" line="401"/>
        <source>Say why the limit changes (it is kept with the change).</source>
        <translation>Podaj powód zmiany limitu (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="283"/>
        <source>Give either a new limit or a change such as +5.</source>
        <translation>Podaj nowy limit albo zmianę, np. +5.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="285"/>
        <source>A seat limit cannot be negative.</source>
        <translation>Limit miejsc nie może być ujemny.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="480"/>
        <location filename="../../desk/groups.py" line="293"/>
        <location filename="../../desk/groups.py" line="420"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="264"/>
        <source>The group %1</source>
        <translation>Grupa %1</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="296"/>
        <source>Select at least one group.</source>
        <translation>Zaznacz co najmniej jedną grupę.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="309"/>
        <source>Some of the groups no longer exist.</source>
        <translation>Niektóre z grup już nie istnieją.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="363"/>
        <source>%1: %2 students enrolled, limit asked %3</source>
        <translation>%1: zapisanych studentów: %2, żądany limit: %3</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="370"/>
        <source>A limit cannot be set below the students already in the group. Nothing was changed.</source>
        <translation>Limitu nie można ustawić poniżej liczby studentów już zapisanych do grupy. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="377"/>
        <source>A limit cannot be set below the students in the group and the seats dedicated to some students. Nothing was changed.</source>
        <translation>Limitu nie można ustawić poniżej liczby studentów w grupie powiększonej o miejsca dedykowane wybranym studentom. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="380"/>
        <source>%1: %2 seats needed, limit asked %3</source>
        <translation>%1: potrzebne miejsca: %2, żądany limit: %3</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="387"/>
        <source>A seat limit cannot be below the group&apos;s lower limit (below it the group does not run). Nothing was changed.</source>
        <translation>Limit miejsc nie może być niższy niż dolny limit grupy (poniżej niego grupa nie zostanie uruchomiona). Niczego nie zmieniono.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="389"/>
        <source>%1: lower limit %2, limit asked %3</source>
        <translation>%1: dolny limit %2, żądany limit %3</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="403"/>
        <source>A lower limit cannot be negative.</source>
        <translation>Dolny limit nie może być ujemny.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="246"/>
        <location filename="../../desk/groups.py" line="415"/>
        <source>The lower limit (%1) cannot exceed the seat limit (%2).</source>
        <translation>Dolny limit (%1) nie może przekraczać limitu miejsc (%2).</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="481"/>
        <location filename="../../desk/groups.py" line="510"/>
        <source>There is no class group %1.</source>
        <translation>Nie ma grupy zajęciowej %1.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="485"/>
        <source>Name a group as TERM/COURSE/TYPE/NUMBER (e.g. 2026Z/MAT-101/class/2) or by its id.</source>
        <translation>Podaj grupę w postaci CYKL/PRZEDMIOT/TYP/NUMER (np. 2026Z/MAT-101/class/2) albo jej identyfikator.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="236"/>
        <location filename="../../desk/groups.py" line="493"/>
        <source>Unknown class type %1; one of: %2.</source>
        <translation>Nieznany typ zajęć %1; dozwolone: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="525"/>
        <source>The student is not in that group.</source>
        <translation>Student nie należy do tej grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="127"/>
        <location filename="../../desk/rosters.py" line="113"/>
        <location filename="../../ui/models/group_table_model.py" line="57"/>
        <source>Mon</source>
        <translation>pon.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="127"/>
        <location filename="../../desk/rosters.py" line="113"/>
        <location filename="../../ui/models/group_table_model.py" line="58"/>
        <source>Tue</source>
        <translation>wt.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="127"/>
        <location filename="../../desk/rosters.py" line="113"/>
        <location filename="../../ui/models/group_table_model.py" line="59"/>
        <source>Wed</source>
        <translation>śr.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="128"/>
        <location filename="../../desk/rosters.py" line="113"/>
        <location filename="../../ui/models/group_table_model.py" line="60"/>
        <source>Thu</source>
        <translation>czw.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="128"/>
        <location filename="../../desk/rosters.py" line="114"/>
        <location filename="../../ui/models/group_table_model.py" line="61"/>
        <source>Fri</source>
        <translation>pt.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="128"/>
        <location filename="../../desk/rosters.py" line="114"/>
        <location filename="../../ui/models/group_table_model.py" line="62"/>
        <source>Sat</source>
        <translation>sob.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="129"/>
        <location filename="../../desk/rosters.py" line="114"/>
        <location filename="../../ui/models/group_table_model.py" line="63"/>
        <source>Sun</source>
        <translation>niedz.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="147"/>
        <source>A timetable slot is WEEKDAY START-END [ROOM [BUILDING]], e.g. 1 08:00-09:30 A-101 Main building; not %1.</source>
        <translation>Termin zajęć ma postać DZIEŃ POCZĄTEK-KONIEC [SALA [BUDYNEK]], np. 1 08:00-09:30 A-101 Budynek główny; a nie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="168"/>
        <source>A group has at most %1 timetable slots.</source>
        <translation>Grupa ma najwyżej %1 terminów zajęć.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="175"/>
        <source>A timetable slot needs its start and end times.</source>
        <translation>Termin zajęć wymaga godziny początku i końca.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="177"/>
        <source>A timetable slot ends after it starts (%1).</source>
        <translation>Termin zajęć musi kończyć się po rozpoczęciu (%1).</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="179"/>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="180"/>
        <source>Building</source>
        <translation>Budynek</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="189"/>
        <source>The timetable slots %1 and %2 overlap.</source>
        <translation>Terminy zajęć %1 i %2 nakładają się.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="197"/>
        <source>A group has at most %1 teachers.</source>
        <translation>Grupa ma najwyżej %1 prowadzących.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="200"/>
        <source>Teacher</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="206"/>
        <location filename="../../desk/group_records.py" line="335"/>
        <source>The teacher %1 is named twice.</source>
        <translation>Prowadzący %1 został podany dwukrotnie.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="214"/>
        <source>Description: at most %1 characters.</source>
        <translation>Opis: najwyżej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="216"/>
        <source>Description: holds characters that cannot be shown.</source>
        <translation>Opis: zawiera znaki, których nie można wyświetlić.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="330"/>
        <source>There is no person %1 (give a login e-mail or a person id).</source>
        <translation>Nie ma osoby %1 (podaj e-mail logowania lub identyfikator osoby).</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="332"/>
        <source>%1 (%2) is not a member of staff and cannot teach a group.</source>
        <translation>%1 (%2) nie jest pracownikiem i nie może prowadzić grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="368"/>
        <location filename="../../desk/group_records.py" line="375"/>
        <source>The group %1 already exists.</source>
        <translation>Grupa %1 już istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="421"/>
        <source>Say why the group changes (it is kept with the change).</source>
        <translation>Podaj powód zmiany grupy (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="424"/>
        <source>A class group has no field %1.</source>
        <translation>Grupa zajęciowa nie ma pola %1.</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="440"/>
        <source>A group keeps its number; give one.</source>
        <translation>Grupa musi mieć numer; podaj go.</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <location filename="../../ui/views/groups.py" line="175"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="178"/>
        <source>Registration</source>
        <translation>Rejestracja</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="181"/>
        <source>Filter by course</source>
        <translation>Filtruj według przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="182"/>
        <source>Filter: course code or name</source>
        <translation>Filtr: kod lub nazwa przedmiotu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="188"/>
        <source>Show groups by how full they are</source>
        <translation>Pokaż grupy według zapełnienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="197"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="223"/>
        <source>Summary of the groups</source>
        <translation>Podsumowanie grup</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="226"/>
        <source>Set &amp;limit…</source>
        <translation>Ustaw &amp;limit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="227"/>
        <source>Set the seat limit of the selected groups</source>
        <translation>Ustaw limit miejsc wybranych grup</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="228"/>
        <source>Lo&amp;wer limit…</source>
        <translation>&amp;Dolny limit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="229"/>
        <source>Set the lower limit of the group</source>
        <translation>Ustaw dolny limit grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="230"/>
        <source>&amp;Dedicated seats…</source>
        <translation>&amp;Miejsca dedykowane…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="231"/>
        <source>Seats of the group dedicated to some students</source>
        <translation>Miejsca grupy dedykowane wybranym studentom</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="232"/>
        <source>Dedicate seats of the group to some students, release or remove them</source>
        <translation>Przeznacz miejsca grupy dla wybranych studentów, zwolnij je lub usuń</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="235"/>
        <location filename="../../ui/views/groups.py" line="977"/>
        <source>Close th&amp;is group…</source>
        <translation>Z&amp;amknij grupę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="236"/>
        <location filename="../../ui/views/groups.py" line="979"/>
        <source>Close the selected group</source>
        <translation>Zamknij zaznaczoną grupę</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="237"/>
        <location filename="../../ui/views/groups.py" line="983"/>
        <source>Move the group&apos;s students to the other groups of the course, then take no one (a preview first)</source>
        <translation>Przenieś studentów grupy do innych grup przedmiotu, potem nie przyjmuj nikogo (najpierw podgląd)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="239"/>
        <source>Waiti&amp;ng list…</source>
        <translation>L&amp;ista oczekujących…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="240"/>
        <source>The waiting list of the selected group</source>
        <translation>Lista oczekujących zaznaczonej grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="241"/>
        <source>The group&apos;s waiting list: who waits for a seat, in order</source>
        <translation>Lista oczekujących grupy: kto czeka na miejsce, po kolei</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="243"/>
        <source>Refre&amp;sh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="243"/>
        <source>Refresh the groups</source>
        <translation>Odśwież grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="244"/>
        <source>Load the groups again (F5)</source>
        <translation>Wczytaj grupy ponownie (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="247"/>
        <location filename="../../ui/views/groups.py" line="824"/>
        <source>Select one group to see its students.</source>
        <translation>Wybierz jedną grupę, aby zobaczyć jej studentów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="249"/>
        <source>Selected group</source>
        <translation>Wybrana grupa</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="253"/>
        <source>Students in the group</source>
        <translation>Studenci w grupie</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="255"/>
        <source>No.</source>
        <translation>Lp.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="255"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="255"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="255"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="255"/>
        <source>How</source>
        <translation>Sposób zapisu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="256"/>
        <source>Since</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="256"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="270"/>
        <source>&amp;Enroll student…</source>
        <translation>&amp;Zapisz studenta…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="271"/>
        <source>Enroll a student in the group</source>
        <translation>Zapisz studenta do grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="272"/>
        <source>&amp;Unenroll…</source>
        <translation>&amp;Wypisz…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="273"/>
        <source>Take the selected student out of the group</source>
        <translation>Wypisz wybranego studenta z grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="274"/>
        <source>Take the selected student out of the group (Delete)</source>
        <translation>Wypisz wybranego studenta z grupy (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="275"/>
        <source>&amp;Move to group…</source>
        <translation>&amp;Przenieś do grupy…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="276"/>
        <source>Move the selected student to another group</source>
        <translation>Przenieś wybranego studenta do innej grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="281"/>
        <source>Your role does not allow changing class groups.</source>
        <translation>Twoja rola nie pozwala na zmiany w grupach zajęciowych.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="297"/>
        <source>Re&amp;gistration:</source>
        <translation>&amp;Rejestracja:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="297"/>
        <source>Te&amp;rm:</source>
        <translation>C&amp;ykl:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="298"/>
        <source>Ca&amp;pacity:</source>
        <translation>Za&amp;jętość:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="298"/>
        <source>&amp;Course:</source>
        <translation>Prz&amp;edmiot:</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="481"/>
        <location filename="../../ui/views/groups.py" line="510"/>
        <location filename="../../ui/views/groups.py" line="628"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="498"/>
        <source>There are no terms yet.</source>
        <translation>Nie ma jeszcze żadnych cykli dydaktycznych.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="523"/>
        <source>All groups of the term</source>
        <translation>Wszystkie grupy w cyklu</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="544"/>
        <location filename="../../ui/views/groups.py" line="554"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="663"/>
        <source>The groups could not be loaded: %1</source>
        <translation>Nie udało się wczytać grup: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="671"/>
        <source>%1 of %2 groups (filtered)</source>
        <translation>Grupy: %1 z %2 (po filtrowaniu)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="673"/>
        <source>%1 groups</source>
        <translation>Grupy: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="675"/>
        <source>%1 seats · %2 enrolled · %3 full · %4 below the lower limit</source>
        <translation>Miejsca: %1 · zapisani: %2 · pełne: %3 · poniżej dolnego limitu: %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/groups.py" line="683"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n zamknięta</numerusform>
            <numerusform>%n zamknięte</numerusform>
            <numerusform>%n zamkniętych</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="686"/>
        <source>%1 seats dedicated, %2 of them free</source>
        <translation>dedykowane: %1, w tym wolne: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="768"/>
        <source>A group&apos;s dedicated seats are set by the unit it belongs to.</source>
        <translation>Miejsca dedykowane grupy ustala jednostka, do której grupa należy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="769"/>
        <source>A group is closed by the unit it belongs to.</source>
        <translation>Grupę zamyka jednostka, do której należy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="771"/>
        <source>A group&apos;s limits are changed by the unit it belongs to.</source>
        <translation>Limity grupy zmienia jednostka, do której grupa należy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="776"/>
        <source>A closed group takes no one: open it again first.</source>
        <translation>Zamknięta grupa nikogo nie przyjmuje: najpierw otwórz ją ponownie.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="783"/>
        <source>%1 groups selected: select one to see its students.</source>
        <translation>Wybrano grup: %1; wybierz jedną, aby zobaczyć jej studentów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="803"/>
        <source>Students in %1: loading…</source>
        <translation>Studenci w grupie %1: wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="815"/>
        <source>The students could not be loaded: %1</source>
        <translation>Nie udało się wczytać studentów: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="827"/>
        <source>Students in %1 (%2 of %3)</source>
        <translation>Studenci w grupie %1 (%2 z %3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="837"/>
        <source>over the limit</source>
        <translation>ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="838"/>
        <source>despite a timetable clash</source>
        <translation>mimo kolizji w planie</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="977"/>
        <source>Open aga&amp;in…</source>
        <translation>Otwórz po&amp;nownie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="978"/>
        <source>Open the selected closed group again</source>
        <translation>Otwórz ponownie zaznaczoną zamkniętą grupę</translation>
    </message>
    <message>
        <location filename="../../ui/views/groups.py" line="982"/>
        <source>Let the closed group take students again</source>
        <translation>Pozwól zamkniętej grupie znów przyjmować studentów</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="44"/>
        <source>Move to group</source>
        <translation>Przenieś do grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="249"/>
        <source>The course has no other group of this class type in this term.</source>
        <translation>Przedmiot nie ma w tym cyklu innej grupy tego typu zajęć.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../desk/history.py" line="142"/>
        <source>enrollments in class groups</source>
        <translation>zapisy do grup zajęciowych</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="143"/>
        <source>access to registrations</source>
        <translation>uprawnienia do rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="144"/>
        <source>tokens and token requests</source>
        <translation>żetony i prośby o żetony</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="146"/>
        <source>payments</source>
        <translation>należności</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="147"/>
        <source>personal data</source>
        <translation>dane osobowe</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="148"/>
        <source>login accounts</source>
        <translation>konta logowania</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="149"/>
        <source>class groups</source>
        <translation>grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="150"/>
        <source>registrations and rounds</source>
        <translation>rejestracje i tury</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="151"/>
        <source>staff accounts</source>
        <translation>konta pracowników</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="152"/>
        <source>sync with the portal</source>
        <translation>synchronizacja z portalem</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="153"/>
        <source>exports</source>
        <translation>eksporty</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="154"/>
        <source>imports and copies of terms</source>
        <translation>importy i kopie cykli</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="221"/>
        <source>There is no staff account %1.</source>
        <translation>Nie ma konta pracownika %1.</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="317"/>
        <source>There is no change set %1.</source>
        <translation>Nie ma zestawu zmian %1.</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="538"/>
        <source>grant</source>
        <translation>nadanie</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="539"/>
        <source>revocation</source>
        <translation>odebranie</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="545"/>
        <source>seat limit</source>
        <translation>limit miejsc</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="546"/>
        <source>lower limit</source>
        <translation>dolny limit</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="547"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="548"/>
        <source>first name</source>
        <translation>imię</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="549"/>
        <source>middle name</source>
        <translation>drugie imię</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="550"/>
        <source>surname</source>
        <translation>nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="551"/>
        <source>birth date</source>
        <translation>data urodzenia</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="552"/>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="553"/>
        <source>PESEL replaced</source>
        <translation>PESEL zastąpiony</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="554"/>
        <source>private e-mail</source>
        <translation>prywatny e-mail</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="555"/>
        <source>login</source>
        <translation>login</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="556"/>
        <source>group</source>
        <translation>grupa</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="557"/>
        <location filename="../../desk/history.py" line="590"/>
        <location filename="../../desk/history.py" line="721"/>
        <source>registration</source>
        <translation>rejestracja</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="558"/>
        <source>token</source>
        <translation>żeton</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="559"/>
        <source>course</source>
        <translation>przedmiot</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="560"/>
        <source>programme</source>
        <translation>kierunek</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="561"/>
        <source>term</source>
        <translation>cykl</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="562"/>
        <source>unit</source>
        <translation>jednostka</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="563"/>
        <source>amount</source>
        <translation>kwota</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="564"/>
        <source>decision</source>
        <translation>decyzja</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="565"/>
        <source>until</source>
        <translation>do</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="566"/>
        <source>withdrawn</source>
        <translation>wycofano</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="567"/>
        <source>name</source>
        <translation>nazwa</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="568"/>
        <source>starts</source>
        <translation>początek</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="569"/>
        <source>ends</source>
        <translation>koniec</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="570"/>
        <source>unregistering allowed</source>
        <translation>wyrejestrowanie dozwolone</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="571"/>
        <source>courses per student</source>
        <translation>przedmiotów na studenta</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="572"/>
        <source>over the limit</source>
        <translation>ponad limit</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="573"/>
        <source>despite a timetable clash</source>
        <translation>mimo kolizji w planie zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="574"/>
        <source>timetable clashes checked</source>
        <translation>sprawdzanie kolizji w planie</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="575"/>
        <source>exchanges allowed</source>
        <translation>wymiany dozwolone</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="576"/>
        <source>waiting lists kept</source>
        <translation>listy oczekujących prowadzone</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="577"/>
        <source>source</source>
        <translation>źródło</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="578"/>
        <source>document</source>
        <translation>dokument</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="579"/>
        <source>deadline overridden because</source>
        <translation>termin pominięto, bo</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="580"/>
        <source>students</source>
        <translation>studenci</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="581"/>
        <source>rows</source>
        <translation>wiersze</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="582"/>
        <source>file</source>
        <translation>plik</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="583"/>
        <source>schedule</source>
        <translation>harmonogram</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="584"/>
        <source>price</source>
        <translation>cena</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="585"/>
        <source>full name</source>
        <translation>imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="586"/>
        <source>role</source>
        <translation>rola</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="587"/>
        <source>units</source>
        <translation>jednostki</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="588"/>
        <source>active</source>
        <translation>aktywne</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="589"/>
        <source>balance before</source>
        <translation>saldo przedtem</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="591"/>
        <source>reverses entry</source>
        <translation>odwraca wpis</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="592"/>
        <source>request</source>
        <translation>prośba</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="593"/>
        <location filename="../../desk/history.py" line="709"/>
        <source>enrollment</source>
        <translation>zapis</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="594"/>
        <source>kind</source>
        <translation>rodzaj</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="595"/>
        <source>code</source>
        <translation>kod</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="596"/>
        <source>stage</source>
        <translation>etap</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="597"/>
        <source>level</source>
        <translation>stopień</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="598"/>
        <source>mode</source>
        <translation>tryb</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="599"/>
        <source>category</source>
        <translation>kategoria</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="600"/>
        <source>domain</source>
        <translation>domena</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="601"/>
        <source>template</source>
        <translation>wzór</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="602"/>
        <source>message</source>
        <translation>komunikat</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="603"/>
        <source>entitled students only</source>
        <translation>tylko uprawnieni studenci</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="604"/>
        <source>courses</source>
        <translation>przedmioty</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="605"/>
        <source>micro-round (minutes)</source>
        <translation>mikrotura (minuty)</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="606"/>
        <source>micro-break (minutes)</source>
        <translation>mikroprzerwa (minuty)</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="607"/>
        <source>attendance list</source>
        <translation>lista obecności</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="608"/>
        <source>groups</source>
        <translation>grupy</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="609"/>
        <source>filters</source>
        <translation>filtry</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="610"/>
        <source>password</source>
        <translation>hasło</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="627"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="627"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="764"/>
        <source>Selected students moved to %1 at once (selected: %2)</source>
        <translation>Zaznaczeni studenci przeniesieni razem do %1 (zaznaczonych: %2)</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="767"/>
        <source>Selected students unenrolled at once (selected: %1)</source>
        <translation>Zaznaczeni studenci wypisani razem (zaznaczonych: %1)</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="770"/>
        <source>Exchanged from %1 to %2</source>
        <translation>Wymieniono z %1 na %2</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="777"/>
        <source>Enrolled in %1 despite a timetable clash</source>
        <translation>Zapisano do %1 mimo kolizji w planie zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="780"/>
        <source>Enrolled in %1</source>
        <translation>Zapisano do %1</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="781"/>
        <source>Enrolled over the limit in %1</source>
        <translation>Zapisano ponad limit do %1</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="782"/>
        <source>Unenrolled from %1</source>
        <translation>Wypisano z %1</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="783"/>
        <source>Registered on the portal in %1</source>
        <translation>Zarejestrował(a) się w portalu do %1</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="784"/>
        <source>Enrolled in %1 from its waiting list</source>
        <translation>Zapisano do %1 z listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="785"/>
        <source>Unregistered on the portal from %1</source>
        <translation>Wyrejestrował(a) się w portalu z %1</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="786"/>
        <source>Registered by a token request in %1</source>
        <translation>Zarejestrowano na podstawie prośby żetonowej w %1</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="787"/>
        <source>Unregistered by a token request from %1</source>
        <translation>Wyrejestrowano na podstawie prośby żetonowej z %1</translation>
    </message>
    <message>
        <location filename="../../desk/enrollment.py" line="774"/>
        <source>Moved from %1 to %2</source>
        <translation>Przeniesiono z %1 do %2</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="56"/>
        <source>Access to %1 granted</source>
        <translation>Nadano uprawnienie do %1</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="57"/>
        <source>Access to %1 revoked</source>
        <translation>Odebrano uprawnienie do %1</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="63"/>
        <source>Access decision withdrawn (the rules apply again)</source>
        <translation>Wycofano decyzję o uprawnieniu (znów obowiązują reguły)</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="65"/>
        <source>Access decision on %1 withdrawn (the rules apply again)</source>
        <translation>Wycofano decyzję o uprawnieniu do %1 (znów obowiązują reguły)</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="69"/>
        <source>Access decision on %1 replaced by a newer one</source>
        <translation>Decyzja o uprawnieniu do %1 zastąpiona nowszą</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="73"/>
        <source>Access rule added to %1</source>
        <translation>Dodano regułę uprawnień do %1</translation>
    </message>
    <message>
        <location filename="../../desk/access.py" line="75"/>
        <source>Access rule removed from %1</source>
        <translation>Usunięto regułę uprawnień z %1</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="84"/>
        <source>Tokens allocated: %1 %2</source>
        <translation>Przydzielono żetony: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="86"/>
        <source>Token balance corrected: %1 %2</source>
        <translation>Skorygowano saldo żetonów: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="88"/>
        <source>(deadline overridden)</source>
        <translation>(z pominięciem terminu)</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="91"/>
        <source>Token spent: %1</source>
        <translation>Wykorzystano żeton: %1</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="93"/>
        <source>Token refunded: %1</source>
        <translation>Zwrócono żeton: %1</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="94"/>
        <source>Tokens expired: %1 %2</source>
        <translation>Żetony wygasły: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="75"/>
        <source>Token type %1 saved</source>
        <translation>Zapisano rodzaj żetonu %1</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="78"/>
        <source>Token allocation rule added for %1</source>
        <translation>Dodano regułę przydziału żetonów %1</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="854"/>
        <source>Pending token requests refused permanently: %1 (the registration ended)</source>
        <translation>Oczekujące prośby odrzucone ostatecznie: %1 (rejestracja się skończyła)</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="857"/>
        <source>Token request for %1 submitted on the portal</source>
        <translation>Prośba żetonowa o %1 złożona w portalu</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="858"/>
        <source>Token request for %1 left waiting</source>
        <translation>Prośba żetonowa o %1 czeka dalej</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="859"/>
        <source>Token request for %1 accepted</source>
        <translation>Przyjęto prośbę o %1</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="860"/>
        <source>Token request for %1 refused</source>
        <translation>Odrzucono prośbę o %1</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="861"/>
        <source>Token request for %1 refused permanently</source>
        <translation>Odrzucono ostatecznie prośbę o %1</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="862"/>
        <source>Token request for %1 withdrawn</source>
        <translation>Wycofano prośbę o %1</translation>
    </message>
    <message>
        <location filename="../../desk/payments.py" line="54"/>
        <source>Payment of %1 PLN due</source>
        <translation>Należność %1 zł</translation>
    </message>
    <message>
        <location filename="../../desk/payments.py" line="56"/>
        <source>Payment cancelled</source>
        <translation>Anulowano należność</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="297"/>
        <source>PESEL shown</source>
        <translation>Wyświetlono PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="299"/>
        <source>Searched by PESEL</source>
        <translation>Wyszukano po numerze PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="301"/>
        <source>Login state looked up by PESEL</source>
        <translation>Sprawdzono stan konta po numerze PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="303"/>
        <source>File of logins by PESEL read</source>
        <translation>Odczytano plik kont według numerów PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="304"/>
        <source>Personal data corrected</source>
        <translation>Poprawiono dane osobowe</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="321"/>
        <source>Staff account %1 created</source>
        <translation>Utworzono konto pracownika %1</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="323"/>
        <source>Password changed by its owner</source>
        <translation>Właściciel zmienił hasło</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="325"/>
        <source>Staff account %1 disabled</source>
        <translation>Zablokowano konto pracownika %1</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="327"/>
        <source>Staff account %1 enabled</source>
        <translation>Odblokowano konto pracownika %1</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="329"/>
        <source>Role of staff account %1 changed</source>
        <translation>Zmieniono rolę konta pracownika %1</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="331"/>
        <source>Password of staff account %1 reset</source>
        <translation>Ustawiono nowe hasło konta pracownika %1</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="42"/>
        <source>A student&apos;s action on the portal did not fit: kept as a conflict for a clerk</source>
        <translation>Działanie studenta w portalu nie mogło zostać wykonane: zachowano je jako konflikt dla pracownika</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="45"/>
        <source>Selected sync conflicts settled at once: enrolled over the limit (selected: %1)</source>
        <translation>Zaznaczone konflikty synchronizacji rozstrzygnięte razem: zapis ponad limit (zaznaczonych: %1)</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="47"/>
        <source>Selected sync conflicts dismissed at once (selected: %1)</source>
        <translation>Zaznaczone konflikty synchronizacji odrzucone razem (zaznaczonych: %1)</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="50"/>
        <source>Sync conflict settled: enrolled over the limit</source>
        <translation>Rozstrzygnięto konflikt synchronizacji: zapis ponad limit</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="51"/>
        <source>Sync conflict dismissed</source>
        <translation>Odrzucono konflikt synchronizacji</translation>
    </message>
    <message>
        <location filename="../../desk/sync_schedule.py" line="26"/>
        <source>Sync schedule changed</source>
        <translation>Zmieniono harmonogram synchronizacji</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="43"/>
        <source>Login %1 linked</source>
        <translation>Powiązano login %1</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="44"/>
        <source>Login %1 created and linked</source>
        <translation>Utworzono i powiązano login %1</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="45"/>
        <source>Login %1 unlinked</source>
        <translation>Odłączono login %1</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="46"/>
        <source>Login %1 removed</source>
        <translation>Usunięto login %1</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="39"/>
        <source>Login template for %1 set</source>
        <translation>Ustawiono wzór loginu: %1</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="329"/>
        <source>Registration %1 created</source>
        <translation>Utworzono rejestrację %1</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="330"/>
        <source>Registration %1 changed</source>
        <translation>Zmieniono rejestrację %1</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="335"/>
        <source>Round “%1” created</source>
        <translation>Utworzono turę „%1”</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="336"/>
        <source>Round “%1” changed</source>
        <translation>Zmieniono turę „%1”</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="337"/>
        <source>Round “%1” removed</source>
        <translation>Usunięto turę „%1”</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="235"/>
        <source>Seat limit changed</source>
        <translation>Zmieniono limit miejsc</translation>
    </message>
    <message>
        <location filename="../../desk/groups.py" line="236"/>
        <source>Lower limit changed</source>
        <translation>Zmieniono dolny limit</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="198"/>
        <source>Database backed up</source>
        <translation>Wykonano kopię zapasową bazy</translation>
    </message>
    <message>
        <location filename="../../desk/backup.py" line="199"/>
        <source>Database restored from a backup</source>
        <translation>Przywrócono bazę z kopii zapasowej</translation>
    </message>
    <message>
        <location filename="../../desk/demo.py" line="105"/>
        <source>Demo database built</source>
        <translation>Zbudowano bazę demonstracyjną</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="52"/>
        <source>class lists</source>
        <translation>listy grup</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="813"/>
        <location filename="../../desk/rosters.py" line="53"/>
        <source>history</source>
        <translation>historia</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="54"/>
        <source>payments due</source>
        <translation>należności do zapłaty</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="55"/>
        <source>access decisions</source>
        <translation>decyzje o uprawnieniach</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="56"/>
        <source>token balances</source>
        <translation>salda żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="57"/>
        <location filename="../../desk/rosters.py" line="58"/>
        <source>list</source>
        <translation>lista</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="60"/>
        <source>Exported: %1 (groups: %2, students: %3)</source>
        <translation>Wyeksportowano: %1 (grupy: %2, studenci: %3)</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="63"/>
        <source>Exported: %1 (lines: %2)</source>
        <translation>Wyeksportowano: %1 (wiersze: %2)</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="710"/>
        <source>access decision</source>
        <translation>decyzja o uprawnieniu</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="711"/>
        <source>access rule</source>
        <translation>reguła uprawnień</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="712"/>
        <source>token ledger entry</source>
        <translation>wpis w rejestrze żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="713"/>
        <source>token type</source>
        <translation>rodzaj żetonu</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="714"/>
        <source>allocation rule</source>
        <translation>reguła przydziału</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="715"/>
        <source>token request</source>
        <translation>prośba o żeton</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="716"/>
        <source>payment</source>
        <translation>należność</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="717"/>
        <source>person</source>
        <translation>osoba</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="718"/>
        <source>login account</source>
        <translation>konto logowania</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="719"/>
        <source>login template</source>
        <translation>wzór loginu</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="720"/>
        <source>class group</source>
        <translation>grupa zajęciowa</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="722"/>
        <source>round</source>
        <translation>tura</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="723"/>
        <source>staff account</source>
        <translation>konto pracownika</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="724"/>
        <source>sync conflict</source>
        <translation>konflikt synchronizacji</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="725"/>
        <source>setting</source>
        <translation>ustawienie</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="726"/>
        <source>export</source>
        <translation>eksport</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="727"/>
        <source>database</source>
        <translation>baza danych</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="728"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="729"/>
        <source>copy of a term</source>
        <translation>kopia cyklu</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="740"/>
        <source>the student, on the portal</source>
        <translation>student, w portalu</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="741"/>
        <source>the system</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="782"/>
        <source>Exported by</source>
        <translation>Wyeksportował(a)</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="783"/>
        <source>Data as of</source>
        <translation>Stan danych na</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="784"/>
        <source>Entries</source>
        <translation>Wpisy</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="787"/>
        <source>Filters</source>
        <translation>Filtry</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="789"/>
        <location filename="../../desk/history.py" line="806"/>
        <source>Audit trail</source>
        <translation>Historia zmian</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="791"/>
        <source>Entry</source>
        <translation>Wpis</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="792"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="793"/>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="794"/>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="795"/>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="796"/>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="797"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="798"/>
        <source>Action code</source>
        <translation>Kod czynności</translation>
    </message>
    <message>
        <location filename="../../desk/portal/database.py" line="56"/>
        <source>Portal database moved</source>
        <translation>Przeniesiono bazę portalu</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="41"/>
        <source>Course %1 added</source>
        <translation>Dodano przedmiot %1</translation>
    </message>
    <message>
        <location filename="../../desk/courses.py" line="42"/>
        <source>Course %1 changed</source>
        <translation>Zmieniono przedmiot %1</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="70"/>
        <source>Class group %1 added</source>
        <translation>Dodano grupę zajęciową %1</translation>
    </message>
    <message>
        <location filename="../../desk/group_records.py" line="71"/>
        <source>Class group %1 changed</source>
        <translation>Zmieniono grupę zajęciową %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="42"/>
        <source>Import of %1 from %2: %3 new, %4 changed</source>
        <translation>Import: %1 z pliku %2: nowe %3, zmienione %4</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="45"/>
        <source>Imported %1 (line %2)</source>
        <translation>Zaimportowano %1 (wiersz %2)</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="475"/>
        <source>Term %1 copied to %2 (registrations: %3, class groups: %4)</source>
        <translation>Cykl %1 skopiowano do %2 (rejestracje: %3, grupy zajęciowe: %4)</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="482"/>
        <source>Registration %1 copied from %2</source>
        <translation>Rejestrację %1 skopiowano z %2</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="489"/>
        <source>Round “%1” copied to %2</source>
        <translation>Turę „%1” skopiowano do %2</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="494"/>
        <source>Access rule copied to %1</source>
        <translation>Regułę dostępu skopiowano do %1</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="496"/>
        <source>Class group %1 copied</source>
        <translation>Skopiowano grupę zajęciową %1</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="171"/>
        <source>Student %1 admitted</source>
        <translation>Przyjęto studenta %1</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="175"/>
        <source>Programme %1 added</source>
        <translation>Dodano kierunek %1</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="177"/>
        <source>Stage on %1 set to %2</source>
        <translation>Etap na kierunku %1 ustawiono na %2</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="184"/>
        <source>Status on %1: %2</source>
        <translation>Status na kierunku %1: %2</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="53"/>
        <source>Term %1 added</source>
        <translation>Dodano cykl %1</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="54"/>
        <source>Term %1 changed</source>
        <translation>Zmieniono cykl %1</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="48"/>
        <source>Round “%1” opened to everyone the registration admits</source>
        <translation>Tura „%1” otwarta dla wszystkich dopuszczonych do rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="49"/>
        <source>Round “%1” meant for chosen students</source>
        <translation>Tura „%1” przeznaczona dla wybranych studentów</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="51"/>
        <source>Round “%1” opens for everyone at once</source>
        <translation>Tura „%1” otwiera się dla wszystkich naraz</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="52"/>
        <source>Round “%1” opens in %2 turns</source>
        <translation>Tura „%1” otwiera się w kolejkach (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="58"/>
        <source>%2 seats of %1 dedicated to some students</source>
        <translation>%1: miejsca dedykowane wybranym studentom (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="59"/>
        <source>Dedicated seats of %1 removed (%2 seats)</source>
        <translation>%1: usunięto miejsca dedykowane (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="60"/>
        <source>Dedicated seats of %1 released to everyone (%2 seats)</source>
        <translation>%1: miejsca dedykowane zwolnione dla wszystkich (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="43"/>
        <source>Group %1 closed: %2 students moved to its siblings</source>
        <translation>Grupa %1 zamknięta: przeniesiono studentów do innych grup (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="44"/>
        <source>Group %1 opened again</source>
        <translation>Grupa %1 otwarta ponownie</translation>
    </message>
    <message>
        <location filename="../../desk/closures.py" line="45"/>
        <source>%2 students moved to %1 as previewed</source>
        <translation>Przeniesiono studentów do %1 zgodnie z podglądem (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="86"/>
        <source>Exchange wished: from %1</source>
        <translation>Prośba o wymianę: z %1</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="89"/>
        <source>Exchange wish withdrawn</source>
        <translation>Prośba o wymianę wycofana</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="91"/>
        <source>Exchange wish left waiting</source>
        <translation>Prośba o wymianę nadal czeka</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="93"/>
        <source>Exchange wish void: the group it leaves is no longer held</source>
        <translation>Prośba o wymianę nieważna: student nie jest już w grupie, którą chciał opuścić</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="96"/>
        <source>Two students swapped groups</source>
        <translation>Dwoje studentów zamieniło się grupami</translation>
    </message>
    <message>
        <location filename="../../desk/exchanges.py" line="97"/>
        <source>Exchange break: %1 wishes carried out</source>
        <translation>Przerwa wymian: zrealizowane prośby (%1)</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="65"/>
        <source>On the waiting list of %1</source>
        <translation>Na liście oczekujących %1</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="66"/>
        <source>Off the waiting list of %1</source>
        <translation>Usunięty z listy oczekujących %1</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="67"/>
        <source>Moved on the waiting list of %1 to place %2</source>
        <translation>Przesunięty na liście oczekujących %1 na miejsce %2</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="68"/>
        <source>Passed over on the waiting list of %1</source>
        <translation>Pominięty na liście oczekujących %1</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="49"/>
        <source>Change set #%1 undone</source>
        <translation>Cofnięto zestaw zmian nr %1</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="53"/>
        <source>Undone: the former seat given back in %1</source>
        <translation>Cofnięcie: przywrócono dawne miejsce w %1</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="55"/>
        <source>Undone: the enrollment in %1 removed</source>
        <translation>Cofnięcie: usunięto zapis do %1</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="58"/>
        <source>Undone: the group opened again</source>
        <translation>Cofnięcie: grupa ponownie otwarta</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="59"/>
        <source>Undone</source>
        <translation>Cofnięto</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/views/history.py" line="73"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="73"/>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="73"/>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="73"/>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="73"/>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="73"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="124"/>
        <source>Personal data access</source>
        <translation>Dostęp do danych osobowych</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="126"/>
        <source>Enter or a double click opens its rows.</source>
        <translation>Enter lub dwukrotne kliknięcie otwiera jego wiersze.</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="128"/>
        <source>A row of change set #%1.</source>
        <translation>Wiersz zestawu zmian nr %1.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/views/history.py" line="174"/>
        <source>Staff member</source>
        <translation>Pracownik</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="175"/>
        <source>every staff member</source>
        <translation>każdy pracownik</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="180"/>
        <source>Student number</source>
        <translation>Numer albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="181"/>
        <source>e.g. 100234</source>
        <translation>np. 100234</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="186"/>
        <source>Kind of record</source>
        <translation>Rodzaj rekordu</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="187"/>
        <source>every kind of record</source>
        <translation>każdy rodzaj rekordu</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="192"/>
        <source>From date</source>
        <translation>Od dnia</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="193"/>
        <source>To date</source>
        <translation>Do dnia</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="194"/>
        <source>Personal data &amp;access only (PESEL shown, lists exported)</source>
        <translation>Tylko dostęp do danych osobowych (wyświetlony PESEL, eksport &amp;list)</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="196"/>
        <source>Personal data access only</source>
        <translation>Tylko dostęp do danych osobowych</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="197"/>
        <source>&amp;Show</source>
        <translation>Pok&amp;aż</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="199"/>
        <source>Show the history with these filters</source>
        <translation>Pokaż historię z tymi filtrami</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="212"/>
        <source>History: who did what, when and why</source>
        <translation>Historia: kto, co, kiedy i dlaczego</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="232"/>
        <location filename="../../ui/views/history.py" line="260"/>
        <source>&amp;Undo this change set…</source>
        <translation>Co&amp;fnij ten zestaw zmian…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="240"/>
        <source>What the history shows</source>
        <translation>Co pokazuje historia</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="242"/>
        <source>&amp;More…</source>
        <translation>&amp;Więcej…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="244"/>
        <source>Show older entries</source>
        <translation>Pokaż starsze wpisy</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="247"/>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportuj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="249"/>
        <source>Export the entries shown to Excel</source>
        <translation>Eksportuj pokazane wpisy do Excela</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="250"/>
        <source>Writes the entries shown to an .xlsx file; the export is recorded in the history.</source>
        <translation>Zapisuje pokazane wpisy do pliku .xlsx; eksport zostaje zapisany w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="253"/>
        <source>O&amp;pen change set…</source>
        <translation>Otwórz &amp;zestaw zmian…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="255"/>
        <source>Open the change set of the selected entry</source>
        <translation>Otwórz zestaw zmian wybranego wpisu</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="256"/>
        <source>An import or a copy of a term is one entry: this lists its rows (Enter).</source>
        <translation>Import lub kopia cyklu to jeden wpis: tu widać jego wiersze (Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="262"/>
        <source>Undo the selected change set</source>
        <translation>Cofnij wybrany zestaw zmian</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="263"/>
        <source>A many-student move, a group&apos;s closure, an exchange run or a swap, reversed in one step with a reason (also in the line&apos;s context menu).</source>
        <translation>Przeniesienie wielu studentów, zamknięcie grupy, wymiana lub zamiana cofnięte jednym krokiem z podaniem powodu (także w menu kontekstowym wiersza).</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="272"/>
        <source>Staff mem&amp;ber:</source>
        <translation>Pracow&amp;nik:</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="272"/>
        <source>Student &amp;no.:</source>
        <translation>Nr al&amp;bumu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="272"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="279"/>
        <source>T&amp;o:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="279"/>
        <source>F&amp;rom:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="326"/>
        <source>Only an administrator reads the whole history or one staff member&apos;s.</source>
        <translation>Całą historię lub historię jednego pracownika czyta tylko administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="330"/>
        <source>any date</source>
        <translation>dowolny dzień</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="344"/>
        <source>disabled</source>
        <translation>zablokowane</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="361"/>
        <source>staff member: %1</source>
        <translation>pracownik: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="364"/>
        <source>student: %1</source>
        <translation>student: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="366"/>
        <source>kind: %1</source>
        <translation>rodzaj: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="368"/>
        <source>from %1</source>
        <translation>od %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="370"/>
        <source>to %1</source>
        <translation>do %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="372"/>
        <source>personal data access only</source>
        <translation>tylko dostęp do danych osobowych</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="382"/>
        <source>The end date is before the start date.</source>
        <translation>Data końcowa jest wcześniejsza niż początkowa.</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="391"/>
        <source>Enter a student number to see that student&apos;s history. The whole history, by staff member or by personal-data access, is for administrators.</source>
        <translation>Wpisz numer albumu, aby zobaczyć historię tego studenta. Cała historia, według pracownika lub dostępu do danych osobowych, jest dla administratorów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="398"/>
        <source>Reading the history…</source>
        <translation>Wczytywanie historii…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="409"/>
        <source>Reading older entries…</source>
        <translation>Wczytywanie starszych wpisów…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="444"/>
        <source>No entries match these filters.</source>
        <translation>Żaden wpis nie pasuje do tych filtrów.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="446"/>
        <source>%n entries shown, newest first.</source>
        <translation>
            <numerusform>Pokazano %n wpis, od najnowszego.</numerusform>
            <numerusform>Pokazano %n wpisy, od najnowszego.</numerusform>
            <numerusform>Pokazano %n wpisów, od najnowszego.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="448"/>
        <source>Older entries: More…</source>
        <translation>Starsze wpisy: Więcej…</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="458"/>
        <source>The history cannot be read: %1</source>
        <translation>Nie można odczytać historii: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="504"/>
        <source>Undo change set #%1</source>
        <translation>Cofnięcie zestawu zmian nr %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="505"/>
        <source>Undo “%1” (%2, %3)? Each student it moved gets back the very seat they had, what it enrolled is removed, a group it closed opens again. It is refused, saying why, if anything that depends on it has happened since.</source>
        <translation>Cofnąć „%1” (%2, %3)? Każdy przeniesiony student odzyska swoje dawne miejsce, utworzone zapisy zostaną usunięte, zamknięta grupa znów będzie otwarta. Jeśli od tego czasu zaszło coś, co od tego zależy, cofnięcie zostanie odrzucone z podaniem przyczyny.</translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="509"/>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="521"/>
        <source>Change set #%1 undone: %n students given back their former seats.</source>
        <translation>
            <numerusform>Cofnięto zestaw zmian nr %1: %n student odzyskał dawne miejsce.</numerusform>
            <numerusform>Cofnięto zestaw zmian nr %1: %n studentów odzyskało dawne miejsca.</numerusform>
            <numerusform>Cofnięto zestaw zmian nr %1: %n studentów odzyskało dawne miejsca.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/history.py" line="550"/>
        <source>Export the history</source>
        <translation>Eksport historii</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="555"/>
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Eksportowanie %n wpisu…</numerusform>
            <numerusform>Eksportowanie %n wpisów…</numerusform>
            <numerusform>Eksportowanie %n wpisów…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="559"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Wyeksportowano %n wpis do %1.</numerusform>
            <numerusform>Wyeksportowano %n wpisy do %1.</numerusform>
            <numerusform>Wyeksportowano %n wpisów do %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImpactPreview</name>
    <message>
        <location filename="../../ui/views/impact_preview.py" line="81"/>
        <source>No one would gain a seat from a waiting list.</source>
        <translation>Nikt nie dostałby miejsca z listy oczekujących.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="84"/>
        <source>%n students would gain a seat from a waiting list:</source>
        <translation>
            <numerusform>%n student dostałby miejsce z listy oczekujących:</numerusform>
            <numerusform>%n studentów dostałoby miejsce z listy oczekujących:</numerusform>
            <numerusform>%n studentów dostałoby miejsce z listy oczekujących:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="91"/>
        <source>%n students moved</source>
        <translation>
            <numerusform>%n student przeniesiony</numerusform>
            <numerusform>%n studentów przeniesionych</numerusform>
            <numerusform>%n studentów przeniesionych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="93"/>
        <source>%n students losing a seat</source>
        <translation>
            <numerusform>%n student traci miejsce</numerusform>
            <numerusform>%n studentów traci miejsce</numerusform>
            <numerusform>%n studentów traci miejsce</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="95"/>
        <source>%n changes of dedicated seats</source>
        <translation>
            <numerusform>%n zmiana miejsc dedykowanych</numerusform>
            <numerusform>%n zmiany miejsc dedykowanych</numerusform>
            <numerusform>%n zmian miejsc dedykowanych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="98"/>
        <source>%n changes of payments</source>
        <translation>
            <numerusform>%n zmiana płatności</numerusform>
            <numerusform>%n zmiany płatności</numerusform>
            <numerusform>%n zmian płatności</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../desk/imports/cells.py" line="45"/>
        <source>longer than %1 characters</source>
        <translation>dłuższe niż %1 znaków</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="47"/>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="55"/>
        <source>%1 is not up to %2 digits</source>
        <translation>%1 to nie jest od 1 do %2 cyfr</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="58"/>
        <source>digits, kept as text</source>
        <translation>cyfry, zapisane jako tekst</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="67"/>
        <source>whole number</source>
        <translation>liczba całkowita</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="82"/>
        <source>%1 is not a date (31.12.2026 or 2026-12-31)</source>
        <translation>%1 to nie data (31.12.2026 lub 2026-12-31)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="91"/>
        <source>%1 is not a time (10:15)</source>
        <translation>%1 to nie godzina (10:15)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="98"/>
        <source>%1 is not a date and time (31.12.2026 10:00)</source>
        <translation>%1 to nie data z godziną (31.12.2026 10:00)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="103"/>
        <source>date: 31.12.2026 or 2026-12-31</source>
        <translation>data: 31.12.2026 lub 2026-12-31</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="104"/>
        <source>time: 10:15</source>
        <translation>godzina: 10:15</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="105"/>
        <source>date and time: 31.12.2026 10:00</source>
        <translation>data i godzina: 31.12.2026 10:00</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="110"/>
        <source>%1 is not an e-mail address</source>
        <translation>%1 to nie adres e-mail</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="114"/>
        <source>e-mail address</source>
        <translation>adres e-mail</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="126"/>
        <source>%1 is not yes or no (tak / nie)</source>
        <translation>%1 to nie „tak” ani „nie”</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="129"/>
        <source>tak / nie</source>
        <translation>tak / nie</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="139"/>
        <source>amount in PLN: 120.00</source>
        <translation>kwota w zł: 120.00</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="155"/>
        <source>%1 is not one of: %2</source>
        <translation>%1 nie jest żadną z wartości: %2</translation>
    </message>
    <message>
        <location filename="../../desk/imports/cells.py" line="158"/>
        <source>one of the listed values</source>
        <translation>jedna z wymienionych wartości</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="41"/>
        <source>Excel workbook (.xlsx), first sheet</source>
        <translation>skoroszyt Excel (.xlsx), pierwszy arkusz</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="42"/>
        <source>semicolon</source>
        <translation>średnikiem</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="42"/>
        <source>comma</source>
        <translation>przecinkiem</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="43"/>
        <source>tab</source>
        <translation>tabulatorem</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="44"/>
        <source>CSV, %1, separated by %2</source>
        <translation>CSV, %1, rozdzielany %2</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="59"/>
        <source>Line %1 has a field longer than %2 characters, or a quote that is never closed.</source>
        <translation>Wiersz %1 ma pole dłuższe niż %2 znaków albo niezamknięty cudzysłów.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/files.py" line="73"/>
        <source>Old Excel files (.xls) cannot be read: save it as .xlsx or .csv.</source>
        <translation>Starych plików Excela (.xls) nie można odczytać: zapisz plik jako .xlsx lub .csv.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/kind.py" line="67"/>
        <source>new</source>
        <translation>nowy</translation>
    </message>
    <message>
        <location filename="../../desk/imports/kind.py" line="68"/>
        <source>changed</source>
        <translation>zmieniony</translation>
    </message>
    <message>
        <location filename="../../desk/imports/kind.py" line="69"/>
        <source>unchanged</source>
        <translation>bez zmian</translation>
    </message>
    <message>
        <location filename="../../desk/imports/kind.py" line="70"/>
        <source>error</source>
        <translation>błąd</translation>
    </message>
    <message>
        <location filename="../../desk/imports/kind.py" line="112"/>
        <location filename="../../desk/imports/workbooks.py" line="122"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../desk/imports/kind.py" line="112"/>
        <location filename="../../desk/imports/workbooks.py" line="122"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="49"/>
        <source>institutional e-mail address</source>
        <translation>uczelniany adres e-mail</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="225"/>
        <location filename="../../desk/imports/registrations.py" line="240"/>
        <source>no programme %1 at the desk</source>
        <translation>nie ma kierunku %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="229"/>
        <source>the programme %1 is not of your units</source>
        <translation>kierunek %1 nie należy do Twoich jednostek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="241"/>
        <source>the same student as line %1, with other personal data</source>
        <translation>ten sam student co w wierszu %1, ale z innymi danymi osobowymi</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="246"/>
        <source>the same PESEL as line %1, with other personal data</source>
        <translation>ten sam PESEL co w wierszu %1, ale z innymi danymi osobowymi</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="268"/>
        <source>the same login as line %1</source>
        <translation>ten sam login co w wierszu %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="272"/>
        <location filename="../../desk/imports/people.py" line="591"/>
        <source>already the login of another person</source>
        <translation>to już login innej osoby</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="490"/>
        <source>the login of a student, not of staff</source>
        <translation>to login studenta, nie pracownika</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="576"/>
        <location filename="../../desk/imports/registrations.py" line="324"/>
        <location filename="../../desk/imports/tokens.py" line="118"/>
        <source>no student %1 at the desk</source>
        <translation>nie ma studenta %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="593"/>
        <source>the login is linked; unlink it in the accounts view</source>
        <translation>login jest powiązany; odłącz go w widoku kont</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="56"/>
        <location filename="../../desk/imports/registrations.py" line="195"/>
        <location filename="../../desk/imports/registrations.py" line="331"/>
        <source>no registration %1 at the desk</source>
        <translation>nie ma rejestracji %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="95"/>
        <location filename="../../desk/imports/teaching.py" line="260"/>
        <source>no term %1 at the desk</source>
        <translation>nie ma cyklu %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="97"/>
        <location filename="../../desk/imports/tokens.py" line="70"/>
        <location filename="../../desk/imports/tokens.py" line="121"/>
        <source>no token type %1 at the desk</source>
        <translation>nie ma typu żetonu %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="101"/>
        <location filename="../../desk/imports/registrations.py" line="142"/>
        <location filename="../../desk/imports/registrations.py" line="202"/>
        <location filename="../../desk/imports/registrations.py" line="252"/>
        <location filename="../../desk/imports/teaching.py" line="221"/>
        <source>not one of your units</source>
        <translation>nie jest jedną z Twoich jednostek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="103"/>
        <source>a token registration has a token type, a direct one has none</source>
        <translation>rejestracja żetonowa ma typ żetonu, bezpośrednia nie ma żadnego</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="145"/>
        <location filename="../../desk/imports/teaching.py" line="401"/>
        <source>not after the start</source>
        <translation>nie później niż początek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="148"/>
        <source>a token round needs its micro-round and break</source>
        <translation>tura żetonowa wymaga długości mikrotury i mikroprzerwy</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="155"/>
        <source>overlaps the round %1 (%2 – %3)</source>
        <translation>nakłada się na turę %1 (%2 – %3)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="198"/>
        <location filename="../../desk/imports/teaching.py" line="261"/>
        <source>no course %1 at the desk</source>
        <translation>nie ma przedmiotu %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="327"/>
        <location filename="../../desk/imports/teaching.py" line="389"/>
        <source>no such class group at the desk</source>
        <translation>nie ma takiej grupy zajęciowej</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="336"/>
        <location filename="../../desk/imports/tokens.py" line="126"/>
        <source>not a student of your units</source>
        <translation>to nie student Twoich jednostek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="344"/>
        <source>required for a seat over the limit</source>
        <translation>wymagany dla miejsca ponad limit</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registry.py" line="29"/>
        <source>There is no kind of record %1 to import; the kinds are: %2.</source>
        <translation>Nie ma rodzaju rekordów %1 do importu; rodzaje to: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="153"/>
        <source>The file has no heading line naming the columns %1 (within its first %2 lines). Its first line has: %3.</source>
        <translation>Plik nie ma wiersza nagłówka z kolumnami %1 (w pierwszych %2 wierszach). Jego pierwszy wiersz zawiera: %3.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="160"/>
        <source>Its headings fit %1: choose that kind of record.</source>
        <translation>Jego nagłówki pasują do rodzaju „%1”: wybierz ten rodzaj danych.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="172"/>
        <source>empty, but required</source>
        <translation>puste, a wymagane</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="196"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Import anulowano; niczego nie zapisano.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="206"/>
        <source>Reading the file</source>
        <translation>Odczyt pliku</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="216"/>
        <source>line</source>
        <translation>wiersz</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="217"/>
        <source>the same record as line %1</source>
        <translation>ten sam rekord co w wierszu %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="268"/>
        <source>Say why the file is imported (the reason is kept with the change).</source>
        <translation>Podaj powód importu pliku (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="270"/>
        <source>%1 rows are in error: correct the file, or import skipping them.</source>
        <translation>Błędne wiersze: %1. Popraw plik albo importuj z pominięciem błędnych wierszy.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="274"/>
        <source>The file changed after the preview: preview it again.</source>
        <translation>Plik zmienił się po podglądzie: obejrzyj podgląd ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/service.py" line="293"/>
        <source>The records changed after the preview (now %1 new, %2 changed, %3 in error): preview it again.</source>
        <translation>Rekordy zmieniły się po podglądzie (teraz nowe: %1, zmienione: %2, błędne: %3): obejrzyj podgląd ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="79"/>
        <source>%1 is not a weekday (poniedziałek … niedziela, or 1 … 7)</source>
        <translation>%1 to nie dzień tygodnia (poniedziałek … niedziela albo 1 … 7)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="83"/>
        <source>weekday: poniedziałek … niedziela, or 1 … 7</source>
        <translation>dzień tygodnia: poniedziałek … niedziela albo 1 … 7</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="101"/>
        <source>no unit %1 at the desk</source>
        <translation>nie ma jednostki %1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="168"/>
        <location filename="../../desk/imports/teaching.py" line="224"/>
        <location filename="../../desk/imports/teaching.py" line="282"/>
        <source>record</source>
        <translation>rekord</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="235"/>
        <source>institutional e-mails of the teachers, separated by commas</source>
        <translation>uczelniane adresy e-mail prowadzących, rozdzielone przecinkami</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="276"/>
        <location filename="../../desk/imports/teaching.py" line="399"/>
        <source>not a course of your units</source>
        <translation>to nie przedmiot Twoich jednostek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="287"/>
        <source>below the %1 students already enrolled</source>
        <translation>mniej niż zapisanych już studentów (%1)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="294"/>
        <source>%1 is not the login of a member of staff</source>
        <translation>%1 to nie login pracownika</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="27"/>
        <source>balance brought in by an import</source>
        <translation>saldo wprowadzone importem</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="93"/>
        <location filename="../../desk/imports/workbooks.py" line="156"/>
        <source>Data</source>
        <translation>Dane</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="94"/>
        <location filename="../../desk/imports/workbooks.py" line="116"/>
        <source>Notes</source>
        <translation>Objaśnienia</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="111"/>
        <source>Choose one of the listed values.</source>
        <translation>Wybierz jedną z wymienionych wartości.</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="115"/>
        <source>Column</source>
        <translation>Kolumna</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="115"/>
        <source>Also accepted as</source>
        <translation>Akceptowane także jako</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="115"/>
        <source>Required</source>
        <translation>Wymagana</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="116"/>
        <source>Kind of value</source>
        <translation>Rodzaj wartości</translation>
    </message>
    <message>
        <location filename="../../desk/imports/workbooks.py" line="116"/>
        <source>Allowed values</source>
        <translation>Dozwolone wartości</translation>
    </message>
</context>
<context>
    <name>ImportColumns</name>
    <message>
        <location filename="../../desk/imports/people.py" line="65"/>
        <source>Last name</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="67"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="69"/>
        <source>Middle name</source>
        <translation>Drugie imię</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="71"/>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="74"/>
        <source>Birth date</source>
        <translation>Data urodzenia</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="76"/>
        <source>Private e-mail</source>
        <translation>E-mail prywatny</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="152"/>
        <location filename="../../desk/imports/people.py" line="546"/>
        <location filename="../../desk/imports/registrations.py" line="282"/>
        <location filename="../../desk/imports/tokens.py" line="93"/>
        <source>Student number</source>
        <translation>Numer albumu</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="156"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="159"/>
        <location filename="../../desk/imports/registrations.py" line="230"/>
        <location filename="../../desk/imports/teaching.py" line="180"/>
        <source>Programme code</source>
        <translation>Kod kierunku</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="162"/>
        <location filename="../../desk/imports/registrations.py" line="236"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="165"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="167"/>
        <source>Status since</source>
        <translation>Status od</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="169"/>
        <source>Status until</source>
        <translation>Status do</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="171"/>
        <source>Admitted on</source>
        <translation>Data przyjęcia</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="173"/>
        <location filename="../../desk/imports/people.py" line="457"/>
        <location filename="../../desk/imports/people.py" line="544"/>
        <source>Institutional e-mail</source>
        <translation>E-mail uczelniany</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="46"/>
        <location filename="../../desk/imports/registrations.py" line="71"/>
        <location filename="../../desk/imports/registrations.py" line="285"/>
        <source>Registration code</source>
        <translation>Kod rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="73"/>
        <location filename="../../desk/imports/teaching.py" line="115"/>
        <location filename="../../desk/imports/teaching.py" line="156"/>
        <location filename="../../desk/imports/teaching.py" line="182"/>
        <location filename="../../desk/imports/teaching.py" line="207"/>
        <location filename="../../desk/imports/tokens.py" line="44"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="75"/>
        <location filename="../../desk/imports/teaching.py" line="86"/>
        <location filename="../../desk/imports/teaching.py" line="113"/>
        <source>Unit code</source>
        <translation>Kod jednostki</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="78"/>
        <location filename="../../desk/imports/teaching.py" line="119"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="79"/>
        <location filename="../../desk/imports/tokens.py" line="29"/>
        <location filename="../../desk/imports/tokens.py" line="43"/>
        <source>Token type</source>
        <translation>Typ żetonu</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="82"/>
        <source>Message to students</source>
        <translation>Komunikat</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="83"/>
        <source>Selection limit</source>
        <translation>Limit wyboru</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="86"/>
        <source>Entitled students only</source>
        <translation>Tylko uprawnieni</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="88"/>
        <source>Timetable clashes refused</source>
        <translation>Kolizje planu odrzucane</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="90"/>
        <source>Exchanges allowed</source>
        <translation>Wymiany dozwolone</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="92"/>
        <source>Waiting lists kept</source>
        <translation>Listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="118"/>
        <source>Round</source>
        <translation>Tura</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="120"/>
        <location filename="../../desk/imports/teaching.py" line="351"/>
        <source>Starts at</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="122"/>
        <location filename="../../desk/imports/teaching.py" line="353"/>
        <source>Ends at</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="124"/>
        <source>Unregistering allowed</source>
        <translation>Wyrejestrowanie</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="126"/>
        <source>Micro-round (minutes)</source>
        <translation>Mikrotura (minuty)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="129"/>
        <source>Micro-break (minutes)</source>
        <translation>Mikroprzerwa (minuty)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="232"/>
        <location filename="../../desk/imports/teaching.py" line="187"/>
        <location filename="../../desk/imports/tokens.py" line="61"/>
        <source>Level</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="234"/>
        <location filename="../../desk/imports/teaching.py" line="189"/>
        <location filename="../../desk/imports/tokens.py" line="63"/>
        <source>Mode</source>
        <translation>Forma studiów</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="288"/>
        <source>Over the limit</source>
        <translation>Ponad limit</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="291"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="89"/>
        <location filename="../../desk/imports/teaching.py" line="155"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="91"/>
        <location filename="../../desk/imports/teaching.py" line="205"/>
        <source>Course code</source>
        <translation>Kod przedmiotu</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="94"/>
        <source>Class type</source>
        <translation>Typ zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="96"/>
        <source>Group number</source>
        <translation>Numer grupy</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="117"/>
        <location filename="../../desk/imports/teaching.py" line="184"/>
        <location filename="../../desk/imports/teaching.py" line="209"/>
        <source>English name</source>
        <translation>Nazwa angielska</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="120"/>
        <source>Parent unit code</source>
        <translation>Kod jednostki nadrzędnej</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="158"/>
        <source>Starts on</source>
        <translation>Data od</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="160"/>
        <source>Ends on</source>
        <translation>Data do</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="212"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="250"/>
        <source>Seat limit</source>
        <translation>Limit miejsc</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="252"/>
        <source>Lower limit</source>
        <translation>Dolny limit miejsc</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="255"/>
        <source>Teachers</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="258"/>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="349"/>
        <source>Weekday</source>
        <translation>Dzień tygodnia</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="355"/>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="356"/>
        <source>Building</source>
        <translation>Budynek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="46"/>
        <source>Price of a semester</source>
        <translation>Cena semestru</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="65"/>
        <source>Tokens</source>
        <translation>Żetony</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="67"/>
        <source>Active</source>
        <translation>Aktywna</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="96"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
</context>
<context>
    <name>ImportKinds</name>
    <message>
        <location filename="../../desk/imports/people.py" line="146"/>
        <source>Students and their programmes</source>
        <translation>Studenci i ich kierunki</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="453"/>
        <source>Teaching staff</source>
        <translation>Prowadzący zajęcia</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="539"/>
        <source>Login accounts</source>
        <translation>Konta logowania</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="61"/>
        <source>Registrations</source>
        <translation>Rejestracje</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="109"/>
        <source>Rounds of registrations</source>
        <translation>Tury rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="177"/>
        <source>Courses offered in registrations</source>
        <translation>Przedmioty oferowane w rejestracjach</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="221"/>
        <source>Access rules of registrations</source>
        <translation>Reguły dostępu do rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="277"/>
        <source>Enrollments</source>
        <translation>Zapisy</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="106"/>
        <source>Organisational units</source>
        <translation>Jednostki organizacyjne</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="148"/>
        <source>Terms</source>
        <translation>Cykle dydaktyczne</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="173"/>
        <source>Programmes</source>
        <translation>Kierunki</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="197"/>
        <source>Courses</source>
        <translation>Przedmioty</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="240"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="341"/>
        <source>Timetable slots</source>
        <translation>Terminy zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="35"/>
        <source>Token types</source>
        <translation>Typy żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="53"/>
        <source>Token allocation rules</source>
        <translation>Reguły przydziału żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="88"/>
        <source>Token balances</source>
        <translation>Salda żetonów</translation>
    </message>
</context>
<context>
    <name>ImportNotes</name>
    <message>
        <location filename="../../desk/imports/people.py" line="72"/>
        <source>11 digits, checked by its check digit and against the birth date; empty for students without one</source>
        <translation>11 cyfr, sprawdzanych cyfrą kontrolną i z datą urodzenia; puste dla studentów bez numeru PESEL</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="153"/>
        <source>digits, kept as text: leading zeros stay</source>
        <translation>cyfry zapisane jako tekst: zera na początku zostają</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="157"/>
        <source>empty: a PhD student on a doctoral programme, else a student</source>
        <translation>puste: doktorant na studiach doktoranckich, w pozostałych przypadkach student</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="160"/>
        <source>a programme the desk has (import programmes first)</source>
        <translation>kierunek znany w systemie (najpierw zaimportuj kierunki)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="163"/>
        <source>year of study, 1 to 10; empty: 1</source>
        <translation>rok studiów, od 1 do 10; puste: 1</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="166"/>
        <source>empty: active</source>
        <translation>puste: aktywny</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="168"/>
        <source>required for any status but active</source>
        <translation>wymagane dla każdego statusu poza aktywnym</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="170"/>
        <source>a leave&apos;s or suspension&apos;s planned end, after its start</source>
        <translation>planowany koniec urlopu lub zawieszenia, po jego początku</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="174"/>
        <source>the login; its domain fits the category&apos;s template</source>
        <translation>login; jego domena odpowiada szablonowi kategorii</translation>
    </message>
    <message>
        <location filename="../../desk/imports/people.py" line="547"/>
        <source>the student the login is linked to; empty: linked to nobody yet</source>
        <translation>student, do którego należy login; puste: login jeszcze nieprzypisany</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="47"/>
        <source>a registration the desk has (import registrations first)</source>
        <translation>rejestracja znana w systemie (najpierw zaimportuj rejestracje)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="80"/>
        <source>required for a token registration, empty for a direct one</source>
        <translation>wymagany dla rejestracji żetonowej, pusty dla bezpośredniej</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="84"/>
        <source>how many courses a student may take; empty: no limit</source>
        <translation>ile przedmiotów może wybrać student; puste: bez limitu</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="128"/>
        <location filename="../../desk/imports/registrations.py" line="131"/>
        <source>token rounds only</source>
        <translation>tylko tury żetonowe</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="231"/>
        <source>empty: any programme</source>
        <translation>puste: dowolny kierunek</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="233"/>
        <location filename="../../desk/imports/tokens.py" line="62"/>
        <source>empty: any level</source>
        <translation>puste: dowolny poziom</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="235"/>
        <location filename="../../desk/imports/tokens.py" line="64"/>
        <source>empty: any mode</source>
        <translation>puste: dowolna forma</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="237"/>
        <source>empty: any stage</source>
        <translation>puste: dowolny etap</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="286"/>
        <source>the registration it was made in; may be empty</source>
        <translation>rejestracja, w której dokonano zapisu; może być puste</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="289"/>
        <source>tak: a seat over the group&apos;s limit, given by the dean&apos;s office (a reason is required)</source>
        <translation>tak: miejsce ponad limit grupy przyznane przez dziekanat (wymagany powód)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/registrations.py" line="292"/>
        <source>why a seat over the limit was given</source>
        <translation>dlaczego przyznano miejsce ponad limit</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="87"/>
        <source>a unit the desk has (import units first)</source>
        <translation>jednostka znana w systemie (najpierw zaimportuj jednostki)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="90"/>
        <source>a term&apos;s code, e.g. 2026Z</source>
        <translation>kod cyklu, np. 2026Z</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="92"/>
        <source>a course the desk has (import courses first)</source>
        <translation>przedmiot znany w systemie (najpierw zaimportuj przedmioty)</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="122"/>
        <source>a unit the desk has or one on an earlier line</source>
        <translation>jednostka znana w systemie lub podana we wcześniejszym wierszu</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="213"/>
        <source>language code, e.g. pl or en; empty: pl</source>
        <translation>kod języka, np. pl lub en; puste: pl</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="254"/>
        <source>below it the group does not run; empty: 0</source>
        <translation>poniżej tej liczby grupa nie zostanie uruchomiona; puste: 0</translation>
    </message>
    <message>
        <location filename="../../desk/imports/teaching.py" line="256"/>
        <source>institutional e-mails of staff (import staff first), separated by commas</source>
        <translation>uczelniane adresy e-mail pracowników (najpierw zaimportuj prowadzących), rozdzielone przecinkami</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="30"/>
        <source>a token type&apos;s code, e.g. JO</source>
        <translation>kod typu żetonu, np. JO</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="47"/>
        <source>in PLN, paid beyond the free tokens</source>
        <translation>w zł, płatna po wykorzystaniu bezpłatnych żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/imports/tokens.py" line="97"/>
        <source>the tokens the student has now</source>
        <translation>liczba żetonów, które student ma obecnie</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/views/accounts.py" line="220"/>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="220"/>
        <source>student number</source>
        <translation>numer albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="222"/>
        <source>Link logins from %1</source>
        <translation>Powiąż loginy z pliku %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="223"/>
        <source>%1 lines: the %2 from the column “%3”, the e-mail from “%4”. Nothing is linked until you confirm; then every line is linked in one step, or none.</source>
        <translation>Liczba wierszy: %1; %2 z kolumny „%3”, adres e-mail z kolumny „%4”. Nic nie zostanie powiązane, dopóki nie potwierdzisz; wtedy wszystkie wiersze zostaną powiązane w jednym kroku albo żaden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/accounts.py" line="227"/>
        <source>&amp;Link %n login(s)</source>
        <translation>
            <numerusform>Po&amp;wiąż %n login</numerusform>
            <numerusform>Po&amp;wiąż %n loginy</numerusform>
            <numerusform>Po&amp;wiąż %n loginów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="229"/>
        <source>e.g. export from the mail system of 1 October</source>
        <translation>np. eksport z systemu pocztowego z 1 października</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="237"/>
        <source>Lines of the file</source>
        <translation>Wiersze pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="238"/>
        <source>Line</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="238"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="238"/>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="238"/>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="256"/>
        <source>Showing %1 of %2 lines, those in error first.</source>
        <translation>Wyświetlone wiersze: %1 z %2, najpierw te z błędami.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="261"/>
        <source>Leave out the %1 lines in &amp;error and link the rest</source>
        <translation>Pomiń wiersze z &amp;błędami (%1) i powiąż pozostałe</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="263"/>
        <source>Leave out the lines in error</source>
        <translation>Pomiń wiersze z błędami</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../ui/models/import_rows_model.py" line="52"/>
        <source>Line</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_rows_model.py" line="53"/>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_rows_model.py" line="54"/>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_rows_model.py" line="55"/>
        <source>What changes, or what is wrong</source>
        <translation>Co się zmienia lub co jest błędne</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <location filename="../../ui/views/import_view.py" line="77"/>
        <source>Kind of record to import</source>
        <translation>Rodzaj importowanych rekordów</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="84"/>
        <source>Ch&amp;oose file…</source>
        <translation>Wybierz p&amp;lik…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="86"/>
        <source>Choose the file to import</source>
        <translation>Wybierz plik do importu</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="87"/>
        <source>An .xlsx workbook or a CSV file (Ctrl+O); nothing is written until you apply it.</source>
        <translation>Skoroszyt .xlsx lub plik CSV (Ctrl+O); nic nie zostanie zapisane, dopóki nie zastosujesz importu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="89"/>
        <source>Preview a&amp;gain</source>
        <translation>Wczytaj pon&amp;ownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="91"/>
        <source>Read the file again and preview it</source>
        <translation>Wczytaj plik ponownie i pokaż podgląd</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="92"/>
        <source>After correcting the file, read it again.</source>
        <translation>Po poprawieniu pliku wczytaj go ponownie.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="94"/>
        <source>Te&amp;mplate…</source>
        <translation>Szablon pli&amp;ku…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="96"/>
        <source>Save an empty template for this kind of record</source>
        <translation>Zapisz pusty szablon dla tego rodzaju rekordów</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="97"/>
        <source>A workbook with the headings, a sheet of notes on every column and an example row.</source>
        <translation>Skoroszyt z nagłówkami, arkuszem objaśnień do każdej kolumny i przykładowym wierszem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="100"/>
        <source>E&amp;xport current records…</source>
        <translation>&amp;Eksportuj obecne rekordy…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="102"/>
        <source>Export the records the desk holds, in the file&apos;s shape</source>
        <translation>Eksportuj rekordy zapisane w programie desk w układzie pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="103"/>
        <source>The records of this kind as the desk holds them: a file that imports back unchanged, a start for corrections.</source>
        <translation>Rekordy tego rodzaju w postaci zapisanej w programie desk: plik, który zaimportuje się bez zmian — punkt wyjścia do poprawek.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="107"/>
        <source>Choose a kind of record and a file: you see every row&apos;s outcome before anything is written.</source>
        <translation>Wybierz rodzaj rekordów i plik: wynik każdego wiersza zobaczysz, zanim cokolwiek zostanie zapisane.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="111"/>
        <source>The file and what was detected</source>
        <translation>Plik i wykryty format</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="119"/>
        <source>Import progress</source>
        <translation>Postęp importu</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="120"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anuluj</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="122"/>
        <source>Cancel reading or importing the file</source>
        <translation>Anuluj odczyt lub import pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="123"/>
        <source>Stops at the next chunk of rows; nothing is written.</source>
        <translation>Zatrzymuje się przy następnej porcji wierszy; nic nie zostanie zapisane.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="137"/>
        <source>Rows of the file by outcome</source>
        <translation>Wiersze pliku według wyniku</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="143"/>
        <source>Headings not used</source>
        <translation>Nieużyte nagłówki</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="145"/>
        <source>Show only the rows in &amp;error</source>
        <translation>Pokaż tylko wiersze z &amp;błędami</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="147"/>
        <source>Show only the rows in error</source>
        <translation>Pokaż tylko wiersze z błędami</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="155"/>
        <source>Rows of the file that are new, changed or in error</source>
        <translation>Wiersze pliku: nowe, zmienione lub z błędami</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="171"/>
        <source>Ro&amp;ws:</source>
        <translation>W&amp;iersze:</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="174"/>
        <source>Not in the file</source>
        <translation>Brak w pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="180"/>
        <source>Records at the desk the file does not name</source>
        <translation>Rekordy w programie desk, których nie ma w pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="181"/>
        <source>Records at the desk &amp;not named:</source>
        <translation>Rekordy &amp;nieobecne w pliku:</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="191"/>
        <source>Reason for the import</source>
        <translation>Powód importu</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="192"/>
        <source>why — kept with the change, e.g. students admitted in September</source>
        <translation>dlaczego — zostanie zapisane wraz ze zmianą, np. studenci przyjęci we wrześniu</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="196"/>
        <location filename="../../ui/views/import_view.py" line="428"/>
        <source>&amp;Skip the rows in error</source>
        <translation>Po&amp;miń wiersze z błędami</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="198"/>
        <source>Skip the rows in error and import the rest</source>
        <translation>Pomiń wiersze z błędami i zaimportuj pozostałe</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="200"/>
        <source>&amp;Apply…</source>
        <translation>&amp;Zastosuj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="202"/>
        <location filename="../../ui/views/import_view.py" line="465"/>
        <source>Apply the import</source>
        <translation>Zastosuj import</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="210"/>
        <source>Result of the import</source>
        <translation>Wynik importu</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="217"/>
        <source>&amp;Kind of record:</source>
        <translation>&amp;Rodzaj rekordów:</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="249"/>
        <source>&amp;Reason:</source>
        <translation>P&amp;owód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="298"/>
        <source>Import %1 from a file</source>
        <translation>Import z pliku: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="299"/>
        <source>Spreadsheets and CSV (*.xlsx *.csv);;All files (*)</source>
        <translation>Arkusze kalkulacyjne i CSV (*.xlsx *.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="321"/>
        <source>Reading %1…</source>
        <translation>Wczytywanie %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="322"/>
        <source>Reading the file</source>
        <translation>Odczyt pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="345"/>
        <source>Cancelled: the file was not read to the end.</source>
        <translation>Anulowano: plik nie został odczytany do końca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="367"/>
        <source>&lt;b&gt;%1&lt;/b&gt; as %2 — %3; headings on line %4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; jako %2 — %3; nagłówki w wierszu %4.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="372"/>
        <source>&lt;b&gt;%1&lt;/b&gt; new</source>
        <translation>nowe: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="373"/>
        <source>&lt;b&gt;%1&lt;/b&gt; changed</source>
        <translation>zmienione: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="374"/>
        <source>&lt;b&gt;%1&lt;/b&gt; unchanged</source>
        <translation>bez zmian: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="376"/>
        <source>&lt;b&gt;%1&lt;/b&gt; in error</source>
        <translation>z błędami: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="380"/>
        <source>(%1 rows in all)</source>
        <translation>(wszystkich wierszy: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="382"/>
        <source>Columns read: %1</source>
        <translation>Odczytane kolumny: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="384"/>
        <source>Headings not used (left out): %1</source>
        <translation>Nieużyte nagłówki (pominięte): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="389"/>
        <source>Showing the first %1 of %2 rows that are new, changed or in error.</source>
        <translation>Pokazano pierwsze %1 z %2 wierszy nowych, zmienionych lub z błędami.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="392"/>
        <source>Unchanged rows are not listed.</source>
        <translation>Wiersze bez zmian nie są wymieniane.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="398"/>
        <source>%n record(s) of this kind at the desk are not in the file. Nothing is deleted: they stay as they are.</source>
        <translation>
            <numerusform>%n rekord tego rodzaju w programie desk nie występuje w pliku. Nic nie zostanie usunięte: pozostaje bez zmian.</numerusform>
            <numerusform>%n rekordy tego rodzaju w programie desk nie występują w pliku. Nic nie zostanie usunięte: pozostają bez zmian.</numerusform>
            <numerusform>%n rekordów tego rodzaju w programie desk nie występuje w pliku. Nic nie zostanie usunięte: pozostają bez zmian.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="402"/>
        <source>… and %1 more</source>
        <translation>… i %1 więcej</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="427"/>
        <source>&amp;Skip the %n row(s) in error</source>
        <translation>
            <numerusform>Po&amp;miń %n wiersz z błędem</numerusform>
            <numerusform>Po&amp;miń %n wiersze z błędami</numerusform>
            <numerusform>Po&amp;miń %n wierszy z błędami</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="433"/>
        <source>Choose a file: its preview comes first, nothing is written until you apply it.</source>
        <translation>Wybierz plik: najpierw zobaczysz podgląd, nic nie zostanie zapisane, dopóki nie zastosujesz importu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="435"/>
        <source>Nothing to import: every row is unchanged or in error.</source>
        <translation>Nie ma czego importować: każdy wiersz jest bez zmian lub z błędem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="436"/>
        <source>Nothing to import: every row is unchanged.</source>
        <translation>Nie ma czego importować: każdy wiersz jest bez zmian.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="438"/>
        <source>%n row(s) in error: correct the file and preview it again, or skip them.</source>
        <translation>
            <numerusform>%n wiersz z błędem: popraw plik i wczytaj go ponownie albo pomiń ten wiersz.</numerusform>
            <numerusform>%n wiersze z błędami: popraw plik i wczytaj go ponownie albo pomiń te wiersze.</numerusform>
            <numerusform>%n wierszy z błędami: popraw plik i wczytaj go ponownie albo pomiń te wiersze.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="440"/>
        <source>Say why the file is imported (the reason is kept with the change).</source>
        <translation>Podaj powód importu pliku (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="442"/>
        <source>Applying writes %1 new and %2 changed records as one change set, all or nothing.</source>
        <translation>Zastosowanie zapisze nowe rekordy (%1) i zmienione (%2) jako jeden zestaw zmian — wszystko albo nic.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="459"/>
        <source>Import %1 new and %2 changed records of “%3” from %4?</source>
        <translation>Zaimportować z %4 rekordy „%3”: nowe — %1, zmienione — %2?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="463"/>
        <source>The %n row(s) in error are left out.</source>
        <translation>
            <numerusform>%n wiersz z błędem zostanie pominięty.</numerusform>
            <numerusform>%n wiersze z błędami zostaną pominięte.</numerusform>
            <numerusform>%n wierszy z błędami zostanie pominiętych.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="464"/>
        <source>It is written as one change set with your reason, and goes to the portal with the next sync.</source>
        <translation>Zostanie zapisany jako jeden zestaw zmian z podanym powodem i trafi do portalu przy najbliższej synchronizacji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="468"/>
        <source>&amp;Import</source>
        <translation>&amp;Importuj</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="486"/>
        <source>Importing</source>
        <translation>Importowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="498"/>
        <source>%1 was imported; preview it again to see the desk&apos;s records against the file.</source>
        <translation>Zaimportowano %1; wczytaj go ponownie, aby porównać rekordy w programie desk z plikiem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="500"/>
        <source>Imported from %1: %2 new, %3 changed, %4 unchanged, %5 rows in error skipped. Change set %6 in the history.</source>
        <translation>Zaimportowano z %1: nowe: %2, zmienione: %3, bez zmian: %4, pominięte wiersze z błędami: %5. Zestaw zmian %6 w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="511"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Anulowano: niczego nie zapisano.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="525"/>
        <source>Save the template of %1</source>
        <translation>Zapisz szablon: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="526"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Skoroszyt Excela (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="529"/>
        <source>Template saved: %1</source>
        <translation>Zapisano szablon: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="536"/>
        <source>Export %1</source>
        <translation>Eksport: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="537"/>
        <source>Excel workbook (*.xlsx);;CSV, separated by semicolons (*.csv)</source>
        <translation>Skoroszyt Excela (*.xlsx);;CSV rozdzielany średnikami (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="541"/>
        <source>Exported: %1</source>
        <translation>Wyeksportowano: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="564"/>
        <source>Cancelling…</source>
        <translation>Anulowanie…</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="275"/>
        <source>Add to the waiting list — %1</source>
        <translation>Dopisanie do listy oczekujących — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="276"/>
        <source>The student goes to the end of the list. Only a student whom the rules refuse nothing but a seat can wait for one.</source>
        <translation>Student trafia na koniec listy. Czekać może tylko student, któremu zasady odmawiają wyłącznie miejsca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="278"/>
        <source>&amp;Add to the list</source>
        <translation>&amp;Dodaj do listy</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="282"/>
        <source>Student to put on the list</source>
        <translation>Student do dopisania</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="285"/>
        <source>Registration the student waits through</source>
        <translation>Rejestracja, przez którą student czeka</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="288"/>
        <source>&amp;Student:</source>
        <translation>&amp;Student:</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="289"/>
        <source>Re&amp;gistration:</source>
        <translation>&amp;Rejestracja:</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="296"/>
        <source>Find and choose the student first.</source>
        <translation>Najpierw znajdź i wybierz studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="299"/>
        <source>Choose the registration the student waits through.</source>
        <translation>Wybierz rejestrację, przez którą student czeka.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desk/eligibility.py" line="156"/>
        <location filename="../../desk/history.py" line="523"/>
        <location filename="../../desk/student_records.py" line="101"/>
        <location filename="../../ui/labels.py" line="27"/>
        <location filename="../../ui/labels.py" line="94"/>
        <source>active</source>
        <translation>aktywny</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="157"/>
        <location filename="../../desk/history.py" line="524"/>
        <location filename="../../desk/student_records.py" line="102"/>
        <location filename="../../ui/labels.py" line="28"/>
        <source>on leave</source>
        <translation>urlop</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="158"/>
        <location filename="../../desk/history.py" line="525"/>
        <location filename="../../desk/student_records.py" line="103"/>
        <location filename="../../ui/labels.py" line="29"/>
        <source>suspended</source>
        <translation>zawieszony</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="159"/>
        <location filename="../../desk/history.py" line="526"/>
        <location filename="../../desk/student_records.py" line="104"/>
        <location filename="../../ui/labels.py" line="30"/>
        <source>removed</source>
        <translation>skreślony</translation>
    </message>
    <message>
        <location filename="../../desk/eligibility.py" line="160"/>
        <location filename="../../desk/history.py" line="527"/>
        <location filename="../../desk/student_records.py" line="105"/>
        <location filename="../../ui/labels.py" line="31"/>
        <source>graduated</source>
        <translation>absolwent</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="532"/>
        <location filename="../../ui/labels.py" line="48"/>
        <source>first cycle</source>
        <translation>I stopień</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="533"/>
        <location filename="../../ui/labels.py" line="49"/>
        <source>second cycle</source>
        <translation>II stopień</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="534"/>
        <location filename="../../ui/labels.py" line="50"/>
        <source>long cycle</source>
        <translation>jednolite magisterskie</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="535"/>
        <location filename="../../ui/labels.py" line="51"/>
        <source>doctoral</source>
        <translation>doktoranckie</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="536"/>
        <location filename="../../ui/labels.py" line="57"/>
        <source>full-time</source>
        <translation>stacjonarne</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="537"/>
        <location filename="../../ui/labels.py" line="58"/>
        <source>part-time</source>
        <translation>niestacjonarne</translation>
    </message>
    <message>
        <location filename="../../desk/labels.py" line="20"/>
        <source>lecture</source>
        <translation>wykład</translation>
    </message>
    <message>
        <location filename="../../desk/labels.py" line="21"/>
        <source>class</source>
        <translation>ćwiczenia</translation>
    </message>
    <message>
        <location filename="../../desk/labels.py" line="22"/>
        <source>lab</source>
        <translation>laboratorium</translation>
    </message>
    <message>
        <location filename="../../desk/labels.py" line="23"/>
        <source>seminar</source>
        <translation>seminarium</translation>
    </message>
    <message>
        <location filename="../../desk/labels.py" line="24"/>
        <source>language class</source>
        <translation>lektorat</translation>
    </message>
    <message>
        <location filename="../../desk/labels.py" line="25"/>
        <source>PE</source>
        <translation>WF</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="22"/>
        <location filename="../../ui/labels.py" line="68"/>
        <source>student</source>
        <translation>student</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="23"/>
        <location filename="../../ui/labels.py" line="69"/>
        <source>PhD student</source>
        <translation>doktorant</translation>
    </message>
    <message>
        <location filename="../../desk/accounts/actions.py" line="24"/>
        <location filename="../../ui/labels.py" line="70"/>
        <source>staff</source>
        <translation>pracownik</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="519"/>
        <location filename="../../ui/labels.py" line="76"/>
        <location filename="../../ui/views/token_rounds.py" line="40"/>
        <source>accepted</source>
        <translation>przyjęty</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="520"/>
        <location filename="../../ui/labels.py" line="77"/>
        <location filename="../../ui/labels.py" line="85"/>
        <source>cancelled</source>
        <translation>anulowany</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="521"/>
        <location filename="../../ui/labels.py" line="83"/>
        <source>due</source>
        <translation>do zapłaty</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="522"/>
        <location filename="../../ui/labels.py" line="84"/>
        <source>paid</source>
        <translation>zapłacona</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>no rounds</source>
        <translation>brak tur</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>preparing</source>
        <translation>w przygotowaniu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>closed</source>
        <translation>zamknięta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>first come, first served</source>
        <translation>kto pierwszy, ten lepszy</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>token</source>
        <translation>żetonowa</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="528"/>
        <location filename="../../ui/labels.py" line="113"/>
        <source>portal</source>
        <translation>portal</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="529"/>
        <location filename="../../ui/labels.py" line="114"/>
        <source>at the desk</source>
        <translation>przez pracownika</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="530"/>
        <location filename="../../ui/labels.py" line="115"/>
        <source>token round</source>
        <translation>tura żetonowa</translation>
    </message>
    <message>
        <location filename="../../desk/history.py" line="531"/>
        <location filename="../../ui/labels.py" line="116"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="41"/>
        <source>✓ passed</source>
        <translation>✓ spełniony</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="42"/>
        <source>✗ fails</source>
        <translation>✗ niespełniony</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="43"/>
        <source>! note</source>
        <translation>! uwaga</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="44"/>
        <source>? cannot tell yet</source>
        <translation>? jeszcze nie wiadomo</translation>
    </message>
    <message>
        <location filename="../../ui/views/explain_dialog.py" line="45"/>
        <source>– not applicable</source>
        <translation>– nie dotyczy</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="44"/>
        <source>allocation</source>
        <translation>przydział</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="45"/>
        <source>correction</source>
        <translation>korekta</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="46"/>
        <source>spent</source>
        <translation>wydanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="47"/>
        <source>refund</source>
        <translation>zwrot</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="48"/>
        <source>expiry</source>
        <translation>wygaśnięcie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="39"/>
        <source>waiting</source>
        <translation>oczekująca</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="41"/>
        <source>refused</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="42"/>
        <source>refused permanently</source>
        <translation>odrzucona ostatecznie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="43"/>
        <source>withdrawn</source>
        <translation>wycofana</translation>
    </message>
</context>
<context>
    <name>LeaveListDialog</name>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="335"/>
        <source>Remove from the waiting list — %1</source>
        <translation>Usunięcie z listy oczekujących — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="336"/>
        <source>Take %1 off the waiting list of %2? The others keep their order.</source>
        <translation>Usunąć %1 z listy oczekujących %2? Pozostali zachowują kolejność.</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="338"/>
        <source>Re&amp;move</source>
        <translation>&amp;Usuń</translation>
    </message>
</context>
<context>
    <name>LinkLoginDialog</name>
    <message>
        <location filename="../../ui/views/accounts.py" line="123"/>
        <source>Link a login</source>
        <translation>Powiąż login</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="124"/>
        <source>The login goes to the portal with the next sync; until then the student still sees that they have no account.</source>
        <translation>Login trafi do portalu przy najbliższej synchronizacji; do tego czasu student nadal będzie widział komunikat, że nie ma konta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="126"/>
        <source>&amp;Link</source>
        <translation>Po&amp;wiąż</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="127"/>
        <source>e.g. reported by the student at the desk</source>
        <translation>np. zgłoszone przez studenta w okienku</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="130"/>
        <source>Login e-mail</source>
        <translation>E-mail logowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="131"/>
        <source>e.g. %1</source>
        <translation>np. %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="134"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="140"/>
        <source>For:</source>
        <translation>Dla:</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="145"/>
        <source>&amp;Student:</source>
        <translation>&amp;Student:</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="151"/>
        <source>Type the login e-mail.</source>
        <translation>Wpisz e-mail logowania.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="153"/>
        <source>Find the student the login belongs to.</source>
        <translation>Znajdź studenta, do którego należy login.</translation>
    </message>
</context>
<context>
    <name>LowerLimitDialog</name>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="181"/>
        <source>Lower limit — %1</source>
        <translation>Dolny limit — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="182"/>
        <source>Below this number of students the group does not run; it is flagged in the table. %1 enrolled, seat limit %2.</source>
        <translation>Poniżej tej liczby studentów grupa nie zostaje uruchomiona; jest wtedy oznaczana w tabeli. Zapisani: %1, limit miejsc: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="184"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="188"/>
        <source>Lower limit</source>
        <translation>Dolny limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="191"/>
        <source>&amp;Lower limit:</source>
        <translation>&amp;Dolny limit:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>Views</source>
        <translation>Widoki</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>Students</source>
        <translation>Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Registrations</source>
        <translation>Rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>Tokens</source>
        <translation>Żetony</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Token rounds</source>
        <translation>Tury żetonowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Payments</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Accounts</source>
        <translation>Konta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Sync</source>
        <translation>Synchronizacja</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>Staff</source>
        <translation>Pracownicy</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>course registration</source>
        <translation>rejestracja na zajęcia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>SQLite file</source>
        <translation>Plik SQLite</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>PostgreSQL server</source>
        <translation>Serwer PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>data as of %1</source>
        <translation>dane z godz. %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Change &amp;password…</source>
        <translation>Zmień &amp;hasło…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Wyloguj</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>&amp;Import from a file…</source>
        <translation>&amp;Importuj z pliku…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>S&amp;tudents</source>
        <translation>&amp;Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>&amp;New student…</source>
        <translation>&amp;Nowy student…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>&amp;Students</source>
        <translation>&amp;Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Registrations</source>
        <translation>&amp;Rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>Class &amp;groups</source>
        <translation>&amp;Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>&amp;Tokens</source>
        <translation>Ż&amp;etony</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Token r&amp;ounds</source>
        <translation>&amp;Tury żetonowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>&amp;Payments</source>
        <translation>&amp;Należności</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Konta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronizacja</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>&amp;History</source>
        <translation>&amp;Historia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>S&amp;taff accounts</source>
        <translation>&amp;Konta pracowników</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>&amp;Find student</source>
        <translation>&amp;Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>&amp;About desk</source>
        <translation>&amp;O programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>find a student</source>
        <translation>znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>admit a new student</source>
        <translation>przyjmij nowego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>move between the search field and the results</source>
        <translation>przejście między polem wyszukiwania a wynikami</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>open the selected student&apos;s card</source>
        <translation>otwórz kartę wybranego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>back to the search field; close a card</source>
        <translation>powrót do pola wyszukiwania; zamknięcie karty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>refresh a card</source>
        <translation>odśwież kartę</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>students</source>
        <translation>studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>registrations</source>
        <translation>rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>class groups</source>
        <translation>grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>tokens</source>
        <translation>żetony</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>token rounds</source>
        <translation>tury żetonowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>payments</source>
        <translation>należności</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365"/>
        <source>accounts</source>
        <translation>konta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366"/>
        <source>sync with the portal</source>
        <translation>synchronizacja z portalem</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>history of changes</source>
        <translation>historia zmian</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>staff accounts</source>
        <translation>konta pracowników</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>class groups: a new group</source>
        <translation>grupy zajęciowe: nowa grupa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>class groups: edit the selected group</source>
        <translation>grupy zajęciowe: edytuj wybraną grupę</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371"/>
        <source>class groups: a new course</source>
        <translation>grupy zajęciowe: nowy przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372"/>
        <source>registrations: a new term</source>
        <translation>rejestracje: nowy cykl</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>registrations: edit the chosen term</source>
        <translation>rejestracje: edytuj wybrany cykl</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>import records from a file</source>
        <translation>import rekordów z pliku</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>choose a file to import</source>
        <translation>wybierz plik do importu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>quit</source>
        <translation>zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384"/>
        <source>About desk</source>
        <translation>O programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385"/>
        <source>&lt;b&gt;desk&lt;/b&gt; %1 — the back office for course registration.&lt;br&gt;Database: %2&lt;br&gt;Qt %3</source>
        <translation>&lt;b&gt;desk&lt;/b&gt; %1 — obsługa rejestracji na zajęcia w dziekanacie.&lt;br&gt;Baza danych: %2&lt;br&gt;Qt %3</translation>
    </message>
</context>
<context>
    <name>Many</name>
    <message>
        <location filename="../../desk/closures.py" line="192"/>
        <location filename="../../desk/many.py" line="55"/>
        <source>Nothing is selected.</source>
        <translation>Nic nie zaznaczono.</translation>
    </message>
</context>
<context>
    <name>ManyAtOnce</name>
    <message>
        <location filename="../../ui/many_at_once.py" line="30"/>
        <source>… and %1 more</source>
        <translation>… i %1 więcej</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/many_at_once.py" line="125"/>
        <source>Nothing was changed: none of the %n selected could be.</source>
        <translation>
            <numerusform>Nic nie zmieniono: zaznaczonego nie dało się zmienić.</numerusform>
            <numerusform>Nic nie zmieniono: żadnego z %n zaznaczonych nie dało się zmienić.</numerusform>
            <numerusform>Nic nie zmieniono: żadnego z %n zaznaczonych nie dało się zmienić.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/many_at_once.py" line="127"/>
        <source>%n selected were not, and stay as they were:</source>
        <translation>
            <numerusform>%n zaznaczony nie został zmieniony i pozostaje bez zmian:</numerusform>
            <numerusform>%n zaznaczone nie zostały zmienione i pozostają bez zmian:</numerusform>
            <numerusform>%n zaznaczonych nie zostało zmienionych i pozostaje bez zmian:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManyAtOnceDialog</name>
    <message>
        <location filename="../../ui/many_at_once.py" line="50"/>
        <source>Progress</source>
        <translation>Postęp</translation>
    </message>
    <message>
        <location filename="../../ui/many_at_once.py" line="51"/>
        <source>%v of %m</source>
        <translation>%v z %m</translation>
    </message>
    <message>
        <location filename="../../ui/many_at_once.py" line="93"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Anulowano: nic nie zmieniono.</translation>
    </message>
    <message>
        <location filename="../../ui/many_at_once.py" line="113"/>
        <source>Cancelling: nothing will be changed…</source>
        <translation>Anulowanie: nic nie zostanie zmienione…</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="311"/>
        <source>Move %1 %2</source>
        <translation>Przeniesienie: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="312"/>
        <source>From %1 to another group of the course, in one step.</source>
        <translation>Z grupy %1 do innej grupy tego przedmiotu, w jednym kroku.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="313"/>
        <source>&amp;Move</source>
        <translation>&amp;Przenieś</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="317"/>
        <source>Target group</source>
        <translation>Grupa docelowa</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="291"/>
        <source>%1 — %2 of %3, %4 free</source>
        <translation>%1 — %2 z %3, wolne: %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="320"/>
        <source>Even if the group is &amp;full (a recorded override)</source>
        <translation>&amp;Nawet jeśli grupa jest pełna (wyjątek zapisywany w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="322"/>
        <source>Move over the limit</source>
        <translation>Przeniesienie ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="329"/>
        <source>&amp;To group:</source>
        <translation>&amp;Do grupy:</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="345"/>
        <source>The group has free places.</source>
        <translation>Grupa ma wolne miejsca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="359"/>
        <source>Choose the group to move to.</source>
        <translation>Wybierz grupę docelową.</translation>
    </message>
</context>
<context>
    <name>MoveManyDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="87"/>
        <source>Move %n students</source>
        <translation>
            <numerusform>Przenieś %n studenta</numerusform>
            <numerusform>Przenieś %n studentów</numerusform>
            <numerusform>Przenieś %n studentów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="88"/>
        <source>Move these %n students from %1 to another group of the course:</source>
        <translation>
            <numerusform>Przenieś tego %n studenta z %1 do innej grupy przedmiotu:</numerusform>
            <numerusform>Przenieś tych %n studentów z %1 do innej grupy przedmiotu:</numerusform>
            <numerusform>Przenieś tych %n studentów z %1 do innej grupy przedmiotu:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="90"/>
        <source>&amp;Move %n students</source>
        <translation>
            <numerusform>&amp;Przenieś %n studenta</numerusform>
            <numerusform>&amp;Przenieś %n studentów</numerusform>
            <numerusform>&amp;Przenieś %n studentów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="94"/>
        <source>Target group</source>
        <translation>Grupa docelowa</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="99"/>
        <source>Even if the group has too few places (a recorded &amp;override)</source>
        <translation>Nawet gdy w grupie brakuje miejsc (odnotowane &amp;przekroczenie)</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="101"/>
        <source>Move over the limit</source>
        <translation>Przenieś ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="104"/>
        <source>With an override ticked, the students the preview leaves behind for that reason move too, each recorded as an override.</source>
        <translation>Po zaznaczeniu odstępstwa studenci, których podgląd zostawia z tego powodu, też zostaną przeniesieni, każdy z odnotowanym odstępstwem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="114"/>
        <source>&amp;To group:</source>
        <translation>&amp;Do grupy:</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="150"/>
        <source>The preview leaves no one behind for want of a place.</source>
        <translation>Podgląd nikogo nie zostawia z braku miejsca.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="163"/>
        <source>The preview is not ready: move them once it is shown.</source>
        <translation>Podgląd nie jest gotowy: przenieś ich, gdy się pojawi.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="168"/>
        <source>None of them can be moved to %1: the preview says why.</source>
        <translation>Nikogo z nich nie można przenieść do %1: podgląd mówi dlaczego.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="149"/>
        <source>Without it, the students beyond the free places stay where they are (each is named in the result).</source>
        <translation>Bez tego studenci ponad liczbę wolnych miejsc zostają w swojej grupie (każdy jest wymieniony w wyniku).</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_members.py" line="160"/>
        <source>Choose the group to move to.</source>
        <translation>Wybierz grupę, do której przenieść.</translation>
    </message>
</context>
<context>
    <name>MoveOnListDialog</name>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="317"/>
        <source>Move up the waiting list</source>
        <translation>Wyżej na liście oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="317"/>
        <source>Move down the waiting list</source>
        <translation>Niżej na liście oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="320"/>
        <source>%1 from place %2 to place %3 of the waiting list of %4.</source>
        <translation>%1 z miejsca %2 na miejsce %3 listy oczekujących %4.</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="322"/>
        <source>&amp;Move</source>
        <translation>Prze&amp;suń</translation>
    </message>
</context>
<context>
    <name>NewStudentDialog</name>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="166"/>
        <source>optional: recorded as “admission”</source>
        <translation>opcjonalnie: zostanie zapisane „przyjęcie”</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="167"/>
        <source>New student</source>
        <translation>Nowy student</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="168"/>
        <source>The person, the student number and the programme. The login is made from the template of the person&apos;s category.</source>
        <translation>Osoba, numer albumu i kierunek. Login zostanie utworzony według wzorca dla kategorii osoby.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="170"/>
        <source>&amp;Admit</source>
        <translation>Przyjmij &amp;studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="171"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="172"/>
        <source>Middle name</source>
        <translation>Drugie imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="173"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="174"/>
        <source>Birth date</source>
        <translation>Data urodzenia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="175"/>
        <source>not known</source>
        <translation>nieznana</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="176"/>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="177"/>
        <source>optional</source>
        <translation>opcjonalnie</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="178"/>
        <source>Private e-mail</source>
        <translation>Prywatny e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="181"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="184"/>
        <source>Student number</source>
        <translation>Numer albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="188"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="191"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="193"/>
        <source>Admitted on</source>
        <translation>Data przyjęcia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="194"/>
        <source>&amp;First name:</source>
        <translation>&amp;Imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="194"/>
        <source>&amp;Middle name:</source>
        <translation>&amp;Drugie imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="195"/>
        <source>&amp;Surname:</source>
        <translation>&amp;Nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="195"/>
        <source>&amp;Birth date:</source>
        <translation>Data &amp;urodzenia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="196"/>
        <source>&amp;PESEL:</source>
        <translation>P&amp;ESEL:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="196"/>
        <source>Private &amp;e-mail:</source>
        <translation>Prywatny e-&amp;mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="197"/>
        <source>&amp;Category:</source>
        <translation>&amp;Kategoria:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="197"/>
        <source>Student &amp;number:</source>
        <translation>Numer &amp;albumu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="198"/>
        <source>Pro&amp;gramme:</source>
        <translation>Kie&amp;runek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="198"/>
        <source>S&amp;tage:</source>
        <translation>E&amp;tap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="199"/>
        <source>A&amp;dmitted on:</source>
        <translation>Data przy&amp;jęcia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="221"/>
        <source>Choose the programme.</source>
        <translation>Wybierz kierunek.</translation>
    </message>
</context>
<context>
    <name>NextTerm</name>
    <message>
        <location filename="../../desk/next_term.py" line="272"/>
        <source>Choose a target term other than the source term.</source>
        <translation>Wybierz cykl docelowy inny niż cykl źródłowy.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="276"/>
        <source>There is no term with the id %1.</source>
        <translation>Nie ma cyklu o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="282"/>
        <source>The term %1 starts on %2, before %3 ends (%4): copy to a term that starts later.</source>
        <translation>Cykl %1 zaczyna się %2, przed końcem cyklu %3 (%4): kopiuj do cyklu, który zaczyna się później.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="298"/>
        <source>The round “%1” would start on %2, which has already passed.</source>
        <translation>Tura „%1” zaczynałaby się %2, a ta data już minęła.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="302"/>
        <source>The round “%1” would end on %2, after the term %3 ends (%4).</source>
        <translation>Tura „%1” kończyłaby się %2, po końcu cyklu %3 (%4).</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="313"/>
        <source>Reading registrations…</source>
        <translation>Wczytywanie rejestracji…</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="315"/>
        <source>Reading class groups…</source>
        <translation>Wczytywanie grup zajęciowych…</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="317"/>
        <source>Reading token allocation rules…</source>
        <translation>Wczytywanie reguł przydziału żetonów…</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="375"/>
        <source>The code %1 is already used by a registration of another term.</source>
        <translation>Kod %1 jest już używany przez rejestrację innego cyklu.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="378"/>
        <source>The code %1 would be longer than %2 characters.</source>
        <translation>Kod %1 byłby dłuższy niż %2 znaków.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="386"/>
        <source>The round “%1” cannot be moved that far.</source>
        <translation>Tury „%1” nie można przesunąć tak daleko.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="514"/>
        <source>Say why the term is copied; the reason is kept with the copy.</source>
        <translation>Podaj powód kopiowania cyklu; zostanie zapisany razem z kopią.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="522"/>
        <source>and %1 more</source>
        <translation>i %1 więcej</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="523"/>
        <source>Nothing was copied:</source>
        <translation>Niczego nie skopiowano:</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="545"/>
        <source>Creating class groups…</source>
        <translation>Tworzenie grup zajęciowych…</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="547"/>
        <source>Creating registrations…</source>
        <translation>Tworzenie rejestracji…</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="552"/>
        <source>Some of these records were created in the target term meanwhile. Nothing was copied; look at the preview again.</source>
        <translation>W międzyczasie część tych rekordów utworzono w cyklu docelowym. Niczego nie skopiowano; obejrzyj podgląd ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/next_term.py" line="662"/>
        <source>There is no term %1.</source>
        <translation>Nie ma cyklu %1.</translation>
    </message>
</context>
<context>
    <name>NextTermDialog</name>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="55"/>
        <source>Next term from this one</source>
        <translation>Kolejny cykl na podstawie tego</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="57"/>
        <source>Registrations with their rounds, access rules and courses, and class groups with their limits, teachers and timetable are created in the target term. Students, enrollments, grants, requests, tokens and payments are not copied.</source>
        <translation>W cyklu docelowym zostaną utworzone rejestracje z turami, regułami dostępu i przedmiotami oraz grupy zajęciowe z limitami, prowadzącymi i planem zajęć. Studenci, zapisy, uprawnienia, prośby, żetony i należności nie są kopiowane.</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="62"/>
        <source>Source term</source>
        <translation>Cykl źródłowy</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="63"/>
        <source>Target term</source>
        <translation>Cykl docelowy</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="64"/>
        <source>&amp;Preview</source>
        <translation>&amp;Podgląd</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="66"/>
        <source>Preview</source>
        <translation>Podgląd</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="70"/>
        <source>Progress</source>
        <translation>Postęp</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="78"/>
        <source>What the copy creates</source>
        <translation>Co utworzy kopia</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="79"/>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="79"/>
        <source>In the target</source>
        <translation>W cyklu docelowym</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="79"/>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="86"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="87"/>
        <source>why — kept with the change</source>
        <translation>dlaczego — zostanie zapisane wraz ze zmianą</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="91"/>
        <source>&amp;Apply</source>
        <translation>Z&amp;astosuj</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="93"/>
        <source>Apply</source>
        <translation>Zastosuj</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="100"/>
        <source>&amp;From:</source>
        <translation>&amp;Z cyklu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="100"/>
        <source>&amp;To:</source>
        <translation>&amp;Do cyklu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="107"/>
        <source>&amp;Reason:</source>
        <translation>Po&amp;wód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="181"/>
        <source>Looking at what the copy would create…</source>
        <translation>Sprawdzanie, co utworzy kopia…</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="221"/>
        <source>%1 → %2, dates moved by whole days: %3. To create — registrations: %4, class groups: %5.</source>
        <translation>%1 → %2, daty przesunięte o pełne dni: %3. Do utworzenia — rejestracje: %4, grupy zajęciowe: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="229"/>
        <source>This copy cannot be applied:</source>
        <translation>Tej kopii nie można zastosować:</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="234"/>
        <source>new</source>
        <translation>nowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="234"/>
        <source>exists</source>
        <translation>istniejące</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="235"/>
        <source>kept, nothing to copy</source>
        <translation>pozostawione, nic do skopiowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="239"/>
        <source>Registrations</source>
        <translation>Rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="239"/>
        <source>Rounds</source>
        <translation>Tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="240"/>
        <source>Access rules</source>
        <translation>Reguły dostępu</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="240"/>
        <source>Courses offered</source>
        <translation>Oferowane przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="241"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="241"/>
        <source>Token allocation rules</source>
        <translation>Reguły przydziału żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="250"/>
        <source>from %1</source>
        <translation>z %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="258"/>
        <source>stage %1</source>
        <translation>etap %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="259"/>
        <source>everyone</source>
        <translation>wszyscy</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="263"/>
        <source>limit %1, lower limit %2</source>
        <translation>limit %1, dolny limit %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="280"/>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <location filename="../../ui/views/next_term_dialog.py" line="317"/>
        <source>Records copied: %1. The history shows the copy as one entry.</source>
        <translation>Skopiowane rekordy: %1. Historia pokazuje kopię jako jeden wpis.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/tasks.py" line="185"/>
        <source>The file cannot be read or written (%1).</source>
        <translation>Nie można odczytać ani zapisać pliku (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="186"/>
        <source>Something unexpected went wrong, and what you asked for may not have been done. The details are in the log for your administrator.</source>
        <translation>Wystąpił nieoczekiwany błąd i to, o co prosisz, mogło nie zostać wykonane. Szczegóły są w dzienniku dla administratora.</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="210"/>
        <source>Not done</source>
        <translation>Nie wykonano</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../../desk/payments.py" line="130"/>
        <source>Say why the payment is cancelled.</source>
        <translation>Podaj powód anulowania należności.</translation>
    </message>
    <message>
        <location filename="../../desk/payments.py" line="135"/>
        <source>That payment no longer exists.</source>
        <translation>Ta należność już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/payments.py" line="144"/>
        <source>Only a payment that is due can be cancelled; this one is %1.</source>
        <translation>Anulować można tylko należność do zapłaty; ta ma status: %1.</translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message>
        <location filename="../../ui/views/payments_list.py" line="45"/>
        <location filename="../../ui/views/payments_list.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="46"/>
        <source>every status</source>
        <translation>wszystkie statusy</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="52"/>
        <location filename="../../ui/views/payments_list.py" line="63"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="55"/>
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
        <location filename="../../ui/views/payments_list.py" line="77"/>
        <source>E&amp;xport payments due…</source>
        <translation>E&amp;ksportuj należności…</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="79"/>
        <source>Export the payments due to Excel</source>
        <translation>Eksportuj należności do Excela</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="80"/>
        <source>Every payment due of the term and unit chosen, to an .xlsx file; the export is recorded in the history.</source>
        <translation>Wszystkie należności wybranego cyklu i jednostki do pliku .xlsx; eksport zostaje zapisany w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="86"/>
        <source>&amp;Status:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/payments_list.py" line="148"/>
        <source>%n payments shown; due in total: %1</source>
        <translation>
            <numerusform>Wyświetlona %n należność; łącznie do zapłaty: %1</numerusform>
            <numerusform>Wyświetlone %n należności; łącznie do zapłaty: %1</numerusform>
            <numerusform>Wyświetlono %n należności; łącznie do zapłaty: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="169"/>
        <source>Export payments due</source>
        <translation>Eksport należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="170"/>
        <source>payments-due</source>
        <translation>naleznosci</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="86"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Jednostka:</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="86"/>
        <source>Te&amp;rm:</source>
        <translation>C&amp;ykl:</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="111"/>
        <source>every term</source>
        <translation>wszystkie cykle</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="114"/>
        <source>every unit</source>
        <translation>wszystkie jednostki</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="179"/>
        <source>Cancel payment #%1</source>
        <translation>Anulowanie należności nr %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="180"/>
        <source>%1 PLN due from %2 (%3).</source>
        <translation>Kwota %1 zł należna od: %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="182"/>
        <source>Cancel the &amp;payment</source>
        <translation>Anuluj &amp;należność</translation>
    </message>
    <message>
        <location filename="../../ui/views/payments_list.py" line="184"/>
        <source>e.g. decision of the dean, letter no. …</source>
        <translation>np. decyzja dziekana, pismo nr …</translation>
    </message>
</context>
<context>
    <name>PersonEditDialog</name>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="98"/>
        <source>Edit personal data — %1</source>
        <translation>Zmiana danych osobowych — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="99"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="100"/>
        <source>Middle name</source>
        <translation>Drugie imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="101"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="102"/>
        <source>Birth date</source>
        <translation>Data urodzenia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="103"/>
        <source>not known</source>
        <translation>nieznana</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="104"/>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="108"/>
        <source>unchanged (%1)</source>
        <translation>bez zmian (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="109"/>
        <source>Private e-mail</source>
        <translation>Prywatny e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="113"/>
        <source>Reason for the change</source>
        <translation>Powód zmiany</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="114"/>
        <source>e.g. change of surname after marriage, certificate no. …</source>
        <translation>np. zmiana nazwiska po ślubie, odpis aktu nr …</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="119"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="123"/>
        <source>&amp;First name:</source>
        <translation>&amp;Imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="124"/>
        <source>&amp;Middle name:</source>
        <translation>&amp;Drugie imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="125"/>
        <source>&amp;Surname:</source>
        <translation>&amp;Nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="126"/>
        <source>&amp;Birth date:</source>
        <translation>Data &amp;urodzenia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="127"/>
        <source>&amp;PESEL:</source>
        <translation>&amp;PESEL:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="128"/>
        <source>Private &amp;e-mail:</source>
        <translation>Prywatny &amp;e-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card_dialogs.py" line="129"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
</context>
<context>
    <name>PickStudentDialog</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="509"/>
        <source>Which student?</source>
        <translation>Który student?</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="509"/>
        <source>Find the student by number or name.</source>
        <translation>Znajdź studenta po numerze albumu lub nazwisku.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="509"/>
        <source>&amp;Explain</source>
        <translation>&amp;Wyjaśnij</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="517"/>
        <source>Find and choose the student first.</source>
        <translation>Najpierw znajdź i wybierz studenta.</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="58"/>
        <source>Pre&amp;view again</source>
        <translation>&amp;Odśwież podgląd</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="60"/>
        <source>Prepare the preview again</source>
        <translation>Przygotuj podgląd ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="61"/>
        <source>Plan again with the groups as they stand now</source>
        <translation>Zaplanuj ponownie według obecnego stanu grup</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="64"/>
        <source>Where each student would go</source>
        <translation>Dokąd trafiłby każdy student</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="65"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="65"/>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="65"/>
        <source>Goes to</source>
        <translation>Trafia do</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="70"/>
        <source>Free seats before and after</source>
        <translation>Wolne miejsca przed i po</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="76"/>
        <source>What applying it would set off</source>
        <translation>Skutki zastosowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="102"/>
        <source>Preparing the preview…</source>
        <translation>Przygotowywanie podglądu…</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="123"/>
        <source>The groups changed since this preview: press Preview again to see the plan as they stand now.</source>
        <translation>Grupy zmieniły się od tego podglądu: naciśnij „Odśwież podgląd”, by zobaczyć plan według ich obecnego stanu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="137"/>
        <source>The group has no students: closing it moves no one.</source>
        <translation>Grupa nie ma studentów: jej zamknięcie nikogo nie przenosi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/closure_dialogs.py" line="139"/>
        <source>Of its %n students, %1 would move to the other groups of the course and %2 would stay in the closed group.</source>
        <translation>
            <numerusform>Z jej %n studenta %1 przeszedłby do innych grup przedmiotu, a %2 zostałby w zamkniętej grupie.</numerusform>
            <numerusform>Z jej %n studentów %1 przeszłoby do innych grup przedmiotu, a %2 zostałoby w zamkniętej grupie.</numerusform>
            <numerusform>Z jej %n studentów %1 przeszłoby do innych grup przedmiotu, a %2 zostałoby w zamkniętej grupie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/closure_dialogs.py" line="143"/>
        <source>Of the %n selected students, %1 would move to %3 and %2 would stay where they are.</source>
        <translation>
            <numerusform>Z %n zaznaczonego studenta %1 przeszedłby do %3, a %2 zostałby na miejscu.</numerusform>
            <numerusform>Z %n zaznaczonych studentów %1 przeszłoby do %3, a %2 zostałoby na miejscu.</numerusform>
            <numerusform>Z %n zaznaczonych studentów %1 przeszłoby do %3, a %2 zostałoby na miejscu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="156"/>
        <source>stays — %1</source>
        <translation>zostaje — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="168"/>
        <source>Free seats:</source>
        <translation>Wolne miejsca:</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="169"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="173"/>
        <source>The course has no other open group of this class type in the term.</source>
        <translation>Przedmiot nie ma w tym semestrze innej otwartej grupy tego typu zajęć.</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="175"/>
        <source>Applying it:</source>
        <translation>Po zastosowaniu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="177"/>
        <source>What applying it would set off cannot be shown: %1</source>
        <translation>Nie można pokazać skutków zastosowania: %1</translation>
    </message>
</context>
<context>
    <name>Portal</name>
    <message>
        <location filename="../../desk/portal/database.py" line="61"/>
        <source>The portal database cannot be opened at %1: it must be an SQLite file or a PostgreSQL server (postgresql://…) that desk can open.</source>
        <translation>Nie można otworzyć bazy portalu pod adresem %1: musi to być plik SQLite albo serwer PostgreSQL (postgresql://…), który desk może otworzyć.</translation>
    </message>
    <message>
        <location filename="../../desk/portal/database.py" line="87"/>
        <source>Give the portal&apos;s address without its password: the server&apos;s password is read from ~/.pgpass, a service file or PGPASSWORD, never kept by desk.</source>
        <translation>Podaj adres portalu bez hasła: hasło serwera jest odczytywane z ~/.pgpass, pliku usług albo PGPASSWORD i nigdy nie jest przechowywane przez desk.</translation>
    </message>
    <message>
        <location filename="../../desk/portal/database.py" line="124"/>
        <source>Say why the portal moves (it is kept with the change).</source>
        <translation>Podaj, dlaczego portal jest przenoszony (powód zostanie zapisany ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/portal/database.py" line="191"/>
        <source>The portal database %1 cannot be opened.</source>
        <translation>Nie można otworzyć bazy danych portalu %1.</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="58"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="58"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="60"/>
        <source>no login</source>
        <translation>brak loginu</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="61"/>
        <source>no: “logged in, but no account”</source>
        <translation>nie: „Jesteś zalogowany, ale nie masz konta w USOSweb”</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="63"/>
        <source>may register</source>
        <translation>może się rejestrować</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="63"/>
        <source>not admitted</source>
        <translation>niedopuszczony</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="75"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="76"/>
        <source>Account on the portal</source>
        <translation>Konto w portalu</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="77"/>
        <source>Registrations</source>
        <translation>Rejestracje</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="78"/>
        <source>Tokens</source>
        <translation>Żetony</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="79"/>
        <source>Payments</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="80"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../desk/portal/student_view.py" line="81"/>
        <source>Requests in the basket</source>
        <translation>Prośby w koszyku</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <location filename="../../desk/readiness.py" line="144"/>
        <source>There is no registration with the id %1.</source>
        <translation>Nie ma rejestracji o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="226"/>
        <source>Grant them access individually (one grant each, with one reason).</source>
        <translation>Nadaj im uprawnienia indywidualnie (każdemu osobno, z jednym powodem).</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="228"/>
        <source>Send the changes waiting for the portal now.</source>
        <translation>Wyślij teraz zmiany czekające na portal.</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="230"/>
        <source>Allocate them tokens, or they pay for the semester when they register.</source>
        <translation>Przydziel im żetony albo zapłacą za semestr przy zapisie.</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="232"/>
        <source>Add a round in the registration calendar, or extend the last one.</source>
        <translation>Dodaj turę w kalendarzu rejestracji albo przedłuż ostatnią.</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="233"/>
        <source>Record or correct their programmes first.</source>
        <translation>Najpierw zapisz lub popraw ich programy studiów.</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="234"/>
        <source>Their access was revoked: withdraw each revocation that no longer holds.</source>
        <translation>Ich dostęp cofnięto: wycofaj każde cofnięcie, które już nie obowiązuje.</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="236"/>
        <source>Only active students (and, by a grant, students back from leave) take part: correct the status where it is wrong.</source>
        <translation>Biorą udział tylko aktywni studenci (a na podstawie uprawnienia także wracający z urlopu): popraw status tam, gdzie jest błędny.</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="238"/>
        <source>Link their login e-mails (Student Service Center, Accounts).</source>
        <translation>Powiąż ich adresy e-mail do logowania (Centrum Obsługi Studentów, Konta).</translation>
    </message>
    <message>
        <location filename="../../desk/readiness.py" line="259"/>
        <source>This registration has no tokens to allocate.</source>
        <translation>Ta rejestracja nie ma żetonów do przydzielenia.</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="44"/>
        <source>Readiness</source>
        <translation>Gotowość</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="45"/>
        <source>Checking every student it is meant for…</source>
        <translation>Sprawdzanie wszystkich studentów, dla których jest przeznaczona…</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="51"/>
        <source>What would stop them</source>
        <translation>Co by ich zatrzymało</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="52"/>
        <source>What stops them first</source>
        <translation>Co zatrzymuje ich najpierw</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="52"/>
        <source>Students</source>
        <translation>Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="52"/>
        <source>What to do</source>
        <translation>Co zrobić</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="55"/>
        <source>&amp;Apply the fix…</source>
        <translation>&amp;Zastosuj rozwiązanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="57"/>
        <source>Apply the fix to the whole group</source>
        <translation>Zastosuj rozwiązanie do całej grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="60"/>
        <source>&amp;Check again</source>
        <translation>&amp;Sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="62"/>
        <source>F5: check again</source>
        <translation>F5: sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="94"/>
        <location filename="../../ui/views/readiness_dialog.py" line="95"/>
        <source>Readiness of %1</source>
        <translation>Gotowość rejestracji %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="98"/>
        <source>Meant for %1 students: %2 ready, %3 would be stopped, each by the first of these in the explanation&apos;s order.</source>
        <translation>Przeznaczona dla studentów: %1; gotowych: %2, zatrzymanych: %3 — każdy przez pierwszy z tych warunków w kolejności wyjaśnienia.</translation>
    </message>
    <message>
        <location filename="../../ui/views/readiness_dialog.py" line="125"/>
        <source>Not a step for many at once: see what to do.</source>
        <translation>To nie jest krok dla wielu naraz: zobacz, co zrobić.</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../desk/refusals.py" line="24"/>
        <source>{registration} is not a token registration.</source>
        <translation>{registration} nie jest rejestracją żetonową.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="26"/>
        <source>{registration} is a token registration: students put requests in the basket.</source>
        <translation>{registration} jest rejestracją żetonową: studenci składają prośby w koszyku.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="28"/>
        <source>No round of {registration} is open now.</source>
        <translation>Żadna tura rejestracji {registration} nie jest teraz otwarta.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="30"/>
        <source>No round of {registration} is open yet: “{round}” opens on {opens_at}.</source>
        <translation>Żadna tura rejestracji {registration} nie jest jeszcze otwarta: tura „{round}” otwiera się {opens_at}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="32"/>
        <source>It is not the student&apos;s turn in {registration} yet: “{round}” opens for them on {opens_at}.</source>
        <translation>W rejestracji {registration} nie nadeszła jeszcze kolejka studenta: „{round}” otwiera się dla niego {opens_at}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="34"/>
        <source>It is not the student&apos;s turn in {registration} yet: “{round}” opens for them on {opens_at}.</source>
        <comment>female</comment>
        <translation>W rejestracji {registration} nie nadeszła jeszcze kolejka studentki: „{round}” otwiera się dla niej {opens_at}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="35"/>
        <source>The round “{open_round}” of {registration} is for other students.</source>
        <translation>Tura „{open_round}” rejestracji {registration} jest dla innych studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="37"/>
        <source>The round “{open_round}” of {registration} is for other students.</source>
        <comment>female</comment>
        <translation>Tura „{open_round}” rejestracji {registration} jest dla innych studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="38"/>
        <source>The round “{open_round}” of {registration} is for other students; “{round}” opens for the student on {opens_at}.</source>
        <translation>Tura „{open_round}” rejestracji {registration} jest dla innych studentów; „{round}” otwiera się dla studenta {opens_at}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="40"/>
        <source>The round “{open_round}” of {registration} is for other students; “{round}” opens for the student on {opens_at}.</source>
        <comment>female</comment>
        <translation>Tura „{open_round}” rejestracji {registration} jest dla innych studentów; „{round}” otwiera się dla studentki {opens_at}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="41"/>
        <source>No rule or individual grant admits the student to {registration}.</source>
        <translation>Żadna reguła ani indywidualne uprawnienie nie dopuszcza studenta do {registration}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="43"/>
        <source>No rule or individual grant admits the student to {registration}.</source>
        <comment>female</comment>
        <translation>Żadna reguła ani indywidualne uprawnienie nie dopuszcza studentki do {registration}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="44"/>
        <source>The student&apos;s access to {registration} is revoked.</source>
        <translation>Uprawnienie studenta do {registration} zostało odebrane.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="46"/>
        <source>The student&apos;s access to {registration} is revoked.</source>
        <comment>female</comment>
        <translation>Uprawnienie studentki do {registration} zostało odebrane.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="47"/>
        <source>The student&apos;s programme status does not allow taking part in {registration}.</source>
        <translation>Status studenta na kierunku nie pozwala na udział w {registration}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="49"/>
        <source>The student&apos;s programme status does not allow taking part in {registration}.</source>
        <comment>female</comment>
        <translation>Status studentki na kierunku nie pozwala na udział w {registration}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="50"/>
        <source>Group {group} is not offered in the registration {registration}.</source>
        <translation>Grupa {group} nie jest oferowana w rejestracji {registration}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="52"/>
        <source>The course is not offered in the registration {registration}.</source>
        <translation>Przedmiot nie jest oferowany w rejestracji {registration}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="54"/>
        <source>Group {group} is closed: it takes no students.</source>
        <translation>Grupa {group} jest zamknięta: nie przyjmuje studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="56"/>
        <source>The student is already in group {group}.</source>
        <translation>Student jest już w grupie {group}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="58"/>
        <source>The student is already in group {group}.</source>
        <comment>female</comment>
        <translation>Studentka jest już w grupie {group}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="59"/>
        <source>A student can only be moved to a group of the same course and term ({from_group} to {group} is not).</source>
        <translation>Studenta można przenieść tylko do grupy tego samego przedmiotu i cyklu ({from_group} → {group} nie spełnia tego warunku).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="61"/>
        <source>A student can only be moved to a group of the same course and term ({from_group} to {group} is not).</source>
        <comment>female</comment>
        <translation>Studentkę można przenieść tylko do grupy tego samego przedmiotu i cyklu ({from_group} → {group} nie spełnia tego warunku).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="62"/>
        <source>A student is moved only between groups of the same class type ({from_group} to {group} is not a move).</source>
        <translation>Studenta przenosi się tylko między grupami tego samego typu zajęć ({from_group} → {group} nie jest przeniesieniem).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="64"/>
        <source>A student is moved only between groups of the same class type ({from_group} to {group} is not a move).</source>
        <comment>female</comment>
        <translation>Studentkę przenosi się tylko między grupami tego samego typu zajęć ({from_group} → {group} nie jest przeniesieniem).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="65"/>
        <source>The student is already in group {group} of this course (same class type).</source>
        <translation>Student jest już w grupie {group} tego przedmiotu (ten sam typ zajęć).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="67"/>
        <source>The student is already in group {group} of this course (same class type).</source>
        <comment>female</comment>
        <translation>Studentka jest już w grupie {group} tego przedmiotu (ten sam typ zajęć).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="68"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on day {weekday}, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie w dniu {weekday}, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="72"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on Monday, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie w poniedziałek, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="73"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on Tuesday, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie we wtorek, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="74"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on Wednesday, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie w środę, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="75"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on Thursday, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie w czwartek, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="76"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on Friday, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie w piątek, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="77"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on Saturday, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie w sobotę, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="78"/>
        <source>Group {group} clashes in the timetable with group {other_group}: both on Sunday, {starts}–{ends}.</source>
        <translation>Grupa {group} koliduje w planie zajęć z grupą {other_group}: obie w niedzielę, {starts}–{ends}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="81"/>
        <source>All the courses the registration allows per student are taken (limit: %n).</source>
        <translation>Student ma już wszystkie przedmioty, na które pozwala rejestracja (limit: %n).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="83"/>
        <source>All the courses the registration allows per student are taken (limit: %n).</source>
        <comment>female</comment>
        <translation>Studentka ma już wszystkie przedmioty, na które pozwala rejestracja (limit: %n).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="88"/>
        <source>Group {group}: its %n free seats are dedicated to other students.</source>
        <translation>Grupa {group}: wolne miejsca (%n) są dedykowane innym studentom.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="90"/>
        <source>Group {group}: its %n free seats are dedicated to students of {programme}.</source>
        <translation>Grupa {group}: wolne miejsca (%n) są dedykowane studentom kierunku {programme}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="92"/>
        <source>Group {group}: its %n free seats are dedicated to the students on a list.</source>
        <translation>Grupa {group}: wolne miejsca (%n) są dedykowane studentom z listy.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="94"/>
        <source>Every group is full (groups: %n).</source>
        <translation>Wszystkie grupy są pełne (liczba grup: %n).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="268"/>
        <source>Choose another group, or enroll over the limit with a reason (it is recorded as an override).</source>
        <translation>Wybierz inną grupę albo zapisz ponad limit, podając powód (odstępstwo zostanie odnotowane).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="271"/>
        <source>Choose a group at another time, or enroll despite the clash with a reason (it is recorded as an override).</source>
        <translation>Wybierz grupę w innym terminie albo zapisz mimo kolizji, podając powód (odstępstwo zostanie odnotowane).</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="84"/>
        <source>No {token} tokens left, and the payment of {price} PLN is not accepted.</source>
        <translation>Brak żetonów {token}, a opłata {price} zł nie została zaakceptowana.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="86"/>
        <source>Group {group} is full: {enrolled} of {limit} places taken.</source>
        <translation>Grupa {group} jest pełna: zajęte miejsca: {enrolled} z {limit}.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="96"/>
        <source>The registration offers no class groups yet.</source>
        <translation>Rejestracja nie oferuje jeszcze żadnych grup zajęciowych.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="98"/>
        <source>The round “{round}” does not allow unregistering.</source>
        <translation>Tura „{round}” nie pozwala na wyrejestrowanie.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="100"/>
        <source>The student is not registered in that group.</source>
        <translation>Student nie jest zarejestrowany w tej grupie.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="102"/>
        <source>The student is not registered in that group.</source>
        <comment>female</comment>
        <translation>Studentka nie jest zarejestrowana w tej grupie.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="103"/>
        <source>That enrollment is no longer standing.</source>
        <translation>Ten zapis już nie obowiązuje.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="105"/>
        <source>The registration ended before a place was found.</source>
        <translation>Rejestracja zakończyła się, zanim znalazło się miejsce.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="249"/>
        <source>Move the student to another group instead, or unregister them from %1 first.</source>
        <translation>Zamiast tego przenieś studenta do innej grupy albo najpierw wypisz go z %1.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="250"/>
        <source>Enroll the student in that group instead: each class type is held separately.</source>
        <translation>Zamiast tego zapisz studenta do tej grupy: każdy typ zajęć jest osobnym zapisem.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="253"/>
        <source>Move the student to another group instead, or unregister them from %1 first.</source>
        <comment>female</comment>
        <translation>Zamiast tego przenieś studentkę do innej grupy albo najpierw wypisz ją z %1.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="254"/>
        <source>Enroll the student in that group instead: each class type is held separately.</source>
        <comment>female</comment>
        <translation>Zamiast tego zapisz studentkę do tej grupy: każdy typ zajęć jest osobnym zapisem.</translation>
    </message>
    <message>
        <location filename="../../desk/refusals.py" line="266"/>
        <source>Add the course to the registration in the registration calendar.</source>
        <translation>Dodaj przedmiot do rejestracji w kalendarzu rejestracji.</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="530"/>
        <source>optional for a new registration</source>
        <translation>nieobowiązkowe przy nowej rejestracji</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="531"/>
        <source>Edit registration %1</source>
        <translation>Edycja rejestracji %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="531"/>
        <source>New registration</source>
        <translation>Nowa rejestracja</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="532"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="535"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="536"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="537"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="539"/>
        <source>Term</source>
        <translation>Cykl dydaktyczny</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="541"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="546"/>
        <source>Token type</source>
        <translation>Typ żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="550"/>
        <source>Courses per student</source>
        <translation>Liczba przedmiotów na studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="552"/>
        <source>no limit</source>
        <translation>bez limitu</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="554"/>
        <source>Only &amp;entitled students (by rules and grants)</source>
        <translation>Tylko &amp;uprawnieni studenci (według reguł i nadanych uprawnień)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="557"/>
        <source>Refuse groups that c&amp;lash with the student&apos;s timetable</source>
        <translation>Odrzucaj grupy ko&amp;lidujące z planem zajęć studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="560"/>
        <source>Students may exchange &amp;groups</source>
        <translation>Studenci mogą wymieniać się &amp;grupami</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="562"/>
        <source>Students wish on the portal (or a clerk for them) to swap a group for another of the same course; an exchange run carries the wishes out</source>
        <translation>Studenci zgłaszają w portalu (lub pracownik w ich imieniu) chęć zamiany grupy na inną grupę tego samego przedmiotu; wymiana realizuje te prośby</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="565"/>
        <source>Full groups keep &amp;waiting lists</source>
        <translation>Pełne grupy pro&amp;wadzą listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="567"/>
        <source>A student may join a full group&apos;s waiting list; a seat freed goes to the first on the list the rules let take it</source>
        <translation>Student może zapisać się na listę oczekujących pełnej grupy; zwolnione miejsce dostaje pierwsza osoba z listy, której pozwalają na to zasady</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="572"/>
        <source>Message to students</source>
        <translation>Komunikat dla studentów</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="576"/>
        <source>Courses offered</source>
        <translation>Oferowane przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="578"/>
        <source>&amp;Code:</source>
        <translation>&amp;Kod:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="579"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="580"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Jednostka:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="581"/>
        <source>&amp;Term:</source>
        <translation>&amp;Cykl dydaktyczny:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="582"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="583"/>
        <source>T&amp;oken type:</source>
        <translation>&amp;Typ żetonów:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="584"/>
        <source>Courses &amp;per student:</source>
        <translation>&amp;Przedmiotów na studenta:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="589"/>
        <source>&amp;Message:</source>
        <translation>Ko&amp;munikat:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="590"/>
        <source>Courses o&amp;ffered:</source>
        <translation>&amp;Oferowane przedmioty:</translation>
    </message>
</context>
<context>
    <name>Registrations</name>
    <message>
        <location filename="../../desk/registrations.py" line="375"/>
        <source>There is no registration with the id %1.</source>
        <translation>Nie ma rejestracji o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="401"/>
        <source>A registration needs a code.</source>
        <translation>Rejestracja musi mieć kod.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="403"/>
        <source>A registration needs a name.</source>
        <translation>Rejestracja musi mieć nazwę.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="406"/>
        <source>The code %1 is already used by another registration.</source>
        <translation>Kod %1 jest już używany przez inną rejestrację.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="408"/>
        <source>Choose the unit that organises the registration.</source>
        <translation>Wybierz jednostkę organizującą rejestrację.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="411"/>
        <source>Choose the term of the registration.</source>
        <translation>Wybierz cykl dydaktyczny rejestracji.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="416"/>
        <source>A token registration must name its token type.</source>
        <translation>Rejestracja żetonowa musi mieć określony typ żetonów.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="420"/>
        <source>The selection limit is at least 1 (or no limit).</source>
        <translation>Limit wyboru musi wynosić co najmniej 1 (albo bez limitu).</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="432"/>
        <source>These courses have no class groups in the term %1: %2.</source>
        <translation>Te przedmioty nie mają grup zajęciowych w cyklu %1: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="482"/>
        <location filename="../../desk/registrations.py" line="554"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="508"/>
        <source>A round needs a name.</source>
        <translation>Tura musi mieć nazwę.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="511"/>
        <source>A round must end after it starts.</source>
        <translation>Koniec tury musi być późniejszy niż jej początek.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="514"/>
        <source>Micro-rounds and breaks last at least a minute.</source>
        <translation>Mikrotury i przerwy muszą trwać co najmniej minutę.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="519"/>
        <source>A token round needs the length of its micro-rounds and breaks.</source>
        <translation>Tura żetonowa wymaga podania długości mikrotur i przerw.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="523"/>
        <source>The round overlaps “%1” (%2 – %3).</source>
        <translation>Tura nakłada się na turę „%1” (%2 – %3).</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="535"/>
        <location filename="../../desk/registrations.py" line="566"/>
        <source>That round no longer exists.</source>
        <translation>Ta tura już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="543"/>
        <source>The round&apos;s last turn would open after it ends: change its turns first.</source>
        <translation>Ostatnia kolejka tury otworzyłaby się po jej końcu: najpierw zmień kolejki.</translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="571"/>
        <source>The round “%1” has already started; change its end instead of removing it.</source>
        <translation>Tura „%1” już się rozpoczęła; zamiast ją usuwać, zmień jej koniec.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/registrations.py" line="577"/>
        <source>Dedicated seats of %n groups are released when this round starts: release them or remove them first.</source>
        <translation>
            <numerusform>Miejsca dedykowane %n grupy są zwalniane, gdy zaczyna się ta tura: najpierw je zwolnij albo usuń.</numerusform>
            <numerusform>Miejsca dedykowane %n grup są zwalniane, gdy zaczyna się ta tura: najpierw je zwolnij albo usuń.</numerusform>
            <numerusform>Miejsca dedykowane %n grup są zwalniane, gdy zaczyna się ta tura: najpierw je zwolnij albo usuń.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/registrations.py" line="591"/>
        <source>There is no registration with the code %1.</source>
        <translation>Nie ma rejestracji o kodzie %1.</translation>
    </message>
</context>
<context>
    <name>RegistrationsView</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="96"/>
        <location filename="../../ui/views/calendar.py" line="102"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="99"/>
        <location filename="../../ui/views/calendar.py" line="102"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="100"/>
        <source>&amp;New registration…</source>
        <translation>&amp;Nowa rejestracja…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="101"/>
        <source>Registrations</source>
        <translation>Rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="102"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="102"/>
        <location filename="../../ui/views/calendar.py" line="139"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="102"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="102"/>
        <location filename="../../ui/views/calendar.py" line="121"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="103"/>
        <source>Courses per student</source>
        <translation>Przedmiotów na studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="103"/>
        <location filename="../../ui/views/calendar.py" line="122"/>
        <source>Unregistering</source>
        <translation>Wyrejestrowywanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="103"/>
        <source>Courses</source>
        <translation>Przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="106"/>
        <source>Choose a registration.</source>
        <translation>Wybierz rejestrację.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="113"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="114"/>
        <source>Class &amp;groups</source>
        <translation>&amp;Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="115"/>
        <source>E&amp;xplain for a student…</source>
        <translation>Wyjaśnij d&amp;la studenta…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="117"/>
        <source>Every student it is meant for, grouped by what would stop them first</source>
        <translation>Wszyscy studenci, dla których jest przeznaczona, według tego, co zatrzymałoby ich najpierw</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="118"/>
        <source>Grou&amp;p exchanges…</source>
        <translation>Wy&amp;miany grup…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="120"/>
        <source>Rounds</source>
        <translation>Tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="121"/>
        <source>Round</source>
        <translation>Tura</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="121"/>
        <source>Starts</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="121"/>
        <source>Ends</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="121"/>
        <source>For</source>
        <translation>Dla kogo</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="121"/>
        <source>Turns</source>
        <translation>Kolejki</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="122"/>
        <source>Micro-round / break</source>
        <translation>Mikrotura / przerwa</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="124"/>
        <source>&amp;Add round…</source>
        <translation>&amp;Dodaj turę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="125"/>
        <source>Edit &amp;round…</source>
        <translation>Edytuj &amp;turę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="126"/>
        <source>Remove roun&amp;d…</source>
        <translation>Usuń t&amp;urę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="127"/>
        <source>&amp;Who and when…</source>
        <translation>Dl&amp;a kogo i kiedy…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="128"/>
        <source>Whom the selected round is for, and whether its students open it in turns (by a ranking or by stage)</source>
        <translation>Dla kogo jest zaznaczona tura i czy jej studenci otwierają ją w kolejkach (według rankingu lub etapu)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="149"/>
        <source>Un&amp;it:</source>
        <translation>&amp;Jednostka:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="149"/>
        <source>Ter&amp;m:</source>
        <translation>Cy&amp;kl:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="138"/>
        <source>Courses offered</source>
        <translation>Oferowane przedmioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="116"/>
        <source>Who is read&amp;y…</source>
        <translation>Przygotowanie &amp;zapisów…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="139"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="139"/>
        <source>Groups</source>
        <translation>Grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="139"/>
        <source>Seats</source>
        <translation>Miejsca</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="139"/>
        <source>Enrolled</source>
        <translation>Zapisani</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="144"/>
        <source>R&amp;ounds</source>
        <translation>Tu&amp;ry</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="145"/>
        <source>Co&amp;urses</source>
        <translation>Przedm&amp;ioty</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="146"/>
        <source>A&amp;ccess</source>
        <translation>D&amp;ostęp</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="222"/>
        <source>Students&apos; wishes to swap a group for another of the same course, and the exchange run</source>
        <translation>Prośby studentów o zamianę grupy na inną grupę tego samego przedmiotu oraz przeprowadzenie wymiany</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="223"/>
        <source>The registration does not allow exchanges: Edit… allows them.</source>
        <translation>Rejestracja nie dopuszcza wymian: można je włączyć w „Edytuj…”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="240"/>
        <source>all units</source>
        <translation>wszystkie jednostki</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="246"/>
        <source>all terms</source>
        <translation>wszystkie cykle</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="276"/>
        <location filename="../../ui/views/calendar.py" line="351"/>
        <source>no limit</source>
        <translation>bez limitu</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="277"/>
        <location filename="../../ui/views/calendar.py" line="368"/>
        <source>allowed</source>
        <translation>dozwolone</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="277"/>
        <location filename="../../ui/views/calendar.py" line="368"/>
        <source>not allowed</source>
        <translation>niedozwolone</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="339"/>
        <source>No registrations here.</source>
        <translation>Brak rejestracji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="351"/>
        <source>courses per student: %1</source>
        <translation>przedmiotów na studenta: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="352"/>
        <source>only entitled students</source>
        <translation>tylko uprawnieni studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="352"/>
        <source>open to every active student</source>
        <translation>otwarta dla każdego aktywnego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="355"/>
        <source>timetable clashes not checked</source>
        <translation>kolizje w planie nie są sprawdzane</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="357"/>
        <source>students may exchange groups</source>
        <translation>studenci mogą wymieniać się grupami</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="359"/>
        <source>full groups keep waiting lists</source>
        <translation>pełne grupy prowadzą listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="362"/>
        <source>Message to students: %1</source>
        <translation>Komunikat dla studentów: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="428"/>
        <source>Remove a round</source>
        <translation>Usuwanie tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="429"/>
        <source>Remove “%1”? Only a round that has not started can be removed.</source>
        <translation>Usunąć „%1”? Można usunąć tylko turę, która się jeszcze nie rozpoczęła.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="430"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="482"/>
        <source>Next ter&amp;m from this one…</source>
        <translation>&amp;Kolejny cykl na podstawie tego…</translation>
    </message>
</context>
<context>
    <name>ReopenGroupDialog</name>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="243"/>
        <source>Open again — %1</source>
        <translation>Ponowne otwarcie — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="244"/>
        <source>The group takes students again. The students moved out when it was closed stay where they are now.</source>
        <translation>Grupa znów przyjmuje studentów. Studenci przeniesieni przy jej zamknięciu zostają tam, gdzie są.</translation>
    </message>
    <message>
        <location filename="../../ui/views/closure_dialogs.py" line="246"/>
        <source>&amp;Open again</source>
        <translation>&amp;Otwórz ponownie</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="225"/>
        <source>Reset the password of %1</source>
        <translation>Nowe hasło dla %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="226"/>
        <source>A new password for %1 (at least %2 characters). Tell it to them in person; they can change it after signing in. Any pause after failed sign-ins ends now.</source>
        <translation>Nowe hasło dla: %1 (co najmniej %2 znaków). Przekaż je osobiście; po zalogowaniu można je zmienić. Blokada po nieudanych logowaniach kończy się od razu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="229"/>
        <source>&amp;Reset password</source>
        <translation>&amp;Ustaw nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="230"/>
        <source>e.g. forgotten, asked in person</source>
        <translation>np. zapomniane, prośba osobiście</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="231"/>
        <source>New password</source>
        <translation>Nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="232"/>
        <source>Repeat the new password</source>
        <translation>Powtórz nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="233"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nowe hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="234"/>
        <source>Re&amp;peat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="239"/>
        <source>The passwords differ.</source>
        <translation>Hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>Rosters</name>
    <message>
        <location filename="../../desk/rosters.py" line="168"/>
        <source>No.</source>
        <translation>Lp.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="169"/>
        <location filename="../../desk/rosters.py" line="315"/>
        <location filename="../../desk/rosters.py" line="331"/>
        <location filename="../../desk/rosters.py" line="376"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="170"/>
        <location filename="../../desk/rosters.py" line="376"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="171"/>
        <location filename="../../desk/rosters.py" line="377"/>
        <source>First names</source>
        <translation>Imiona</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="177"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="178"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="179"/>
        <source>Login e-mail</source>
        <translation>E-mail logowania</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="189"/>
        <location filename="../../desk/rosters.py" line="222"/>
        <location filename="../../desk/rosters.py" line="297"/>
        <location filename="../../desk/rosters.py" line="317"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="190"/>
        <location filename="../../desk/rosters.py" line="223"/>
        <location filename="../../desk/rosters.py" line="298"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="191"/>
        <location filename="../../desk/rosters.py" line="317"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="192"/>
        <location filename="../../desk/rosters.py" line="225"/>
        <location filename="../../desk/rosters.py" line="300"/>
        <source>Teachers</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="193"/>
        <location filename="../../desk/rosters.py" line="226"/>
        <source>Timetable</source>
        <translation>Plan zajęć</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="194"/>
        <source>Students / limit</source>
        <translation>Studenci / limit</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="195"/>
        <source>Data as of</source>
        <translation>Stan danych na</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="199"/>
        <source>Attendance list</source>
        <translation>Lista obecności</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="203"/>
        <source>Class list</source>
        <translation>Lista grupy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="221"/>
        <source>Summary</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="222"/>
        <location filename="../../desk/rosters.py" line="297"/>
        <source>Course name</source>
        <translation>Nazwa przedmiotu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="223"/>
        <location filename="../../desk/rosters.py" line="298"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="224"/>
        <location filename="../../desk/rosters.py" line="300"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="224"/>
        <location filename="../../desk/rosters.py" line="299"/>
        <source>Lower limit</source>
        <translation>Dolny limit</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="225"/>
        <location filename="../../desk/rosters.py" line="299"/>
        <source>Students</source>
        <translation>Studenci</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="234"/>
        <source>attendance</source>
        <translation>lista-obecności</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="234"/>
        <source>class-list</source>
        <translation>lista-grupy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="244"/>
        <location filename="../../desk/rosters.py" line="263"/>
        <source>There are no groups to export.</source>
        <translation>Nie ma grup do wyeksportowania.</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="246"/>
        <source>Groups</source>
        <translation>Grupy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="46"/>
        <source>spreadsheet export</source>
        <translation>eksport do arkusza kalkulacyjnego</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="296"/>
        <source>Below the lower limit</source>
        <translation>Poniżej dolnego limitu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="303"/>
        <source>Groups below their lower limit</source>
        <translation>Grupy poniżej dolnego limitu</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="314"/>
        <location filename="../../desk/rosters.py" line="320"/>
        <source>Payments due</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="315"/>
        <location filename="../../desk/rosters.py" line="331"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="316"/>
        <source>Amount (PLN)</source>
        <translation>Kwota (PLN)</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="316"/>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="317"/>
        <source>Token</source>
        <translation>Żeton</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="330"/>
        <source>Access</source>
        <translation>Dostęp</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="332"/>
        <source>Decision</source>
        <translation>Decyzja</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="332"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="333"/>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="333"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="334"/>
        <source>Until</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="334"/>
        <source>Standing</source>
        <translation>Obowiązuje</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="336"/>
        <source>grant</source>
        <translation>nadanie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="336"/>
        <source>revocation</source>
        <translation>odebranie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="339"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="339"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="340"/>
        <source>Individual access decisions</source>
        <translation>Indywidualne decyzje o dostępie</translation>
    </message>
    <message>
        <location filename="../../desk/rosters.py" line="375"/>
        <location filename="../../desk/rosters.py" line="380"/>
        <source>Token balances</source>
        <translation>Stany żetonów</translation>
    </message>
</context>
<context>
    <name>RoundAudience</name>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="72"/>
        <source>list of %n students</source>
        <translation>
            <numerusform>lista: %n student</numerusform>
            <numerusform>lista: %n studentów</numerusform>
            <numerusform>lista: %n studentów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="79"/>
        <source>stage %1</source>
        <translation>etap %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="80"/>
        <source>everyone</source>
        <translation>wszyscy</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="87"/>
        <source>last turn %1</source>
        <translation>ostatnia kolejka %1</translation>
    </message>
</context>
<context>
    <name>RoundAudienceDialog</name>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="154"/>
        <source>why — kept with the change, e.g. the dean&apos;s decision no. …</source>
        <translation>dlaczego — zapisywane ze zmianą, np. decyzja dziekana nr …</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="161"/>
        <source>Who and when — %1: %2</source>
        <translation>Dla kogo i kiedy — %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="162"/>
        <source>The round runs from %1 to %2 (the institution&apos;s time, %3). Saving changes only what differs from the round as it is.</source>
        <translation>Tura trwa od %1 do %2 (czas uczelni, %3). Zapis zmienia tylko to, co różni się od obecnego stanu tury.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="165"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="188"/>
        <source>Whom the round is for</source>
        <translation>Dla kogo jest tura</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="189"/>
        <source>everyone the registration admits</source>
        <translation>wszyscy dopuszczeni do rejestracji</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="190"/>
        <source>students matching a rule</source>
        <translation>studenci spełniający regułę</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="191"/>
        <source>students on a list</source>
        <translation>studenci z listy</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="196"/>
        <source>Every student the registration admits (by its rules and grants) may act in the round.</source>
        <translation>Każdy student dopuszczony do rejestracji (przez jej reguły i zgody) może działać w tej turze.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="202"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="203"/>
        <source>any programme</source>
        <translation>dowolny kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="207"/>
        <source>Level</source>
        <translation>Stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="208"/>
        <source>any level</source>
        <translation>dowolny stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="213"/>
        <source>Mode</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="214"/>
        <source>any mode</source>
        <translation>dowolna forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="219"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="221"/>
        <source>any stage</source>
        <translation>dowolny etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="223"/>
        <source>Progra&amp;mme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="226"/>
        <source>&amp;Level:</source>
        <translation>Stop&amp;ień:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="226"/>
        <source>Mo&amp;de:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="227"/>
        <source>St&amp;age:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="234"/>
        <source>Students matching every part that is set, among those the registration admits.</source>
        <translation>Studenci spełniający każdą ustawioną część, spośród dopuszczonych do rejestracji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="240"/>
        <location filename="../../ui/views/round_audience_dialog.py" line="293"/>
        <source>Student numbers</source>
        <translation>Numery albumów</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="241"/>
        <source>Student numbers, one per line or separated by commas or spaces</source>
        <translation>Numery albumów, po jednym w wierszu albo oddzielone przecinkami lub spacjami</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="245"/>
        <source>Load from f&amp;ile…</source>
        <translation>&amp;Wczytaj z pliku…</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="247"/>
        <source>Load student numbers from a file</source>
        <translation>Wczytaj numery albumów z pliku</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="249"/>
        <source>&amp;Check</source>
        <translation>&amp;Sprawdź</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="251"/>
        <source>Check the list</source>
        <translation>Sprawdź listę</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="258"/>
        <source>&amp;Numbers:</source>
        <translation>&amp;Numery:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="272"/>
        <source>&amp;For:</source>
        <translation>&amp;Dla kogo:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="294"/>
        <location filename="../../ui/views/round_audience_dialog.py" line="439"/>
        <source>Text or CSV (*.txt *.csv);;All files (*)</source>
        <translation>Tekst lub CSV (*.txt *.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="301"/>
        <source>The file cannot be read: %1</source>
        <translation>Nie można odczytać pliku: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="308"/>
        <location filename="../../ui/views/round_audience_dialog.py" line="518"/>
        <source>Not checked yet.</source>
        <translation>Jeszcze nie sprawdzono.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="315"/>
        <source>Paste or load the students&apos; numbers first.</source>
        <translation>Najpierw wklej lub wczytaj numery albumów.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="336"/>
        <source>%n students found.</source>
        <translation>
            <numerusform>Znaleziono %n studenta.</numerusform>
            <numerusform>Znaleziono %n studentów.</numerusform>
            <numerusform>Znaleziono %n studentów.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="340"/>
        <source>Not admitted by the registration now, so the round does not open for them (%1): %2</source>
        <translation>Obecnie niedopuszczeni do rejestracji, więc tura się dla nich nie otworzy (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="343"/>
        <source>Unknown numbers, left out (%1): %2</source>
        <translation>Nieznane numery, pominięte (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="346"/>
        <source>Given more than once (counted once): %1</source>
        <translation>Podane więcej niż raz (liczone raz): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="348"/>
        <source>Not in your units, left out: %1</source>
        <translation>Spoza twoich jednostek, pominięci: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="356"/>
        <source>When its students open the round</source>
        <translation>Kiedy studenci otwierają turę</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="357"/>
        <source>all at the round&apos;s start</source>
        <translation>wszyscy na początku tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="358"/>
        <source>in turns by a ranking file</source>
        <translation>w kolejkach według pliku rankingu</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="359"/>
        <source>in turns by stage</source>
        <translation>w kolejkach według etapu</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="370"/>
        <source>Ranking file</source>
        <translation>Plik rankingu</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="371"/>
        <source>a .csv or .txt file</source>
        <translation>plik .csv lub .txt</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="372"/>
        <source>C&amp;hoose…</source>
        <translation>Wy&amp;bierz…</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="374"/>
        <source>Choose the ranking file</source>
        <translation>Wybierz plik rankingu</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="378"/>
        <source>Turns</source>
        <translation>Kolejki</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="383"/>
        <source>Ran&amp;king file:</source>
        <translation>Plik r&amp;ankingu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="387"/>
        <source>&amp;Turns:</source>
        <translation>&amp;Liczba kolejek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="389"/>
        <location filename="../../ui/views/round_audience_dialog.py" line="407"/>
        <source>Minutes &amp;between turns:</source>
        <translation>&amp;Minuty między kolejkami:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="395"/>
        <source>A student number and a score on each line, e.g. 123456;4,75. The highest scores go first, in turns of equal size.</source>
        <translation>W każdym wierszu numer albumu i wynik, np. 123456;4,75. Najwyższe wyniki idą pierwsze, w równych kolejkach.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="402"/>
        <source>Stages in the order of their turns</source>
        <translation>Etapy w kolejności kolejek</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="405"/>
        <source>Sta&amp;ges in order:</source>
        <translation>Etap&amp;y w kolejności:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="411"/>
        <source>One turn a stage, the first named first; a student of another stage opens the round with the last turn.</source>
        <translation>Jedna kolejka na etap, pierwszy wymieniony pierwszy; student innego etapu otwiera turę z ostatnią kolejką.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="424"/>
        <source>&amp;Opens:</source>
        <translation>&amp;Otwarcie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="430"/>
        <source>Minutes between turns</source>
        <translation>Minuty między kolejkami</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="438"/>
        <source>Ranking</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="449"/>
        <source>Turns made</source>
        <translation>Utworzone kolejki</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="450"/>
        <source>Turn</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="450"/>
        <source>Opens</source>
        <translation>Otwarcie</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="450"/>
        <source>Students</source>
        <translation>Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="460"/>
        <source>T&amp;urns made:</source>
        <translation>&amp;Utworzone kolejki:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="481"/>
        <source>Saved: %n turns.</source>
        <translation>
            <numerusform>Zapisano: %n kolejka.</numerusform>
            <numerusform>Zapisano: %n kolejki.</numerusform>
            <numerusform>Zapisano: %n kolejek.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="482"/>
        <source>Students in them: %1; anyone else it is for opens the round with the last turn.</source>
        <translation>Studentów w kolejkach: %1; pozostali, dla których jest tura, otwierają ją z ostatnią kolejką.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="485"/>
        <source>Not students at the desk (%1): %2</source>
        <translation>Nie są studentami w systemie (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="488"/>
        <source>Lines without a student number and a score (%1): %2</source>
        <translation>Wiersze bez numeru albumu i wyniku (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="492"/>
        <source>Named twice, the first line counts (%1): %2</source>
        <translation>Podani dwa razy, liczy się pierwszy wiersz (%1): %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="515"/>
        <source>The round is for a list of %n students now; paste or load another list and check it to replace it.</source>
        <translation>
            <numerusform>Tura jest teraz dla listy %n studenta; wklej lub wczytaj inną listę i sprawdź ją, aby ją zastąpić.</numerusform>
            <numerusform>Tura jest teraz dla listy %n studentów; wklej lub wczytaj inną listę i sprawdź ją, aby ją zastąpić.</numerusform>
            <numerusform>Tura jest teraz dla listy %n studentów; wklej lub wczytaj inną listę i sprawdź ją, aby ją zastąpić.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="522"/>
        <source>Everyone the round is for may act from its start, %1.</source>
        <translation>Każdy, dla kogo jest tura, może działać od jej początku, %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="526"/>
        <source>in the turns it has (the last at %1)</source>
        <translation>w obecnych kolejkach (ostatnia o %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="531"/>
        <source>Each student keeps their turn; anyone it is for without one opens the round with the last turn, %1.</source>
        <translation>Każdy student zachowuje swoją kolejkę; ktoś bez kolejki otwiera turę z ostatnią kolejką, %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="555"/>
        <source>Check the list first: its students are shown before it is saved.</source>
        <translation>Najpierw sprawdź listę: jej studenci są pokazywani przed zapisem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="558"/>
        <source>Paste or load the students&apos; numbers, then check them.</source>
        <translation>Wklej lub wczytaj numery albumów, potem je sprawdź.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="563"/>
        <source>Give the stages as numbers in the order of their turns, e.g. 3, 2, 1.</source>
        <translation>Podaj etapy jako liczby w kolejności kolejek, np. 3, 2, 1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="583"/>
        <source>Choose the ranking file.</source>
        <translation>Wybierz plik rankingu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="592"/>
        <source>Nothing to save: the round is already for these students and opens this way.</source>
        <translation>Nic do zapisania: tura już jest dla tych studentów i tak się otwiera.</translation>
    </message>
    <message>
        <location filename="../../ui/views/round_audience_dialog.py" line="611"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="662"/>
        <source>optional for a new round</source>
        <translation>nieobowiązkowe przy nowej turze</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="664"/>
        <source>Edit round — %1</source>
        <translation>Edycja tury — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="664"/>
        <source>New round — %1</source>
        <translation>Nowa tura — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="665"/>
        <source>Times are in the institution&apos;s time zone (%1).</source>
        <translation>Czas jest podawany w strefie czasowej uczelni (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="665"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="669"/>
        <source>Round %1</source>
        <translation>Tura %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="671"/>
        <source>Round name</source>
        <translation>Nazwa tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="674"/>
        <source>Starts</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="675"/>
        <source>Ends</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="676"/>
        <source>Students may &amp;unregister</source>
        <translation>Studenci mogą się &amp;wyrejestrować</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="679"/>
        <source>Micro-round minutes</source>
        <translation>Długość mikrotury w minutach</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="680"/>
        <source>Break minutes</source>
        <translation>Długość przerwy w minutach</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="683"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="684"/>
        <source>&amp;Starts:</source>
        <translation>&amp;Początek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="685"/>
        <source>&amp;Ends:</source>
        <translation>&amp;Koniec:</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="687"/>
        <source>&amp;Micro-round (minutes):</source>
        <translation>&amp;Mikrotura (minuty):</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="688"/>
        <source>&amp;Break (minutes):</source>
        <translation>P&amp;rzerwa (minuty):</translation>
    </message>
</context>
<context>
    <name>Rounds</name>
    <message>
        <location filename="../../desk/round_audiences.py" line="88"/>
        <source>That round no longer exists.</source>
        <translation>Ta tura już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="95"/>
        <source>Say why (it is kept with the change).</source>
        <translation>Podaj powód (zostanie zapisany ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="105"/>
        <source>A stage is a number from 1 to 10.</source>
        <translation>Etap to liczba od 1 do 10.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="107"/>
        <source>The list names no student.</source>
        <translation>Lista nie zawiera żadnego studenta.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="109"/>
        <source>A list may name at most %1 students.</source>
        <translation>Lista może zawierać najwyżej %1 studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="111"/>
        <source>A round is for the students on a list or for those matching a rule, not both.</source>
        <translation>Tura jest dla studentów z listy albo dla spełniających regułę, nie dla obu naraz.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="114"/>
        <source>Choose whom the round is for: a programme, level, mode or stage, or a list of students.</source>
        <translation>Wybierz, dla kogo jest tura: kierunek, stopień, forma lub etap albo lista studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="120"/>
        <source>That programme no longer exists.</source>
        <translation>Ten kierunek już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="169"/>
        <source>A ranking may name at most %1 students.</source>
        <translation>Ranking może zawierać najwyżej %1 studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="171"/>
        <source>The ranking names no student: each line needs a student number and a score, e.g. 123456;4.75.</source>
        <translation>Ranking nie zawiera żadnego studenta: każdy wiersz wymaga numeru albumu i wyniku, np. 123456;4.75.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="194"/>
        <source>Give the stages in the order their turns come, each once, e.g. 3, 2, 1.</source>
        <translation>Podaj etapy w kolejności ich kolejek, każdy raz, np. 3, 2, 1.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="220"/>
        <source>The round opens for everyone at once already.</source>
        <translation>Tura już otwiera się dla wszystkich naraz.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="226"/>
        <source>A round has from 1 to %1 turns.</source>
        <translation>Tura ma od 1 do %1 kolejek.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="228"/>
        <source>Turns are from 1 minute to 7 days apart.</source>
        <translation>Odstęp między kolejkami wynosi od 1 minuty do 7 dni.</translation>
    </message>
    <message>
        <location filename="../../desk/round_audiences.py" line="242"/>
        <source>The last turn would open on %1, when the round has ended: fewer turns or fewer minutes between them.</source>
        <translation>Ostatnia kolejka otworzyłaby się %1, po końcu tury: mniej kolejek lub krótsze odstępy.</translation>
    </message>
</context>
<context>
    <name>SetLimitDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_dialogs.py" line="66"/>
        <source>Seat limit — %n groups</source>
        <translation>
            <numerusform>Limit miejsc — %n grupa</numerusform>
            <numerusform>Limit miejsc — %n grupy</numerusform>
            <numerusform>Limit miejsc — %n grup</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="67"/>
        <source>A limit is never set below the students already in a group; then nothing is changed.</source>
        <translation>Limit nigdy nie jest ustawiany poniżej liczby studentów już zapisanych do grupy; w takim przypadku nic nie jest zmieniane.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="68"/>
        <source>&amp;Apply</source>
        <translation>&amp;Zastosuj</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="70"/>
        <source>Set &amp;to</source>
        <translation>&amp;Ustaw na</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="72"/>
        <source>Set the limit to a value</source>
        <translation>Ustaw limit na podaną wartość</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="73"/>
        <source>Change &amp;by</source>
        <translation>Zmień &amp;o</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="75"/>
        <source>Change the limit by a number</source>
        <translation>Zmień limit o podaną liczbę</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="78"/>
        <source>New limit</source>
        <translation>Nowy limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="83"/>
        <source>Change of the limit</source>
        <translation>Zmiana limitu</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="88"/>
        <source>New limits</source>
        <translation>Nowe limity</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="93"/>
        <source>Who would gain a seat from a waiting list</source>
        <translation>Kto dostałby miejsce z listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="106"/>
        <source>Groups:</source>
        <translation>Grupy:</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="107"/>
        <source>Waiting lists:</source>
        <translation>Listy oczekujących:</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="127"/>
        <source>(below the %1 enrolled)</source>
        <translation>(poniżej liczby zapisanych: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="130"/>
        <source>… and %1 more</source>
        <translation>… i jeszcze %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="143"/>
        <source>Asking the waiting lists…</source>
        <translation>Sprawdzanie list oczekujących…</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="155"/>
        <source>A limit that does not rise frees no seat for a waiting list.</source>
        <translation>Limit, który nie rośnie, nie zwalnia miejsca dla listy oczekujących.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="161"/>
        <source>No one: these limits would be refused as they stand.</source>
        <translation>Nikt: takie limity zostałyby odrzucone.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="169"/>
        <source>Give a change such as +5 or -3.</source>
        <translation>Podaj zmianę, np. +5 lub -3.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="19"/>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="23"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24"/>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source>As the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="32"/>
        <source>Theme</source>
        <translation>Motyw</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source>Light</source>
        <translation>Jasny</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34"/>
        <source>Dark</source>
        <translation>Ciemny</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Font size in points</source>
        <translation>Rozmiar czcionki w punktach</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="48"/>
        <source>A new language applies when the application is opened again.</source>
        <translation>Nowy język zacznie obowiązywać po ponownym uruchomieniu programu.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>T&amp;heme:</source>
        <translation>&amp;Motyw:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>&amp;Font size:</source>
        <translation>&amp;Rozmiar czcionki:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55"/>
        <source>Times shown in:</source>
        <translation>Czas pokazywany w strefie:</translation>
    </message>
</context>
<context>
    <name>ShareChangeDialog</name>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="484"/>
        <source>The seats taken (%1) stay with the students who took them.</source>
        <translation>Zajęte miejsca (%1) zostają przy studentach, którzy je zajęli.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="487"/>
        <source>Remove dedicated seats — %1</source>
        <translation>Usuń miejsca dedykowane — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="488"/>
        <source>Remove the %n seat(s) dedicated to some students (%1)? They are everyone&apos;s again.</source>
        <translation>
            <numerusform>Usunąć %n miejsce dedykowane wybranym studentom (%1)? Znów będzie dostępne dla wszystkich.</numerusform>
            <numerusform>Usunąć %n miejsca dedykowane wybranym studentom (%1)? Znów będą dostępne dla wszystkich.</numerusform>
            <numerusform>Usunąć %n miejsc dedykowanych wybranym studentom (%1)? Znów będą dostępne dla wszystkich.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="490"/>
        <source>Re&amp;move</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="494"/>
        <source>Release dedicated seats — %1</source>
        <translation>Zwolnij miejsca dedykowane — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="495"/>
        <source>Release the seats dedicated to some students (%1) now? Their %n free seat(s) go to everyone at once.</source>
        <translation>
            <numerusform>Zwolnić teraz miejsca dedykowane wybranym studentom (%1)? Ich %n wolne miejsce od razu trafi do wszystkich.</numerusform>
            <numerusform>Zwolnić teraz miejsca dedykowane wybranym studentom (%1)? Ich %n wolne miejsca od razu trafią do wszystkich.</numerusform>
            <numerusform>Zwolnić teraz miejsca dedykowane wybranym studentom (%1)? Ich %n wolnych miejsc od razu trafi do wszystkich.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="497"/>
        <source>Re&amp;lease</source>
        <translation>&amp;Zwolnij</translation>
    </message>
</context>
<context>
    <name>Shares</name>
    <message>
        <location filename="../../desk/seat_shares.py" line="175"/>
        <location filename="../../desk/seat_shares.py" line="230"/>
        <source>The list names no student.</source>
        <translation>Lista nie zawiera żadnego studenta.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="177"/>
        <location filename="../../desk/seat_shares.py" line="232"/>
        <source>A list may name at most %1 students.</source>
        <translation>Lista może zawierać najwyżej %1 studentów.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="188"/>
        <source>No student has these numbers (%1): %2. Correct the list; nothing was changed.</source>
        <translation>Żaden student nie ma tych numerów albumów (%1): %2. Popraw listę; nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="196"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="215"/>
        <source>Say why (it is kept with the change).</source>
        <translation>Podaj powód (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="225"/>
        <source>Dedicate at least one seat.</source>
        <translation>Przeznacz co najmniej jedno miejsce.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="227"/>
        <source>A stage is a number from 1 to 10.</source>
        <translation>Etap to liczba od 1 do 10.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="234"/>
        <source>Seats are for the students on a list or for those matching a rule, not both.</source>
        <translation>Miejsca są albo dla studentów z listy, albo dla spełniających warunki, nie dla obu naraz.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="240"/>
        <source>Only %1 of the group&apos;s seats are free to dedicate (limit %2, %3 taken by everyone else, %4 dedicated already).</source>
        <translation>Miejsca grupy wolne do przeznaczenia: tylko %1 (limit %2, zajęte przez pozostałych: %3, już dedykowane: %4).</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="246"/>
        <source>That programme no longer exists.</source>
        <translation>Ten kierunek już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="248"/>
        <source>That round no longer exists.</source>
        <translation>Ta tura już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="274"/>
        <source>Those dedicated seats no longer exist.</source>
        <translation>Te miejsca dedykowane już nie istnieją.</translation>
    </message>
    <message>
        <location filename="../../desk/seat_shares.py" line="287"/>
        <source>Those seats are released already.</source>
        <translation>Te miejsca są już zwolnione.</translation>
    </message>
</context>
<context>
    <name>SharesDialog</name>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="103"/>
        <source>Dedicated seats — %1</source>
        <translation>Miejsca dedykowane — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="109"/>
        <source>Dedicated seats of the group</source>
        <translation>Miejsca dedykowane grupy</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="110"/>
        <source>Seats</source>
        <translation>Miejsca</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="110"/>
        <source>Taken</source>
        <translation>Zajęte</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="110"/>
        <source>For whom</source>
        <translation>Dla kogo</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="110"/>
        <source>Release</source>
        <translation>Zwolnienie</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="113"/>
        <source>&amp;Add…</source>
        <translation>&amp;Dodaj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="114"/>
        <source>Dedicate seats of the group to some students</source>
        <translation>Przeznacz miejsca grupy dla wybranych studentów</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="115"/>
        <source>Re&amp;lease now…</source>
        <translation>&amp;Zwolnij teraz…</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="116"/>
        <source>Release the chosen seats to everyone now</source>
        <translation>Zwolnij teraz wybrane miejsca dla wszystkich</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="117"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Usuń…</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="118"/>
        <source>Remove the chosen dedicated seats</source>
        <translation>Usuń wybrane miejsca dedykowane</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="119"/>
        <source>Remove the chosen dedicated seats (Delete)</source>
        <translation>Usuń wybrane miejsca dedykowane (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="121"/>
        <source>A group&apos;s dedicated seats are set by the unit it belongs to.</source>
        <translation>Miejsca dedykowane grupy ustala jednostka, do której grupa należy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="210"/>
        <source>Limit %1 · %2 enrolled · free for everyone: %3 · dedicated: %4 seats, %5 of them free.</source>
        <translation>Limit %1 · zapisani: %2 · wolne dla wszystkich: %3 · dedykowane: %4, w tym wolne: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="214"/>
        <source>Limit %1 · %2 enrolled · free for everyone: %3. No seat is dedicated to some students yet.</source>
        <translation>Limit %1 · zapisani: %2 · wolne dla wszystkich: %3. Żadne miejsce nie jest jeszcze dedykowane wybranym studentom.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="247"/>
        <source>These seats are released already.</source>
        <translation>Te miejsca są już zwolnione.</translation>
    </message>
    <message>
        <location filename="../../ui/views/share_dialogs.py" line="249"/>
        <source>Their free seats go to everyone at once.</source>
        <translation>Ich wolne miejsca od razu trafią do wszystkich.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/sign_in.py" line="34"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="71"/>
        <source>Failed: %1</source>
        <translation>Nie powiodło się: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="96"/>
        <source>Sign in — desk</source>
        <translation>Logowanie — desk</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="145"/>
        <source>Course registration back office</source>
        <translation>Obsługa rejestracji na zajęcia</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="146"/>
        <source>Database: %1</source>
        <translation>Baza danych: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="104"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="105"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="107"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="108"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="114"/>
        <source>Demo database: sign in as &lt;b&gt;admin&lt;/b&gt; (administrator), &lt;b&gt;dziekanat&lt;/b&gt; (dean&apos;s office clerk) or &lt;b&gt;cos&lt;/b&gt; (Student Service Center), password &lt;b&gt;demo1234&lt;/b&gt;.</source>
        <translation>Baza demonstracyjna: zaloguj się jako &lt;b&gt;admin&lt;/b&gt; (administrator), &lt;b&gt;dziekanat&lt;/b&gt; (pracownik dziekanatu) lub &lt;b&gt;cos&lt;/b&gt; (Centrum Obsługi Studenta), hasło &lt;b&gt;demo1234&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="125"/>
        <location filename="../../ui/sign_in.py" line="127"/>
        <source>Opening the database…</source>
        <translation>Otwieranie bazy danych…</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="132"/>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="194"/>
        <source>Type your login.</source>
        <translation>Wpisz swój login.</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <location filename="../../ui/snapshot.py" line="203"/>
        <source>students admitted in September</source>
        <translation>studenci przyjęci we wrześniu</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../../desk/staff.py" line="118"/>
        <source>Your role (%1) does not allow this: %2.</source>
        <translation>Twoja rola (%1) nie pozwala na to: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="126"/>
        <source>dean&apos;s office clerk</source>
        <translation>pracownik dziekanatu</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="127"/>
        <source>Student Service Center</source>
        <translation>Centrum Obsługi Studenta</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="128"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="134"/>
        <source>look up students</source>
        <translation>wyszukiwanie studentów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="135"/>
        <source>see personal data</source>
        <translation>wgląd w dane osobowe</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="136"/>
        <source>change students&apos; records</source>
        <translation>zmiana danych studentów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="137"/>
        <source>manage registrations</source>
        <translation>zarządzanie rejestracjami</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="138"/>
        <source>grant access to registrations</source>
        <translation>nadawanie uprawnień do rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="139"/>
        <source>manage class groups</source>
        <translation>zarządzanie grupami zajęciowymi</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="140"/>
        <source>correct token balances</source>
        <translation>korekta stanu żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="141"/>
        <source>override the token correction deadline</source>
        <translation>korekta żetonów po terminie</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="142"/>
        <source>link login accounts</source>
        <translation>powiązanie kont logowania</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="143"/>
        <source>run the sync</source>
        <translation>uruchamianie synchronizacji</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="144"/>
        <source>manage staff accounts</source>
        <translation>zarządzanie kontami pracowników</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="145"/>
        <source>administer the system</source>
        <translation>administrowanie systemem</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="152"/>
        <location filename="../../desk/staff.py" line="442"/>
        <source>A password needs at least %1 characters.</source>
        <translation>Hasło musi mieć co najmniej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="187"/>
        <source>Wrong login or password.</source>
        <translation>Błędny login lub hasło.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="241"/>
        <source>Too many failed attempts. Try again in %1 s.</source>
        <translation>Zbyt wiele nieudanych prób. Spróbuj ponownie za %1 s.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="250"/>
        <source>There is no active staff account %1.</source>
        <translation>Nie ma aktywnego konta pracownika %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="269"/>
        <location filename="../../desk/staff.py" line="519"/>
        <source>A staff account needs a login and a full name.</source>
        <translation>Konto pracownika wymaga loginu oraz imienia i nazwiska.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="272"/>
        <location filename="../../desk/staff.py" line="531"/>
        <location filename="../../desk/staff.py" line="542"/>
        <source>The login %1 is already taken.</source>
        <translation>Login %1 jest już zajęty.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="277"/>
        <source>There is no unit with the code %1.</source>
        <translation>Nie ma jednostki o kodzie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="280"/>
        <location filename="../../desk/staff.py" line="464"/>
        <source>A dean&apos;s office clerk acts for at least one unit.</source>
        <translation>Pracownik dziekanatu musi być przypisany do co najmniej jednej jednostki.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="343"/>
        <source>This database already has staff accounts; an administrator adds new ones.</source>
        <translation>Ta baza danych ma już konta pracowników; nowe dodaje administrator.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="303"/>
        <source>first administrator</source>
        <translation>pierwszy administrator</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="373"/>
        <source>The current password is wrong.</source>
        <translation>Obecne hasło jest błędne.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="305"/>
        <source>password changed by its owner</source>
        <translation>hasło zmienione przez właściciela</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="114"/>
        <source>%1 belongs to %2, not one of your units.</source>
        <translation>%1 należy do jednostki %2, a nie do żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="115"/>
        <source>This belongs to %1, not one of your units.</source>
        <translation>To należy do jednostki %1, a nie do żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="434"/>
        <source>Say why (it is kept with the change).</source>
        <translation>Podaj powód (zostanie zapisany przy zmianie).</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="451"/>
        <source>There is no role %1.</source>
        <translation>Nie ma roli %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="461"/>
        <source>There is no unit with the id %1.</source>
        <translation>Nie ma jednostki o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="467"/>
        <source>Only a dean&apos;s office clerk acts for units; leave them empty for %1.</source>
        <translation>Jednostki przypisuje się tylko pracownikowi dziekanatu; dla roli „%1” zostaw je puste.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="480"/>
        <source>There is no staff account %1.</source>
        <translation>Nie ma konta pracownika %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="503"/>
        <source>A login or a name cannot hold control or invisible characters.</source>
        <translation>Login ani nazwa nie mogą zawierać znaków sterujących ani niewidocznych.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="521"/>
        <source>A login has no spaces: %1.</source>
        <translation>Login nie może zawierać spacji: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="524"/>
        <source>The login or the name is too long.</source>
        <translation>Login lub imię i nazwisko jest za długie.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="560"/>
        <source>You cannot disable your own account; ask another administrator.</source>
        <translation>Nie możesz wyłączyć własnego konta; poproś innego administratora.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="562"/>
        <source>The account %1 is already disabled.</source>
        <translation>Konto %1 jest już wyłączone.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="565"/>
        <location filename="../../desk/staff.py" line="608"/>
        <source>%1 is the last active administrator; add or enable another one first.</source>
        <translation>%1 to ostatni aktywny administrator; najpierw dodaj lub włącz innego.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="584"/>
        <source>The account %1 is already enabled.</source>
        <translation>Konto %1 jest już włączone.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="605"/>
        <source>You cannot change your own role; ask another administrator.</source>
        <translation>Nie możesz zmienić własnej roli; poproś innego administratora.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="615"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/unit_of_work.py" line="243"/>
        <source>Only a signed-in member of staff may do this.</source>
        <translation>Może to zrobić tylko zalogowany pracownik.</translation>
    </message>
    <message>
        <location filename="../../desk/unit_of_work.py" line="356"/>
        <source>Your staff account (%1) has been disabled. Ask an administrator.</source>
        <translation>Twoje konto pracownika (%1) zostało wyłączone. Zwróć się do administratora.</translation>
    </message>
</context>
<context>
    <name>StaffAdminView</name>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="117"/>
        <location filename="../../ui/views/staff_admin.py" line="272"/>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="259"/>
        <location filename="../../ui/views/staff_admin.py" line="270"/>
        <source>Staff accounts</source>
        <translation>Konta pracowników</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="272"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="272"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="272"/>
        <source>Units</source>
        <translation>Jednostki</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="272"/>
        <source>Active</source>
        <translation>Aktywne</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="273"/>
        <source>Paused until</source>
        <translation>Wstrzymane do</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="273"/>
        <source>Last sign-in</source>
        <translation>Ostatnie logowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="290"/>
        <source>Staff accounts in total</source>
        <translation>Liczba kont pracowników</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="292"/>
        <source>&amp;Add…</source>
        <translation>&amp;Dodaj…</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="292"/>
        <source>Add a staff account</source>
        <translation>Dodaj konto pracownika</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="293"/>
        <source>Change &amp;role…</source>
        <translation>Zmień &amp;rolę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="294"/>
        <source>Change the role or units of the selected account</source>
        <translation>Zmień rolę lub jednostki wybranego konta</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="295"/>
        <location filename="../../ui/views/staff_admin.py" line="412"/>
        <source>&amp;Disable…</source>
        <translation>&amp;Wyłącz…</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="296"/>
        <source>Disable or enable the selected account</source>
        <translation>Wyłącz lub włącz wybrane konto</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="297"/>
        <source>Reset &amp;password…</source>
        <translation>Nowe &amp;hasło…</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="298"/>
        <source>Reset the password of the selected account</source>
        <translation>Ustaw nowe hasło wybranego konta</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="299"/>
        <source>Read the staff accounts again</source>
        <translation>Wczytaj konta pracowników ponownie</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="299"/>
        <source>R&amp;efresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="314"/>
        <source>Only an administrator manages staff accounts. Your role (%1) does not allow it: ask an administrator to add an account, change a role or reset a password.</source>
        <translation>Kontami pracowników zarządza tylko administrator. Twoja rola (%1) na to nie pozwala: poproś administratora o dodanie konta, zmianę roli lub nowe hasło.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="323"/>
        <source>Who may sign in to the desk. A clerk acts for the units ticked for them; the Student Service Center links logins; administrators manage accounts and settings. Every change is kept with its reason.</source>
        <translation>Kto może się logować. Pracownik dziekanatu działa w imieniu zaznaczonych jednostek; Centrum Obsługi Studenta łączy loginy; administratorzy zarządzają kontami i ustawieniami. Każda zmiana jest zapisywana z powodem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="360"/>
        <source>every unit</source>
        <translation>wszystkie jednostki</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="361"/>
        <source>active</source>
        <translation>aktywne</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="361"/>
        <source>disabled</source>
        <translation>wyłączone</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="363"/>
        <source>never</source>
        <translation>nigdy</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/staff_admin.py" line="385"/>
        <source>%n staff account(s), %1 active.</source>
        <translation>
            <numerusform>%n konto, aktywne: %1.</numerusform>
            <numerusform>%n konta, aktywne: %1.</numerusform>
            <numerusform>%n kont, aktywne: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="412"/>
        <source>&amp;Enable…</source>
        <translation>&amp;Włącz…</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="413"/>
        <source>You cannot disable your own account or change your own role.</source>
        <translation>Nie możesz wyłączyć własnego konta ani zmienić własnej roli.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="448"/>
        <source>Disable %1</source>
        <translation>Wyłącz konto %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="449"/>
        <source>%1 will no longer be able to sign in. Nothing they did is removed; the account can be enabled again.</source>
        <translation>%1 nie będzie mógł się zalogować. Nic z tego, co zrobił, nie zostanie usunięte; konto można znów włączyć.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="451"/>
        <source>&amp;Disable account</source>
        <translation>&amp;Wyłącz konto</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="453"/>
        <source>e.g. left the university on 30 September</source>
        <translation>np. odejście z uczelni 30 września</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="455"/>
        <source>Enable %1</source>
        <translation>Włącz konto %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="456"/>
        <source>%1 will be able to sign in again with their password.</source>
        <translation>%1 znów będzie mógł się zalogować swoim hasłem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="457"/>
        <source>&amp;Enable account</source>
        <translation>&amp;Włącz konto</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="459"/>
        <source>e.g. back from leave</source>
        <translation>np. powrót z urlopu</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="287"/>
        <source>e.g. promoted to the next year</source>
        <translation>np. promocja na kolejny rok</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="288"/>
        <source>Change the stage — %1</source>
        <translation>Zmiana etapu — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="288"/>
        <source>&amp;Change stage</source>
        <translation>&amp;Zmień etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="291"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="296"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="298"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="299"/>
        <source>S&amp;tage:</source>
        <translation>&amp;Etap:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="313"/>
        <source>Choose the programme.</source>
        <translation>Wybierz kierunek.</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="83"/>
        <source>e.g. the dean&apos;s decision no. 12/2026</source>
        <translation>np. decyzja dziekana nr 12/2026</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="84"/>
        <source>Change the status — %1</source>
        <translation>Zmiana statusu — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="85"/>
        <source>%1 %2 (%3): the programme&apos;s new status, from which day, and why.</source>
        <translation>%1 %2 (%3): nowy status na kierunku, od kiedy obowiązuje i dlaczego.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="87"/>
        <source>&amp;Change status</source>
        <translation>&amp;Zmień status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="91"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="96"/>
        <source>New status</source>
        <translation>Nowy status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="97"/>
        <source>From</source>
        <translation>Od dnia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="98"/>
        <source>Planned &amp;end:</source>
        <translation>Planowany ko&amp;niec:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="100"/>
        <source>The leave or suspension has a planned end</source>
        <translation>Urlop lub zawieszenie ma planowany koniec</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="101"/>
        <source>Planned end</source>
        <translation>Planowany koniec</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="104"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Kierunek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="105"/>
        <source>New &amp;status:</source>
        <translation>Nowy &amp;status:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="106"/>
        <source>&amp;From:</source>
        <translation>&amp;Od dnia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="132"/>
        <source>A programme that is %1 stays so; only an administrator reinstates a student.</source>
        <translation>Kierunek o statusie %1 zachowuje ten status; przywrócić studenta może tylko administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="150"/>
        <source>Choose the programme and its new status.</source>
        <translation>Wybierz kierunek i jego nowy status.</translation>
    </message>
</context>
<context>
    <name>StudentCardWindow</name>
    <message>
        <location filename="../../ui/views/student_card.py" line="112"/>
        <source>Student card</source>
        <translation>Karta studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="115"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="121"/>
        <source>Show &amp;PESEL</source>
        <translation>Pokaż &amp;PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="123"/>
        <source>Show PESEL (recorded in the history)</source>
        <translation>Pokaż PESEL (zapisywane w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="124"/>
        <source>Shows the full PESEL. Every look is recorded in the history.</source>
        <translation>Pokazuje pełny numer PESEL. Każde wyświetlenie jest zapisywane w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="126"/>
        <source>&amp;Edit personal data…</source>
        <translation>&amp;Zmień dane osobowe…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="128"/>
        <source>Edit personal data</source>
        <translation>Zmień dane osobowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="130"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="132"/>
        <source>Refresh the card</source>
        <translation>Odśwież kartę</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="134"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="136"/>
        <source>Close the card</source>
        <translation>Zamknij kartę</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="238"/>
        <source>The card cannot be shown</source>
        <translation>Nie można wyświetlić karty</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="284"/>
        <source>%1 — student %2</source>
        <translation>%1 — student %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="287"/>
        <source>Student no. %1</source>
        <translation>Nr albumu %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="289"/>
        <source>also: %1</source>
        <translation>także: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="298"/>
        <source>Only a dean&apos;s office clerk of the student&apos;s unit may change these data.</source>
        <translation>Te dane może zmienić tylko pracownik dziekanatu jednostki studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="323"/>
        <source>Person</source>
        <translation>Osoba</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="326"/>
        <source>First name:</source>
        <translation>Imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="327"/>
        <source>Surname:</source>
        <translation>Nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="328"/>
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="330"/>
        <source>Birth date:</source>
        <translation>Data urodzenia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="331"/>
        <source>none (no PESEL given)</source>
        <translation>brak (nie podano numeru PESEL)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="334"/>
        <source>PESEL:</source>
        <translation>PESEL:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="336"/>
        <source>Private e-mail:</source>
        <translation>Prywatny e-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="357"/>
        <source>Programmes</source>
        <translation>Kierunki studiów</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="349"/>
        <source> since %1</source>
        <translation> od %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="350"/>
        <source> until %1</source>
        <translation> do %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358"/>
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358"/>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358"/>
        <source>Level</source>
        <translation>Stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358"/>
        <source>Mode</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358"/>
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358"/>
        <location filename="../../ui/views/student_card.py" line="537"/>
        <location filename="../../ui/views/student_card.py" line="562"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358"/>
        <location filename="../../ui/views/student_card.py" line="447"/>
        <source>Admitted</source>
        <translation>Przyjęty</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="365"/>
        <source>Change &amp;status…</source>
        <translation>Zmień &amp;status…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="367"/>
        <source>Change the status of the selected programme</source>
        <translation>Zmień status na wybranym kierunku</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="368"/>
        <source>Leave, return, suspension, removal or graduation, with a reason.</source>
        <translation>Urlop, powrót, zawieszenie, skreślenie lub ukończenie studiów, z podaniem powodu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="371"/>
        <source>Change s&amp;tage…</source>
        <translation>Zmień &amp;etap…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="373"/>
        <source>Change the stage of the selected programme</source>
        <translation>Zmień etap na wybranym kierunku</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="376"/>
        <source>A&amp;dd programme…</source>
        <translation>Dodaj &amp;kierunek…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="378"/>
        <source>Put the student on one more programme</source>
        <translation>Zapisz studenta na kolejny kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="391"/>
        <source>Login account</source>
        <translation>Konto logowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="396"/>
        <source>No login account is linked: the student cannot sign in to the portal. The Student Service Center links the institutional e-mail.</source>
        <translation>Brak powiązanego konta logowania: student nie może zalogować się do portalu. Uczelniany adres e-mail powiązuje Centrum Obsługi Studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="407"/>
        <source>Changes waiting to be sent to the portal: %1</source>
        <translation>Zmiany czekające na wysłanie do portalu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="445"/>
        <source>Registrations of this term and the next</source>
        <translation>Rejestracje w bieżącym i następnym cyklu dydaktycznym</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="428"/>
        <source>No registrations in the current or the next term.</source>
        <translation>Brak rejestracji w bieżącym ani w następnym cyklu dydaktycznym.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="438"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="438"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="446"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="446"/>
        <source>Registration</source>
        <translation>Rejestracja</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="446"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="447"/>
        <source>Why</source>
        <translation>Dlaczego</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="465"/>
        <source>&amp;Why? (check each condition)…</source>
        <translation>&amp;Dlaczego? (sprawdź każdy warunek)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="467"/>
        <source>Explain whether the student can register</source>
        <translation>Wyjaśnij, czy student może się zarejestrować</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="469"/>
        <source>&amp;Grant access…</source>
        <translation>&amp;Nadaj uprawnienie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="471"/>
        <source>Grant the student access to the selected registration</source>
        <translation>Nadaj studentowi uprawnienie do wybranej rejestracji</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="536"/>
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="520"/>
        <source>Not enrolled in any class group.</source>
        <translation>Nie jest zapisany do żadnej grupy zajęciowej.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="233"/>
        <source>“%1” is for other students</source>
        <translation>„%1” jest dla innych studentów</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="235"/>
        <source>%1 (turn %2)</source>
        <translation>%1 (kolejka %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="340"/>
        <source>Progr&amp;ammes</source>
        <translation>Kier&amp;unki studiów</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="414"/>
        <source>Reg&amp;istrations of this term and the next</source>
        <translation>Rej&amp;estracje w bieżącym i następnym cyklu dydaktycznym</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="421"/>
        <source>Show the registrations of &amp;all units</source>
        <translation>Pokaż rejestracje &amp;wszystkich jednostek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="423"/>
        <source>Show the registrations of all units</source>
        <translation>Pokaż rejestracje wszystkich jednostek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="429"/>
        <source>No registrations of your units in the current or the next term.</source>
        <translation>Brak rejestracji Twoich jednostek w bieżącym ani następnym cyklu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="446"/>
        <source>Opens for them</source>
        <translation>Otwiera się dla niego</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="518"/>
        <source>Class gr&amp;oups</source>
        <translation>Grupy &amp;zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="544"/>
        <source>To&amp;kens and payments</source>
        <translation>Że&amp;tony i należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="572"/>
        <location filename="../../ui/views/student_card.py" line="587"/>
        <source>On the portal</source>
        <translation>W portalu</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="574"/>
        <source>On the portal: what the student sees next to the desk</source>
        <translation>W portalu: co widzi student, w porównaniu z danymi w programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="576"/>
        <location filename="../../ui/views/student_card.py" line="634"/>
        <source>Comparing with the portal…</source>
        <translation>Porównywanie z portalem…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="578"/>
        <source>Whether the portal is in step with the desk</source>
        <translation>Czy portal jest zgodny z programem desk</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="582"/>
        <source>Last successful sync</source>
        <translation>Ostatnia udana synchronizacja</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="586"/>
        <source>What the portal shows the student, next to the desk</source>
        <translation>Co portal pokazuje studentowi, w porównaniu z programem desk</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="587"/>
        <source>Aspect</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="587"/>
        <source>At the desk</source>
        <translation>W programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="602"/>
        <source>Sync this student &amp;now</source>
        <translation>Synchronizuj tego studenta &amp;teraz</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="604"/>
        <source>Sync this student to the portal now</source>
        <translation>Synchronizuj teraz tego studenta z portalem</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="605"/>
        <source>Sends everything of this student to the portal and reads back what they did there, in seconds.</source>
        <translation>Wysyła do portalu wszystkie dane tego studenta i w ciągu kilku sekund odczytuje z powrotem to, co student zrobił w portalu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="610"/>
        <source>Your role does not run the sync.</source>
        <translation>Twoja rola nie pozwala na uruchamianie synchronizacji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="613"/>
        <source>Result of syncing this student</source>
        <translation>Wynik synchronizacji tego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="658"/>
        <source>Not yet on the portal: the next sync sends it.</source>
        <translation>Jeszcze nie ma w portalu: zostanie wysłane przy najbliższej synchronizacji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="668"/>
        <source>In step with the desk</source>
        <translation>Zgodne z programem desk</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="671"/>
        <source>One difference: not yet sent</source>
        <translation>Jedna różnica: jeszcze nie wysłano</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_card.py" line="671"/>
        <source>%n differences: not yet sent</source>
        <translation>
            <numerusform>%n różnica: jeszcze nie wysłano</numerusform>
            <numerusform>%n różnice: jeszcze nie wysłano</numerusform>
            <numerusform>%n różnic: jeszcze nie wysłano</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="673"/>
        <source>(the student is not on the portal yet)</source>
        <translation>(studenta nie ma jeszcze w portalu)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="677"/>
        <source>No successful sync yet.</source>
        <translation>Nie było jeszcze udanej synchronizacji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="680"/>
        <source>Last successful sync: %1</source>
        <translation>Ostatnia udana synchronizacja: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="689"/>
        <source>What the portal shows cannot be read: %1</source>
        <translation>Nie można odczytać danych z portalu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="701"/>
        <source>Syncing this student…</source>
        <translation>Synchronizowanie tego studenta…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="707"/>
        <source>Synced in %1 s. Changes sent: %2; student actions read: %3; conflicts: %4.</source>
        <translation>Zsynchronizowano w %1 s. Wysłane zmiany: %2; odczytane działania studenta: %3; konflikty: %4.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="729"/>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="731"/>
        <source>History: who changed what for this student, and why</source>
        <translation>Historia: kto i dlaczego zmienił dane tego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="733"/>
        <source>Reading the history…</source>
        <translation>Wczytywanie historii…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="739"/>
        <source>The student&apos;s history, newest first</source>
        <translation>Historia studenta, od najnowszych</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="740"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="740"/>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="740"/>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="740"/>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="740"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="795"/>
        <source>Nothing has been recorded for this student yet.</source>
        <translation>Dla tego studenta nic jeszcze nie zapisano.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="797"/>
        <source>The last %1 entries, newest first. The History view shows them all.</source>
        <translation>Ostatnie %1 wpisów, od najnowszego. Widok Historia pokazuje wszystkie.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_card.py" line="800"/>
        <source>%n entries, newest first.</source>
        <translation>
            <numerusform>%n wpis, od najnowszego.</numerusform>
            <numerusform>%n wpisy, od najnowszego.</numerusform>
            <numerusform>%n wpisów, od najnowszego.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="810"/>
        <source>The history cannot be read: %1</source>
        <translation>Nie można odczytać historii: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="446"/>
        <location filename="../../ui/views/student_card.py" line="537"/>
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="537"/>
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="537"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="537"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="537"/>
        <source>Since</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="548"/>
        <source>No tokens allocated.</source>
        <translation>Brak przyznanych żetonów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="561"/>
        <source>Payments</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="562"/>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="562"/>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="562"/>
        <source>For</source>
        <translation>Za</translation>
    </message>
</context>
<context>
    <name>StudentLookupView</name>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="68"/>
        <source>Find a student</source>
        <translation>Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="70"/>
        <source>Student number, name, PESEL or login e-mail — e.g. 123456 or lukasz zolkiewski</source>
        <translation>Nr albumu, imię i nazwisko, PESEL lub e-mail logowania — np. 123456 albo lukasz zolkiewski</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="77"/>
        <source>Search result summary</source>
        <translation>Podsumowanie wyników wyszukiwania</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="82"/>
        <location filename="../../ui/views/student_lookup.py" line="201"/>
        <source>Students found</source>
        <translation>Znalezieni studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="102"/>
        <source>&amp;New student…</source>
        <translation>&amp;Nowy student…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="104"/>
        <source>Admit a new student</source>
        <translation>Przyjmij nowego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="105"/>
        <source>Admit a new student (Ctrl+N)</source>
        <translation>Przyjmij nowego studenta (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="121"/>
        <source>Students you opened recently, newest first</source>
        <translation>Studenci ostatnio przez Ciebie otwierani, od najnowszych</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="238"/>
        <source>Type a student number, a name, a PESEL or a login e-mail — or open a student you opened recently (↓):</source>
        <translation>Wpisz numer albumu, nazwisko, PESEL lub e-mail logowania — albo otwórz ostatnio otwieranego studenta (↓):</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="241"/>
        <source>Type a student number, a name, a PESEL or a login e-mail.</source>
        <translation>Wpisz numer albumu, imię i nazwisko, PESEL albo e-mail logowania.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="255"/>
        <source>Searching…</source>
        <translation>Szukam…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="269"/>
        <source>No student matches “%1”.</source>
        <translation>Żaden student nie pasuje do „%1”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="271"/>
        <location filename="../../ui/views/student_lookup.py" line="307"/>
        <source>More than %n students match; scroll for more or refine the search.</source>
        <translation>
            <numerusform>Pasuje więcej niż %n student; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform>
            <numerusform>Pasuje więcej niż %n studentów; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform>
            <numerusform>Pasuje więcej niż %n studentów; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="273"/>
        <location filename="../../ui/views/student_lookup.py" line="309"/>
        <source>%n student(s) found.</source>
        <translation>
            <numerusform>Znaleziono %n studenta.</numerusform>
            <numerusform>Znaleziono %n studentów.</numerusform>
            <numerusform>Znaleziono %n studentów.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudentPicker</name>
    <message>
        <location filename="../../ui/dialogs.py" line="190"/>
        <source>Find a student</source>
        <translation>Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="191"/>
        <source>Student number or name</source>
        <translation>Numer albumu lub imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="194"/>
        <source>Students found</source>
        <translation>Znalezieni studenci</translation>
    </message>
</context>
<context>
    <name>StudentRecordDialogs</name>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="61"/>
        <source>stage</source>
        <translation>etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="68"/>
        <source>since %1</source>
        <translation>od %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_record_dialogs.py" line="69"/>
        <source>since %1 until %2</source>
        <translation>od %1 do %2</translation>
    </message>
</context>
<context>
    <name>StudentRecords</name>
    <message>
        <location filename="../../desk/student_records.py" line="68"/>
        <source>The programme is already {status}; nothing was changed.</source>
        <translation>Kierunek ma już status {status}; nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="70"/>
        <source>A programme that is {current} cannot become {status}.</source>
        <translation>Kierunek o statusie {current} nie może otrzymać statusu {status}.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="72"/>
        <source>A programme that is {current} stays so; only an administrator reinstates a student, with a reason.</source>
        <translation>Kierunek o statusie {current} zachowuje ten status; przywrócić studenta może tylko administrator, podając powód.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="74"/>
        <source>Only a leave or a suspension has a planned end.</source>
        <translation>Planowany koniec ma tylko urlop lub zawieszenie.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="76"/>
        <source>The planned end ({until}) must come after the start ({since}).</source>
        <translation>Planowany koniec ({until}) musi przypadać po początku ({since}).</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="78"/>
        <source>Say from which day the status holds.</source>
        <translation>Podaj, od którego dnia obowiązuje status.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="80"/>
        <source>Say why the status changes (e.g. the dean&apos;s decision and its number).</source>
        <translation>Podaj powód zmiany statusu (np. decyzję dziekana i jej numer).</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="82"/>
        <source>The status cannot begin ({since}) before the admission ({admitted_on}).</source>
        <translation>Status nie może zaczynać się ({since}) przed przyjęciem ({admitted_on}).</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="84"/>
        <source>The new status cannot begin ({since}) before the current one did ({current_since}).</source>
        <translation>Nowy status nie może zaczynać się ({since}) wcześniej niż obecny ({current_since}).</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="87"/>
        <source>admission</source>
        <translation>przyjęcie</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="150"/>
        <source>%1 since %2 until %3</source>
        <translation>%1 od %2 do %3</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="153"/>
        <source>%1 since %2</source>
        <translation>%1 od %2</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="259"/>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1: więcej niż %2 znaków.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="269"/>
        <source>A student number is 1 to %1 digits (0-9), not “%2”.</source>
        <translation>Numer albumu to od 1 do %1 cyfr (0-9), a nie „%2”.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="275"/>
        <location filename="../../desk/student_records.py" line="445"/>
        <source>The private e-mail</source>
        <translation>Prywatny e-mail</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="292"/>
        <source>There is no programme with the id %1.</source>
        <translation>Nie ma kierunku o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="302"/>
        <source>There is no programme %1.</source>
        <translation>Nie ma kierunku %1.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="316"/>
        <source>There is no student programme with the id %1.</source>
        <translation>Nie ma kierunku studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="330"/>
        <source>The student number %1 already belongs to %2.</source>
        <translation>Numer albumu %1 należy już do: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="357"/>
        <location filename="../../desk/student_records.py" line="442"/>
        <source>The first name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="358"/>
        <location filename="../../desk/student_records.py" line="443"/>
        <source>The middle name</source>
        <translation>Drugie imię</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="359"/>
        <location filename="../../desk/student_records.py" line="444"/>
        <source>The surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="364"/>
        <source>A student is a student or a PhD student, not staff.</source>
        <translation>Student to student lub doktorant, nie pracownik.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="369"/>
        <source>The birth date %1 is not in the past.</source>
        <translation>Data urodzenia %1 nie jest datą przeszłą.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="372"/>
        <source>A student is admitted to at least one programme.</source>
        <translation>Student musi zostać przyjęty na co najmniej jeden kierunek.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="379"/>
        <source>The programme %1 is given twice.</source>
        <translation>Kierunek %1 podano dwukrotnie.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="398"/>
        <source>The PESEL %1 already belongs to %2 (%3): add the programme to their record instead.</source>
        <translation>PESEL %1 należy już do: %2 (%3); zamiast tego dodaj kierunek do istniejącego rekordu.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="410"/>
        <source>The student number %1 was just given at another workstation; look it up.</source>
        <translation>Numer albumu %1 został właśnie nadany na innym stanowisku; wyszukaj go.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="465"/>
        <source>Student %1 is already on %2 (stage %3, %4).</source>
        <translation>Student %1 jest już na kierunku %2 (etap %3, %4).</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="474"/>
        <source>Student %1 was just put on %2 at another workstation.</source>
        <translation>Student %1 został właśnie zapisany na kierunek %2 na innym stanowisku.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="486"/>
        <source>Say why the stage changes (e.g. promoted to the next year).</source>
        <translation>Podaj powód zmiany etapu (np. promocja na kolejny rok).</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="492"/>
        <source>The student is already at stage %1 of %2; nothing was changed.</source>
        <translation>Student jest już na etapie %1 kierunku %2; nic nie zostało zmienione.</translation>
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
        <location filename="../../desk/students.py" line="52"/>
        <source>A PESEL has exactly 11 digits.</source>
        <translation>PESEL ma dokładnie 11 cyfr.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="61"/>
        <source>The PESEL %1 is not valid: its check digit or date is wrong.</source>
        <translation>PESEL %1 jest niepoprawny: błędna cyfra kontrolna lub data.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="65"/>
        <source>The PESEL %1 gives the birth date %2, but the record says %3.</source>
        <translation>PESEL %1 wskazuje datę urodzenia %2, a w danych jest %3.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="309"/>
        <location filename="../../desk/students.py" line="150"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="356"/>
        <source>Say why the personal data is being changed.</source>
        <translation>Podaj powód zmiany danych osobowych.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="361"/>
        <location filename="../../desk/students.py" line="361"/>
        <source>A person needs a first name and a surname.</source>
        <translation>Osoba musi mieć imię i nazwisko.</translation>
    </message>
    <message>
        <location filename="../../desk/student_records.py" line="277"/>
        <location filename="../../desk/students.py" line="364"/>
        <source>%1 is not an e-mail address.</source>
        <translation>%1 nie jest adresem e-mail.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="373"/>
        <source>Student %1 does not study in any of your units.</source>
        <translation>Student %1 nie studiuje w żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="384"/>
        <source>The PESEL %1 already belongs to %2.</source>
        <translation>PESEL %1 należy już do osoby: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="400"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="416"/>
        <source>There is no student with the number %1.</source>
        <translation>Nie ma studenta o numerze albumu %1.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../desk/sync.py" line="102"/>
        <source>Unknown action {kind}.</source>
        <translation>Nieznane działanie {kind}.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="103"/>
        <source>No open exchange wish from that group to withdraw.</source>
        <translation>Brak otwartej prośby o wymianę z tej grupy do wycofania.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="105"/>
        <source>Not on that group&apos;s waiting list.</source>
        <translation>Nie ma na liście oczekujących tej grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="107"/>
        <source>interrupted: the program stopped during the run</source>
        <translation>przerwana: program zatrzymał się w trakcie synchronizacji</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="239"/>
        <source>A sync is started by a signed-in member of staff or by the schedule.</source>
        <translation>Synchronizację uruchamia zalogowany pracownik albo harmonogram.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="243"/>
        <source>Say which student to sync.</source>
        <translation>Wskaż studenta do synchronizacji.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="247"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="264"/>
        <source>The scheduled sync of %1 was started by another workstation.</source>
        <translation>Zaplanowaną synchronizację z %1 uruchomiło już inne stanowisko.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="298"/>
        <source>The portal refused the desk&apos;s data (%1): the desk&apos;s database may be damaged. Run desk check --thorough, and restore a backup if it names a problem.</source>
        <translation>Portal odrzucił dane z biura (%1): baza danych biura może być uszkodzona. Uruchom desk check --thorough, a jeśli wskaże problem, przywróć kopię zapasową.</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="363"/>
        <source>Sending changes to the portal</source>
        <translation>Wysyłanie zmian do portalu</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="522"/>
        <source>people</source>
        <translation>osoby</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="523"/>
        <source>login accounts</source>
        <translation>konta logowania</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="524"/>
        <source>students</source>
        <translation>studenci</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="525"/>
        <source>students&apos; programmes</source>
        <translation>kierunki studentów</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="526"/>
        <source>registrations</source>
        <translation>rejestracje</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="527"/>
        <source>courses offered in registrations</source>
        <translation>przedmioty oferowane w rejestracjach</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="528"/>
        <source>registration rounds</source>
        <translation>tury rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="529"/>
        <source>lists of students rounds are meant for</source>
        <translation>listy studentów, dla których są tury</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="530"/>
        <source>students&apos; own starts in rounds that open in turns</source>
        <translation>własne otwarcia tur dla studentów w kolejkach</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="531"/>
        <source>access rules</source>
        <translation>reguły dostępu</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="532"/>
        <source>individual access decisions</source>
        <translation>indywidualne decyzje o dostępie</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="533"/>
        <source>class groups</source>
        <translation>grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="534"/>
        <source>dedicated seats</source>
        <translation>miejsca dedykowane</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="535"/>
        <source>lists of students with dedicated seats</source>
        <translation>listy studentów z miejscami dedykowanymi</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="536"/>
        <source>enrollments</source>
        <translation>zapisy</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="537"/>
        <source>token types</source>
        <translation>rodzaje żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="538"/>
        <source>token balances</source>
        <translation>salda żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="539"/>
        <source>token requests</source>
        <translation>prośby żetonowe</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="540"/>
        <source>exchange wishes</source>
        <translation>prośby o wymianę</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="541"/>
        <source>groups wished for in exchanges</source>
        <translation>grupy docelowe wymian</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="542"/>
        <source>waiting lists</source>
        <translation>listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="543"/>
        <source>payments</source>
        <translation>należności</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="544"/>
        <source>message texts</source>
        <translation>treści komunikatów</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="545"/>
        <source>students&apos; actions</source>
        <translation>działania studentów</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="565"/>
        <source>Comparing %1</source>
        <translation>Porównywanie: %1</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="641"/>
        <source>Reading student actions from the portal</source>
        <translation>Odczytywanie działań studentów z portalu</translation>
    </message>
    <message>
        <location filename="../../desk/sync.py" line="101"/>
        <source>No pending request to withdraw.</source>
        <translation>Brak oczekującej prośby do wycofania.</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="55"/>
        <source>The desk&apos;s database refused the action: {detail}</source>
        <translation>Baza desk odrzuciła działanie: {detail}</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="170"/>
        <source>enrolled over the limit: %1</source>
        <translation>zapisano ponad limit: %1</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="172"/>
        <source>dismissed: %1</source>
        <translation>odrzucono: %1</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="183"/>
        <location filename="../../desk/sync_conflicts.py" line="228"/>
        <source>Say why the conflict is settled this way.</source>
        <translation>Podaj powód takiego rozstrzygnięcia konfliktu.</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="188"/>
        <source>That conflict no longer exists.</source>
        <translation>Ten konflikt już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="190"/>
        <location filename="../../desk/sync_conflicts.py" line="201"/>
        <source>The conflict was already settled.</source>
        <translation>Konflikt został już rozstrzygnięty.</translation>
    </message>
    <message>
        <location filename="../../desk/sync_conflicts.py" line="207"/>
        <source>Only a registration that did not fit can be enrolled over the limit.</source>
        <translation>Ponad limit można zapisać tylko rejestrację, która nie zmieściła się w limicie miejsc.</translation>
    </message>
    <message>
        <location filename="../../desk/sync_schedule.py" line="48"/>
        <source>“%1” is not a schedule entry: write e.g. “06:05 incremental” or “01:25 full”.</source>
        <translation>„%1” nie jest wpisem harmonogramu: wpisz np. „06:05 incremental” albo „01:25 full”.</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="61"/>
        <source>full</source>
        <translation>pełna</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="62"/>
        <source>incremental</source>
        <translation>przyrostowa</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="63"/>
        <source>one student</source>
        <translation>jeden student</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="69"/>
        <source>schedule</source>
        <translation>harmonogram</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="70"/>
        <source>at the desk</source>
        <translation>przez pracownika</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="71"/>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="77"/>
        <source>running</source>
        <translation>w toku</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="78"/>
        <source>succeeded</source>
        <translation>udana</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="79"/>
        <source>failed</source>
        <translation>nieudana</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="80"/>
        <source>cancelled</source>
        <translation>anulowana</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="87"/>
        <source>personal data</source>
        <translation>dane osobowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="88"/>
        <source>login accounts</source>
        <translation>konta logowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="89"/>
        <source>students (everything of one student)</source>
        <translation>studenci (wszystkie dane jednego studenta)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="90"/>
        <source>students&apos; programmes</source>
        <translation>kierunki studentów</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="91"/>
        <source>token types</source>
        <translation>typy żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="92"/>
        <source>registrations</source>
        <translation>rejestracje</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="93"/>
        <source>rounds</source>
        <translation>tury</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="94"/>
        <source>access rules</source>
        <translation>reguły dostępu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="95"/>
        <source>individual access grants</source>
        <translation>indywidualne uprawnienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="96"/>
        <source>class groups and limits</source>
        <translation>grupy zajęciowe i limity</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="97"/>
        <source>courses (their code and name on the groups)</source>
        <translation>przedmioty (ich kod i nazwa w grupach)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="98"/>
        <source>terms (their code on the groups and registrations)</source>
        <translation>cykle (ich kod w grupach i rejestracjach)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="99"/>
        <source>enrollments</source>
        <translation>zapisy</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="100"/>
        <source>token balances</source>
        <translation>stany żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="101"/>
        <source>token requests</source>
        <translation>prośby w rejestracjach żetonowych</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="102"/>
        <source>payments</source>
        <translation>należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="113"/>
        <source>register</source>
        <translation>zarejestrowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="114"/>
        <source>unregister</source>
        <translation>wyrejestrowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="115"/>
        <source>token request</source>
        <translation>prośba w rejestracji żetonowej</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="116"/>
        <source>token request to unregister</source>
        <translation>prośba o wyrejestrowanie w rejestracji żetonowej</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="117"/>
        <source>withdraw a token request</source>
        <translation>wycofanie prośby w rejestracji żetonowej</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="129"/>
        <source>sent %1, received %2, conflicts %3</source>
        <translation>wysłano: %1, odebrano: %2, konflikty: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="134"/>
        <source>Cancelled after %1 s; what went out so far stays sent: %2.</source>
        <translation>Anulowano po %1 s; to, co zostało już wysłane, pozostaje wysłane: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="137"/>
        <source>The sync failed: %1 (%2).</source>
        <translation>Synchronizacja nie powiodła się: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="141"/>
        <source>Full sync finished in %1 s: %2.</source>
        <translation>Pełna synchronizacja zakończona w %1 s: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="142"/>
        <source>Sync finished in %1 s: %2.</source>
        <translation>Synchronizacja zakończona w %1 s: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="143"/>
        <source>Sync of one student finished in %1 s: %2.</source>
        <translation>Synchronizacja jednego studenta zakończona w %1 s: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="149"/>
        <source>The portal matched the desk everywhere: no rows repaired.</source>
        <translation>Dane w portalu były wszędzie zgodne z programem desk: nie naprawiono żadnych wierszy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="154"/>
        <source>%1 rows repaired on the portal (%2).</source>
        <translation>Wiersze naprawione w portalu: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="162"/>
        <source>%1: %2 added, %3 changed, %4 removed</source>
        <translation>%1: dodano %2, zmieniono %3, usunięto %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="264"/>
        <source>Sync with the portal</source>
        <translation>Synchronizacja z portalem</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="269"/>
        <source>Last successful sync</source>
        <translation>Ostatnia udana synchronizacja</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="271"/>
        <source>Sync &amp;now</source>
        <translation>Synchronizuj &amp;teraz</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="273"/>
        <source>Sync now: send what is waiting and read student actions</source>
        <translation>Synchronizuj teraz: wyślij oczekujące zmiany i odczytaj działania studentów</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="274"/>
        <source>Sends every change waiting to go out and reads back what students did. Takes seconds; the portal stays open.</source>
        <translation>Wysyła wszystkie zmiany czekające na wysłanie i odczytuje, co zrobili studenci. Trwa kilka sekund; portal pozostaje dostępny.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="277"/>
        <source>F&amp;ull sync</source>
        <translation>Pełna synchronizac&amp;ja</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="406"/>
        <source>Enroll the students of the selected conflicts over the limit</source>
        <translation>Zapisz studentów z zaznaczonych konfliktów ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="407"/>
        <source>Enrolls the student in the group they asked for, over its limit (recorded as an override), and settles the conflict. Select several (Ctrl+A: all) to settle them at once.</source>
        <translation>Zapisuje studenta do grupy, o którą prosił, ponad jej limit (odnotowane jako przekroczenie) i rozstrzyga konflikt. Zaznacz kilka (Ctrl+A: wszystkie), aby rozstrzygnąć je razem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="413"/>
        <source>Dismiss the selected conflicts</source>
        <translation>Odrzuć zaznaczone konflikty</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="414"/>
        <source>Settles the conflict without changing anything; the student keeps what the desk has. Select several (Ctrl+A: all) to dismiss them at once.</source>
        <translation>Rozstrzyga konflikt bez żadnych zmian; student ma to, co jest w systemie. Zaznacz kilka (Ctrl+A: wszystkie), aby odrzucić je razem.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="279"/>
        <source>Full sync: compare every table and repair the portal</source>
        <translation>Pełna synchronizacja: porównaj wszystkie tabele i napraw dane w portalu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="103"/>
        <source>dedicated seats</source>
        <translation>miejsca dedykowane</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="104"/>
        <source>exchange wishes</source>
        <translation>prośby o wymianę</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="105"/>
        <source>waiting lists</source>
        <translation>listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="118"/>
        <source>exchange wish</source>
        <translation>prośba o wymianę</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="119"/>
        <source>withdraw an exchange wish</source>
        <translation>wycofanie prośby o wymianę</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="120"/>
        <source>join a waiting list</source>
        <translation>zapis na listę oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="121"/>
        <source>leave a waiting list</source>
        <translation>wypisanie z listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="280"/>
        <source>Compares every table the portal shows with the desk and repairs what differs, then sends and reads as a normal sync does.</source>
        <translation>Porównuje każdą tabelę wyświetlaną w portalu z danymi w programie desk i naprawia różnice, a następnie wysyła i odczytuje dane tak jak zwykła synchronizacja.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="283"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="285"/>
        <source>Refresh the sync overview</source>
        <translation>Odśwież przegląd synchronizacji</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="286"/>
        <source>Reads the runs, the queue and the conflicts again (F5).</source>
        <translation>Ponownie wczytuje uruchomienia, kolejkę i konflikty (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="304"/>
        <source>Sync progress</source>
        <translation>Postęp synchronizacji</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="306"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anuluj</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="308"/>
        <source>Cancel the running sync</source>
        <translation>Anuluj trwającą synchronizację</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="309"/>
        <source>Stops after the current batch; what was sent so far stays sent.</source>
        <translation>Zatrzymuje się po bieżącej partii; to, co zostało już wysłane, pozostaje wysłane.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="321"/>
        <source>Result of the last sync</source>
        <translation>Wynik ostatniej synchronizacji</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="328"/>
        <source>Waiting to go out</source>
        <translation>Czeka na wysłanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="330"/>
        <source>Changes waiting to go out to the portal</source>
        <translation>Zmiany czekające na wysłanie do portalu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="331"/>
        <source>Changes waiting to go out, by kind of record</source>
        <translation>Zmiany czekające na wysłanie według rodzaju rekordu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="332"/>
        <source>Kind of record</source>
        <translation>Rodzaj rekordu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="332"/>
        <source>Waiting</source>
        <translation>Oczekujące</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="332"/>
        <source>Oldest since</source>
        <translation>Najstarsza oczekuje od</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="336"/>
        <source>Changes waiting in total</source>
        <translation>Zmiany czekające łącznie</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="343"/>
        <source>Schedule</source>
        <translation>Harmonogram</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="345"/>
        <location filename="../../ui/views/sync_view.py" line="348"/>
        <source>Sync schedule</source>
        <translation>Harmonogram synchronizacji</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="351"/>
        <source>&amp;Save schedule</source>
        <translation>&amp;Zapisz harmonogram</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="353"/>
        <source>Save the sync schedule</source>
        <translation>Zapisz harmonogram synchronizacji</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="359"/>
        <source>Runs &amp;at:</source>
        <translation>&amp;Godziny uruchomienia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="371"/>
        <source>Times in %1, separated by commas: “06:05 incremental” sends what changed, “01:25 full” compares and repairs everything.</source>
        <translation>Godziny w strefie %1, rozdzielone przecinkami: „06:05 incremental” wysyła to, co się zmieniło, „01:25 full” porównuje i naprawia wszystko.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="374"/>
        <source>Times in %1. Only an administrator changes the schedule.</source>
        <translation>Godziny w strefie %1. Harmonogram może zmienić tylko administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="376"/>
        <source>Only an administrator changes the schedule.</source>
        <translation>Harmonogram może zmienić tylko administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="392"/>
        <location filename="../../ui/views/sync_view.py" line="398"/>
        <source>Open conflicts</source>
        <translation>Otwarte konflikty</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="394"/>
        <source>Open conflicts: student actions that no longer fit</source>
        <translation>Otwarte konflikty: działania studentów, które przestały pasować do stanu danych</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="399"/>
        <source>Detected</source>
        <translation>Wykryto</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="399"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="399"/>
        <location filename="../../ui/views/sync_view.py" line="433"/>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="399"/>
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="400"/>
        <source>Why it did not fit</source>
        <translation>Przyczyna konfliktu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="404"/>
        <source>Enroll over the &amp;limit…</source>
        <translation>Zapisz ponad &amp;limit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="411"/>
        <source>&amp;Dismiss…</source>
        <translation>Zamknij &amp;bez zmian…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="429"/>
        <source>Last runs</source>
        <translation>Ostatnie uruchomienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="431"/>
        <location filename="../../ui/views/sync_view.py" line="432"/>
        <source>Last sync runs</source>
        <translation>Ostatnie uruchomienia synchronizacji</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="433"/>
        <source>Started</source>
        <translation>Rozpoczęto</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="433"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="433"/>
        <source>Trigger</source>
        <translation>Sposób uruchomienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="433"/>
        <source>By</source>
        <translation>Uruchomił(a)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="433"/>
        <source>Sent</source>
        <translation>Wysłano</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="434"/>
        <source>Received</source>
        <translation>Odebrano</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="434"/>
        <source>Conflicts</source>
        <translation>Konflikty</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="434"/>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="434"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="455"/>
        <source>Open c&amp;onflicts</source>
        <translation>Otwarte &amp;konflikty</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="456"/>
        <source>&amp;Past runs</source>
        <translation>Poprzednie &amp;uruchomienia</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="514"/>
        <source>The sync overview cannot be read: %1</source>
        <translation>Nie można odczytać przeglądu synchronizacji: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="536"/>
        <source>No successful sync yet: the portal may not show anything of the desk.</source>
        <translation>Nie było jeszcze udanej synchronizacji: portal może nie pokazywać żadnych danych z programu desk.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="540"/>
        <source>just now</source>
        <translation>przed chwilą</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="542"/>
        <source>%1 min ago</source>
        <translation>%1 min temu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="544"/>
        <source>about %1 hours ago</source>
        <translation>około %1 godz. temu</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="545"/>
        <source>Last successful sync: %1 (%2)</source>
        <translation>Ostatnia udana synchronizacja: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="554"/>
        <source>the schedule</source>
        <translation>harmonogram</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="557"/>
        <source>interrupted</source>
        <translation>przerwana</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="569"/>
        <source>Finished %1</source>
        <translation>Zakończono %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="586"/>
        <source>Nothing is waiting: the portal has every change made at the desk.</source>
        <translation>Nic nie czeka na wysłanie: portal ma wszystkie zmiany wprowadzone w programie desk.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="590"/>
        <source>One change is waiting to go out to the portal.</source>
        <translation>Jedna zmiana czeka na wysłanie do portalu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sync_view.py" line="592"/>
        <source>%n changes are waiting to go out to the portal.</source>
        <translation>
            <numerusform>%n zmiana czeka na wysłanie do portalu.</numerusform>
            <numerusform>%n zmiany czekają na wysłanie do portalu.</numerusform>
            <numerusform>%n zmian czeka na wysłanie do portalu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="616"/>
        <source>No open conflicts: every student action read from the portal was applied.</source>
        <translation>Brak otwartych konfliktów: wszystkie działania studentów odczytane z portalu zostały zastosowane.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="620"/>
        <source>One student action no longer fitted when it was read. It is kept until a clerk settles it.</source>
        <translation>Jedno działanie studenta nie pasowało już do stanu danych w chwili odczytu. Jest przechowywane, dopóki pracownik go nie rozstrzygnie.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sync_view.py" line="622"/>
        <source>%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.</source>
        <translation>
            <numerusform>%n działanie studenta nie pasowało już do stanu danych w chwili odczytu. Jest przechowywane, dopóki pracownik go nie rozstrzygnie.</numerusform>
            <numerusform>%n działania studentów nie pasowały już do stanu danych w chwili odczytu. Każde jest przechowywane, dopóki pracownik go nie rozstrzygnie.</numerusform>
            <numerusform>%n działań studentów nie pasowało już do stanu danych w chwili odczytu. Każde jest przechowywane, dopóki pracownik go nie rozstrzygnie.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="640"/>
        <source>No runs are scheduled: the portal gets changes only when someone syncs.</source>
        <translation>Nie zaplanowano żadnych uruchomień: portal otrzymuje zmiany tylko wtedy, gdy ktoś uruchomi synchronizację.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="643"/>
        <source>Next scheduled run: tomorrow at %1 (%2)</source>
        <translation>Następne zaplanowane uruchomienie: jutro o %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="643"/>
        <source>Next scheduled run: today at %1 (%2)</source>
        <translation>Następne zaplanowane uruchomienie: dzisiaj o %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="64"/>
        <source>Enroll over the limit</source>
        <translation>Zapisz ponad limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="65"/>
        <source>%1 asked on the portal to %2, and the desk refused: “%3”. Enrolling over the limit records an override and settles the conflict.</source>
        <translation>Żądanie z portalu (%1: %2) zostało odrzucone przez program desk: „%3”. Zapisanie ponad limit zostanie odnotowane jako odstępstwo i rozstrzygnie konflikt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="68"/>
        <source>&amp;Enroll over the limit</source>
        <translation>Zapisz ponad l&amp;imit</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="69"/>
        <location filename="../../ui/views/conflict_settling.py" line="101"/>
        <source>e.g. decision of the vice-dean, the student must repeat the class</source>
        <translation>np. decyzja prodziekana, student musi powtórzyć zajęcia</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="71"/>
        <source>Dismiss the conflict</source>
        <translation>Zamknięcie konfliktu bez zmian</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="72"/>
        <source>%1 asked on the portal to %2, and the desk refused: “%3”. Dismissing changes nothing at the desk; the portal shows the student what the desk has.</source>
        <translation>Żądanie z portalu (%1: %2) zostało odrzucone przez program desk: „%3”. Zamknięcie konfliktu niczego nie zmienia w programie desk; portal pokaże studentowi stan zapisany w programie desk.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="75"/>
        <source>&amp;Dismiss the conflict</source>
        <translation>Zamknij &amp;konflikt bez zmian</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="76"/>
        <source>e.g. the student was told by e-mail, another group was offered</source>
        <translation>np. student został powiadomiony e-mailem, zaproponowano mu inną grupę</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="95"/>
        <source>Enroll over the limit — %n conflicts</source>
        <translation>
            <numerusform>Zapis ponad limit — %n konflikt</numerusform>
            <numerusform>Zapis ponad limit — %n konflikty</numerusform>
            <numerusform>Zapis ponad limit — %n konfliktów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="96"/>
        <source>Enroll the students of these %n conflicts in the groups they asked for, over the limits (each recorded as an override), and settle the conflicts:</source>
        <translation>
            <numerusform>Zapisz studenta z tego %n konfliktu do grupy, o którą prosił, ponad limit (odnotowane jako przekroczenie) i rozstrzygnij konflikt:</numerusform>
            <numerusform>Zapisz studentów z tych %n konfliktów do grup, o które prosili, ponad limity (każde odnotowane jako przekroczenie) i rozstrzygnij konflikty:</numerusform>
            <numerusform>Zapisz studentów z tych %n konfliktów do grup, o które prosili, ponad limity (każde odnotowane jako przekroczenie) i rozstrzygnij konflikty:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="99"/>
        <source>&amp;Enroll %n students over the limit</source>
        <translation>
            <numerusform>&amp;Zapisz %n studenta ponad limit</numerusform>
            <numerusform>&amp;Zapisz %n studentów ponad limit</numerusform>
            <numerusform>&amp;Zapisz %n studentów ponad limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="103"/>
        <source>Dismiss %n conflicts</source>
        <translation>
            <numerusform>Odrzuć %n konflikt</numerusform>
            <numerusform>Odrzuć %n konflikty</numerusform>
            <numerusform>Odrzuć %n konfliktów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="104"/>
        <source>Dismiss these %n conflicts? Dismissing changes nothing at the desk; the portal shows each student what the desk has.</source>
        <translation>
            <numerusform>Odrzucić ten %n konflikt? Odrzucenie niczego nie zmienia w systemie; portal pokaże studentowi to, co jest w systemie.</numerusform>
            <numerusform>Odrzucić te %n konflikty? Odrzucenie niczego nie zmienia w systemie; portal pokaże każdemu studentowi to, co jest w systemie.</numerusform>
            <numerusform>Odrzucić tych %n konfliktów? Odrzucenie niczego nie zmienia w systemie; portal pokaże każdemu studentowi to, co jest w systemie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="107"/>
        <source>&amp;Dismiss %n conflicts</source>
        <translation>
            <numerusform>&amp;Odrzuć %n konflikt</numerusform>
            <numerusform>&amp;Odrzuć %n konflikty</numerusform>
            <numerusform>&amp;Odrzuć %n konfliktów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/conflict_settling.py" line="108"/>
        <source>e.g. the students were told by e-mail, other groups were offered</source>
        <translation>np. studenci dostali e-mail, zaproponowano inne grupy</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="121"/>
        <source>%n conflicts settled by enrolling the students over the limit.</source>
        <translation>
            <numerusform>Rozstrzygnięto %n konflikt, zapisując studenta ponad limit.</numerusform>
            <numerusform>Rozstrzygnięto %n konflikty, zapisując studentów ponad limit.</numerusform>
            <numerusform>Rozstrzygnięto %n konfliktów, zapisując studentów ponad limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="124"/>
        <source>%n conflicts dismissed.</source>
        <translation>
            <numerusform>Odrzucono %n konflikt.</numerusform>
            <numerusform>Odrzucono %n konflikty.</numerusform>
            <numerusform>Odrzucono %n konfliktów.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="708"/>
        <source>Starting a full sync…</source>
        <translation>Rozpoczynanie pełnej synchronizacji…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="708"/>
        <source>Starting the sync…</source>
        <translation>Rozpoczynanie synchronizacji…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="737"/>
        <source>Cancelling after the current batch…</source>
        <translation>Anulowanie po bieżącej partii…</translation>
    </message>
</context>
<context>
    <name>TableTools</name>
    <message>
        <location filename="../../ui/tables.py" line="199"/>
        <source>&amp;Open the student</source>
        <translation>&amp;Otwórz studenta</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="201"/>
        <source>Copy the student &amp;number</source>
        <translation>Kopiuj &amp;numer albumu</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="201"/>
        <source>Copy the student &amp;numbers</source>
        <translation>Kopiuj &amp;numery albumów</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="204"/>
        <source>Copy the &amp;e-mail</source>
        <translation>Kopiuj &amp;e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="204"/>
        <source>Copy the &amp;e-mails</source>
        <translation>Kopiuj adresy &amp;e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="206"/>
        <source>&amp;Copy the selected rows</source>
        <translation>&amp;Kopiuj zaznaczone wiersze</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="216"/>
        <source>E&amp;xport to Excel…</source>
        <translation>E&amp;ksportuj do Excela…</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="280"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Skoroszyt Excela (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="345"/>
        <location filename="../../ui/tables.py" line="353"/>
        <source>Writing %1…</source>
        <translation>Zapisywanie %1…</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="346"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="365"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>Eksport anulowany: nic nie zapisano.</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="384"/>
        <source>Written: %1</source>
        <translation>Zapisano: %1</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="395"/>
        <source>%1 exists already: choose another name.</source>
        <translation>%1 już istnieje: wybierz inną nazwę.</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="416"/>
        <source>The file is written:
%1</source>
        <translation>Plik został zapisany:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="420"/>
        <source>&amp;Open the file</source>
        <translation>&amp;Otwórz plik</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="422"/>
        <source>Show in &amp;folder</source>
        <translation>Pokaż w &amp;folderze</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="465"/>
        <source>Data as of</source>
        <translation>Stan danych na</translation>
    </message>
    <message>
        <location filename="../../ui/tables.py" line="488"/>
        <source>Export to Excel</source>
        <translation>Eksport do Excela</translation>
    </message>
</context>
<context>
    <name>TermActions</name>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="398"/>
        <source>New &amp;term…</source>
        <translation>&amp;Nowy cykl…</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="399"/>
        <source>E&amp;dit term…</source>
        <translation>&amp;Edytuj cykl…</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="400"/>
        <source>Term&amp;s</source>
        <translation>C&amp;ykle</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="407"/>
        <source>Terms are added and corrected by administrators.</source>
        <translation>Cykle dodają i poprawiają administratorzy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="437"/>
        <source>Choose a term to edit in the Term list.</source>
        <translation>Wybierz cykl do edycji na liście „Cykl”.</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="245"/>
        <source>New term</source>
        <translation>Nowy cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="246"/>
        <source>A code is a four-digit year and Z (winter) or L (summer), e.g. 2026Z. Terms of the same kind do not overlap.</source>
        <translation>Kod to czterocyfrowy rok i Z (zimowy) lub L (letni), np. 2026Z. Cykle tego samego rodzaju nie nakładają się.</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="248"/>
        <source>&amp;Add term</source>
        <translation>Dodaj &amp;cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="250"/>
        <source>Edit term — %1</source>
        <translation>Edycja cyklu — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="251"/>
        <source>A term cannot end before the rounds of its registrations do.</source>
        <translation>Cykl nie może skończyć się przed końcem tur jego rejestracji.</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="251"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="253"/>
        <source>Term code</source>
        <translation>Kod cyklu</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="255"/>
        <source>Term name</source>
        <translation>Nazwa cyklu</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="257"/>
        <source>First day</source>
        <translation>Pierwszy dzień</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="259"/>
        <source>Last day</source>
        <translation>Ostatni dzień</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="260"/>
        <source>&amp;Code:</source>
        <translation>&amp;Kod:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="261"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="262"/>
        <source>&amp;First day:</source>
        <translation>Pierwszy &amp;dzień:</translation>
    </message>
    <message>
        <location filename="../../ui/views/teaching_dialogs.py" line="263"/>
        <source>&amp;Last day:</source>
        <translation>&amp;Ostatni dzień:</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <location filename="../../desk/group_records.py" line="391"/>
        <location filename="../../desk/terms.py" line="152"/>
        <location filename="../../desk/terms.py" line="209"/>
        <source>That term no longer exists.</source>
        <translation>Ten cykl już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="85"/>
        <source>Code: a four-digit year and Z (winter) or L (summer), e.g. 2026Z, not %1.</source>
        <translation>Kod: czterocyfrowy rok i Z (zimowy) lub L (letni), np. 2026Z, a nie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="87"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="91"/>
        <source>Start date</source>
        <translation>Data początku</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="91"/>
        <source>End date</source>
        <translation>Data końca</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="93"/>
        <source>%1: give a date.</source>
        <translation>%1: podaj datę.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="96"/>
        <source>%1: a date from %2 to %3.</source>
        <translation>%1: data od %2 do %3.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="100"/>
        <source>A term ends after it starts.</source>
        <translation>Cykl musi kończyć się po rozpoczęciu.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="111"/>
        <source>The term %1 already exists (“%2”).</source>
        <translation>Cykl %1 już istnieje („%2”).</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="120"/>
        <source>The dates overlap the term %1 (%2 – %3); terms of the same kind follow one another.</source>
        <translation>Daty nakładają się na cykl %1 (%2 – %3); cykle tego samego rodzaju następują po sobie.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="144"/>
        <source>Say why the term changes (it is kept with the change).</source>
        <translation>Podaj powód zmiany cyklu (zostanie zapisany razem ze zmianą).</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="147"/>
        <source>A term has no field %1.</source>
        <translation>Cykl nie ma pola %1.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="163"/>
        <source>The term cannot end before the round “%1” of the registration %2 ends (%3).</source>
        <translation>Cykl nie może skończyć się przed końcem tury „%1” rejestracji %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="171"/>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="184"/>
        <source>The term %1 already exists.</source>
        <translation>Cykl %1 już istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/terms.py" line="219"/>
        <source>There is no term %1.</source>
        <translation>Nie ma cyklu %1.</translation>
    </message>
</context>
<context>
    <name>TokenCorrectionView</name>
    <message>
        <location filename="../../ui/views/token_balances.py" line="74"/>
        <source>Find a student on the left.</source>
        <translation>Wyszukaj studenta po lewej stronie.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="82"/>
        <source>Token ledger</source>
        <translation>Historia operacji na żetonach</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="83"/>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="83"/>
        <source>When</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="83"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="83"/>
        <source>Entry</source>
        <translation>Operacja</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="84"/>
        <source>Amount</source>
        <translation>Liczba</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="84"/>
        <location filename="../../ui/views/token_balances.py" line="118"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="84"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="84"/>
        <source>By</source>
        <translation>Wprowadził</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="92"/>
        <source>&amp;Undo correction…</source>
        <translation>&amp;Cofnij korektę…</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="94"/>
        <source>Undo the selected correction</source>
        <translation>Cofnij wybraną korektę</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="98"/>
        <source>E&amp;xport the cohort&apos;s balances…</source>
        <translation>E&amp;ksportuj salda rocznika…</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="100"/>
        <source>Export the token balances of a cohort to Excel</source>
        <translation>Eksportuj salda żetonów rocznika do Excela</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="101"/>
        <source>Balances of every student of a programme and stage (the student&apos;s shown first), one column per token type; recorded in the history.</source>
        <translation>Salda wszystkich studentów kierunku i roku (domyślnie tych pokazanego studenta), kolumna na każdy rodzaj żetonu; zapisywane w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="109"/>
        <source>Token type</source>
        <translation>Typ żetonu</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="112"/>
        <source>Tokens to add or take away</source>
        <translation>Liczba żetonów do dodania lub odjęcia</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="119"/>
        <source>e.g. admitted mid-year, no allocation</source>
        <translation>np. przyjęty w trakcie roku, brak przydziału</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="122"/>
        <source>Document reference</source>
        <translation>Sygnatura dokumentu</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="123"/>
        <source>e.g. DZ.2026.123</source>
        <translation>np. DZ.2026.123</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="126"/>
        <location filename="../../ui/views/token_balances.py" line="376"/>
        <source>Reason for overriding the deadline</source>
        <translation>Powód korekty po terminie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="127"/>
        <location filename="../../ui/views/token_balances.py" line="377"/>
        <source>administrators only, after the deadline</source>
        <translation>tylko administratorzy, po terminie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="137"/>
        <source>&amp;Save correction</source>
        <translation>&amp;Zapisz korektę</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="139"/>
        <source>Save the correction</source>
        <translation>Zapisz korektę</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="141"/>
        <source>Correct the balance</source>
        <translation>Korekta stanu żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="144"/>
        <source>Token t&amp;ype:</source>
        <translation>&amp;Rodzaj żetonu:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="145"/>
        <source>&amp;Amount (+/−):</source>
        <translation>&amp;Liczba (+/−):</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="146"/>
        <source>&amp;Reason:</source>
        <translation>P&amp;owód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="147"/>
        <source>&amp;Document:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="148"/>
        <location filename="../../ui/views/token_balances.py" line="380"/>
        <source>&amp;Override reason:</source>
        <translation>Powód korekty po t&amp;erminie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="149"/>
        <source>Effect:</source>
        <translation>Skutek:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="231"/>
        <source>(reverses #%1)</source>
        <translation>(cofa wpis nr %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="233"/>
        <source>(reversed by #%1)</source>
        <translation>(cofnięty wpisem nr %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="259"/>
        <source>Choose how many tokens to add (+) or take away (−).</source>
        <translation>Wybierz, ile żetonów dodać (+) lub odjąć (−).</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="276"/>
        <source>Balance of %1: %2 → &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Stan %1: %2 → &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="279"/>
        <source>A balance cannot fall below zero.</source>
        <translation>Stan nie może spaść poniżej zera.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="282"/>
        <source>No registration with these tokens is coming: corrections are open.</source>
        <translation>Nie zbliża się żadna rejestracja z tymi żetonami: korekty są możliwe.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="286"/>
        <source>As an administrator you may override it, with a reason.</source>
        <translation>Jako administrator możesz dokonać korekty po terminie, podając powód.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="289"/>
        <source>Corrections allowed until %1 (registration %2 starts %3).</source>
        <translation>Korekty są możliwe do %1 (rejestracja %2 rozpoczyna się %3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="295"/>
        <source>Requests in the basket: %1 — free %2 → %3, paid %4 → %5, refused %6 → %7</source>
        <translation>Prośby w koszyku: %1 — bezpłatne %2 → %3, płatne %4 → %5, odrzucone %6 → %7</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="348"/>
        <source>Export token balances</source>
        <translation>Eksport sald żetonów</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="349"/>
        <source>tokens</source>
        <translation>zetony</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="367"/>
        <source>Undo correction #%1</source>
        <translation>Cofnięcie korekty nr %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="368"/>
        <source>A new entry of %1 reverses it; the original stays in the ledger.</source>
        <translation>Korekta zostanie cofnięta nowym wpisem o wartości %1; pierwotny wpis pozostanie w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_balances.py" line="369"/>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
</context>
<context>
    <name>TokenRoundView</name>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="58"/>
        <source>Token registration</source>
        <translation>Rejestracja żetonowa</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="69"/>
        <source>Requests per group</source>
        <translation>Prośby według grup</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="70"/>
        <location filename="../../ui/views/token_rounds.py" line="88"/>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="70"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="70"/>
        <source>Enrolled</source>
        <translation>Zapisani</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="70"/>
        <source>Waiting</source>
        <translation>Oczekujące</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="71"/>
        <source>Accepted</source>
        <translation>Przyjęte</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="71"/>
        <source>Refused</source>
        <translation>Odrzucone</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="80"/>
        <source>Requests with status</source>
        <translation>Prośby o statusie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="81"/>
        <source>every status</source>
        <translation>wszystkie statusy</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="87"/>
        <source>Requests in the order submitted</source>
        <translation>Prośby w kolejności złożenia</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="88"/>
        <source>Submitted</source>
        <translation>Złożono</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="88"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="88"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="89"/>
        <source>Request</source>
        <translation>Prośba</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="89"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="89"/>
        <source>Why</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="99"/>
        <source>&amp;Resolve now</source>
        <translation>Rozpatrz &amp;teraz</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="101"/>
        <source>Resolve the pending requests now</source>
        <translation>Rozpatrz teraz oczekujące prośby</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="102"/>
        <source>Carries out every pending request submitted so far, in the order submitted.</source>
        <translation>Realizuje wszystkie dotychczas złożone oczekujące prośby w kolejności ich złożenia.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="106"/>
        <source>&amp;Registration:</source>
        <translation>&amp;Rejestracja:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="123"/>
        <source>Requests, in the order submitted, &amp;with status:</source>
        <translation>Prośby w kolejności złożenia, o s&amp;tatusie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="162"/>
        <source>No token registrations.</source>
        <translation>Brak rejestracji żetonowych.</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="179"/>
        <source>register</source>
        <translation>zarejestrowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="179"/>
        <source>unregister</source>
        <translation>wyrejestrowanie</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="181"/>
        <source>will pay</source>
        <translation>zapłaci</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="191"/>
        <source>%1: %2 – %3, %4; micro-rounds of %5 min with %6 min breaks</source>
        <translation>%1: %2 – %3, %4; mikrotury po %5 min z przerwami po %6 min</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="198"/>
        <source>Next break, when requests are carried out: %1</source>
        <translation>Następna przerwa, w której prośby zostaną zrealizowane: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="201"/>
        <source>Waiting %1 · accepted %2 · refused %3 · refused permanently %4 · withdrawn %5</source>
        <translation>Oczekujące %1 · przyjęte %2 · odrzucone %3 · odrzucone trwale %4 · wycofane %5</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="234"/>
        <source>Carrying out the requests in the order submitted…</source>
        <translation>Realizowanie próśb w kolejności złożenia…</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="234"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location filename="../../ui/views/token_rounds.py" line="236"/>
        <location filename="../../ui/views/token_rounds.py" line="261"/>
        <source>Resolve now</source>
        <translation>Rozpatrz teraz</translation>
    </message>
</context>
<context>
    <name>TokenRounds</name>
    <message>
        <location filename="../../desk/token_rounds.py" line="73"/>
        <source>Registered; one {token} token spent.</source>
        <translation>Zarejestrowano; wykorzystano jeden żeton {token}.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="75"/>
        <source>Registered; a payment of {price} PLN is due.</source>
        <translation>Zarejestrowano; naliczono opłatę {price} zł.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="77"/>
        <source>Unregistered; the token refunded or the payment cancelled.</source>
        <translation>Wyrejestrowano; żeton zwrócono albo opłatę anulowano.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="79"/>
        <source>Withdrawn by the student.</source>
        <translation>Wycofana przez studenta.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="82"/>
        <source>token registration request {request}</source>
        <translation>prośba o rejestrację żetonową {request}</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="84"/>
        <source>unregistered (request {request})</source>
        <translation>wyrejestrowanie (prośba {request})</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="155"/>
        <location filename="../../desk/token_rounds.py" line="660"/>
        <source>That is not a token registration.</source>
        <translation>To nie jest rejestracja żetonowa.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="158"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="204"/>
        <source>The request is no longer pending.</source>
        <translation>Prośba nie oczekuje już na rozpatrzenie.</translation>
    </message>
    <message>
        <location filename="../../desk/token_rounds.py" line="474"/>
        <location filename="../../desk/token_rounds.py" line="486"/>
        <source>A group changed during resolution; run it again.</source>
        <translation>Grupa zmieniła się w trakcie rozstrzygania; uruchom je ponownie.</translation>
    </message>
</context>
<context>
    <name>Tokens</name>
    <message>
        <location filename="../../desk/tokens.py" line="207"/>
        <source>Corrections closed on %1: the registration %2 starts on %3, and balances may be corrected no later than 7 days before it.</source>
        <translation>Korekty zamknięto %1: rejestracja %2 rozpoczyna się %3, a stan żetonów można korygować najpóźniej 7 dni przed jej rozpoczęciem.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="293"/>
        <source>The student does not study in any of your units.</source>
        <translation>Student nie studiuje w żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="323"/>
        <source>That token type no longer exists.</source>
        <translation>Ten typ żetonu już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="353"/>
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="405"/>
        <source>Only an administrator may override the deadline.</source>
        <translation>Tylko administrator może dokonać korekty po terminie.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="423"/>
        <source>Say why the balance is corrected (e.g. admitted mid-year).</source>
        <translation>Podaj powód korekty stanu żetonów (np. przyjęcie w trakcie roku).</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="425"/>
        <source>A correction adds or takes away at least one token.</source>
        <translation>Korekta musi dodawać lub odejmować co najmniej jeden żeton.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="444"/>
        <source>The balance of %1 would fall below zero (it is %2).</source>
        <translation>Stan %1 spadłby poniżej zera (obecnie wynosi %2).</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="462"/>
        <source>The balance of %1 would pass %2 tokens (it is %3).</source>
        <translation>Saldo %1 przekroczyłoby %2 żetonów (wynosi %3).</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="479"/>
        <source>The balance of %1 students would pass %2 tokens; nothing was allocated.</source>
        <translation>Saldo %1 studentów przekroczyłoby %2 żetonów; niczego nie przydzielono.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="490"/>
        <source>This key was already used for another correction, so this one was not recorded. Record it with a new key (a new form).</source>
        <translation>Ten klucz został już użyty do innej korekty, więc tej nie zapisano. Zapisz ją z nowym kluczem (w nowym formularzu).</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="524"/>
        <source>Say why the correction is undone.</source>
        <translation>Podaj powód cofnięcia korekty.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="533"/>
        <source>That ledger entry no longer exists.</source>
        <translation>Ten wpis w historii żetonów już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="536"/>
        <source>This correction was already undone.</source>
        <translation>Ta korekta została już cofnięta.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="538"/>
        <source>Only a correction can be undone here.</source>
        <translation>Tutaj można cofnąć tylko korektę.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="544"/>
        <source>Undoing it would leave a negative balance (it is %1); the tokens were used.</source>
        <translation>Cofnięcie spowodowałoby ujemny stan (obecnie %1); żetony zostały już wykorzystane.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="594"/>
        <location filename="../../desk/tokens.py" line="676"/>
        <location filename="../../desk/tokens.py" line="708"/>
        <source>An allocation gives at least one token.</source>
        <translation>Przydział musi obejmować co najmniej jeden żeton.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="54"/>
        <source>automatic allocation by rule</source>
        <translation>automatyczny przydział według reguły</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="674"/>
        <location filename="../../desk/tokens.py" line="706"/>
        <source>Say why the tokens are allocated.</source>
        <translation>Podaj powód przydziału żetonów.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="685"/>
        <source>That programme no longer exists.</source>
        <translation>Ten kierunek już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="725"/>
        <source>%1 of these students do not study in your units.</source>
        <translation>%1 z tych studentów nie studiuje w Twoich jednostkach.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="756"/>
        <source>A token type code is 1 to 10 letters or digits, e.g. JO.</source>
        <translation>Kod typu żetonu składa się z 1–10 liter lub cyfr, np. JO.</translation>
    </message>
    <message>
        <location filename="../../desk/tokens.py" line="758"/>
        <source>A token type needs a name.</source>
        <translation>Typ żetonu musi mieć nazwę.</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../desk/undo.py" line="73"/>
        <source>The change set cannot be undone:</source>
        <translation>Nie można cofnąć zestawu zmian:</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="84"/>
        <source>There is no change set %1.</source>
        <translation>Nie ma zestawu zmian %1.</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="86"/>
        <source>A change set of this kind cannot be undone.</source>
        <translation>Zestawu zmian tego rodzaju nie można cofnąć.</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="149"/>
        <source>An enrollment of the change set no longer exists.</source>
        <translation>Zapis z tego zestawu zmian już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="154"/>
        <source>Student %1 was enrolled, moved or unenrolled since.</source>
        <translation>Student %1 został od tego czasu zapisany, przeniesiony lub wypisany.</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="156"/>
        <source>Student %1 has wished since to exchange the group the change set gave them.</source>
        <translation>Student %1 zgłosił od tego czasu prośbę o wymianę grupy otrzymanej w tym zestawie zmian.</translation>
    </message>
    <message>
        <location filename="../../desk/undo.py" line="176"/>
        <source>Student %1&apos;s former group has no seat free now.</source>
        <translation>Dawna grupa studenta %1 nie ma teraz wolnego miejsca.</translation>
    </message>
</context>
<context>
    <name>UnenrollDialog</name>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="256"/>
        <source>Unenroll — %1</source>
        <translation>Wypisanie z grupy — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="257"/>
        <source>Take %1 %2 (%3) out of %4? The place is free again at once.</source>
        <translation>Wypisać z grupy %4: %1 %2 (%3)? Miejsce od razu stanie się wolne.</translation>
    </message>
    <message>
        <location filename="../../ui/views/group_dialogs.py" line="260"/>
        <source>&amp;Unenroll</source>
        <translation>&amp;Wypisz</translation>
    </message>
</context>
<context>
    <name>UnenrollManyDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="188"/>
        <source>Unenroll %n students</source>
        <translation>
            <numerusform>Wypisz %n studenta</numerusform>
            <numerusform>Wypisz %n studentów</numerusform>
            <numerusform>Wypisz %n studentów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="189"/>
        <source>Take these %n students out of %1? Their places are free again at once.</source>
        <translation>
            <numerusform>Wypisać tego %n studenta z %1? Jego miejsce od razu się zwolni.</numerusform>
            <numerusform>Wypisać tych %n studentów z %1? Ich miejsca od razu się zwolnią.</numerusform>
            <numerusform>Wypisać tych %n studentów z %1? Ich miejsca od razu się zwolnią.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="191"/>
        <source>&amp;Unenroll %n students</source>
        <translation>
            <numerusform>&amp;Wypisz %n studenta</numerusform>
            <numerusform>&amp;Wypisz %n studentów</numerusform>
            <numerusform>&amp;Wypisz %n studentów</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="56"/>
        <source>Find a unit</source>
        <translation>Znajdź jednostkę</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="57"/>
        <source>Find a unit by code or name</source>
        <translation>Znajdź jednostkę po kodzie lub nazwie</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="61"/>
        <source>Units the clerk acts for</source>
        <translation>Jednostki, w imieniu których działa pracownik</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="73"/>
        <source>Units ticked</source>
        <translation>Zaznaczone jednostki</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="92"/>
        <source>Ticked: %1</source>
        <translation>Zaznaczone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/staff_admin.py" line="92"/>
        <source>No unit ticked.</source>
        <translation>Nie zaznaczono jednostki.</translation>
    </message>
</context>
<context>
    <name>UnlinkLoginDialog</name>
    <message>
        <location filename="../../ui/views/accounts.py" line="168"/>
        <source>Unlink a login</source>
        <translation>Odłącz login</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="169"/>
        <source>After the sync the portal has no person for this login: whoever logs in with it sees “You are logged in, but you do not have an account in USOSweb”.</source>
        <translation>Po synchronizacji portal nie będzie miał osoby przypisanej do tego loginu: kto się nim zaloguje, zobaczy komunikat „Jesteś zalogowany, ale nie masz konta w USOSweb”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="171"/>
        <location filename="../../ui/views/accounts.py" line="202"/>
        <source>&amp;Unlink</source>
        <translation>&amp;Odłącz</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="172"/>
        <source>e.g. linked to the wrong person</source>
        <translation>np. powiązanie z niewłaściwą osobą</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="175"/>
        <source>Login to unlink</source>
        <translation>Login do odłączenia</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="178"/>
        <source>(not linked)</source>
        <translation>(niepowiązany)</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="182"/>
        <source>Also &amp;delete the login (an address made by mistake)</source>
        <translation>Usuń &amp;także login (adres utworzony przez pomyłkę)</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="184"/>
        <source>Also delete the login</source>
        <translation>Usuń także login</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="185"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="202"/>
        <source>&amp;Delete</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="207"/>
        <source>There is no login to unlink.</source>
        <translation>Brak loginu do odłączenia.</translation>
    </message>
</context>
<context>
    <name>WaitingListDialog</name>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="71"/>
        <source>Waiting list — %1</source>
        <translation>Lista oczekujących — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="77"/>
        <source>Students waiting for a seat, in order</source>
        <translation>Studenci czekający na miejsce, po kolei</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="78"/>
        <source>Place</source>
        <translation>Miejsce</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="78"/>
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="78"/>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="78"/>
        <source>Since</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="79"/>
        <source>Joined</source>
        <translation>Zapisany</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="79"/>
        <source>Passed over because</source>
        <translation>Pominięty, bo</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="82"/>
        <source>&amp;Add a student…</source>
        <translation>&amp;Dodaj studenta…</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="83"/>
        <source>Put a student on the waiting list</source>
        <translation>Dopisz studenta do listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="84"/>
        <source>Move &amp;up…</source>
        <translation>Przesuń &amp;wyżej…</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="85"/>
        <source>Move the chosen student one place up</source>
        <translation>Przesuń wybranego studenta o miejsce wyżej</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="86"/>
        <source>One place up, with a reason (Alt+Up in the list)</source>
        <translation>O miejsce wyżej, z powodem (Alt+↑ na liście)</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="87"/>
        <source>Move &amp;down…</source>
        <translation>Przesuń &amp;niżej…</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="88"/>
        <source>Move the chosen student one place down</source>
        <translation>Przesuń wybranego studenta o miejsce niżej</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="89"/>
        <source>One place down, with a reason (Alt+Down in the list)</source>
        <translation>O miejsce niżej, z powodem (Alt+↓ na liście)</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="90"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Usuń…</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="91"/>
        <source>Take the chosen student off the waiting list</source>
        <translation>Usuń wybranego studenta z listy oczekujących</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="92"/>
        <source>Take the chosen student off the list, with a reason (Delete)</source>
        <translation>Usuń wybranego studenta z listy, z powodem (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="95"/>
        <source>A group&apos;s waiting list is changed by the unit it belongs to.</source>
        <translation>Listę oczekujących zmienia jednostka, do której należy grupa.</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="117"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/waiting_list_dialog.py" line="182"/>
        <source>%n students waiting.</source>
        <translation>
            <numerusform>Czeka %n student.</numerusform>
            <numerusform>Czeka %n studentów.</numerusform>
            <numerusform>Czeka %n studentów.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="183"/>
        <source>Limit %1 · %2 enrolled · free for everyone: %3. A freed seat goes by itself to the first student on the list the rules let take it.</source>
        <translation>Limit %1 · zapisanych %2 · wolne dla wszystkich: %3. Zwolnione miejsce samo trafia do pierwszego studenta z listy, któremu zasady pozwalają je zająć.</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="187"/>
        <location filename="../../ui/views/waiting_list_dialog.py" line="219"/>
        <source>No registration offering the course keeps waiting lists.</source>
        <translation>Żadna rejestracja oferująca przedmiot nie prowadzi list oczekujących.</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="195"/>
        <source>on the portal</source>
        <translation>w portalu</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="195"/>
        <source>by a clerk</source>
        <translation>przez pracownika</translation>
    </message>
    <message>
        <location filename="../../ui/views/waiting_list_dialog.py" line="221"/>
        <source>Put a student at the end of the list</source>
        <translation>Dopisz studenta na koniec listy</translation>
    </message>
</context>
<context>
    <name>WaitingLists</name>
    <message>
        <location filename="../../desk/waiting_lists.py" line="49"/>
        <source>Waiting for a seat.</source>
        <translation>Czeka na miejsce.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="50"/>
        <source>Enrolled when a seat freed.</source>
        <translation>Zapisany, gdy zwolniło się miejsce.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="51"/>
        <source>Removed from the list.</source>
        <translation>Usunięty z listy.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="82"/>
        <source>That registration no longer exists.</source>
        <translation>Ta rejestracja już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="84"/>
        <source>The registration %1 keeps no waiting lists.</source>
        <translation>Rejestracja %1 nie prowadzi list oczekujących.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="102"/>
        <location filename="../../desk/waiting_lists.py" line="320"/>
        <source>That class group no longer exists.</source>
        <translation>Ta grupa zajęciowa już nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="108"/>
        <source>The group has a seat for the student: register them instead.</source>
        <translation>Grupa ma miejsce dla studenta: zapisz go zamiast tego.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="114"/>
        <source>The student is on this group&apos;s waiting list already.</source>
        <translation>Student jest już na liście oczekujących tej grupy.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="236"/>
        <source>The student is no longer on that waiting list.</source>
        <translation>Studenta nie ma już na tej liście oczekujących.</translation>
    </message>
    <message>
        <location filename="../../desk/waiting_lists.py" line="264"/>
        <source>A place on this list is from 1 to %1.</source>
        <translation>Miejsce na tej liście to liczba od 1 do %1.</translation>
    </message>
</context>
</TS>
