import QtQuick

// The QR code a tablet scans to find and pin the room server (phonghop://HOST:PORT?fp=…).
Panel {
    id: panel
    property string serverCode
    property int codeSize: 300
    visible: panel.serverCode.length > 0
    width: Math.max(380, panel.codeSize + 80)
    height: panel.codeSize + 160
    Image {
        id: code
        anchors.top: parent.top
        anchors.topMargin: Wall.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        width: panel.codeSize
        height: panel.codeSize
        sourceSize.width: panel.codeSize
        sourceSize.height: panel.codeSize
        smooth: false
        source: panel.serverCode.length > 0 ? "image://qr/" + encodeURIComponent(panel.serverCode) : ""
    }
    WallText {
        anchors.top: code.bottom
        anchors.topMargin: Wall.spacing / 2
        anchors.horizontalCenter: parent.horizontalCenter
        width: parent.width - Wall.spacing
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Scan with your tablet to connect")
        font.pixelSize: Wall.fontSmall
        color: Wall.textMuted
    }
}
