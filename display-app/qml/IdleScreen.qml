import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// Before and between items: the meeting, its date and place, the agenda, and the QR code tablets
// scan to find the room server.
Item {
    id: idle
    property string serverCode
    Column {
        anchors.fill: parent
        anchors.margins: Wall.margin
        spacing: Wall.spacing
        WallText {
            width: parent.width
            text: Room.meeting.organization || ""
            color: Wall.accent
            font.pixelSize: Wall.fontBody
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
        }
        WallText {
            width: parent.width
            text: Room.meeting.title || ""
            font.pixelSize: Wall.fontTitle
            font.weight: Font.Bold
        }
        WallText {
            width: parent.width
            text: [Room.meeting.place || "", Format.date(Room.now)].filter(s => s.length > 0).join(" · ")
            color: Wall.textMuted
        }
        Item { width: 1; height: Wall.spacing / 2 }
        // The main items, tightly spaced; a long agenda (or one above an announcement) is scaled
        // down until it fits, never cut off.
        Column {
            id: agendaList
            spacing: 6
            transformOrigin: Item.TopLeft
            scale: Math.min(1, (idle.height - 2 * Wall.margin - agendaList.y) / Math.max(1, agendaList.height))
        Repeater {
            model: Room.agenda
            delegate: Row {
                id: entry
                required property string number
                required property string title
                required property int depth
                required property string status
                visible: entry.depth === 0
                spacing: Wall.spacing
                WallText {
                    width: 90
                    font.pixelSize: Room.agenda.count > 8 ? Wall.fontSmall + 4 : Wall.fontBody
                    text: entry.number
                    color: entry.status === "done" ? Wall.textMuted : Wall.accent
                    font.weight: Font.Bold
                }
                WallText {
                    width: 1920 - 2 * Wall.margin - 90 - Wall.spacing - (idle.serverCode.length > 0 ? 380 + Wall.spacing : 0) // qmllint disable unqualified
                    text: entry.title
                    color: entry.status === "done" ? Wall.textMuted : Wall.text
                    font.pixelSize: Room.agenda.count > 8 ? Wall.fontSmall + 4 : Wall.fontBody
                    maximumLineCount: 1
                    elide: Text.ElideRight
                }
            }
        }
        }
    }

    ServerCodePanel {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Wall.margin
        serverCode: idle.serverCode
    }
}
