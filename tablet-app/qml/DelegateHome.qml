import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format

// The delegate's seat: the agenda that follows the chair, the documents of an item, the floor and
// the vote. A poll that opens brings the vote to the front.
Item {
    id: home
    objectName: "delegateHome"
    property string view: "agenda"
    signal viewRequested(string name)
    property string chosenItem: ""
    readonly property string shownItem: home.chosenItem || Room.currentItem.id || ""

    Connections {
        target: Room
        function onStateChanged() {
            if (Room.livePoll.status === "open" && Room.livePoll.canVote && home.lastOpened !== Room.livePoll.id) {
                home.lastOpened = Room.livePoll.id
                home.viewRequested("vote")
            }
        }
    }
    property string lastOpened: ""
    property string docId: ""
    property string docTitle: ""
    property string docAudience: "meeting"

    function showDocument(id, title, audience) {
        home.docTitle = title
        home.docAudience = audience
        home.docId = id
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // Navigation rail
        ColumnLayout {
            Layout.preferredWidth: 168
            Layout.fillHeight: true
            spacing: Theme.spacingSmall
            component RailButton: BigButton {
                id: rail
                property string name
                Layout.fillWidth: true
                implicitHeight: 76
                tone: home.view === rail.name ? "primary" : "quiet" // qmllint disable unqualified
                onClicked: home.viewRequested(rail.name) // qmllint disable unqualified
            }
            RailButton { name: "agenda"; text: qsTr("Agenda") }
            RailButton { name: "floor"; text: Room.myRequests.floor > 0 ? qsTr("Floor (#%1)").arg(Room.myRequests.floor) : qsTr("Floor") }
            RailButton { name: "vote"; text: Room.livePoll.status === "open" ? qsTr("Vote ●") : qsTr("Vote") }
            Item { Layout.fillHeight: true }
            Card {
                Layout.fillWidth: true
                title: qsTr("Quorum")
                Text {
                    text: qsTr("%1 / %2").arg(Room.quorum.counted).arg(Room.quorum.members)
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.Bold
                    color: Room.quorum.met ? Theme.success : Theme.danger
                }
                Text {
                    Layout.fillWidth: true
                    text: Room.quorum.met ? qsTr("Quorum met") : qsTr("%1 needed").arg(Room.quorum.required)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
            }
        }

        // Announcement + the chosen view
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                visible: !!Room.presentation.document
                implicitHeight: Theme.touchTarget + 2 * Theme.spacingSmall
                radius: Theme.radius
                color: Theme.primaryLight
                border.color: Theme.primary
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacingSmall
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("On the wall display: “%1”, page %2").arg(Room.presentation.title || "").arg(Room.presentation.page || 0)
                        font.pixelSize: Theme.fontBody
                        color: Theme.primary
                        elide: Text.ElideRight
                    }
                    BigButton {
                        text: qsTr("Follow on my tablet")
                        onClicked: home.showDocument(Room.presentation.document, Room.presentation.title, "meeting")
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                visible: Room.announcement.text !== undefined
                implicitHeight: note.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.warningLight
                border.color: Theme.currentBorder
                Text {
                    id: note
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: qsTr("Announcement: %1").arg(Room.announcement.text || "")
                    font.pixelSize: Theme.fontLarge
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: home.view === "floor" ? 1 : home.view === "vote" ? 2 : 0

                RowLayout {
                    spacing: Theme.spacing
                    AgendaPanel {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 3
                        onItemChosen: (id) => home.chosenItem = id
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 2
                        spacing: Theme.spacing
                        Card {
                            id: itemCard
                            Layout.fillWidth: true
                            title: home.shownItem === (Room.currentItem.id || "") && home.shownItem !== ""
                                   ? qsTr("Now") : qsTr("Item")
                            accent: Theme.currentBorder
                            readonly property var item: Room.agenda.get(Room.agenda.indexOf(home.shownItem))
                            Text {
                                Layout.fillWidth: true
                                text: itemCard.item.title || qsTr("The session has not reached an item yet.")
                                font.pixelSize: Theme.fontTitle
                                font.weight: Font.Bold
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: (itemCard.item.presenter || "").length > 0
                                text: qsTr("Presented by %1").arg(itemCard.item.presenter || "")
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                                wrapMode: Text.WordWrap
                            }
                        }
                        Card {
                            id: noteCard
                            Layout.fillWidth: true
                            visible: home.shownItem.length > 0
                            title: qsTr("My notes (only you see them)")
                            readonly property string saved: Room.meeting.status !== undefined ? Room.noteFor(home.shownItem) : ""
                            TextArea {
                                id: noteEditor
                                Layout.fillWidth: true
                                Layout.preferredHeight: 96
                                wrapMode: TextEdit.Wrap
                                placeholderText: qsTr("Write a note for this item…")
                                text: noteCard.saved
                                font.pixelSize: Theme.fontBody
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                Text {
                                    Layout.fillWidth: true
                                    text: noteEditor.text === noteCard.saved
                                          ? (Room.connection === "online" ? qsTr("Saved on the room server") : qsTr("Saved; will be sent when the connection is back"))
                                          : qsTr("Not saved yet")
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textMuted
                                    wrapMode: Text.WordWrap
                                }
                                BigButton {
                                    text: qsTr("Save note")
                                    enabled: noteEditor.text !== noteCard.saved
                                    onClicked: Room.saveNote(home.shownItem, noteEditor.text)
                                }
                            }
                        }
                        Card {
                            id: docsCard
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            title: qsTr("Documents")
                            readonly property var docs: { Room.documents.count; return Room.documentsOf(home.shownItem) }
                            Text {
                                visible: docsCard.docs.length === 0
                                text: qsTr("No documents for this item.")
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                            }
                            Repeater {
                                model: docsCard.docs
                                delegate: Rectangle {
                                    id: doc
                                    required property var modelData
                                    readonly property bool video: (doc.modelData.mediaType || "").startsWith("video/")
                                    Layout.fillWidth: true
                                    implicitHeight: Theme.touchTarget + 8
                                    radius: Theme.radiusSmall
                                    color: Theme.surfaceMuted
                                    border.color: Theme.border
                                    MouseArea {
                                        anchors.fill: parent
                                        enabled: !doc.video // a clip plays on the wall display when the chair presents it
                                        onClicked: home.showDocument(doc.modelData.id, doc.modelData.title, doc.modelData.audience) // qmllint disable unqualified
                                    }
                                    RowLayout {
                                        anchors.fill: parent
                                        anchors.margins: Theme.spacingSmall
                                        spacing: Theme.spacing
                                        Rectangle {
                                            implicitWidth: 36; implicitHeight: 44; radius: 4
                                            color: Theme.dangerLight
                                            Text { anchors.centerIn: parent; text: doc.video ? "VIDEO" : "PDF"; font.pixelSize: doc.video ? 9 : 11; font.weight: Font.Bold; color: Theme.danger }
                                        }
                                        ColumnLayout {
                                            Layout.fillWidth: true
                                            spacing: 0
                                            Text {
                                                Layout.fillWidth: true
                                                text: doc.modelData.title
                                                font.pixelSize: Theme.fontBody
                                                color: Theme.text
                                                elide: Text.ElideRight
                                            }
                                            Text {
                                                text: doc.video ? qsTr("Video: shown on the wall display when the chair presents it")
                                                                : qsTr("%n page(s)", "", doc.modelData.pages)
                                                font.pixelSize: Theme.fontSmall
                                                color: Theme.textMuted
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }

                SpeakerPanel {}

                VotePanel {}
            }
        }
    }

    DocumentViewer {
        anchors.fill: parent
        visible: home.docId.length > 0
        documentId: home.docId
        title: home.docTitle
        audience: home.docAudience
        onCloseRequested: home.docId = ""
    }

    ErrorToast {}
}
