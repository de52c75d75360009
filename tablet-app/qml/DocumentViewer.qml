import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import QtQuick.Window

// The document viewer: pages rendered on the render thread at the size they are shown, thumbnails,
// zoom (buttons, pinch, double tap), page jump, search with highlights, following the presenter,
// and a watermark with the reader's name and the time on restricted documents.
Rectangle {
    id: viewer
    objectName: "documentViewer"
    property string documentId
    property string title
    property string audience: "meeting"
    property int page: 0 // 0-based
    property real zoom: 1
    property bool following: viewer.presenting
    property var hits: []
    property int hitIndex: -1
    property string searched: ""
    // Annotation tool: "" (read and turn pages), "pen", "highlighter", "text" or "eraser".
    property string tool: ""
    property var stroke: [] // the stroke being drawn, in page points
    property var textAnchor: [0, 0]
    signal closeRequested()

    // The user's own marks on this page, unconfirmed ones included; re-read whenever the state changes.
    readonly property var marks: Room.meeting.status !== undefined && viewer.documentId.length > 0
                                 ? Room.annotationsOn(viewer.documentId, viewer.page + 1) : []

    function toPage(x, y, scale) {
        return [Math.round(x / scale * 10) / 10, Math.round(y / scale * 10) / 10]
    }
    function finishStroke() {
        if (viewer.stroke.length > 0)
            Room.saveAnnotation(viewer.documentId, { page: viewer.page + 1, kind: viewer.tool, points: viewer.stroke })
        viewer.stroke = []
    }
    function eraseAt(p) {
        const tolerance = 8
        for (let i = viewer.marks.length - 1; i >= 0; --i) {
            const m = viewer.marks[i]
            for (const q of m.points) {
                if (Math.abs(q[0] - p[0]) <= tolerance + m.width && Math.abs(q[1] - p[1]) <= tolerance + m.width) {
                    Room.deleteAnnotation(viewer.documentId, m.id)
                    return
                }
            }
        }
    }

    readonly property var info: Room.library.revision >= 0 ? Room.library.info(viewer.documentId) : ({})
    readonly property int pages: viewer.info.pages || 0
    readonly property var pageSize: (viewer.info.sizes || [])[viewer.page] || [595, 842]
    readonly property bool presenting: Room.presentation.document === viewer.documentId
    readonly property bool pageReady: page1.status === Image.Ready
    readonly property bool restricted: viewer.audience !== "meeting"

    function goTo(p) {
        const target = Math.max(0, Math.min(viewer.pages - 1, p))
        if (target !== viewer.page && viewer.presenting && target !== Room.presentation.page - 1)
            viewer.following = false // turning pages yourself leaves "follow the presenter"
        viewer.page = target
    }
    function find(text) {
        query.text = text
        viewer.searched = text
        viewer.hits = []
        viewer.hitIndex = -1
        if (text.trim().length > 0)
            Room.library.search(viewer.documentId, text)
    }
    function showHit(i) {
        if (viewer.hits.length === 0)
            return
        viewer.hitIndex = (i + viewer.hits.length) % viewer.hits.length
        viewer.goTo(viewer.hits[viewer.hitIndex].page)
    }

    color: "#E6E3DC"
    onDocumentIdChanged: {
        viewer.page = viewer.presenting ? Room.presentation.page - 1 : 0
        viewer.zoom = 1
        viewer.following = viewer.presenting
        viewer.find("")
        if (viewer.documentId.length > 0)
            Room.library.open(viewer.documentId)
    }

    Connections {
        target: Room.library
        function onSearchFinished(id, text, found) {
            if (id === viewer.documentId && text === viewer.searched) {
                viewer.hits = found
                viewer.showHit(0)
            }
        }
    }
    Connections {
        target: Room
        function onStateChanged() {
            if (viewer.following && viewer.presenting)
                viewer.page = Room.presentation.page - 1
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Toolbar
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget + 2 * Theme.spacingSmall
            color: Theme.surface
            border.color: Theme.border
            RowLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacingSmall
                spacing: Theme.spacingSmall
                BigButton { text: qsTr("‹ Back"); tone: "quiet"; onClicked: viewer.closeRequested() }
                Text {
                    Layout.fillWidth: true
                    text: viewer.title
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.DemiBold
                    color: Theme.text
                    elide: Text.ElideRight
                }
                TextField {
                    id: jump
                    implicitWidth: 72
                    implicitHeight: Theme.touchTarget
                    horizontalAlignment: Text.AlignHCenter
                    text: viewer.page + 1
                    inputMethodHints: Qt.ImhDigitsOnly
                    validator: IntValidator { bottom: 1; top: Math.max(1, viewer.pages) }
                    onAccepted: viewer.goTo(parseInt(jump.text) - 1)
                }
                Text {
                    text: qsTr("of %1").arg(viewer.pages)
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                }
                BigButton { text: "−"; tone: "quiet"; implicitWidth: Theme.touchTarget; onClicked: viewer.zoom = Math.max(1, viewer.zoom / 1.5) }
                BigButton { text: "+"; tone: "quiet"; implicitWidth: Theme.touchTarget; onClicked: viewer.zoom = Math.min(6, viewer.zoom * 1.5) }
                TextField {
                    id: query
                    implicitWidth: 190
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("Search in the document")
                    onAccepted: viewer.find(query.text)
                }
                Text {
                    visible: viewer.searched.length > 0
                    text: viewer.hits.length > 0 ? qsTr("%1 of %2").arg(viewer.hitIndex + 1).arg(viewer.hits.length)
                                                 : qsTr("not found")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                BigButton { visible: viewer.hits.length > 1; text: "▸"; tone: "quiet"; implicitWidth: Theme.touchTarget
                            onClicked: viewer.showHit(viewer.hitIndex + 1) }
                component ToolButton: BigButton {
                    id: toolButton
                    property string name
                    implicitWidth: Theme.touchTarget + 20
                    tone: viewer.tool === toolButton.name ? "primary" : "quiet" // qmllint disable unqualified
                    onClicked: viewer.tool = viewer.tool === toolButton.name ? "" : toolButton.name // qmllint disable unqualified
                }
                ToolButton { name: "pen"; text: qsTr("Pen") }
                ToolButton { name: "highlighter"; text: qsTr("Highlight") }
                ToolButton { name: "text"; text: qsTr("Note") }
                ToolButton { name: "eraser"; text: qsTr("Erase") }
                BigButton {
                    visible: viewer.presenting
                    text: viewer.following ? qsTr("Following the presenter") : qsTr("Follow the presenter")
                    tone: viewer.following ? "success" : "quiet"
                    onClicked: {
                        viewer.following = !viewer.following
                        if (viewer.following)
                            viewer.page = Room.presentation.page - 1
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // Thumbnails
            ListView {
                id: thumbnails
                Layout.preferredWidth: 150
                Layout.fillHeight: true
                clip: true
                spacing: Theme.spacingSmall
                topMargin: Theme.spacingSmall
                model: viewer.pages
                currentIndex: viewer.page
                onCurrentIndexChanged: thumbnails.positionViewAtIndex(thumbnails.currentIndex, ListView.Contain)
                delegate: Item {
                    id: thumb
                    required property int index
                    width: ListView.view.width
                    height: 160
                    Rectangle {
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: 108
                        height: 140
                        color: Theme.surface
                        border.width: thumb.ListView.isCurrentItem ? 3 : 1
                        border.color: thumb.ListView.isCurrentItem ? Theme.primary : Theme.border
                        Image {
                            anchors.fill: parent
                            anchors.margins: 3
                            asynchronous: true
                            fillMode: Image.PreserveAspectFit
                            source: "image://pages/" + viewer.documentId + "/" + thumb.index + "/" // qmllint disable unqualified
                                    + Math.round(102 * Screen.devicePixelRatio)
                        }
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        anchors.bottom: parent.bottom
                        text: thumb.index + 1
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    MouseArea { anchors.fill: parent; onClicked: viewer.goTo(thumb.index) } // qmllint disable unqualified
                }
            }

            // The page
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true

                Flickable {
                    id: flick
                    anchors.fill: parent
                    readonly property real fit: Math.min((flick.width - 2 * Theme.spacing) / viewer.pageSize[0],
                                                         (flick.height - 2 * Theme.spacing) / viewer.pageSize[1])
                    readonly property real pageWidth: viewer.pageSize[0] * flick.fit * viewer.zoom
                    readonly property real pageHeight: viewer.pageSize[1] * flick.fit * viewer.zoom
                    contentWidth: Math.max(flick.width, flick.pageWidth + 2 * Theme.spacing)
                    contentHeight: Math.max(flick.height, flick.pageHeight + 2 * Theme.spacing)
                    boundsBehavior: Flickable.StopAtBounds

                    PinchArea {
                        width: flick.contentWidth
                        height: flick.contentHeight
                        property real startZoom: 1
                        onPinchStarted: startZoom = viewer.zoom
                        onPinchUpdated: (pinch) => viewer.zoom = Math.max(1, Math.min(6, startZoom * pinch.scale))

                        MouseArea {
                            anchors.fill: parent
                            onDoubleClicked: viewer.zoom = viewer.zoom > 1 ? 1 : 2.5
                        }

                        Rectangle {
                            id: paper
                            x: (flick.contentWidth - width) / 2
                            y: (flick.contentHeight - height) / 2
                            width: flick.pageWidth
                            height: flick.pageHeight
                            color: "white"
                            border.color: Theme.border

                            // The last sharp image stays visible (scaled) while the new size renders.
                            Image {
                                id: previous
                                anchors.fill: parent
                                smooth: true
                            }
                            Image {
                                id: page1
                                anchors.fill: parent
                                asynchronous: true
                                source: viewer.pages > 0 ? "image://pages/" + viewer.documentId + "/" + viewer.page + "/"
                                                           + Math.round(paper.width * Screen.devicePixelRatio) : ""
                                onStatusChanged: if (page1.status === Image.Ready) previous.source = page1.source
                            }

                            Repeater {
                                model: viewer.hits.filter(h => h.page === viewer.page)
                                delegate: Repeater {
                                    id: hit
                                    required property var modelData
                                    model: hit.modelData.rects
                                    delegate: Rectangle {
                                        id: mark
                                        required property var modelData
                                        readonly property real s: paper.width / viewer.pageSize[0] // qmllint disable unqualified
                                        x: mark.modelData[0] * mark.s - 2
                                        y: mark.modelData[1] * mark.s - 2
                                        width: (mark.modelData[2] - mark.modelData[0]) * mark.s + 4
                                        height: (mark.modelData[3] - mark.modelData[1]) * mark.s + 4
                                        color: "#66FFD54F"
                                        border.color: "#E0A526"
                                        radius: 2
                                    }
                                }
                            }

                            // The user's annotations (only theirs ever reach this tablet).
                            Repeater {
                                model: viewer.marks
                                delegate: Item {
                                    id: markItem
                                    required property var modelData
                                    readonly property real s: markItem.width / viewer.pageSize[0] // qmllint disable unqualified
                                    anchors.fill: parent
                                    opacity: markItem.modelData.pending ? 0.6 : 1
                                    Shape {
                                        anchors.fill: parent
                                        visible: markItem.modelData.kind !== "text"
                                        opacity: markItem.modelData.kind === "highlighter" ? 0.4 : 1
                                        ShapePath {
                                            strokeColor: markItem.modelData.color
                                            strokeWidth: markItem.modelData.width * markItem.s
                                            fillColor: "transparent"
                                            capStyle: ShapePath.RoundCap
                                            joinStyle: ShapePath.RoundJoin
                                            PathPolyline {
                                                path: markItem.modelData.points.map(p => Qt.point(p[0] * markItem.s, p[1] * markItem.s))
                                            }
                                        }
                                    }
                                    Rectangle {
                                        visible: markItem.modelData.kind === "text"
                                        x: markItem.modelData.points[0][0] * markItem.s
                                        y: markItem.modelData.points[0][1] * markItem.s
                                        width: Math.min(260, noteText.implicitWidth + 16)
                                        height: noteText.implicitHeight + 12
                                        radius: 6
                                        color: "#FFF3B0"
                                        border.color: "#E0A526"
                                        Text {
                                            id: noteText
                                            anchors.centerIn: parent
                                            width: Math.min(244, implicitWidth)
                                            text: markItem.modelData.text || ""
                                            font.pixelSize: Theme.fontSmall
                                            color: Theme.text
                                            wrapMode: Text.WordWrap
                                        }
                                    }
                                }
                            }

                            // The stroke being drawn.
                            Shape {
                                anchors.fill: parent
                                visible: viewer.stroke.length > 0
                                opacity: viewer.tool === "highlighter" ? 0.4 : 1
                                ShapePath {
                                    strokeColor: viewer.tool === "highlighter" ? "#FACC15" : "#1D4ED8"
                                    strokeWidth: (viewer.tool === "highlighter" ? 12 : 2) * paper.width / viewer.pageSize[0]
                                    fillColor: "transparent"
                                    capStyle: ShapePath.RoundCap
                                    joinStyle: ShapePath.RoundJoin
                                    PathPolyline {
                                        path: viewer.stroke.map(p => Qt.point(p[0] * paper.width / viewer.pageSize[0],
                                                                               p[1] * paper.width / viewer.pageSize[0]))
                                    }
                                }
                            }

                            // Drawing takes the touches while a tool is chosen; otherwise the page scrolls.
                            MouseArea {
                                anchors.fill: parent
                                enabled: viewer.tool.length > 0
                                preventStealing: true
                                readonly property real s: paper.width / viewer.pageSize[0]
                                onPressed: (mouse) => {
                                    const p = viewer.toPage(mouse.x, mouse.y, s)
                                    if (viewer.tool === "eraser") {
                                        viewer.eraseAt(p)
                                    } else if (viewer.tool === "text") {
                                        viewer.textAnchor = p
                                        noteDialog.open()
                                    } else {
                                        viewer.stroke = [p]
                                    }
                                }
                                onPositionChanged: (mouse) => {
                                    if (viewer.tool === "pen" || viewer.tool === "highlighter") {
                                        const p = viewer.toPage(mouse.x, mouse.y, s)
                                        const last = viewer.stroke[viewer.stroke.length - 1]
                                        if (!last || Math.abs(last[0] - p[0]) + Math.abs(last[1] - p[1]) >= 1)
                                            viewer.stroke = viewer.stroke.concat([p])
                                    }
                                }
                                onReleased: if (viewer.tool === "pen" || viewer.tool === "highlighter") viewer.finishStroke()
                            }

                            // Restricted documents carry the reader's name and the time on every page.
                            Item {
                                anchors.fill: parent
                                visible: viewer.restricted
                                clip: true
                                Repeater {
                                    model: 3
                                    delegate: Text {
                                        id: mark2
                                        required property int index
                                        x: (mark2.parent.width - mark2.width) / 2
                                        y: mark2.parent.height * (0.2 + 0.3 * mark2.index) - mark2.height / 2
                                        rotation: -30
                                        text: (Room.me.name || "") + " · " + Qt.formatDateTime(new Date(Room.now), "dd/MM/yyyy HH:mm")
                                        font.pixelSize: Math.max(12, mark2.parent.width / 32)
                                        font.weight: Font.Bold
                                        color: "#30B3261E"
                                    }
                                }
                            }
                        }
                    }
                }

                BigButton {
                    anchors.left: parent.left
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: Theme.spacingSmall
                    visible: viewer.page > 0
                    text: "‹"
                    tone: "quiet"
                    implicitWidth: Theme.touchTarget
                    opacity: 0.85
                    onClicked: viewer.goTo(viewer.page - 1)
                }
                BigButton {
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.rightMargin: Theme.spacingSmall
                    visible: viewer.page < viewer.pages - 1
                    text: "›"
                    tone: "quiet"
                    implicitWidth: Theme.touchTarget
                    opacity: 0.85
                    onClicked: viewer.goTo(viewer.page + 1)
                }

                Text {
                    anchors.centerIn: parent
                    visible: viewer.info.status !== "ready"
                    width: parent.width * 0.6
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    text: viewer.info.status === "failed" ? viewer.info.error
                        : qsTr("Opening the document… %1%").arg(Math.round(100 * (viewer.info.progress || 0)))
                    font.pixelSize: Theme.fontLarge
                    color: viewer.info.status === "failed" ? Theme.danger : Theme.textMuted
                }
            }
        }
    }

    RoomDialog {
        id: noteDialog
        title: qsTr("Note on page %1").arg(viewer.page + 1)
        standardButtons: Dialog.Cancel | Dialog.Save
        TextField {
            id: noteField
            width: parent.width
            implicitHeight: Theme.touchTarget
            placeholderText: qsTr("Your note (only you will see it)")
        }
        onAccepted: {
            if (noteField.text.trim().length > 0)
                Room.saveAnnotation(viewer.documentId, { page: viewer.page + 1, kind: "text", points: [viewer.textAnchor],
                                                         text: noteField.text.trim() })
            noteField.text = ""
        }
    }
}
