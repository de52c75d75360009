import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts

// The chair's console (chủ tọa): the session and the agenda on the left, the floor in the middle,
// votes, announcements and the wall display on the right.
Item {
    id: console
    readonly property string status: Room.meeting.status
    readonly property var poll: Room.livePoll
    property string createdPollCommand: ""

    // The rules a chair picks from most often (docs/protocol.md §14.4).
    readonly property var rules: [
        { base: "members", num: 1, den: 2, strict: true },
        { base: "members", num: 2, den: 3, strict: false },
        { base: "cast", num: 1, den: 2, strict: true }
    ]

    Connections {
        target: Room
        // "Create and open" is two commands: open the poll once its creation is accepted.
        function onCommandFinished(id, ok, code, message) {
            if (id === console.createdPollCommand && ok) {
                const draft = Room.polls.get(Room.polls.count - 1)
                if (draft.status === "draft")
                    Room.command("poll.open", { poll: draft.id })
                console.createdPollCommand = ""
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.preferredWidth: 400
            Layout.maximumWidth: 400
            Layout.fillHeight: true
            spacing: Theme.spacing

            Card {
                Layout.fillWidth: true
                title: qsTr("Session")
                Text {
                    text: qsTr("Quorum %1 / %2").arg(Room.quorum.counted).arg(Room.quorum.members)
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.Bold
                    color: Room.quorum.met ? Theme.success : Theme.danger
                }
                Text {
                    text: Room.quorum.met ? qsTr("Quorum met (%1 needed)").arg(Room.quorum.required)
                                          : qsTr("No quorum: %1 needed").arg(Room.quorum.required)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall
                    BigButton {
                        Layout.fillWidth: true
                        visible: console.status === "scheduled"
                        text: qsTr("Open the session")
                        tone: "success"
                        onClicked: Room.command("meeting.open")
                    }
                    BigButton {
                        Layout.fillWidth: true
                        visible: console.status === "open"
                        text: qsTr("Next item ▸")
                        onClicked: Room.command("agenda.next")
                    }
                    BigButton {
                        visible: console.status === "open"
                        text: qsTr("Close the session")
                        tone: "danger"
                        onClicked: closeDialog.open()
                    }
                }
            }

            AgendaPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                chairMode: true
            }
        }

        SpeakerPanel {
            Layout.fillWidth: true
            Layout.fillHeight: true
            chairMode: true
        }

        ScrollView {
            Layout.preferredWidth: 372
            Layout.maximumWidth: 372
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

        ColumnLayout {
            width: 360
            spacing: Theme.spacing

            Card {
                Layout.fillWidth: true
                title: qsTr("Vote")
                visible: console.poll.id !== undefined
                Text {
                    Layout.fillWidth: true
                    text: console.poll.question || ""
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    color: Theme.text
                }
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        Layout.fillWidth: true
                        text: console.poll.status === "open"
                              ? qsTr("%1 of %2 have voted").arg(console.poll.voted).arg(console.poll.eligible)
                              : console.poll.published ? qsTr("Result announced") : qsTr("Closed — not yet announced")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                    Countdown {
                        visible: console.poll.status === "open" && (console.poll.closesAt || 0) > 0
                        endsAt: console.poll.closesAt || 0
                        font.pixelSize: Theme.fontTitle
                    }
                }
                RowLayout {
                    spacing: Theme.spacingSmall
                    BigButton {
                        visible: console.poll.status === "open"
                        text: qsTr("Close the vote")
                        onClicked: Room.command("poll.close", { poll: console.poll.id })
                    }
                    BigButton {
                        visible: console.poll.status === "open"
                        text: qsTr("Cancel")
                        tone: "quiet"
                        onClicked: Room.command("poll.cancel", { poll: console.poll.id,
                                                                 reason: qsTr("Cancelled by the chair") })
                    }
                    BigButton {
                        visible: console.poll.status === "closed" && !console.poll.published
                        text: qsTr("Announce the result")
                        tone: "success"
                        onClicked: Room.command("poll.publish", { poll: console.poll.id })
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                title: qsTr("New vote")
                TextField {
                    id: question
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("Motion put to the vote")
                }
                ComboBox {
                    id: rule
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    model: [qsTr("More than half of all members"), qsTr("At least two thirds of all members"),
                            qsTr("More than half of votes cast")]
                }
                ComboBox {
                    id: seconds
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    model: [qsTr("No countdown"), qsTr("Countdown: 1 minute"), qsTr("Countdown: 2 minutes"),
                            qsTr("Countdown: 5 minutes")]
                }
                CheckBox { id: secret; text: qsTr("Secret ballot") }
                BigButton {
                    Layout.fillWidth: true
                    enabled: question.text.trim().length > 0 && console.status === "open"
                             && console.poll.status !== "open"
                    text: qsTr("Create and open the vote")
                    onClicked: {
                        console.createdPollCommand = Room.command("poll.create", {
                            question: question.text.trim(),
                            secret: secret.checked,
                            rule: console.rules[rule.currentIndex],
                            seconds: [0, 60, 120, 300][seconds.currentIndex]
                        })
                        question.text = ""
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                title: qsTr("Announcement")
                TextField {
                    id: announcement
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    placeholderText: Room.announcement.text || qsTr("Text for every screen in the room")
                }
                RowLayout {
                    spacing: Theme.spacingSmall
                    BigButton {
                        text: qsTr("Show")
                        enabled: announcement.text.trim().length > 0
                        onClicked: { Room.command("announcement.make", { text: announcement.text.trim() }); announcement.text = "" }
                    }
                    BigButton {
                        text: qsTr("Clear")
                        tone: "quiet"
                        enabled: Room.announcement.text !== undefined
                        onClicked: Room.command("announcement.clear")
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                title: qsTr("Wall display")
                Text {
                    Layout.fillWidth: true
                    text: !Room.presentation.document ? qsTr("No document on the wall display.")
                          : (Room.presentation.mediaType || "").startsWith("video/")
                          ? qsTr("Playing the video “%1” on the wall display").arg(Room.presentation.title)
                          : qsTr("Showing “%1”, page %2 of %3").arg(Room.presentation.title).arg(Room.presentation.page).arg(Room.presentation.pages)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
                ComboBox {
                    id: documentChoice
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    visible: !Room.presentation.document
                    model: Room.documents
                    textRole: "title"
                    valueRole: "id"
                }
                RowLayout {
                    spacing: Theme.spacingSmall
                    BigButton {
                        visible: !Room.presentation.document
                        enabled: console.status === "open" && documentChoice.currentIndex >= 0
                        text: qsTr("Present")
                        onClicked: Room.command("presentation.start", { document: documentChoice.currentValue, page: 1 })
                    }
                    BigButton {
                        visible: !!Room.presentation.document && Room.presentation.pages > 1
                        text: "◂"
                        tone: "quiet"
                        enabled: Room.presentation.page > 1
                        onClicked: Room.command("presentation.page", { page: Room.presentation.page - 1 })
                    }
                    BigButton {
                        visible: !!Room.presentation.document && Room.presentation.pages > 1
                        text: "▸"
                        tone: "quiet"
                        enabled: Room.presentation.page < Room.presentation.pages
                        onClicked: Room.command("presentation.page", { page: Room.presentation.page + 1 })
                    }
                    BigButton {
                        visible: !!Room.presentation.document
                        text: qsTr("Stop")
                        tone: "neutral"
                        onClicked: Room.command("presentation.stop")
                    }
                }
            }
        }
        }
    }

    RoomDialog {
        id: closeDialog
        title: qsTr("Close the session?")
        standardButtons: Dialog.Cancel | Dialog.Ok
        Text {
            text: qsTr("Every item under way ends and the queues are cleared.")
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        onAccepted: Room.command("meeting.close")
    }

    ErrorToast {}
}
