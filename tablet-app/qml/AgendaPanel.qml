import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format

// The agenda (chương trình nghị sự): every item with its number, presenter and state; the current
// item stands out. With `chairMode` each pending item can be started from here.
Card {
    id: panel
    property bool chairMode: false
    property string selected: Room.currentItem.id || ""
    signal itemChosen(string id)

    title: qsTr("Agenda")
    fillContent: true

    ListView {
        id: list
        Layout.fillWidth: true
        Layout.fillHeight: true
        implicitHeight: contentHeight
        clip: true
        spacing: 4
        model: Room.agenda
        boundsBehavior: Flickable.StopAtBounds

        delegate: Rectangle {
            id: row
            required property string id
            required property string title
            required property string presenter
            required property int plannedMinutes
            required property string status
            required property int depth
            required property string number
            required property double startedAt
            required property double usedMs
            required property bool current
            required property int documentCount

            readonly property double remainingMs: Format.itemRemaining(row.plannedMinutes, row.usedMs, row.startedAt,
                                                                            row.status === "active", Room.now)
            width: ListView.view.width
            implicitHeight: Math.max(Theme.touchTarget + 8, content.implicitHeight + 2 * Theme.spacingSmall)
            radius: Theme.radiusSmall
            color: row.current ? Theme.current : panel.selected === row.id ? Theme.primaryLight : "transparent" // qmllint disable unqualified
            border.color: row.current ? Theme.currentBorder : "transparent"
            border.width: row.current ? 2 : 0

            MouseArea {
                anchors.fill: parent
                onClicked: {
                    panel.selected = row.id // qmllint disable unqualified
                    panel.itemChosen(row.id)
                }
            }

            RowLayout {
                id: content
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingSmall + row.depth * Theme.spacingLarge
                anchors.rightMargin: Theme.spacingSmall
                spacing: Theme.spacing

                Text {
                    Layout.preferredWidth: 44
                    text: row.number
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.Bold
                    color: row.status === "done" || row.status === "skipped" ? Theme.textMuted : Theme.primary
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Text {
                        Layout.fillWidth: true
                        text: row.title
                        font.pixelSize: Theme.fontBody
                        font.weight: row.current ? Font.Bold : Font.Normal
                        font.strikeout: row.status === "skipped"
                        color: row.status === "done" ? Theme.textMuted : Theme.text
                        wrapMode: Text.WordWrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: Format.details([row.presenter,
                               row.plannedMinutes > 0 ? qsTr("%n min", "", row.plannedMinutes) : "",
                               row.documentCount > 0 ? qsTr("%n document(s)", "", row.documentCount) : ""])
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                }
                StatusPill {
                    visible: row.status !== "pending"
                    text: row.status === "active" ? (row.plannedMinutes > 0
                                                      ? (row.remainingMs >= 0 ? qsTr("%1 left").arg(Format.duration(row.remainingMs))
                                                                              : qsTr("%1 over").arg(Format.duration(-row.remainingMs)))
                                                      : qsTr("Under way"))
                        : row.status === "done" ? qsTr("Done") : qsTr("Skipped")
                    tint: row.status === "active" ? (row.remainingMs >= 0 ? Theme.warningLight : Theme.dangerLight)
                                                  : "#ECEEF1"
                    ink: row.status === "active" ? (row.remainingMs >= 0 ? Theme.warning : Theme.danger) : Theme.neutral
                }
            }
        }
    }

    BigButton {
        Layout.fillWidth: true
        visible: panel.chairMode && Room.meeting.status === "open" && panel.selected.length > 0
                 && panel.selected !== (Room.currentItem.id || "")
        text: qsTr("Start item %1").arg(Room.agenda.get(Room.agenda.indexOf(panel.selected)).number || "")
        onClicked: Room.command("agenda.start", { item: panel.selected })
    }
}
