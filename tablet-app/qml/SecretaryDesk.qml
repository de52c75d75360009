import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format

// The secretary's desk (thư ký): attendance with check-in on someone's behalf and excused absences,
// proxies, and the record of the session so far, from which the minutes are drafted.
Item {
    id: desk
    property string filter: ""
    property string dialogFor: ""

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("Attendance — %1 of %2 present").arg(Room.quorum.present).arg(Room.participants.count)
            fillContent: true

            TextField {
                id: search
                Layout.fillWidth: true
                implicitHeight: Theme.touchTarget
                placeholderText: qsTr("Find by name or seat")
                onTextChanged: desk.filter = text.trim().toLowerCase()
            }

            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: Room.participants
                delegate: Rectangle {
                    id: person
                    required property string id
                    required property string name
                    required property string position
                    required property string role
                    required property string seat
                    required property bool member
                    required property bool present
                    required property double checkedInAt
                    required property string absentReason
                    required property string proxyToName
                    required property var holds

                    readonly property bool shown: desk.filter.length === 0 // qmllint disable unqualified
                                                  || person.name.toLowerCase().indexOf(desk.filter) >= 0
                                                  || person.seat.toLowerCase().indexOf(desk.filter) >= 0
                    width: ListView.view.width
                    height: person.shown ? Math.max(Theme.touchTarget + 12, info.implicitHeight + 12) : 0
                    visible: person.shown
                    radius: Theme.radiusSmall
                    color: person.present ? Theme.successLight : Theme.surfaceMuted

                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacing
                        anchors.rightMargin: Theme.spacingSmall
                        spacing: Theme.spacing
                        Text {
                            Layout.preferredWidth: 48
                            text: person.seat
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.Bold
                            color: Theme.primary
                        }
                        ColumnLayout {
                            id: info
                            Layout.fillWidth: true
                            spacing: 0
                            Text {
                                Layout.fillWidth: true
                                text: person.name + (person.member ? "" : "  (" + qsTr("not a voting member") + ")")
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.DemiBold
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Text {
                                Layout.fillWidth: true
                                text: Format.details([person.position,
                                       person.present ? qsTr("present since %1").arg(Format.clock(person.checkedInAt)) : "",
                                       person.absentReason ? qsTr("excused: %1").arg(person.absentReason) : "",
                                       person.proxyToName ? qsTr("proxy to %1").arg(person.proxyToName) : "",
                                       person.holds.length > 0 ? qsTr("holds the proxy of %1").arg(person.holds.join(", ")) : ""])
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                                elide: Text.ElideRight
                            }
                        }
                        BigButton {
                            visible: !person.present
                            text: qsTr("Check in")
                            tone: "success"
                            enabled: Room.meeting.status === "scheduled" || Room.meeting.status === "open"
                            onClicked: Room.command("attendance.check_in", { participant: person.id })
                        }
                        BigButton {
                            visible: person.present
                            text: qsTr("Check out")
                            tone: "quiet"
                            onClicked: Room.command("attendance.check_out", { participant: person.id })
                        }
                        BigButton {
                            visible: !person.present
                            text: qsTr("Absent…")
                            tone: "quiet"
                            onClicked: { desk.dialogFor = person.id; absence.open() } // qmllint disable unqualified
                        }
                        BigButton {
                            visible: person.member && !person.proxyToName && person.holds.length === 0 // no chains of proxies
                            text: qsTr("Proxy…")
                            tone: "quiet"
                            onClicked: { desk.dialogFor = person.id; proxy.open() } // qmllint disable unqualified
                        }
                        BigButton {
                            visible: person.proxyToName.length > 0
                            text: qsTr("Revoke proxy")
                            tone: "quiet"
                            onClicked: Room.command("proxy.revoke", { from: person.id })
                        }
                    }
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 400
            Layout.maximumWidth: 400
            Layout.fillHeight: true
            spacing: Theme.spacing

            Card {
                Layout.fillWidth: true
                title: qsTr("Quorum")
                Text {
                    text: qsTr("%1 of %2 members counted").arg(Room.quorum.counted).arg(Room.quorum.members)
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.Bold
                    color: Room.quorum.met ? Theme.success : Theme.danger
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("%1 present, %2 represented by proxy; %3 needed.").arg(Room.quorum.present)
                          .arg(Room.quorum.represented).arg(Room.quorum.required)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
            }

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Record of the session")
                fillContent: true
                Text {
                    Layout.fillWidth: true
                    text: Room.meeting.status === "open" ? qsTr("In session since %1").arg(Format.clock(Room.meeting.openedAt))
                                                         : qsTr("The session has not been opened.")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Decisions so far")
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                    color: Theme.textMuted
                }
                Repeater {
                    model: Room.polls
                    delegate: Text {
                        id: decision
                        required property string question
                        required property string status
                        required property var result
                        required property bool published
                        Layout.fillWidth: true
                        visible: decision.status === "closed"
                        text: "• " + decision.question + " — " + (Room.language === "vi" ? (decision.result.statement_vi || "")
                                                                                         : (decision.result.statement_en || ""))
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("The minutes (biên bản) are drafted from this record.")
                    font.pixelSize: Theme.fontSmall
                    font.italic: true
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
                Item { Layout.fillHeight: true }
            }
        }
    }

    RoomDialog {
        id: absence
        title: qsTr("Excused absence of %1").arg(Room.participantName(desk.dialogFor))
        standardButtons: Dialog.Cancel | Dialog.Ok
        TextField {
            id: reason
            width: parent.width
            implicitHeight: Theme.touchTarget
            placeholderText: qsTr("Reason, e.g. on official duty")
        }
        onAccepted: {
            Room.command("attendance.note_absence", { participant: desk.dialogFor, reason: reason.text.trim() })
            reason.text = ""
        }
    }

    RoomDialog {
        id: proxy
        title: qsTr("Proxy of %1").arg(Room.participantName(desk.dialogFor))
        standardButtons: Dialog.Cancel | Dialog.Ok
        ComboBox {
            id: holder
            width: parent.width
            implicitHeight: Theme.touchTarget
            model: Room.participants
            textRole: "name"
            valueRole: "id"
        }
        onAccepted: Room.command("proxy.grant", { from: desk.dialogFor, to: holder.currentValue })
    }

    ErrorToast {}
}
