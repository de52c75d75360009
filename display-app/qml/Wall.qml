pragma Singleton
import QtQuick

// Every colour, size and font of the wall display: high contrast and big type, read from the back
// row of a large room.
QtObject {
    readonly property string fontFamily: "Inter"

    readonly property color background: "#0B1B2E"
    readonly property color panel: "#12294A"
    readonly property color panelBorder: "#23416B"
    readonly property color text: "#FFFFFF"
    readonly property color textMuted: "#A9BCD6"
    readonly property color accent: "#F2C94C"
    readonly property color success: "#4ADE80"
    readonly property color danger: "#F87171"
    readonly property color warning: "#FBBF24"
    readonly property color bar: "#1F3B63"

    readonly property int fontSmall: 30
    readonly property int fontBody: 40
    readonly property int fontLarge: 52
    readonly property int fontTitle: 64
    readonly property int fontHuge: 96
    readonly property int fontGiant: 160

    readonly property int margin: 64
    readonly property int spacing: 32
    readonly property int radius: 24
    readonly property int fadeMs: 400
}
