import QtQuick

// Text on the wall: white, Inter, wraps.
Text {
    color: Wall.text
    font.family: Wall.fontFamily
    font.pixelSize: Wall.fontBody
    wrapMode: Text.WordWrap
}
