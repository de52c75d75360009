import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// While the room server cannot be reached: calm, with the room's name and the clock. Never an error.
Item {
    id: waiting
    property string roomName
    Column {
        anchors.centerIn: parent
        width: parent.width * 0.8
        spacing: Wall.spacing
        WallText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: Format.clock(Room.now)
            font.pixelSize: Wall.fontGiant
            font.weight: Font.Light
        }
        WallText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: waiting.roomName
            font.pixelSize: Wall.fontTitle
            font.weight: Font.DemiBold
        }
        WallText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Waiting for the room server…")
            color: Wall.textMuted
        }
    }
}
