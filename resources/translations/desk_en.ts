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
    <name>AddShareDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="301"/>
        <source>The seats are kept for the students matching every field set below, or for those on a list; %n of the group&apos;s seats can be dedicated now.</source>
        <translation>
            <numerusform>The seats are kept for the students matching every field set below, or for those on a list; %n of the group&apos;s seats can be dedicated now.</numerusform>
            <numerusform>The seats are kept for the students matching every field set below, or for those on a list; %n of the group&apos;s seats can be dedicated now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="425"/>
        <source>%n student number(s)</source>
        <translation>
            <numerusform>%n student number</numerusform>
            <numerusform>%n student numbers</numerusform>
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
        <location filename="../../ui/views/history.py" line="591"/>
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="663"/>
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
        <location filename="../../desk/eligibility.py" line="268"/>
        <source>%n changes for this student wait to be sent.</source>
        <translation>
            <numerusform>%n change for this student waits to be sent.</numerusform>
            <numerusform>%n changes for this student wait to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="287"/>
        <source>Registered for %1 of %n courses.</source>
        <translation>
            <numerusform>Registered for %1 of %n course.</numerusform>
            <numerusform>Registered for %1 of %n courses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/eligibility.py" line="349"/>
        <source>%n %1 tokens left.</source>
        <translation>
            <numerusform>%n %1 token left.</numerusform>
            <numerusform>%n %1 tokens left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_dialogs.py" line="211"/>
        <source>Free places dedicated to some students: %n (other students only over the limit).</source>
        <translation>
            <numerusform>Free places dedicated to some students: %n (other students only over the limit).</numerusform>
            <numerusform>Free places dedicated to some students: %n (other students only over the limit).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangesDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="182"/>
        <source>%n open wishes, oldest first. A run carries out together every set that can be: pairs, cycles and chains ending in a free seat.</source>
        <translation>
            <numerusform>%n open wish. A run carries it out if it can: in a pair, a cycle or a chain ending in a free seat.</numerusform>
            <numerusform>%n open wishes, oldest first. A run carries out together every set that can be: pairs, cycles and chains ending in a free seat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="238"/>
        <source>Every set of the %n open wishes that can be satisfied together is carried out now, oldest wishes first, each move asked of the rules; the others stay open with why.</source>
        <translation>
            <numerusform>The open wish is carried out now if it can be satisfied, each move asked of the rules; otherwise it stays open with why.</numerusform>
            <numerusform>Every set of the %n open wishes that can be satisfied together is carried out now, oldest wishes first, each move asked of the rules; the others stay open with why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="255"/>
        <source>%n wishes carried out</source>
        <translation>
            <numerusform>%n wish carried out</numerusform>
            <numerusform>%n wishes carried out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="256"/>
        <source>in %n sets</source>
        <translation>
            <numerusform>in %n set</numerusform>
            <numerusform>in %n sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="257"/>
        <source>the longest of %n moves</source>
        <translation>
            <numerusform>the longest of %n move</numerusform>
            <numerusform>the longest of %n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="258"/>
        <source>%n still open.</source>
        <translation>
            <numerusform>%n still open.</numerusform>
            <numerusform>%n still open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="260"/>
        <source>No wish could be carried out; %n still open.</source>
        <translation>
            <numerusform>No wish could be carried out; %n still open.</numerusform>
            <numerusform>No wish could be carried out; %n still open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/exchanges_dialog.py" line="262"/>
        <source>%n closed: the student no longer holds the group they wished to leave.</source>
        <translation>
            <numerusform>%n closed: the student no longer holds the group they wished to leave.</numerusform>
            <numerusform>%n closed: the students no longer hold the groups they wished to leave.</numerusform>
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
        <location filename="../../ui/views/group_members.py" line="222"/>
        <source>%n students unenrolled from %1.</source>
        <translation>
            <numerusform>%n student unenrolled from %1.</numerusform>
            <numerusform>%n students unenrolled from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="261"/>
        <source>%n students moved to %1.</source>
        <translation>
            <numerusform>%n student moved to %1.</numerusform>
            <numerusform>%n students moved to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/group_table_model.py" line="79"/>
        <source>list of %n</source>
        <translation>
            <numerusform>list of %n</numerusform>
            <numerusform>list of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/group_table_model.py" line="373"/>
        <source>Full for everyone: its %n free seats are dedicated to some students.</source>
        <translation>
            <numerusform>Full for everyone: its %n free seat is dedicated to some students.</numerusform>
            <numerusform>Full for everyone: its %n free seats are dedicated to some students.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message numerus="yes">
        <location filename="../../ui/views/groups.py" line="683"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n closed</numerusform>
            <numerusform>%n closed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="446"/>
        <source>%n entries shown, newest first.</source>
        <translation>
            <numerusform>%n entry shown.</numerusform>
            <numerusform>%n entries shown, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="521"/>
        <source>Change set #%1 undone: %n students given back their former seats.</source>
        <translation>
            <numerusform>Change set #%1 undone: %n student given back their former seat.</numerusform>
            <numerusform>Change set #%1 undone: %n students given back their former seats.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="555"/>
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Exporting %n entry…</numerusform>
            <numerusform>Exporting %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/history.py" line="559"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImpactPreview</name>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="84"/>
        <source>%n students would gain a seat from a waiting list:</source>
        <translation>
            <numerusform>%n student would gain a seat from a waiting list:</numerusform>
            <numerusform>%n students would gain a seat from a waiting list:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="91"/>
        <source>%n students moved</source>
        <translation>
            <numerusform>%n student moved</numerusform>
            <numerusform>%n students moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="93"/>
        <source>%n students losing a seat</source>
        <translation>
            <numerusform>%n student losing a seat</numerusform>
            <numerusform>%n students losing a seat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="95"/>
        <source>%n changes of dedicated seats</source>
        <translation>
            <numerusform>%n change of dedicated seats</numerusform>
            <numerusform>%n changes of dedicated seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/impact_preview.py" line="98"/>
        <source>%n changes of payments</source>
        <translation>
            <numerusform>%n change of payments</numerusform>
            <numerusform>%n changes of payments</numerusform>
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
        <location filename="../../ui/views/group_members.py" line="87"/>
        <source>Move %n students</source>
        <translation>
            <numerusform>Move %n student</numerusform>
            <numerusform>Move %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="88"/>
        <source>Move these %n students from %1 to another group of the course:</source>
        <translation>
            <numerusform>Move this student from %1 to another group of the course:</numerusform>
            <numerusform>Move these %n students from %1 to another group of the course:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="90"/>
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
    <name>PlanPreview</name>
    <message numerus="yes">
        <location filename="../../ui/views/closure_dialogs.py" line="139"/>
        <source>Of its %n students, %1 would move to the other groups of the course and %2 would stay in the closed group.</source>
        <translation>
            <numerusform>Of its %n student, %1 would move to the other groups of the course and %2 would stay in the closed group.</numerusform>
            <numerusform>Of its %n students, %1 would move to the other groups of the course and %2 would stay in the closed group.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/closure_dialogs.py" line="143"/>
        <source>Of the %n selected students, %1 would move to %3 and %2 would stay where they are.</source>
        <translation>
            <numerusform>Of the %n selected student, %1 would move to %3 and %2 would stay where they are.</numerusform>
            <numerusform>Of the %n selected students, %1 would move to %3 and %2 would stay where they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Registrations</name>
    <message numerus="yes">
        <location filename="../../desk/registrations.py" line="577"/>
        <source>Dedicated seats of %n groups are released when this round starts: release them or remove them first.</source>
        <translation>
            <numerusform>Dedicated seats of %n group are released when this round starts: release them or remove them first.</numerusform>
            <numerusform>Dedicated seats of %n groups are released when this round starts: release them or remove them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundAudience</name>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="72"/>
        <source>list of %n students</source>
        <translation>
            <numerusform>list of %n student</numerusform>
            <numerusform>list of %n students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundAudienceDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="336"/>
        <source>%n students found.</source>
        <translation>
            <numerusform>%n student found.</numerusform>
            <numerusform>%n students found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="481"/>
        <source>Saved: %n turns.</source>
        <translation>
            <numerusform>Saved: %n turn.</numerusform>
            <numerusform>Saved: %n turns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/round_audience_dialog.py" line="515"/>
        <source>The round is for a list of %n students now; paste or load another list and check it to replace it.</source>
        <translation>
            <numerusform>The round is for a list of %n student now; paste or load another list and check it to replace it.</numerusform>
            <numerusform>The round is for a list of %n students now; paste or load another list and check it to replace it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetLimitDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/group_dialogs.py" line="66"/>
        <source>Seat limit — %n groups</source>
        <translation>
            <numerusform>Seat limit — %n group</numerusform>
            <numerusform>Seat limit — %n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShareChangeDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="488"/>
        <source>Remove the %n seat(s) dedicated to some students (%1)? They are everyone&apos;s again.</source>
        <translation>
            <numerusform>Remove the %n seat dedicated to some students (%1)? It is everyone&apos;s again.</numerusform>
            <numerusform>Remove the %n seats dedicated to some students (%1)? They are everyone&apos;s again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/share_dialogs.py" line="495"/>
        <source>Release the seats dedicated to some students (%1) now? Their %n free seat(s) go to everyone at once.</source>
        <translation>
            <numerusform>Release the seats dedicated to some students (%1) now? Their %n free seat goes to everyone at once.</numerusform>
            <numerusform>Release the seats dedicated to some students (%1) now? Their %n free seats go to everyone at once.</numerusform>
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
        <location filename="../../ui/views/student_card.py" line="671"/>
        <source>%n differences: not yet sent</source>
        <translation>
            <numerusform>%n difference: not yet sent</numerusform>
            <numerusform>%n differences: not yet sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/student_card.py" line="800"/>
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
        <location filename="../../ui/views/sync_view.py" line="592"/>
        <source>%n changes are waiting to go out to the portal.</source>
        <translation>
            <numerusform>%n change is waiting to go out to the portal.</numerusform>
            <numerusform>%n changes are waiting to go out to the portal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sync_view.py" line="622"/>
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
        <location filename="../../ui/views/group_members.py" line="188"/>
        <source>Unenroll %n students</source>
        <translation>
            <numerusform>Unenroll %n student</numerusform>
            <numerusform>Unenroll %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="189"/>
        <source>Take these %n students out of %1? Their places are free again at once.</source>
        <translation>
            <numerusform>Take this student out of %1? Their place is free again at once.</numerusform>
            <numerusform>Take these %n students out of %1? Their places are free again at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/group_members.py" line="191"/>
        <source>&amp;Unenroll %n students</source>
        <translation>
            <numerusform>&amp;Unenroll %n student</numerusform>
            <numerusform>&amp;Unenroll %n students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingListDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/waiting_list_dialog.py" line="182"/>
        <source>%n students waiting.</source>
        <translation>
            <numerusform>%n student waiting.</numerusform>
            <numerusform>%n students waiting.</numerusform>
        </translation>
    </message>
</context>
</TS>
