import QtQuick
import PhongHop.Tablet

// An announcement across the bottom of every screen while it lasts.
Rectangle {
    id: bar
    readonly property string message: Room.announcement.text || ""
    height: bar.message.length > 0 ? text.implicitHeight + 2 * Wall.spacing : 0
    visible: bar.message.length > 0
    color: Wall.accent
    WallText {
        id: text
        anchors.centerIn: parent
        width: parent.width - 2 * Wall.margin
        horizontalAlignment: Text.AlignHCenter
        text: bar.message
        color: Wall.background
        font.pixelSize: Wall.fontLarge
        font.weight: Font.Bold
    }
}
