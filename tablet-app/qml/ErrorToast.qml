import QtQuick
import PhongHop.Tablet

// Shows the reason when the server refuses a command, for a few seconds, at the bottom of the screen.
Rectangle {
    id: toast
    property string message
    anchors.horizontalCenter: parent.horizontalCenter
    anchors.bottom: parent.bottom
    anchors.bottomMargin: Theme.spacingLarge
    width: Math.min(parent.width - 2 * Theme.spacingLarge, label.implicitWidth + 2 * Theme.spacingLarge)
    height: label.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.danger
    opacity: toast.message.length > 0 ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: 200 } }

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, toast.parent.width - 4 * Theme.spacingLarge)
        text: toast.message
        color: Theme.textOnDark
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
    }
    Timer {
        id: hide
        interval: 6000
        onTriggered: toast.message = ""
    }
    Connections {
        target: Room
        function onCommandFinished(id, ok, code, message) {
            if (!ok) {
                toast.message = message
                hide.restart()
            }
        }
    }
}
