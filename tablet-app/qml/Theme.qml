pragma Singleton
import QtQuick

// Every colour, size and font of the tablet app. Screens take their constants from here only.
QtObject {
    // Inter has every Vietnamese letter with its diacritics (packaged as fonts-inter).
    readonly property string fontFamily: "Inter"

    readonly property color background: "#F3F1EC"
    readonly property color surface: "#FFFFFF"
    readonly property color surfaceMuted: "#F8F7F4"
    readonly property color border: "#DCD7CC"
    readonly property color text: "#1D232B"
    readonly property color textMuted: "#5E6670"
    readonly property color textOnDark: "#FFFFFF"
    readonly property color primary: "#17457A"
    readonly property color primaryLight: "#E3ECF7"
    readonly property color current: "#FFF4D6"
    readonly property color currentBorder: "#E0A526"
    readonly property color success: "#1E7B46"
    readonly property color successLight: "#E2F3E9"
    readonly property color danger: "#B3261E"
    readonly property color dangerLight: "#FBE6E4"
    readonly property color warning: "#9A5B00"
    readonly property color warningLight: "#FFF1DC"
    readonly property color neutral: "#6B7280"
    readonly property color topBar: "#12365F"

    readonly property int fontSmall: 15
    readonly property int fontBody: 18
    readonly property int fontLarge: 21
    readonly property int fontTitle: 24
    readonly property int fontHeadline: 30
    readonly property int fontDisplay: 44

    readonly property int spacingSmall: 8
    readonly property int spacing: 16
    readonly property int spacingLarge: 24
    readonly property int radius: 14
    readonly property int radiusSmall: 8
    // Fingers, not mouse pointers: nothing a delegate taps is smaller than this.
    readonly property int touchTarget: 56
    readonly property int bigTouchTarget: 88
    readonly property int topBarHeight: 72
}
