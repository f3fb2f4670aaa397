<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ChangeSetDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="538"/>
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="609"/>
        <source>%Ln rows shown, in the order they were recorded.</source>
        <translation>
            <numerusform>%Ln row shown.</numerusform>
            <numerusform>%Ln rows shown, in the order they were recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="434"/>
        <source>%n entries shown, newest first.</source>
        <translation>
            <numerusform>%n entry shown.</numerusform>
            <numerusform>%n entries shown, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="500"/>
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Exporting %n entry…</numerusform>
            <numerusform>Exporting %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="504"/>
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
        <location filename="../../ui/views/accounts.py" line="204"/>
        <source>&amp;Link %n login(s)</source>
        <translation>
            <numerusform>&amp;Link %n login</numerusform>
            <numerusform>&amp;Link %n logins</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="396"/>
        <source>%n record(s) of this kind at the desk are not in the file. Nothing is deleted: they stay as they are.</source>
        <translation>
            <numerusform>%n record of this kind at the desk is not in the file. Nothing is deleted: it stays as it is.</numerusform>
            <numerusform>%n records of this kind at the desk are not in the file. Nothing is deleted: they stay as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="425"/>
        <source>&amp;Skip the %n row(s) in error</source>
        <translation>
            <numerusform>&amp;Skip the %n row in error</numerusform>
            <numerusform>&amp;Skip the %n rows in error</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="436"/>
        <source>%n row(s) in error: correct the file and preview it again, or skip them.</source>
        <translation>
            <numerusform>%n row in error: correct the file and preview it again, or skip it.</numerusform>
            <numerusform>%n rows in error: correct the file and preview it again, or skip them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="461"/>
        <source>The %n row(s) in error are left out.</source>
        <translation>
            <numerusform>The %n row in error is left out.</numerusform>
            <numerusform>The %n rows in error are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffAdminView</name>
    <message numerus="yes">
        <location filename="../../ui/views/staff_admin.py" line="382"/>
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
        <location filename="../../ui/views/student_card.py" line="557"/>
        <source>%n differences: not yet sent</source>
        <translation>
            <numerusform>%n difference: not yet sent</numerusform>
            <numerusform>%n differences: not yet sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_card.py" line="685"/>
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
        <location filename="../../ui/views/student_lookup.py" line="207"/>
        <location filename="../../ui/views/student_lookup.py" line="243"/>
        <source>More than %n students match; scroll for more or refine the search.</source>
        <translation>
            <numerusform>More than %n student matches; scroll for more or refine the search.</numerusform>
            <numerusform>More than %n students match; scroll for more or refine the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="209"/>
        <location filename="../../ui/views/student_lookup.py" line="245"/>
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
        <location filename="../../ui/views/sync_view.py" line="571"/>
        <source>%n changes are waiting to go out to the portal.</source>
        <translation>
            <numerusform>%n change is waiting to go out to the portal.</numerusform>
            <numerusform>%n changes are waiting to go out to the portal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sync_view.py" line="601"/>
        <source>%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.</source>
        <translation>
            <numerusform>%n student action no longer fitted when it was read. It is kept until a clerk settles it.</numerusform>
            <numerusform>%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.</numerusform>
        </translation>
    </message>
</context>
</TS>
