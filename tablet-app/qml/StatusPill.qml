import QtQuick
import PhongHop.Tablet

// A small rounded label: a status word on a tinted background.
Rectangle {
    id: pill
    property string text
    property color tint: Theme.primaryLight
    property color ink: Theme.primary

    implicitWidth: label.implicitWidth + 2 * Theme.spacing
    implicitHeight: label.implicitHeight + Theme.spacingSmall
    radius: height / 2
    color: pill.tint

    Text {
        id: label
        anchors.centerIn: parent
        text: pill.text
        color: pill.ink
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
}
