import QtQuick
import PhongHop.Tablet
import QtQuick.Layouts

// A white panel with an optional title; children go into a column below the title.
Rectangle {
    id: card
    property string title
    property color accent: "transparent"
    // Content that should take the card's whole height (a list) sets this; otherwise the content
    // sits at the top, at its natural height.
    property bool fillContent: false
    readonly property int inset: card.accent !== Qt.color("transparent") ? Theme.spacing + 10 : Theme.spacing
    default property alias content: body.data
    property alias spacing: body.spacing

    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border
    border.width: 1
    implicitWidth: 320
    implicitHeight: body.implicitHeight + (heading.visible ? heading.implicitHeight + Theme.spacingSmall : 0) + 2 * Theme.spacing

    Rectangle {
        visible: card.accent !== Qt.color("transparent")
        color: card.accent
        width: 6
        radius: 3
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.spacingSmall }
    }

    Text {
        id: heading
        visible: card.title.length > 0
        text: card.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 0.6
        color: Theme.textMuted
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing; leftMargin: card.inset }
        elide: Text.ElideRight
    }

    ColumnLayout {
        id: body
        spacing: Theme.spacingSmall
        anchors {
            left: parent.left; right: parent.right
            top: heading.visible ? heading.bottom : parent.top
            leftMargin: card.inset; rightMargin: Theme.spacing
            topMargin: heading.visible ? Theme.spacingSmall : Theme.spacing
        }
        height: card.fillContent ? card.height - y - Theme.spacing : implicitHeight
    }
}
