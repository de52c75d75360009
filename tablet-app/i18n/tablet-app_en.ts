<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="15"/>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AgendaPanel.qml" line="91"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AgendaPanel.qml" line="92"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="101"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="102"/>
        <source>%1 over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="103"/>
        <source>Under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="104"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="104"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="117"/>
        <source>Start item %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChairConsole</name>
    <message>
        <location filename="../qml/ChairConsole.qml" line="47"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="49"/>
        <source>Quorum %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="55"/>
        <source>Quorum met (%1 needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="56"/>
        <source>No quorum: %1 needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="66"/>
        <source>Open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="73"/>
        <source>Next item ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="78"/>
        <source>Close the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="111"/>
        <source>Vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="128"/>
        <source>%1 of %2 have voted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="129"/>
        <source>Result announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="129"/>
        <source>Closed — not yet announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="143"/>
        <source>Close the vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="148"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="151"/>
        <source>Cancelled by the chair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="155"/>
        <source>Announce the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="164"/>
        <source>New vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="169"/>
        <source>Motion put to the vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="175"/>
        <source>More than half of all members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="175"/>
        <source>At least two thirds of all members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="176"/>
        <source>More than half of votes cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="182"/>
        <source>No countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="182"/>
        <source>Countdown: 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="182"/>
        <source>Countdown: 2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="183"/>
        <source>Countdown: 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="185"/>
        <source>Secret ballot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="190"/>
        <source>Create and open the vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="205"/>
        <source>Announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="210"/>
        <source>Text for every screen in the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="215"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="220"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="230"/>
        <source>Wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="235"/>
        <source>Playing the video “%1” on the wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="236"/>
        <source>Showing “%1”, page %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="233"/>
        <source>No document on the wall display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="255"/>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="274"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="286"/>
        <source>Close the session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="289"/>
        <source>Every item under way ends and the queues are cleared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DelegateHome</name>
    <message>
        <location filename="../qml/DelegateHome.qml" line="55"/>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="56"/>
        <source>Floor (#%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="56"/>
        <source>Floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="57"/>
        <source>Vote ●</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="57"/>
        <source>Vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="61"/>
        <source>Quorum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="63"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="70"/>
        <source>Quorum met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="70"/>
        <source>%1 needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="97"/>
        <source>On the wall display: “%1”, page %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="103"/>
        <source>Follow on my tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="121"/>
        <source>Announcement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="150"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="150"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="155"/>
        <source>The session has not reached an item yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="164"/>
        <source>Presented by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="174"/>
        <source>My notes (only you see them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="181"/>
        <source>Write a note for this item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="190"/>
        <source>Saved on the room server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="190"/>
        <source>Saved; will be sent when the connection is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="191"/>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="197"/>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="207"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="211"/>
        <source>No documents for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="251"/>
        <source>Video: shown on the wall display when the chair presents it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/DelegateHome.qml" line="252"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="123"/>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="143"/>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="153"/>
        <source>Search in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="158"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="159"/>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="172"/>
        <source>Pen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="173"/>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="174"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="175"/>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="178"/>
        <source>Following the presenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="178"/>
        <source>Follow the presenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="457"/>
        <source>Opening the document… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="467"/>
        <source>Note on page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="473"/>
        <source>Your note (only you will see it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../qml/LoginScreen.qml" line="32"/>
        <source>This QR code is not a room server&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="62"/>
        <source>Paperless meeting room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="70"/>
        <source>Log in with the delegate code and PIN printed on your slip, or scan the code shown by the secretary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="78"/>
        <source>The tablet only talks to the room server whose fingerprint it was given. Ask the secretary if the fingerprint does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="91"/>
        <location filename="../qml/LoginScreen.qml" line="184"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="97"/>
        <source>Room server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="106"/>
        <source>Address, e.g. 192.168.1.10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="114"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="123"/>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="134"/>
        <source>…or paste the scanned code (phonghop://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="139"/>
        <source>Scan QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="147"/>
        <source>Delegate code and PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="156"/>
        <source>Delegate code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="164"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="184"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Paperless meeting room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrScanView</name>
    <message>
        <location filename="../qml/QrScanView.qml" line="40"/>
        <source>Point the camera at the QR code on the wall display or on your login slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QrScanView.qml" line="57"/>
        <source>This tablet has no camera. Type the address and fingerprint, or paste the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QrScanView.qml" line="67"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../qml/ResultView.qml" line="14"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="37"/>
        <source>ADOPTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="37"/>
        <source>ELECTED / CHOSEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="38"/>
        <source>TIE — NOT DECIDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="39"/>
        <source>NOT VALID — NO QUORUM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="40"/>
        <source>NOT ADOPTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="90"/>
        <source>Abstained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="102"/>
        <source>%1 ballots · %2 present · %3 members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="117"/>
        <source>Not yet announced to the room.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretaryDesk</name>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="22"/>
        <source>Attendance — %1 of %2 present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="29"/>
        <source>Find by name or seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="80"/>
        <source>not a voting member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="89"/>
        <source>present since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="90"/>
        <source>excused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="91"/>
        <source>proxy to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="92"/>
        <source>holds the proxy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="100"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="107"/>
        <source>Check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="113"/>
        <source>Absent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="119"/>
        <source>Proxy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="125"/>
        <source>Revoke proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="142"/>
        <source>Quorum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="144"/>
        <source>%1 of %2 members counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="151"/>
        <source>%1 present, %2 represented by proxy; %3 needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="162"/>
        <source>Record of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="166"/>
        <source>In session since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="167"/>
        <source>The session has not been opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="173"/>
        <source>Decisions so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="197"/>
        <source>The minutes (biên bản) are drafted from this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="210"/>
        <source>Excused absence of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="216"/>
        <source>Reason, e.g. on official duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="226"/>
        <source>Proxy of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="19"/>
        <source>Speaking now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="30"/>
        <source>No one has the floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="40"/>
        <source>Seat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="41"/>
        <source>Interpellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="42"/>
        <location filename="../qml/SpeakerPanel.qml" line="107"/>
        <location filename="../qml/SpeakerPanel.qml" line="188"/>
        <source>Point of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="57"/>
        <source>+1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="59"/>
        <source>End speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="60"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="64"/>
        <source>I have finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="74"/>
        <source>Your requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="78"/>
        <source>You are number %1 in the queue to speak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="79"/>
        <source>You have not asked for the floor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="80"/>
        <source>Requests open when the session does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="81"/>
        <source>Check in at the secretary&apos;s desk to ask for the floor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="89"/>
        <source>You are number %1 in the interpellation queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="100"/>
        <source>Ask to speak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="113"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="120"/>
        <source>Ask a question (interpellation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="126"/>
        <source>Withdraw question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="195"/>
        <source>Give the floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="212"/>
        <source>Queue to speak (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="215"/>
        <source>No one is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="218"/>
        <source>Interpellation queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="221"/>
        <source>No questions are waiting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="41"/>
        <source>In session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="42"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="43"/>
        <source>Not yet open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="50"/>
        <source>Connection lost — reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="51"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="67"/>
        <source>Chair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="68"/>
        <source>Secretary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="69"/>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="69"/>
        <source>Delegate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="70"/>
        <source>Seat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="84"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../qml/VotePanel.qml" line="39"/>
        <source>Voting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="41"/>
        <source>No vote is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="50"/>
        <source>Secret ballot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="50"/>
        <source>Named vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="66"/>
        <source>%1 of %2 have voted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="77"/>
        <source>Decided by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="94"/>
        <source>Voting needs a live connection to the room server. The tablet is reconnecting; your vote has not been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="135"/>
        <source>You can vote once you are checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="135"/>
        <source>You are not a voting member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="154"/>
        <source>Your vote has been recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="162"/>
        <source>You chose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="169"/>
        <source>Secret ballot: your choice is counted but never stored with your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="177"/>
        <source>Receipt: no. %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="196"/>
        <source>Voted for %1 (proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="197"/>
        <source>Vote for %1 (proxy):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="236"/>
        <source>Confirm your vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="243"/>
        <source>For %1 you chose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="244"/>
        <source>You chose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="259"/>
        <source>A ballot cannot be changed once it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="268"/>
        <source>Choose again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="275"/>
        <source>Send my vote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>room::tablet::DocumentLibrary</name>
    <message>
        <location filename="../src/document_library.cpp" line="82"/>
        <source>This is not a document of the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="99"/>
        <source>Not connected to the room server: this document has not been downloaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="112"/>
        <source>The document is not available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="113"/>
        <source>The document could not be downloaded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="117"/>
        <source>The downloaded file is not the document (its fingerprint differs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="147"/>
        <source>The video could not be prepared for playing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
