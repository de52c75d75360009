import QtQuick
import PhongHop.Tablet

// Check-in before the session opens: how many members are present of how many, the quorum mark
// and whether it is reached, excused and other absences, and — when the room is small enough for
// every name to be read — who is here. The QR code lets late tablets find the server.
Item {
    id: screen
    property string serverCode
    readonly property int members: Room.quorum.members || 0
    readonly property int present: Room.quorum.present || 0
    readonly property int required: Room.quorum.required || 0
    readonly property int excused: Room.quorum.excused || 0
    readonly property int represented: Room.quorum.represented || 0
    readonly property bool met: Room.quorum.met || false
    // Names are shown only when all of them fit the grid at a size the room can read.
    readonly property int columns: 3
    readonly property int cellHeight: 52
    readonly property int rowsFree: Math.floor((screen.height - 2 * Wall.margin) / screen.cellHeight)
    readonly property bool showNames: screen.members > 0 && screen.members <= screen.columns * screen.rowsFree
    readonly property real namesHeight: Math.ceil(screen.members / screen.columns) * screen.cellHeight

    Column {
        id: figures
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Wall.margin
        width: screen.showNames ? 820 : parent.width - 2 * Wall.margin - (screen.serverCode.length > 0 ? 380 + Wall.spacing : 0)
        spacing: Wall.spacing / 2
        WallText {
            width: parent.width
            text: qsTr("Attendance")
            color: Wall.accent
            font.pixelSize: Wall.fontBody
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
        }
        Row {
            spacing: Wall.spacing / 2
            WallText {
                text: screen.present
                font.pixelSize: Wall.fontGiant
                font.weight: Font.Bold
                color: screen.met ? Wall.success : Wall.text
            }
            WallText {
                anchors.baseline: parent.children[0].baseline
                text: "/ " + screen.members
                font.pixelSize: Wall.fontHuge
                color: Wall.textMuted
            }
        }
        WallText {
            width: parent.width
            text: qsTr("members present")
            color: Wall.textMuted
        }
        // Progress toward the quorum, with its mark.
        Item {
            width: parent.width
            height: 44
            Rectangle {
                anchors.fill: parent
                radius: height / 2
                color: Wall.bar
            }
            Rectangle {
                width: parent.width * Math.min(1, screen.present / Math.max(1, screen.members))
                height: parent.height
                radius: height / 2
                color: screen.met ? Wall.success : Wall.warning
            }
            Rectangle {
                x: parent.width * Math.min(1, screen.required / Math.max(1, screen.members)) - width / 2
                y: -10
                width: 6
                height: parent.height + 20
                color: Wall.text
            }
        }
        WallText {
            width: parent.width
            text: screen.met ? qsTr("Quorum reached: the session can proceed")
                             : qsTr("Quorum not yet reached: at least %1 members needed").arg(screen.required)
            color: screen.met ? Wall.success : Wall.warning
            font.pixelSize: Wall.fontLarge
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
        WallText {
            width: parent.width
            text: qsTr("Excused: %1").arg(screen.excused) + "   ·   "
                  + qsTr("Absent: %1").arg(Math.max(0, screen.members - screen.present - screen.excused))
                  + (screen.represented > 0 ? "   ·   " + qsTr("Represented by proxy: %1").arg(screen.represented) : "")
            color: Wall.textMuted
            font.pixelSize: Wall.fontSmall
            wrapMode: Text.WordWrap
        }
    }

    // Beside the figures, below the names when they leave room for it.
    ServerCodePanel {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Wall.margin
        codeSize: 240
        serverCode: screen.serverCode
        visible: screen.serverCode.length > 0 &&
                 (!screen.showNames || screen.namesHeight + Wall.spacing + height <= screen.height - 2 * Wall.margin)
    }

    // Who is here: each member with a mark, in the order of the meeting's roll.
    Flow {
        id: names
        anchors.left: figures.right
        anchors.leftMargin: Wall.spacing * 2
        anchors.right: parent.right
        anchors.rightMargin: Wall.margin
        anchors.top: parent.top
        anchors.topMargin: Wall.margin
        height: screen.namesHeight
        visible: screen.showNames
        Repeater {
            model: Room.participants
            delegate: Row {
                id: person
                required property string name
                required property bool member
                required property bool present
                required property string absentReason
                visible: person.member
                width: names.width / screen.columns // qmllint disable unqualified
                height: screen.cellHeight // qmllint disable unqualified
                spacing: 14
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 20
                    height: 20
                    radius: 10
                    color: person.present ? Wall.success : person.absentReason.length > 0 ? Wall.warning : "transparent"
                    border.color: person.present ? Wall.success : person.absentReason.length > 0 ? Wall.warning : Wall.textMuted
                    border.width: 3
                }
                WallText {
                    anchors.verticalCenter: parent.verticalCenter
                    width: parent.width - 34 - Wall.spacing / 2
                    text: person.name
                    font.pixelSize: Wall.fontSmall
                    color: person.present ? Wall.text : Wall.textMuted
                    maximumLineCount: 1
                    elide: Text.ElideRight
                }
            }
        }
    }
}
