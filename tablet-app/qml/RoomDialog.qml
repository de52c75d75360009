import QtQuick
import PhongHop.Tablet
import QtQuick.Controls

// A modal dialog in the app's look: centred, rounded, large title, room to tap.
Dialog {
    id: dialog
    anchors.centerIn: Overlay.overlay
    modal: true
    width: Math.min(600, (parent ? parent.width : 600) - 2 * Theme.spacingLarge)
    padding: Theme.spacingLarge
    topPadding: Theme.spacing
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }
    header: Text {
        text: dialog.title
        visible: dialog.title.length > 0
        leftPadding: Theme.spacingLarge
        rightPadding: Theme.spacingLarge
        topPadding: Theme.spacingLarge
        font.pixelSize: Theme.fontTitle
        font.weight: Font.Bold
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    Overlay.modal: Rectangle { color: "#8012233A" }
}
