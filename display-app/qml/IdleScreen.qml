import QtQuick
import PhongHop.Tablet
import "Clock.js" as Clock

// Before and between items: the meeting, its date and place, and the agenda.
Item {
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
            text: [Room.meeting.place || "", Clock.date(Room.now)].filter(s => s.length > 0).join(" · ")
            color: Wall.textMuted
        }
        Item { width: 1; height: Wall.spacing / 2 }
        // The main items, tightly spaced so that a long agenda still fits the screen.
        Column {
            spacing: 6
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
                    width: 1920 - 2 * Wall.margin - 90 - Wall.spacing
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
}
