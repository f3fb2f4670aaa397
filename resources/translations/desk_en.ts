<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Accounts</name>
    <message numerus="yes">
        <location filename="../../desk/accounts/bulk_link.py" line="423"/>
        <source>Nothing was linked: %n lines have errors, e.g. line %2: %3 Fix the file, or leave those lines out explicitly.</source>
        <translation>
            <numerusform>Nothing was linked: %n line has errors, e.g. line %2: %3 Fix the file, or leave those lines out explicitly.</numerusform>
            <numerusform>Nothing was linked: %n lines have errors, e.g. line %2: %3 Fix the file, or leave those lines out explicitly.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message numerus="yes">
        <location filename="../../ui/views/accounts.py" line="632"/>
        <source>Sent to the portal: %n changes.</source>
        <translation>
            <numerusform>Sent to the portal: %n change.</numerusform>
            <numerusform>Sent to the portal: %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkGrantDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/access_panel.py" line="476"/>
        <source>&amp;Grant to %n students</source>
        <translation>
            <numerusform>&amp;Grant to %n student</numerusform>
            <numerusform>&amp;Grant to %n students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeSetDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="529"/>
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="601"/>
        <source>%Ln rows shown, in the order they were recorded.</source>
        <translation>
            <numerusform>%Ln row shown.</numerusform>
            <numerusform>%Ln rows shown, in the order they were recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="267"/>
        <source>%n changes for this student wait to be sent.</source>
        <translation>
            <numerusform>%n change for this student waits to be sent.</numerusform>
            <numerusform>%n changes for this student wait to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="286"/>
        <source>Registered for %1 of %n courses.</source>
        <translation>
            <numerusform>Registered for %1 of %n course.</numerusform>
            <numerusform>Registered for %1 of %n courses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="348"/>
        <source>%n %1 tokens left.</source>
        <translation>
            <numerusform>%n %1 token left.</numerusform>
            <numerusform>%n %1 tokens left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/readiness_dialog.py" line="150"/>
        <source>Grant access to %n students</source>
        <translation>
            <numerusform>Grant access to %n student</numerusform>
            <numerusform>Grant access to %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/readiness_dialog.py" line="151"/>
        <source>Send the waiting changes of %n students</source>
        <translation>
            <numerusform>Send the waiting changes of %n student</numerusform>
            <numerusform>Send the waiting changes of %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/readiness_dialog.py" line="152"/>
        <source>Allocate tokens to %n students</source>
        <translation>
            <numerusform>Allocate tokens to %n student</numerusform>
            <numerusform>Allocate tokens to %n students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupMemberActions</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="144"/>
        <source>%n students unenrolled from %1.</source>
        <translation>
            <numerusform>%n student unenrolled from %1.</numerusform>
            <numerusform>%n students unenrolled from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="182"/>
        <source>%n students moved to %1.</source>
        <translation>
            <numerusform>%n student moved to %1.</numerusform>
            <numerusform>%n students moved to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="428"/>
        <source>%n entries shown, newest first.</source>
        <translation>
            <numerusform>%n entry shown.</numerusform>
            <numerusform>%n entries shown, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="493"/>
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Exporting %n entry…</numerusform>
            <numerusform>Exporting %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="497"/>
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
        <location filename="../../ui/views/accounts.py" line="227"/>
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
        <location filename="../../ui/views/import_view.py" line="398"/>
        <source>%n record(s) of this kind at the desk are not in the file. Nothing is deleted: they stay as they are.</source>
        <translation>
            <numerusform>%n record of this kind at the desk is not in the file. Nothing is deleted: it stays as it is.</numerusform>
            <numerusform>%n records of this kind at the desk are not in the file. Nothing is deleted: they stay as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="427"/>
        <source>&amp;Skip the %n row(s) in error</source>
        <translation>
            <numerusform>&amp;Skip the %n row in error</numerusform>
            <numerusform>&amp;Skip the %n rows in error</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="438"/>
        <source>%n row(s) in error: correct the file and preview it again, or skip them.</source>
        <translation>
            <numerusform>%n row in error: correct the file and preview it again, or skip it.</numerusform>
            <numerusform>%n rows in error: correct the file and preview it again, or skip them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/import_view.py" line="463"/>
        <source>The %n row(s) in error are left out.</source>
        <translation>
            <numerusform>The %n row in error is left out.</numerusform>
            <numerusform>The %n rows in error are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManyAtOnce</name>
    <message numerus="yes">
        <location filename="../../ui/many_at_once.py" line="125"/>
        <source>Nothing was changed: none of the %n selected could be.</source>
        <translation>
            <numerusform>Nothing was changed: the one selected could not be.</numerusform>
            <numerusform>Nothing was changed: none of the %n selected could be.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/many_at_once.py" line="127"/>
        <source>%n selected were not, and stay as they were:</source>
        <translation>
            <numerusform>%n selected was not, and stays as it was:</numerusform>
            <numerusform>%n selected were not, and stay as they were:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveManyDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="49"/>
        <source>Move %n students</source>
        <translation>
            <numerusform>Move %n student</numerusform>
            <numerusform>Move %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="50"/>
        <source>Move these %n students from %1 to another group of the course:</source>
        <translation>
            <numerusform>Move this student from %1 to another group of the course:</numerusform>
            <numerusform>Move these %n students from %1 to another group of the course:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="52"/>
        <source>&amp;Move %n students</source>
        <translation>
            <numerusform>&amp;Move %n student</numerusform>
            <numerusform>&amp;Move %n students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message numerus="yes">
        <location filename="../../ui/views/payments_list.py" line="148"/>
        <source>%n payments shown; due in total: %1</source>
        <translation>
            <numerusform>%n payment shown; due in total: %1</numerusform>
            <numerusform>%n payments shown; due in total: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetLimitDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_dialogs.py" line="47"/>
        <source>Seat limit — %n groups</source>
        <translation>
            <numerusform>Seat limit — %n group</numerusform>
            <numerusform>Seat limit — %n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffAdminView</name>
    <message numerus="yes">
        <location filename="../../ui/views/staff_admin.py" line="385"/>
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
        <location filename="../../ui/views/student_card.py" line="651"/>
        <source>%n differences: not yet sent</source>
        <translation>
            <numerusform>%n difference: not yet sent</numerusform>
            <numerusform>%n differences: not yet sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_card.py" line="780"/>
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
        <location filename="../../ui/views/student_lookup.py" line="271"/>
        <location filename="../../ui/views/student_lookup.py" line="307"/>
        <source>More than %n students match; scroll for more or refine the search.</source>
        <translation>
            <numerusform>More than %n student matches; scroll for more or refine the search.</numerusform>
            <numerusform>More than %n students match; scroll for more or refine the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_lookup.py" line="273"/>
        <location filename="../../ui/views/student_lookup.py" line="309"/>
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
        <location filename="../../ui/views/sync_view.py" line="585"/>
        <source>%n changes are waiting to go out to the portal.</source>
        <translation>
            <numerusform>%n change is waiting to go out to the portal.</numerusform>
            <numerusform>%n changes are waiting to go out to the portal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sync_view.py" line="615"/>
        <source>%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.</source>
        <translation>
            <numerusform>%n student action no longer fitted when it was read. It is kept until a clerk settles it.</numerusform>
            <numerusform>%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="95"/>
        <source>Enroll over the limit — %n conflicts</source>
        <translation>
            <numerusform>Enroll over the limit — %n conflict</numerusform>
            <numerusform>Enroll over the limit — %n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="96"/>
        <source>Enroll the students of these %n conflicts in the groups they asked for, over the limits (each recorded as an override), and settle the conflicts:</source>
        <translation>
            <numerusform>Enroll the student of this conflict in the group they asked for, over its limit (recorded as an override), and settle the conflict:</numerusform>
            <numerusform>Enroll the students of these %n conflicts in the groups they asked for, over the limits (each recorded as an override), and settle the conflicts:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="99"/>
        <source>&amp;Enroll %n students over the limit</source>
        <translation>
            <numerusform>&amp;Enroll %n student over the limit</numerusform>
            <numerusform>&amp;Enroll %n students over the limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="103"/>
        <source>Dismiss %n conflicts</source>
        <translation>
            <numerusform>Dismiss %n conflict</numerusform>
            <numerusform>Dismiss %n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="104"/>
        <source>Dismiss these %n conflicts? Dismissing changes nothing at the desk; the portal shows each student what the desk has.</source>
        <translation>
            <numerusform>Dismiss this conflict? Dismissing changes nothing at the desk; the portal shows the student what the desk has.</numerusform>
            <numerusform>Dismiss these %n conflicts? Dismissing changes nothing at the desk; the portal shows each student what the desk has.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="107"/>
        <source>&amp;Dismiss %n conflicts</source>
        <translation>
            <numerusform>&amp;Dismiss %n conflict</numerusform>
            <numerusform>&amp;Dismiss %n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="121"/>
        <source>%n conflicts settled by enrolling the students over the limit.</source>
        <translation>
            <numerusform>%n conflict settled by enrolling the student over the limit.</numerusform>
            <numerusform>%n conflicts settled by enrolling the students over the limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/conflict_settling.py" line="124"/>
        <source>%n conflicts dismissed.</source>
        <translation>
            <numerusform>%n conflict dismissed.</numerusform>
            <numerusform>%n conflicts dismissed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnenrollManyDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="110"/>
        <source>Unenroll %n students</source>
        <translation>
            <numerusform>Unenroll %n student</numerusform>
            <numerusform>Unenroll %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="111"/>
        <source>Take these %n students out of %1? Their places are free again at once.</source>
        <translation>
            <numerusform>Take this student out of %1? Their place is free again at once.</numerusform>
            <numerusform>Take these %n students out of %1? Their places are free again at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="113"/>
        <source>&amp;Unenroll %n students</source>
        <translation>
            <numerusform>&amp;Unenroll %n student</numerusform>
            <numerusform>&amp;Unenroll %n students</numerusform>
        </translation>
    </message>
</context>
</TS>
