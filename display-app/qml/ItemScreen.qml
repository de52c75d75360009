import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// The agenda item under way: its number and title, who presents it, time used of time planned.
Item {
    id: screen
    readonly property var item: Room.currentItem
    readonly property double usedMs: (item.usedMs || 0) + (item.status === "active" ? Math.max(0, Room.now - (item.startedAt || 0)) : 0)
    readonly property double plannedMs: (item.plannedMinutes || 0) * 60000
    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Wall.margin
        spacing: Wall.spacing
        WallText {
            text: qsTr("Item %1").arg(screen.item.number || "")
            color: Wall.accent
            font.pixelSize: Wall.fontLarge
            font.weight: Font.Bold
        }
        WallText {
            width: parent.width
            text: screen.item.title || ""
            font.pixelSize: Wall.fontHuge
            font.weight: Font.Bold
        }
        WallText {
            width: parent.width
            visible: (screen.item.presenter || "").length > 0
            text: qsTr("Presented by %1").arg(screen.item.presenter || "")
            color: Wall.textMuted
            font.pixelSize: Wall.fontLarge
        }
        WallText {
            text: screen.plannedMs > 0
                  ? qsTr("%1 of %2").arg(Format.duration(screen.usedMs)).arg(Format.duration(screen.plannedMs))
                  : Format.duration(screen.usedMs)
            color: screen.plannedMs > 0 && screen.usedMs > screen.plannedMs ? Wall.danger : Wall.text
            font.pixelSize: Wall.fontTitle
            font.weight: Font.DemiBold
        }
    }
}
