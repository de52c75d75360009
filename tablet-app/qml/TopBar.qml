import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts

// The band at the top of every screen: the meeting, its state, the connection and who is logged in.
ToolBar {
    id: bar
    implicitHeight: Theme.topBarHeight
    background: Rectangle { color: Theme.topBar }

    readonly property string status: Room.meeting.status

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Text {
                Layout.fillWidth: true
                text: Room.meeting.title
                color: Theme.textOnDark
                font.pixelSize: Theme.fontLarge
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                text: Room.meeting.place
                color: "#C8D6E8"
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        StatusPill {
            text: bar.status === "open" ? qsTr("In session")
                : bar.status === "closed" ? qsTr("Closed")
                : qsTr("Not yet open")
            tint: bar.status === "open" ? Theme.successLight : "#E8EBF0"
            ink: bar.status === "open" ? Theme.success : Theme.neutral
        }

        StatusPill {
            visible: Room.connection !== "online"
            text: Room.connection === "reconnecting" ? qsTr("Connection lost — reconnecting…")
                                                     : qsTr("Offline")
            tint: Theme.warningLight
            ink: Theme.warning
        }

        ColumnLayout {
            spacing: 2
            Text {
                Layout.alignment: Qt.AlignRight
                text: Room.me.name || ""
                color: Theme.textOnDark
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
            }
            Text {
                Layout.alignment: Qt.AlignRight
                text: (Room.role === "chair" ? qsTr("Chair")
                     : Room.role === "secretary" ? qsTr("Secretary")
                     : Room.role === "guest" ? qsTr("Guest") : qsTr("Delegate"))
                      + (Room.me.seat ? " · " + qsTr("Seat %1").arg(Room.me.seat) : "")
                color: "#C8D6E8"
                font.pixelSize: Theme.fontSmall
            }
        }

        BigButton {
            tone: "quiet"
            text: Room.language === "vi" ? "EN" : "VI"
            implicitWidth: Theme.touchTarget
            onClicked: Room.language = (Room.language === "vi" ? "en" : "vi")
        }
        BigButton {
            tone: "quiet"
            text: qsTr("Log out")
            onClicked: Room.logout()
        }
    }
}
