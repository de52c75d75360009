import QtQuick
import PhongHop.Tablet
import QtQuick.Window

// The wall display: one screen at a time, chosen from the room's state, faded from one to the next.
Window {
    id: wall
    // "main": the room's big screen; "side": a screen beside it with the floor and the time.
    property string layout: "main"
    // What tablets scan to find and pin the room server (phonghop://HOST:PORT?fp=…); "" hides the code.
    property string serverCode: ""
    // The room's audio is being recorded (set by the application's recorder).
    property bool recording: false
    width: 1920
    height: 1080
    visible: true
    color: Wall.background
    title: qsTr("Wall display")

    // When the latest presentation began; kept after it ends, so that a result shown before it
    // does not come back when the chair stops presenting.
    property real presentedSince: 0
    readonly property real presentationSince: Room.presentation.since || 0
    onPresentationSinceChanged: wall.presentedSince = Math.max(wall.presentedSince, wall.presentationSince)

    readonly property string current: {
        if (!Room.loggedIn || !Room.meeting.id || Room.connection !== "online")
            return "waiting"
        if (wall.layout === "side")
            return "side"
        const poll = Room.livePoll
        if (poll.status === "open")
            return "vote"
        // Check-in, before the chair opens the session.
        if (Room.meeting.status === "scheduled")
            return "attendance"
        const latest = Math.max(Room.speaker.grantedAt || 0, Room.currentItem.startedAt || 0, wall.presentedSince)
        if (poll.status === "closed" && poll.published && (poll.publishedAt || 0) >= latest)
            return "result"
        if (Room.presentation.document)
            return "presentation"
        if (Room.speaker.id !== undefined)
            return "speaker"
        if (Room.currentItem.id !== undefined)
            return "item"
        return "idle"
    }

    TopStrip {
        id: strip
        recording: wall.recording
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        visible: wall.current !== "waiting"
    }

    Item {
        id: stage
        anchors.top: strip.visible ? strip.bottom : parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: announcement.top

        component Scene: Item {
            id: scene
            property string name
            anchors.fill: parent
            opacity: wall.current === scene.name ? 1 : 0 // qmllint disable unqualified
            visible: opacity > 0
            Behavior on opacity { NumberAnimation { duration: Wall.fadeMs } }
        }
        Scene { name: "waiting"; WaitingScreen { anchors.fill: parent; roomName: Room.meeting.place || Room.meeting.title || qsTr("Meeting room") } }
        Scene { name: "attendance"; AttendanceScreen { anchors.fill: parent; serverCode: wall.serverCode } } // qmllint disable unqualified
        Scene { name: "idle"; IdleScreen { anchors.fill: parent; serverCode: wall.serverCode } } // qmllint disable unqualified
        Scene { name: "item"; ItemScreen { anchors.fill: parent } }
        Scene { name: "speaker"; SpeakerScreen { anchors.fill: parent } }
        Scene { name: "vote"; VoteScreen { anchors.fill: parent } }
        Scene { name: "result"; ResultScreen { anchors.fill: parent } }
        Scene { name: "presentation"; PresentationScreen { anchors.fill: parent } }
        Scene { name: "side"; SideScreen { anchors.fill: parent } }
    }

    AnnouncementBar {
        id: announcement
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: wall.current !== "waiting" && message.length > 0
    }
}
