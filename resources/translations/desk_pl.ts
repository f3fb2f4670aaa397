<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl_PL">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="47" />
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="47" />
        <source>Something went wrong that desk did not expect. Nothing you saved is lost; the last action may not have been completed. Please tell your administrator.</source>
        <translation>Wystąpił nieoczekiwany błąd. Nic, co zostało zapisane, nie przepadło; ostatnia czynność mogła nie zostać wykonana. Prosimy powiadomić administratora.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="57" />
        <source>The database cannot be opened</source>
        <translation>Nie można otworzyć bazy danych</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="61" />
        <source>Open another database file…</source>
        <translation>Otwórz inny plik bazy danych…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="62" />
        <source>Connect to a server…</source>
        <translation>Połącz z serwerem…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="63" />
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="104" />
        <source>Creating the demo database (a university with %1 students)…</source>
        <translation>Tworzenie demonstracyjnej bazy danych (uczelnia z %1 studentami)…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="133" />
        <source>Open or create a database file</source>
        <translation>Otwórz lub utwórz plik bazy danych</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="134" />
        <source>desk databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bazy danych desk (*.sqlite *.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142" />
        <source>Connect to a server</source>
        <translation>Połączenie z serwerem</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="143" />
        <source>Database address, e.g. postgresql://user:password@server/desk</source>
        <translation>Adres bazy danych, np. postgresql://użytkownik:hasło@serwer/desk</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="167" />
        <source>Change password</source>
        <translation>Zmiana hasła</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="168" />
        <source>Current password</source>
        <translation>Obecne hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="169" />
        <source>New password</source>
        <translation>Nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="170" />
        <source>Repeat the new password</source>
        <translation>Powtórz nowe hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="172" />
        <source>&amp;Current password:</source>
        <translation>&amp;Obecne hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="173" />
        <source>&amp;New password:</source>
        <translation>&amp;Nowe hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="174" />
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="182" />
        <source>The new passwords differ.</source>
        <translation>Nowe hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../desk/db.py" line="54" />
        <source>This is not a database address: %1</source>
        <translation>To nie jest adres bazy danych: %1</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="222" />
        <location filename="../../desk/db.py" line="278" />
        <source>The file %1 is not a desk database (or it is damaged).</source>
        <translation>Plik %1 nie jest bazą danych desk (albo jest uszkodzony).</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="224" />
        <source>The database %1 is locked by another program. Close it there, or wait, and try again.</source>
        <translation>Baza danych %1 jest zablokowana przez inny program. Zamknij ją tam albo zaczekaj i spróbuj ponownie.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="229" />
        <location filename="../../desk/db.py" line="284" />
        <source>The database %1 is read-only. Ask your administrator for write access to the file and its folder.</source>
        <translation>Baza danych %1 jest tylko do odczytu. Poproś administratora o prawo zapisu do pliku i jego folderu.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="234" />
        <source>The database %1 cannot be opened: the folder does not exist or cannot be written to.</source>
        <translation>Nie można otworzyć bazy danych %1: folder nie istnieje albo nie można w nim zapisywać.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="239" />
        <location filename="../../desk/db.py" line="261" />
        <source>The database %1 cannot be opened.</source>
        <translation>Nie można otworzyć bazy danych %1.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="244" />
        <source>The database server %1 refused the sign-in. Check the user name and password in the database address.</source>
        <translation>Serwer bazy danych %1 odmówił zalogowania. Sprawdź nazwę użytkownika i hasło w adresie bazy.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="249" />
        <source>The database %1 does not exist on the server.</source>
        <translation>Baza danych %1 nie istnieje na serwerze.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="251" />
        <source>The database server %1 does not answer. It may be down, or the network is unavailable.</source>
        <translation>Serwer bazy danych %1 nie odpowiada. Może być wyłączony albo sieć jest niedostępna.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="256" />
        <source>The database %1 does not allow this user to change its structure. Ask your administrator.</source>
        <translation>Baza danych %1 nie pozwala temu użytkownikowi zmieniać swojej struktury. Poproś administratora.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="272" />
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 to folder, a nie plik bazy danych.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="291" />
        <source>There is no database at %1.</source>
        <translation>Nie ma bazy danych w %1.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="321" />
        <source>The database %1 was made by a newer version of desk. Install the newer version to open it.</source>
        <translation>Baza danych %1 została utworzona przez nowszą wersję desk. Zainstaluj nowszą wersję, aby ją otworzyć.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="331" />
        <source>The database %1 holds tables of another program; desk will not change it.</source>
        <translation>Baza danych %1 zawiera tabele innego programu; desk jej nie zmieni.</translation>
    </message>
    <message>
        <location filename="../../desk/db.py" line="341" />
        <source>The database %1 needs an upgrade. Run: desk db upgrade</source>
        <translation>Baza danych %1 wymaga aktualizacji. Uruchom: desk db upgrade</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="125" />
        <source>New database — first administrator</source>
        <translation>Nowa baza danych — pierwszy administrator</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="127" />
        <source>This database has no staff accounts yet. Create the administrator's account; the administrator then adds the other staff.</source>
        <translation>Ta baza danych nie ma jeszcze kont pracowników. Utwórz konto administratora; administrator doda potem pozostałych pracowników.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="132" />
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="133" />
        <source>Full name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="134" />
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="135" />
        <source>Repeat the password</source>
        <translation>Powtórz hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="137" />
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="138" />
        <source>&amp;Full name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="139" />
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="140" />
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="150" />
        <source>The passwords differ.</source>
        <translation>Hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="15" />
        <source>active</source>
        <translation>aktywny</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16" />
        <source>on leave</source>
        <translation>urlop</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17" />
        <source>suspended</source>
        <translation>zawieszony</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18" />
        <source>removed</source>
        <translation>skreślony</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19" />
        <source>graduated</source>
        <translation>absolwent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36" />
        <source>first cycle</source>
        <translation>I stopień</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37" />
        <source>second cycle</source>
        <translation>II stopień</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38" />
        <source>long cycle</source>
        <translation>jednolite magisterskie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>doctoral</source>
        <translation>doktoranckie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <source>full-time</source>
        <translation>stacjonarne</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46" />
        <source>part-time</source>
        <translation>niestacjonarne</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53" />
        <source>lecture</source>
        <translation>wykład</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54" />
        <source>class</source>
        <translation>ćwiczenia</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55" />
        <source>lab</source>
        <translation>laboratorium</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56" />
        <source>seminar</source>
        <translation>seminarium</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57" />
        <source>language class</source>
        <translation>lektorat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58" />
        <source>PE</source>
        <translation>WF</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64" />
        <source>student</source>
        <translation>student</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65" />
        <source>PhD student</source>
        <translation>doktorant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66" />
        <source>staff</source>
        <translation>pracownik</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72" />
        <source>accepted</source>
        <translation>przyjęty</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73" />
        <location filename="../../ui/labels.py" line="81" />
        <source>cancelled</source>
        <translation>anulowany</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79" />
        <source>due</source>
        <translation>do zapłaty</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80" />
        <source>paid</source>
        <translation>zapłacona</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>desk — %1</source>
        <translation>desk — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>desk — course registration</source>
        <translation>desk — rejestracja na zajęcia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42" />
        <source>Views</source>
        <translation>Widoki</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="49" />
        <source>Students</source>
        <translation>Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>SQLite file</source>
        <translation>Plik SQLite</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>PostgreSQL server</source>
        <translation>Serwer PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <source>data as of %1</source>
        <translation>dane z godz. %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Change &amp;password…</source>
        <translation>Zmień &amp;hasło…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>Sign &amp;out</source>
        <translation>&amp;Wyloguj</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>&amp;Students</source>
        <translation>&amp;Studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>&amp;Find student</source>
        <translation>&amp;Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>&amp;About desk</source>
        <translation>&amp;O programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>find a student</source>
        <translation>znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140" />
        <source>move between the search field and the results</source>
        <translation>przejście między polem wyszukiwania a wynikami</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>open the selected student's card</source>
        <translation>otwórz kartę wybranego studenta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>back to the search field; close a card</source>
        <translation>powrót do pola wyszukiwania; zamknięcie karty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>refresh a card</source>
        <translation>odśwież kartę</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>students</source>
        <translation>studenci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145" />
        <source>quit</source>
        <translation>zakończ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>About desk</source>
        <translation>O programie desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>&lt;b&gt;desk&lt;/b&gt; %1 — the back office for course registration.&lt;br&gt;Database: %2&lt;br&gt;Qt %3</source>
        <translation>&lt;b&gt;desk&lt;/b&gt; %1 — obsługa rejestracji na zajęcia w dziekanacie.&lt;br&gt;Baza danych: %2&lt;br&gt;Qt %3</translation>
    </message>
</context>
<context>
    <name>PersonEditDialog</name>
    <message>
        <location filename="../../ui/views/student_card.py" line="63" />
        <source>Edit personal data — %1</source>
        <translation>Zmiana danych osobowych — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="64" />
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="65" />
        <source>Middle name</source>
        <translation>Drugie imię</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="66" />
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="68" />
        <source>Birth date</source>
        <translation>Data urodzenia</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="70" />
        <source>YYYY-MM-DD</source>
        <translation>RRRR-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="71" />
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="75" />
        <source>unchanged (%1)</source>
        <translation>bez zmian (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="76" />
        <source>Private e-mail</source>
        <translation>Prywatny e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="77" />
        <source>Reason for the change</source>
        <translation>Powód zmiany</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="78" />
        <source>e.g. change of surname after marriage, certificate no. …</source>
        <translation>np. zmiana nazwiska po ślubie, odpis aktu nr …</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="83" />
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="87" />
        <source>&amp;First name:</source>
        <translation>&amp;Imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="88" />
        <source>&amp;Middle name:</source>
        <translation>&amp;Drugie imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="89" />
        <source>&amp;Surname:</source>
        <translation>&amp;Nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="90" />
        <source>&amp;Birth date:</source>
        <translation>Data &amp;urodzenia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="91" />
        <source>&amp;PESEL:</source>
        <translation>&amp;PESEL:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="92" />
        <source>Private &amp;e-mail:</source>
        <translation>Prywatny &amp;e-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="93" />
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="115" />
        <source>The birth date must be written as YYYY-MM-DD, e.g. 2004-05-17.</source>
        <translation>Datę urodzenia należy wpisać jako RRRR-MM-DD, np. 2004-05-17.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="145" />
        <source>Not saved: %1</source>
        <translation>Nie zapisano: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="15" />
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="19" />
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="20" />
        <source>As the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="27" />
        <source>A new language applies when the application is opened again.</source>
        <translation>Nowy język zacznie obowiązywać po ponownym uruchomieniu programu.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="31" />
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="32" />
        <source>Times shown in:</source>
        <translation>Czas pokazywany w strefie:</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/sign_in.py" line="26" />
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="53" />
        <source>Failed: %1</source>
        <translation>Nie powiodło się: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="67" />
        <source>Sign in — desk</source>
        <translation>Logowanie — desk</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="68" />
        <source>Course registration back office</source>
        <translation>Obsługa rejestracji na zajęcia</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="70" />
        <source>Database: %1</source>
        <translation>Baza danych: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="74" />
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="75" />
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="77" />
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="78" />
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="85" />
        <source>Demo database: sign in as &lt;b&gt;admin&lt;/b&gt; (administrator), &lt;b&gt;dziekanat&lt;/b&gt; (dean's office clerk) or &lt;b&gt;cos&lt;/b&gt; (Student Service Center), password &lt;b&gt;demo1234&lt;/b&gt;.</source>
        <translation>Baza demonstracyjna: zaloguj się jako &lt;b&gt;admin&lt;/b&gt; (administrator), &lt;b&gt;dziekanat&lt;/b&gt; (pracownik dziekanatu) lub &lt;b&gt;cos&lt;/b&gt; (Centrum Obsługi Studenta), hasło &lt;b&gt;demo1234&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="97" />
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="104" />
        <source>Type your login.</source>
        <translation>Wpisz swój login.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../../desk/staff.py" line="97" />
        <source>Your role (%1) does not allow this: %2.</source>
        <translation>Twoja rola (%1) nie pozwala na to: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="105" />
        <source>dean's office clerk</source>
        <translation>pracownik dziekanatu</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="106" />
        <source>Student Service Center</source>
        <translation>Centrum Obsługi Studenta</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="107" />
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="113" />
        <source>look up students</source>
        <translation>wyszukiwanie studentów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="114" />
        <source>see personal data</source>
        <translation>wgląd w dane osobowe</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="115" />
        <source>change students' records</source>
        <translation>zmiana danych studentów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="116" />
        <source>manage registrations</source>
        <translation>zarządzanie rejestracjami</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="117" />
        <source>grant access to registrations</source>
        <translation>nadawanie uprawnień do rejestracji</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="118" />
        <source>manage class groups</source>
        <translation>zarządzanie grupami zajęciowymi</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="119" />
        <source>correct token balances</source>
        <translation>korekta stanu żetonów</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="120" />
        <source>override the token correction deadline</source>
        <translation>korekta żetonów po terminie</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="121" />
        <source>link login accounts</source>
        <translation>powiązanie kont logowania</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="122" />
        <source>run the sync</source>
        <translation>uruchamianie synchronizacji</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="123" />
        <source>manage staff accounts</source>
        <translation>zarządzanie kontami pracowników</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="124" />
        <source>administer the system</source>
        <translation>administrowanie systemem</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="131" />
        <source>A password needs at least %1 characters.</source>
        <translation>Hasło musi mieć co najmniej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="158" />
        <source>Wrong login or password.</source>
        <translation>Błędny login lub hasło.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="168" />
        <source>Too many failed attempts. Try again in %1 s.</source>
        <translation>Zbyt wiele nieudanych prób. Spróbuj ponownie za %1 s.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="180" />
        <source>This staff account is disabled. Ask an administrator.</source>
        <translation>To konto pracownika jest wyłączone. Zwróć się do administratora.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="197" />
        <source>There is no active staff account %1.</source>
        <translation>Nie ma aktywnego konta pracownika %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="216" />
        <source>A staff account needs a login and a full name.</source>
        <translation>Konto pracownika wymaga loginu oraz imienia i nazwiska.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="218" />
        <source>The login %1 is already taken.</source>
        <translation>Login %1 jest już zajęty.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="223" />
        <source>There is no unit with the code %1.</source>
        <translation>Nie ma jednostki o kodzie %1.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="226" />
        <source>A dean's office clerk acts for at least one unit.</source>
        <translation>Pracownik dziekanatu musi być przypisany do co najmniej jednej jednostki.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="251" />
        <source>This database already has staff accounts; an administrator adds new ones.</source>
        <translation>Ta baza danych ma już konta pracowników; nowe dodaje administrator.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="261" />
        <source>first administrator</source>
        <translation>pierwszy administrator</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="298" />
        <source>The current password is wrong.</source>
        <translation>Obecne hasło jest błędne.</translation>
    </message>
    <message>
        <location filename="../../desk/staff.py" line="306" />
        <source>password changed by its owner</source>
        <translation>hasło zmienione przez właściciela</translation>
    </message>
</context>
<context>
    <name>StudentCardWindow</name>
    <message>
        <location filename="../../ui/views/student_card.py" line="161" />
        <source>Student card</source>
        <translation>Karta studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="164" />
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="170" />
        <source>Show &amp;PESEL</source>
        <translation>Pokaż &amp;PESEL</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="172" />
        <source>Show PESEL (recorded in the history)</source>
        <translation>Pokaż PESEL (zapisywane w historii)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="173" />
        <source>Shows the full PESEL. Every look is recorded in the history.</source>
        <translation>Pokazuje pełny numer PESEL. Każde wyświetlenie jest zapisywane w historii.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="175" />
        <source>&amp;Edit personal data…</source>
        <translation>&amp;Zmień dane osobowe…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="177" />
        <source>Edit personal data</source>
        <translation>Zmień dane osobowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="179" />
        <source>&amp;Refresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="181" />
        <source>Refresh the card</source>
        <translation>Odśwież kartę</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="183" />
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="185" />
        <source>Close the card</source>
        <translation>Zamknij kartę</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="222" />
        <source>The card cannot be shown</source>
        <translation>Nie można wyświetlić karty</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="229" />
        <source>%1 — student %2</source>
        <translation>%1 — student %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="232" />
        <source>Student no. %1</source>
        <translation>Nr albumu %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="234" />
        <source>also: %1</source>
        <translation>także: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="243" />
        <source>Only a dean's office clerk of the student's unit may change these data.</source>
        <translation>Te dane może zmienić tylko pracownik dziekanatu jednostki studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="263" />
        <source>Person</source>
        <translation>Osoba</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="266" />
        <source>First name:</source>
        <translation>Imię:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="267" />
        <source>Surname:</source>
        <translation>Nazwisko:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="268" />
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="269" />
        <source>Birth date:</source>
        <translation>Data urodzenia:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="270" />
        <source>none (no PESEL given)</source>
        <translation>brak (nie podano numeru PESEL)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="273" />
        <source>PESEL:</source>
        <translation>PESEL:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="275" />
        <source>Private e-mail:</source>
        <translation>Prywatny e-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="279" />
        <location filename="../../ui/views/student_card.py" line="295" />
        <source>Programmes</source>
        <translation>Kierunki studiów</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="288" />
        <source> since %1</source>
        <translation> od %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="296" />
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="296" />
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="296" />
        <source>Level</source>
        <translation>Stopień</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="296" />
        <source>Mode</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="296" />
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="296" />
        <location filename="../../ui/views/student_card.py" line="347" />
        <location filename="../../ui/views/student_card.py" line="372" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="296" />
        <source>Admitted</source>
        <translation>Przyjęty</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="305" />
        <source>Login account</source>
        <translation>Konto logowania</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="310" />
        <source>No login account is linked: the student cannot sign in to the portal. The Student Service Center links the institutional e-mail.</source>
        <translation>Brak powiązanego konta logowania: student nie może zalogować się do portalu. Uczelniany adres e-mail powiązuje Centrum Obsługi Studenta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="321" />
        <source>Changes waiting to be sent to the portal: %1</source>
        <translation>Zmiany czekające na wysłanie do portalu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="328" />
        <location filename="../../ui/views/student_card.py" line="346" />
        <source>Class groups</source>
        <translation>Grupy zajęciowe</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="330" />
        <source>Not enrolled in any class group.</source>
        <translation>Nie jest zapisany do żadnej grupy zajęciowej.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="347" />
        <source>Term</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="347" />
        <source>Course</source>
        <translation>Przedmiot</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="347" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="347" />
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="347" />
        <source>Since</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="354" />
        <source>Tokens and payments</source>
        <translation>Żetony i należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="358" />
        <source>No tokens allocated.</source>
        <translation>Brak przyznanych żetonów.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="371" />
        <source>Payments</source>
        <translation>Należności</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="372" />
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="372" />
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_card.py" line="372" />
        <source>For</source>
        <translation>Za</translation>
    </message>
</context>
<context>
    <name>StudentLookupView</name>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="42" />
        <source>Find a student</source>
        <translation>Znajdź studenta</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="44" />
        <source>Student number, name, PESEL or login e-mail — e.g. 123456 or lukasz zolkiewski</source>
        <translation>Nr albumu, imię i nazwisko, PESEL lub e-mail logowania — np. 123456 albo lukasz zolkiewski</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="51" />
        <source>Search result summary</source>
        <translation>Podsumowanie wyników wyszukiwania</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="56" />
        <source>Students found</source>
        <translation>Znalezieni studenci</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="117" />
        <source>Type a student number, a name, a PESEL or a login e-mail.</source>
        <translation>Wpisz numer albumu, imię i nazwisko, PESEL albo e-mail logowania.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="129" />
        <source>Searching…</source>
        <translation>Szukam…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="142" />
        <source>No student matches “%1”.</source>
        <translation>Żaden student nie pasuje do „%1”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="144" />
        <location filename="../../ui/views/student_lookup.py" line="171" />
        <source>More than %n students match; scroll for more or refine the search.</source>
        <translation><numerusform>Pasuje więcej niż %n student; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform><numerusform>Pasuje więcej niż %n studentów; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform><numerusform>Pasuje więcej niż %n studentów; przewiń, aby zobaczyć kolejnych, albo zawęź wyszukiwanie.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="146" />
        <location filename="../../ui/views/student_lookup.py" line="173" />
        <source>%n student(s) found.</source>
        <translation><numerusform>Znaleziono %n studenta.</numerusform><numerusform>Znaleziono %n studentów.</numerusform><numerusform>Znaleziono %n studentów.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/views/student_lookup.py" line="154" />
        <source>The search failed: %1</source>
        <translation>Wyszukiwanie nie powiodło się: %1</translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="17" />
        <source>Student no.</source>
        <translation>Nr albumu</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="18" />
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="19" />
        <source>First names</source>
        <translation>Imiona</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="20" />
        <source>Programme</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="21" />
        <source>Stage</source>
        <translation>Etap</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="22" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="23" />
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/student_table_model.py" line="136" />
        <source> (+%n more)</source>
        <translation><numerusform> (+%n kolejny)</numerusform><numerusform> (+%n kolejne)</numerusform><numerusform> (+%n kolejnych)</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="140" />
        <source>No login account is linked to this person: they cannot sign in to the portal.</source>
        <translation>Ta osoba nie ma powiązanego konta logowania: nie może zalogować się do portalu.</translation>
    </message>
    <message>
        <location filename="../../ui/models/student_table_model.py" line="175" />
        <source>no login linked</source>
        <translation>brak powiązanego loginu</translation>
    </message>
</context>
<context>
    <name>Students</name>
    <message>
        <location filename="../../desk/students.py" line="50" />
        <source>A PESEL has exactly 11 digits.</source>
        <translation>PESEL ma dokładnie 11 cyfr.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="55" />
        <source>The PESEL %1 is not valid: its check digit or date is wrong.</source>
        <translation>PESEL %1 jest niepoprawny: błędna cyfra kontrolna lub data.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="60" />
        <source>The PESEL %1 gives the birth date %2, but the record says %3.</source>
        <translation>PESEL %1 wskazuje datę urodzenia %2, a w danych jest %3.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="142" />
        <source>There is no student with the id %1.</source>
        <translation>Nie ma studenta o identyfikatorze %1.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="323" />
        <source>Say why the personal data is being changed.</source>
        <translation>Podaj powód zmiany danych osobowych.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="328" />
        <source>A person needs a first name and a surname.</source>
        <translation>Osoba musi mieć imię i nazwisko.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="331" />
        <source>%1 is not an e-mail address.</source>
        <translation>%1 nie jest adresem e-mail.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="340" />
        <source>Student %1 does not study in any of your units.</source>
        <translation>Student %1 nie studiuje w żadnej z Twoich jednostek.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="351" />
        <source>The PESEL %1 already belongs to %2.</source>
        <translation>PESEL %1 należy już do osoby: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/students.py" line="364" />
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
</context>
</TS>