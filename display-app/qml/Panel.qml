import QtQuick

// A dark rounded panel.
Rectangle {
    color: Wall.panel
    radius: Wall.radius
    border.color: Wall.panelBorder
    border.width: 2
}
