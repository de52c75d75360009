import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format

// Voting (biểu quyết): the open poll with large choice buttons, a confirmation before a ballot is
// sent, the receipt afterwards, ballots for proxies held, and the result once it may be shown.
ColumnLayout {
    id: panel
    objectName: "votePanel"
    readonly property var poll: Room.livePoll
    readonly property bool open: panel.poll.status === "open"
    readonly property bool online: Room.connection === "online"
    // Re-read whenever the state changes (an accepted ballot brings its receipt with it).
    readonly property var receipt: (Room.livePoll.id !== undefined ? Room.receiptFor(Room.livePoll.id, "") : undefined) || ({})
    spacing: Theme.spacing

    // What the confirmation dialog is about to send.
    property var pendingChoices: []
    property string pendingVoter: ""
    property string pendingLabel: ""

    function labelOf(choices) {
        if (choices.length === 0)
            return panel.poll.abstainLabel
        return choices.map(i => (panel.poll.options || [])[i] || "").join(", ")
    }
    function ask(choices, voter) {
        panel.pendingChoices = choices
        panel.pendingVoter = voter
        panel.pendingLabel = panel.labelOf(choices)
        confirm.open()
    }

    Card {
        Layout.fillWidth: true
        visible: panel.poll.id === undefined
        title: qsTr("Voting")
        Text {
            text: qsTr("No vote is under way.")
            font.pixelSize: Theme.fontLarge
            color: Theme.textMuted
        }
    }

    Card {
        Layout.fillWidth: true
        visible: panel.open
        title: panel.poll.secret ? qsTr("Secret ballot") : qsTr("Named vote")
        accent: Theme.primary

        Text {
            Layout.fillWidth: true
            text: panel.poll.question || ""
            font.pixelSize: Theme.fontHeadline
            font.weight: Font.Bold
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("%1 of %2 have voted").arg(panel.poll.voted || 0).arg(panel.poll.eligible || 0)
                font.pixelSize: Theme.fontLarge
                color: Theme.textMuted
            }
            Countdown {
                visible: (panel.poll.closesAt || 0) > 0
                endsAt: panel.poll.closesAt || 0
            }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Decided by: %1").arg(Room.language === "vi" ? panel.poll.ruleVi : panel.poll.ruleEn)
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }

        Rectangle {
            Layout.fillWidth: true
            visible: !panel.online
            implicitHeight: offlineText.implicitHeight + 2 * Theme.spacing
            radius: Theme.radiusSmall
            color: Theme.warningLight
            Text {
                id: offlineText
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                wrapMode: Text.WordWrap
                text: qsTr("Voting needs a live connection to the room server. The tablet is reconnecting; your vote has not been sent.")
                font.pixelSize: Theme.fontBody
                color: Theme.warning
            }
        }

        // Own ballot
        GridLayout {
            Layout.fillWidth: true
            visible: panel.poll.canVote === true
            columns: (panel.poll.options || []).length + 1 > 3 ? 2 : 3
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Repeater {
                model: panel.poll.options || []
                delegate: BigButton {
                    id: option
                    required property string modelData
                    required property int index
                    objectName: "voteOption" + option.index
                    Layout.fillWidth: true
                    big: true
                    enabled: panel.online // qmllint disable unqualified
                    text: option.modelData
                    tone: panel.poll.kind === "yes_no" ? (option.index === 0 ? "success" : "danger") : "primary" // qmllint disable unqualified
                    onClicked: panel.ask([option.index], "") // qmllint disable unqualified
                }
            }
            BigButton {
                Layout.fillWidth: true
                big: true
                enabled: panel.online
                text: panel.poll.abstainLabel || ""
                tone: "neutral"
                onClicked: panel.ask([], "")
            }
        }

        Text {
            Layout.fillWidth: true
            visible: panel.open && !panel.poll.canVote && !panel.poll.iVoted
            text: Room.me.member ? qsTr("You can vote once you are checked in.") : qsTr("You are not a voting member.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }

        // Receipt
        Rectangle {
            Layout.fillWidth: true
            visible: panel.poll.iVoted === true
            implicitHeight: receiptColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radiusSmall
            color: Theme.successLight
            ColumnLayout {
                id: receiptColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 4
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Your vote has been recorded.")
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.Bold
                    color: Theme.success
                }
                Text {
                    Layout.fillWidth: true
                    visible: !panel.poll.secret && panel.receipt.choices !== undefined
                    text: qsTr("You chose: %1").arg(panel.labelOf(panel.receipt.choices || []))
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    visible: panel.poll.secret === true
                    text: qsTr("Secret ballot: your choice is counted but never stored with your name.")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
                Text {
                    Layout.fillWidth: true
                    visible: panel.receipt.hash !== undefined
                    text: qsTr("Receipt: no. %1 · %2").arg(panel.receipt.seq || "")
                          .arg(Format.shortHash(panel.receipt.hash || ""))
                    font.pixelSize: Theme.fontSmall
                    font.family: "DejaVu Sans Mono"
                    color: Theme.textMuted
                }
            }
        }

        // Proxies held
        Repeater {
            model: panel.open ? (panel.poll.proxies || []) : []
            delegate: RowLayout {
                id: proxyRow
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacingSmall
                Text {
                    Layout.fillWidth: true
                    text: proxyRow.modelData.voted ? qsTr("Voted for %1 (proxy)").arg(proxyRow.modelData.name)
                                                   : qsTr("Vote for %1 (proxy):").arg(proxyRow.modelData.name)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: proxyRow.modelData.voted ? [] : (panel.poll.options || [])
                    delegate: BigButton {
                        id: proxyOption
                        required property string modelData
                        required property int index
                        enabled: panel.online // qmllint disable unqualified
                        text: proxyOption.modelData
                        tone: "quiet"
                        onClicked: panel.ask([proxyOption.index], proxyRow.modelData.id) // qmllint disable unqualified
                    }
                }
                BigButton {
                    visible: !proxyRow.modelData.voted
                    enabled: panel.online // qmllint disable unqualified
                    text: panel.poll.abstainLabel || "" // qmllint disable unqualified
                    tone: "quiet"
                    onClicked: panel.ask([], proxyRow.modelData.id) // qmllint disable unqualified
                }
            }
        }
    }

    ResultView {
        Layout.fillWidth: true
        visible: panel.poll.status === "closed" && panel.poll.result !== undefined && panel.poll.result.outcome !== undefined
        poll: panel.poll
    }

    Item { Layout.fillHeight: true }

    RoomDialog {
        id: confirm
        objectName: "confirmVote"
        title: qsTr("Confirm your vote")

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: panel.pendingVoter ? qsTr("For %1 you chose:").arg(Room.participantName(panel.pendingVoter))
                                         : qsTr("You chose:")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
            Text {
                Layout.fillWidth: true
                text: panel.pendingLabel
                font.pixelSize: Theme.fontHeadline
                font.weight: Font.Bold
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                visible: !panel.poll.allowChange
                text: qsTr("A ballot cannot be changed once it is sent.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BigButton {
                    Layout.fillWidth: true
                    text: qsTr("Choose again")
                    tone: "quiet"
                    onClicked: confirm.close()
                }
                BigButton {
                    objectName: "sendVote"
                    Layout.fillWidth: true
                    text: qsTr("Send my vote")
                    tone: "success"
                    enabled: panel.online
                    onClicked: {
                        Room.vote(panel.poll.id, panel.pendingChoices, panel.pendingVoter)
                        confirm.close()
                    }
                }
            }
        }
    }
}
