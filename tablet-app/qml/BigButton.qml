import QtQuick
import PhongHop.Tablet
import QtQuick.Controls

// A button for fingers: at least Theme.touchTarget high, coloured by its `tone`.
Button {
    id: button
    // "primary", "neutral", "success", "danger", "warning", "quiet"
    property string tone: "primary"
    property bool big: false

    readonly property color toneColor: tone === "success" ? Theme.success
                                     : tone === "danger" ? Theme.danger
                                     : tone === "warning" ? Theme.warning
                                     : tone === "neutral" ? Theme.neutral
                                     : tone === "quiet" ? Theme.surface : Theme.primary

    implicitHeight: big ? Theme.bigTouchTarget : Theme.touchTarget
    implicitWidth: Math.max(implicitHeight * 2, contentItem.implicitWidth + 2 * Theme.spacingLarge)
    font.family: Theme.fontFamily
    font.pixelSize: big ? Theme.fontTitle : Theme.fontBody
    font.weight: Font.DemiBold

    contentItem: Text {
        text: button.text
        font: button.font
        color: button.tone === "quiet" ? Theme.primary : Theme.textOnDark
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radiusSmall
        color: !button.enabled ? "#C9CDD3" : button.down ? Qt.darker(button.toneColor, 1.2) : button.toneColor
        border.color: button.tone === "quiet" ? Theme.border : "transparent"
        border.width: 1
    }
}
