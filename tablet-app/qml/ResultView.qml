import QtQuick
import PhongHop.Tablet
import QtQuick.Layouts

// The result of a closed poll: the outcome, a bar per option, and the rule it was decided by.
Card {
    id: view
    property var poll: ({})
    readonly property var result: view.poll.result || ({})
    readonly property var options: view.result.options || []
    readonly property int maxVotes: Math.max(1, ...view.options.map(o => o.votes), view.result.abstentions || 0)
    readonly property string outcome: view.result.outcome || ""

    title: qsTr("Result")

    Text {
        Layout.fillWidth: true
        text: view.poll.question || ""
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: verdict.implicitHeight + 2 * Theme.spacing
        radius: Theme.radiusSmall
        color: view.outcome === "passed" ? Theme.successLight
             : view.outcome === "not_valid" ? Theme.warningLight : Theme.dangerLight
        Text {
            id: verdict
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: view.outcome === "passed" ? (view.poll.kind === "yes_no" ? qsTr("ADOPTED") : qsTr("ELECTED / CHOSEN"))
                : view.outcome === "tie" ? qsTr("TIE — NOT DECIDED")
                : view.outcome === "not_valid" ? qsTr("NOT VALID — NO QUORUM")
                : qsTr("NOT ADOPTED")
            font.pixelSize: Theme.fontHeadline
            font.weight: Font.Bold
            color: view.outcome === "passed" ? Theme.success
                 : view.outcome === "not_valid" ? Theme.warning : Theme.danger
        }
    }

    Repeater {
        model: view.options
        delegate: ColumnLayout {
            id: bar
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: bar.modelData.label
                    font.pixelSize: Theme.fontBody
                    font.weight: bar.modelData.reached ? Font.Bold : Font.Normal
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Text {
                    text: bar.modelData.votes
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.Bold
                    color: Theme.text
                }
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 14
                radius: 7
                color: "#ECEEF1"
                Rectangle {
                    width: parent.width * bar.modelData.votes / view.maxVotes
                    height: parent.height
                    radius: 7
                    color: bar.modelData.reached ? Theme.success : Theme.primary
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Text {
            Layout.fillWidth: true
            text: view.result.abstain_label || qsTr("Abstained")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        Text {
            text: view.result.abstentions || 0
            font.pixelSize: Theme.fontLarge
            color: Theme.textMuted
        }
    }
    Text {
        Layout.fillWidth: true
        text: qsTr("%1 ballots · %2 present · %3 members").arg(view.result.ballotCount || 0)
              .arg(view.result.present || 0).arg(view.result.members || 0)
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }
    Text {
        Layout.fillWidth: true
        text: Room.language === "vi" ? (view.result.statement_vi || "") : (view.result.statement_en || "")
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    Text {
        Layout.fillWidth: true
        visible: !view.poll.published
        text: qsTr("Not yet announced to the room.")
        font.pixelSize: Theme.fontSmall
        font.italic: true
        color: Theme.warning
    }
}
