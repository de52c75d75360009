import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// The side screen: the item, who speaks with the countdown, who is next, and the quorum.
Item {
    id: side
    readonly property double remaining: (Room.speaker.endsAt || 0) > 0 ? Math.max(0, Room.speaker.endsAt - Room.now) : -1
    Column {
        anchors.fill: parent
        anchors.margins: Wall.margin
        spacing: Wall.spacing
        WallText {
            width: parent.width
            text: Room.currentItem.id !== undefined ? qsTr("Item %1: %2").arg(Room.currentItem.number).arg(Room.currentItem.title) : ""
            color: Wall.textMuted
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        WallText {
            width: parent.width
            text: Room.speaker.id !== undefined ? Room.speaker.name : qsTr("No one has the floor")
            font.pixelSize: Wall.fontHuge
            font.weight: Font.Bold
        }
        WallText {
            visible: side.remaining >= 0
            text: Format.duration(side.remaining)
            color: side.remaining <= 30000 ? Wall.danger : Wall.text
            font.pixelSize: Wall.fontGiant
            font.weight: Font.Bold
        }
        WallText {
            width: parent.width
            visible: Room.floorQueue.count > 0
            text: qsTr("Next: %1").arg(Room.floorQueue.count > 0 ? Room.floorQueue.get(0).name : "")
            font.pixelSize: Wall.fontLarge
        }
    }
}
