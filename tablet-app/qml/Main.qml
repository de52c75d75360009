import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts

// The tablet's window: the login screen, then the screen of the user's role.
ApplicationWindow {
    id: window
    // Which part of a role's screen is in front: "agenda", "floor" or "vote" for a delegate; the
    // chair's console and the secretary's desk show everything at once.
    property string view: "agenda"

    width: 1280
    height: 800
    visible: true
    title: qsTr("Paperless meeting room")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    header: TopBar {
        visible: Room.loggedIn
    }

    Loader {
        anchors.fill: parent
        sourceComponent: !Room.loggedIn ? login
                       : Room.role === "chair" ? chair
                       : Room.role === "secretary" ? secretary : delegate
    }

    Component {
        id: login
        LoginScreen {}
    }
    Component {
        id: chair
        ChairConsole {}
    }
    Component {
        id: secretary
        SecretaryDesk {}
    }
    Component {
        id: delegate
        DelegateHome {
            view: window.view // qmllint disable unqualified
            onViewRequested: (name) => window.view = name
        }
    }
}
