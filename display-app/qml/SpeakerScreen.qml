import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// Who has the floor: name, position and seat, the countdown, and the next few waiting.
Item {
    id: screen
    readonly property var speaker: Room.speaker
    readonly property double remaining: (screen.speaker.endsAt || 0) > 0 ? Math.max(0, screen.speaker.endsAt - Room.now) : -1

    Column {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Wall.margin
        width: parent.width * 0.62
        spacing: Wall.spacing
        WallText {
            text: screen.speaker.pointOfOrder ? qsTr("Point of order") :
                  screen.speaker.queue === "interpellation" ? qsTr("Interpellation") : qsTr("Speaking")
            color: screen.speaker.pointOfOrder ? Wall.warning : Wall.accent
            font.pixelSize: Wall.fontLarge
            font.weight: Font.Bold
        }
        WallText {
            width: parent.width
            text: screen.speaker.name || ""
            font.pixelSize: Wall.fontHuge
            font.weight: Font.Bold
        }
        WallText {
            width: parent.width
            text: [screen.speaker.position || "", screen.speaker.seat ? qsTr("Seat %1").arg(screen.speaker.seat) : ""]
                  .filter(s => s.length > 0).join(" · ")
            color: Wall.textMuted
            font.pixelSize: Wall.fontLarge
        }
        WallText {
            visible: screen.remaining >= 0
            text: Format.duration(screen.remaining)
            color: screen.remaining <= 30000 ? Wall.danger : Wall.text
            font.pixelSize: Wall.fontGiant
            font.weight: Font.Bold
        }
    }

    Panel {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Wall.margin
        width: parent.width * 0.3
        Column {
            anchors.fill: parent
            anchors.margins: Wall.spacing
            spacing: Wall.spacing / 2
            WallText {
                text: qsTr("Next")
                color: Wall.textMuted
                font.pixelSize: Wall.fontBody
                font.weight: Font.DemiBold
            }
            Repeater {
                model: Room.floorQueue
                delegate: WallText {
                    id: next
                    required property int position
                    required property string name
                    required property bool pointOfOrder
                    visible: next.position <= 5
                    width: parent ? parent.width : 0
                    text: next.position + ". " + next.name + (next.pointOfOrder ? "  ⚑" : "")
                    color: next.pointOfOrder ? Wall.warning : Wall.text
                    maximumLineCount: 1
                    elide: Text.ElideRight
                }
            }
            WallText {
                visible: Room.floorQueue.count === 0
                text: qsTr("No one waiting")
                color: Wall.textMuted
            }
        }
    }
}
