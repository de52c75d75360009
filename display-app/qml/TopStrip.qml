import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// The band along the top: the meeting, whether the room is being recorded, quorum and the clock.
Rectangle {
    id: strip
    // The room's audio is being recorded: said openly, as the room has a right to know.
    property bool recording: false
    height: 120
    color: Wall.bar
    WallText {
        anchors.left: parent.left
        anchors.leftMargin: Wall.margin
        anchors.right: recordingMark.visible ? recordingMark.left : quorum.left
        anchors.rightMargin: Wall.spacing
        anchors.verticalCenter: parent.verticalCenter
        text: Room.meeting.title || ""
        font.pixelSize: Wall.fontBody
        font.weight: Font.DemiBold
        elide: Text.ElideRight
        maximumLineCount: 1
    }
    Row {
        id: recordingMark
        visible: strip.recording
        anchors.right: quorum.left
        anchors.rightMargin: Wall.spacing * 2
        anchors.verticalCenter: parent.verticalCenter
        spacing: 12
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: 22
            height: 22
            radius: 11
            color: Wall.danger
        }
        WallText {
            text: qsTr("Recording")
            font.pixelSize: Wall.fontSmall
            font.weight: Font.DemiBold
            color: Wall.danger
            wrapMode: Text.NoWrap
        }
    }
    WallText {
        id: quorum
        anchors.right: clock.left
        anchors.rightMargin: Wall.spacing * 2
        anchors.verticalCenter: parent.verticalCenter
        visible: Room.meeting.status === "open" || Room.meeting.status === "scheduled"
        text: qsTr("Present %1/%2").arg(Room.quorum.counted || 0).arg(Room.quorum.members || 0)
        color: Room.quorum.met ? Wall.success : Wall.warning
        font.pixelSize: Wall.fontBody
        font.weight: Font.Bold
        wrapMode: Text.NoWrap
    }
    WallText {
        id: clock
        anchors.right: parent.right
        anchors.rightMargin: Wall.margin
        anchors.verticalCenter: parent.verticalCenter
        text: Format.clock(Room.now)
        font.pixelSize: Wall.fontLarge
        font.weight: Font.Bold
        wrapMode: Text.NoWrap
    }
}
