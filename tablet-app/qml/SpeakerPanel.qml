import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format

// The floor: who speaks now with their time, and the two queues. Delegates ask for the floor and
// withdraw here; in `chairMode` the chair grants, ends and extends.
ColumnLayout {
    id: panel
    property bool chairMode: false
    spacing: Theme.spacing

    readonly property bool speaking: Room.speaker.id !== undefined
    readonly property bool canAsk: Room.meeting.status === "open" && Room.me.present === true

    Card {
        Layout.fillWidth: true
        title: qsTr("Speaking now")
        accent: panel.speaking ? Theme.success : "transparent"

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    Layout.fillWidth: true
                    text: panel.speaking ? Room.speaker.name : qsTr("No one has the floor")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.Bold
                    color: panel.speaking ? Theme.text : Theme.textMuted
                    elide: Text.ElideRight
                }
                Text {
                    Layout.fillWidth: true
                    visible: panel.speaking
                    text: Format.details([Room.speaker.position || "",
                           Room.speaker.seat ? qsTr("Seat %1").arg(Room.speaker.seat) : "",
                           Room.speaker.queue === "interpellation" ? qsTr("Interpellation") : "",
                           Room.speaker.pointOfOrder ? qsTr("Point of order") : ""])
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    elide: Text.ElideRight
                }
            }
            Countdown {
                visible: panel.speaking
                endsAt: Room.speaker.endsAt || 0
            }
        }
        Flow {
            Layout.fillWidth: true
            visible: panel.chairMode && panel.speaking
            spacing: Theme.spacingSmall
            BigButton { text: qsTr("+1 min"); tone: "quiet"; enabled: (Room.speaker.allottedSeconds || 0) > 0
                        onClicked: Room.command("speaker.extend", { seconds: 60 }) }
            BigButton { text: qsTr("End speech"); tone: "neutral"; onClicked: Room.command("speaker.finish") }
            BigButton { text: qsTr("Revoke"); tone: "danger"; onClicked: Room.command("speaker.revoke") }
        }
        BigButton {
            visible: !panel.chairMode && Room.speaker.isMe === true
            text: qsTr("I have finished")
            tone: "neutral"
            onClicked: Room.command("speaker.finish")
        }
    }

    // The user's own requests (delegates and the secretary; the chair gives the floor instead).
    Card {
        Layout.fillWidth: true
        visible: !panel.chairMode
        title: qsTr("Your requests")
        Text {
            Layout.fillWidth: true
            text: Room.myRequests.floor > 0
                  ? qsTr("You are number %1 in the queue to speak.").arg(Room.myRequests.floor)
                  : panel.canAsk ? qsTr("You have not asked for the floor.")
                                 : Room.meeting.status !== "open" ? qsTr("Requests open when the session does.")
                                                                  : qsTr("Check in at the secretary's desk to ask for the floor.")
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            visible: Room.myRequests.interpellation > 0
            text: qsTr("You are number %1 in the interpellation queue.").arg(Room.myRequests.interpellation)
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            BigButton {
                objectName: "askToSpeak"
                visible: Room.myRequests.floor === 0
                enabled: panel.canAsk && Room.connection === "online"
                text: qsTr("Ask to speak")
                onClicked: Room.requestFloor("floor", false)
            }
            BigButton {
                visible: Room.myRequests.floor === 0
                enabled: panel.canAsk && Room.connection === "online"
                tone: "warning"
                text: qsTr("Point of order")
                onClicked: Room.requestFloor("floor", true)
            }
            BigButton {
                visible: Room.myRequests.floor > 0
                tone: "quiet"
                text: qsTr("Withdraw")
                onClicked: Room.withdrawRequest("floor")
            }
            BigButton {
                visible: Room.myRequests.interpellation === 0
                enabled: panel.canAsk && Room.connection === "online"
                tone: "quiet"
                text: qsTr("Ask a question (interpellation)")
                onClicked: Room.requestFloor("interpellation", false)
            }
            BigButton {
                visible: Room.myRequests.interpellation > 0
                tone: "quiet"
                text: qsTr("Withdraw question")
                onClicked: Room.withdrawRequest("interpellation")
            }
        }
    }

    component QueueCard: Card {
        id: queueCard
        property var queueModel
        property string queueName
        property string emptyText
        Layout.fillWidth: true
        Layout.fillHeight: true
        fillContent: true

        Text {
            visible: queueCard.queueModel.count === 0
            text: queueCard.emptyText
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            implicitHeight: contentHeight
            clip: true
            spacing: 4
            model: queueCard.queueModel
            delegate: Rectangle {
                id: entry
                required property string id
                required property string name
                required property string seat
                required property bool pointOfOrder
                required property int position
                required property bool isMe
                width: ListView.view.width
                implicitHeight: Theme.touchTarget
                radius: Theme.radiusSmall
                color: entry.isMe ? Theme.primaryLight : entry.pointOfOrder ? Theme.warningLight : Theme.surfaceMuted

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacingSmall
                    spacing: Theme.spacing
                    Text {
                        text: entry.position
                        font.pixelSize: Theme.fontLarge
                        font.weight: Font.Bold
                        color: Theme.primary
                        Layout.preferredWidth: 28
                    }
                    Text {
                        Layout.fillWidth: true
                        text: entry.name + (entry.seat ? "  ·  " + entry.seat : "")
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    StatusPill {
                        visible: entry.pointOfOrder && !panel.chairMode // qmllint disable unqualified
                        text: qsTr("Point of order")
                        tint: Theme.warningLight
                        ink: Theme.warning
                    }
                    BigButton {
                        visible: panel.chairMode // qmllint disable unqualified
                        implicitHeight: Theme.touchTarget - 8
                        text: qsTr("Give the floor")
                        tone: "success"
                        onClicked: Room.command("speaker.grant", { participant: entry.id, queue: queueCard.queueName }) // qmllint disable unqualified
                    }
                }
            }
        }
    }

    // Side by side on a delegate's screen; one above the other in the chair's narrower column.
    GridLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        columns: panel.chairMode ? 1 : 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        QueueCard {
            title: qsTr("Queue to speak (%1)").arg(Room.floorQueue.count)
            queueModel: Room.floorQueue
            queueName: "floor"
            emptyText: qsTr("No one is waiting.")
        }
        QueueCard {
            title: qsTr("Interpellation queue (%1)").arg(Room.interpellationQueue.count)
            queueModel: Room.interpellationQueue
            queueName: "interpellation"
            emptyText: qsTr("No questions are waiting.")
        }
    }
}
