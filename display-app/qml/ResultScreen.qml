import QtQuick
import PhongHop.Tablet

// The announced result: the verdict, a bar per option with its count, and the rule applied.
Item {
    id: screen
    readonly property var poll: Room.livePoll
    readonly property var result: screen.poll.result || ({})
    readonly property var options: screen.result.options || []
    readonly property int maxVotes: Math.max(1, ...screen.options.map(o => o.votes), screen.result.abstentions || 0)
    readonly property string outcome: screen.result.outcome || ""

    Column {
        anchors.fill: parent
        anchors.margins: Wall.margin
        spacing: Wall.spacing
        WallText {
            width: parent.width
            text: screen.poll.question || ""
            font.pixelSize: Wall.fontLarge
            font.weight: Font.DemiBold
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        WallText {
            text: screen.outcome === "passed" ? (screen.poll.kind === "yes_no" ? qsTr("ADOPTED") : qsTr("ELECTED / CHOSEN"))
                : screen.outcome === "tie" ? qsTr("TIE — NOT DECIDED")
                : screen.outcome === "not_valid" ? qsTr("NOT VALID — NO QUORUM")
                : qsTr("NOT ADOPTED")
            color: screen.outcome === "passed" ? Wall.success : screen.outcome === "not_valid" ? Wall.warning : Wall.danger
            font.pixelSize: Wall.fontHuge
            font.weight: Font.Black
        }
        Repeater {
            model: screen.options
            delegate: Item {
                id: bar
                required property var modelData
                width: parent ? parent.width : 0
                height: 100
                WallText {
                    id: label
                    width: 560
                    anchors.verticalCenter: parent.verticalCenter
                    text: bar.modelData.label
                    font.pixelSize: Wall.fontLarge
                    font.weight: bar.modelData.reached ? Font.Bold : Font.Normal
                    maximumLineCount: 1
                    elide: Text.ElideRight
                }
                Rectangle {
                    anchors.left: label.right
                    anchors.leftMargin: Wall.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    height: 56
                    radius: 12
                    width: Math.max(12, (bar.width - 560 - 3 * Wall.spacing - 160) * bar.modelData.votes / screen.maxVotes)
                    color: bar.modelData.reached ? Wall.success : "#60A5FA"
                }
                WallText {
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: bar.modelData.votes
                    font.pixelSize: Wall.fontTitle
                    font.weight: Font.Bold
                }
            }
        }
        WallText {
            width: parent.width
            text: qsTr("%1 abstained · %2 ballots · %3 present · %4 members").arg(screen.result.abstentions || 0)
                  .arg(screen.result.ballotCount || 0).arg(screen.result.present || 0).arg(screen.result.members || 0)
            color: Wall.textMuted
        }
        WallText {
            width: parent.width
            text: Room.language === "vi" ? (screen.result.statement_vi || "") : (screen.result.statement_en || "")
            font.pixelSize: Wall.fontBody
        }
    }
}
