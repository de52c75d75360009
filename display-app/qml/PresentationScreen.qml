import QtQuick
import PhongHop.Tablet
import QtQuick.Window
import QtMultimedia

// The page the chair presents, rendered by MuPDF at the screen's own resolution, turning with the
// chair — or the video clip the chair presents, played from its start while it is presented.
Item {
    id: screen
    objectName: "presentation"
    readonly property string document: Room.presentation.document || ""
    readonly property var info: Room.library.revision >= 0 && screen.document.length > 0 ? Room.library.info(screen.document) : ({})
    readonly property var size: (screen.info.sizes || [])[(Room.presentation.page || 1) - 1] || [595, 842]
    readonly property real fit: Math.min(screen.width / screen.size[0], (screen.height - 80) / screen.size[1])
    readonly property bool pageReady: page.status === Image.Ready
    readonly property url pageSource: page.source
    readonly property bool video: (Room.presentation.mediaType || "").startsWith("video/")
    readonly property string videoUrl: screen.video && screen.info.status === "ready" ? (screen.info.url || "") : ""
    // Set by the clip while it plays (read by tests): playing, and frames that reached the screen.
    property bool videoPlaying: false
    property int framesShown: 0

    // The player exists only while a clip is presented: no media framework (and no sound server
    // connection) for pages; unloading it stops the clip.
    Loader {
        id: clip
        anchors.fill: parent
        anchors.bottomMargin: 80
        active: screen.video && screen.videoUrl.length > 0
        onActiveChanged: if (!clip.active) { screen.videoPlaying = false; screen.framesShown = 0 }
        sourceComponent: Item {
            MediaPlayer {
                id: player
                source: screen.videoUrl // qmllint disable unqualified
                videoOutput: surface
                audioOutput: AudioOutput {}
                onPlaybackStateChanged: screen.videoPlaying = player.playbackState === MediaPlayer.PlayingState // qmllint disable unqualified
                onErrorOccurred: (error, errorString) => console.info("display: the video cannot be played:", errorString)
                Component.onCompleted: player.play()
            }
            VideoOutput {
                id: surface
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
            }
            Connections {
                target: surface.videoSink
                function onVideoFrameChanged() { screen.framesShown += 1 } // qmllint disable unqualified
            }
        }
    }

    onDocumentChanged: if (screen.document.length > 0) Room.library.open(screen.document)
    Component.onCompleted: if (screen.document.length > 0) Room.library.open(screen.document)

    Rectangle {
        visible: !screen.video
        anchors.centerIn: parent
        anchors.verticalCenterOffset: -30
        width: screen.size[0] * screen.fit
        height: screen.size[1] * screen.fit
        color: "white"
        Image {
            id: previous
            anchors.fill: parent
        }
        Image {
            id: page
            anchors.fill: parent
            asynchronous: true
            source: screen.info.status === "ready" && !screen.video
                    ? "image://pages/" + screen.document + "/" + ((Room.presentation.page || 1) - 1) + "/" + Math.round(parent.width * Screen.devicePixelRatio)
                    : ""
            onStatusChanged: if (page.status === Image.Ready) previous.source = page.source
        }
    }
    WallText {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        text: screen.video ? (Room.presentation.title || "")
                           : qsTr("%1 — page %2 of %3").arg(Room.presentation.title || "").arg(Room.presentation.page || 0).arg(Room.presentation.pages || 0)
        color: Wall.textMuted
        font.pixelSize: Wall.fontSmall
        maximumLineCount: 1
        elide: Text.ElideRight
        width: Math.min(implicitWidth, parent.width)
    }
}
