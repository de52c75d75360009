import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// A vote under way: the question, how many have voted of how many can, the countdown. Never a
// partial count (the room server does not even send one before the close).
Item {
    id: screen
    readonly property var poll: Room.livePoll
    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Wall.margin
        spacing: Wall.spacing * 1.5
        WallText {
            text: screen.poll.secret ? qsTr("Secret ballot — vote on your tablet") : qsTr("Vote on your tablet")
            color: Wall.accent
            font.pixelSize: Wall.fontLarge
            font.weight: Font.Bold
        }
        WallText {
            width: parent.width
            text: screen.poll.question || ""
            font.pixelSize: Wall.fontTitle
            font.weight: Font.Bold
        }
        Row {
            spacing: Wall.spacing * 3
            WallText {
                text: qsTr("%1 of %2 have voted").arg(screen.poll.voted || 0).arg(screen.poll.eligible || 0)
                font.pixelSize: Wall.fontHuge
                font.weight: Font.Bold
            }
            WallText {
                visible: (screen.poll.closesAt || 0) > 0
                text: Format.duration((screen.poll.closesAt || 0) - Room.now)
                color: (screen.poll.closesAt || 0) - Room.now <= 15000 ? Wall.danger : Wall.text
                font.pixelSize: Wall.fontHuge
                font.weight: Font.Bold
            }
        }
        Rectangle {
            width: parent.width
            height: 24
            radius: 12
            color: Wall.bar
            Rectangle {
                width: parent.width * Math.min(1, (screen.poll.voted || 0) / Math.max(1, screen.poll.eligible || 1))
                height: parent.height
                radius: 12
                color: Wall.accent
            }
        }
        WallText {
            width: parent.width
            text: qsTr("Decided by: %1").arg(Room.language === "vi" ? (screen.poll.ruleVi || "") : (screen.poll.ruleEn || ""))
            color: Wall.textMuted
        }
    }
}
