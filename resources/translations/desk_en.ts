<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="410"/>
        <source>%n entries shown, newest first.</source>
        <translation>
            <numerusform>%n entry shown.</numerusform>
            <numerusform>%n entries shown, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="457"/>
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Exporting %n entry…</numerusform>
            <numerusform>Exporting %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="461"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/accounts.py" line="203"/>
        <source>&amp;Link %n login(s)</source>
        <translation>
            <numerusform>&amp;Link %n login</numerusform>
            <numerusform>&amp;Link %n logins</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffAdminView</name>
    <message numerus="yes">
        <location filename="../../ui/views/staff_admin.py" line="384"/>
        <source>%n staff account(s), %1 active.</source>
        <translation>
            <numerusform>%n staff account, %1 active.</numerusform>
            <numerusform>%n staff accounts, %1 active.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudentCardWindow</name>
    <message numerus="yes">
        <location filename="../../ui/views/student_card.py" line="530"/>
        <source>%n differences: not yet sent</source>
        <translation>
            <numerusform>%n difference: not yet sent</numerusform>
            <numerusform>%n differences: not yet sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_card.py" line="658"/>
        <source>%n entries, newest first.</source>
        <translation>
            <numerusform>%n entry.</numerusform>
            <numerusform>%n entries, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudentLookupView</name>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="151"/>
        <location filename="../../ui/views/student_lookup.py" line="185"/>
        <source>More than %n students match; scroll for more or refine the search.</source>
        <translation>
            <numerusform>More than %n student matches; scroll for more or refine the search.</numerusform>
            <numerusform>More than %n students match; scroll for more or refine the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="153"/>
        <location filename="../../ui/views/student_lookup.py" line="187"/>
        <source>%n student(s) found.</source>
        <translation>
            <numerusform>%n student found.</numerusform>
            <numerusform>%n students found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/student_table_model.py" line="136"/>
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message numerus="yes">
        <location filename="../../ui/views/sync_view.py" line="568"/>
        <source>%n changes are waiting to go out to the portal.</source>
        <translation>
            <numerusform>%n change is waiting to go out to the portal.</numerusform>
            <numerusform>%n changes are waiting to go out to the portal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sync_view.py" line="598"/>
        <source>%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.</source>
        <translation>
            <numerusform>%n student action no longer fitted when it was read. It is kept until a clerk settles it.</numerusform>
            <numerusform>%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.</numerusform>
        </translation>
    </message>
</context>
</TS>
