import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia

// The camera, pointed at the QR code on the wall display or on a login slip. Reports the code's
// text once; says so plainly when the tablet has no camera.
Rectangle {
    id: scan
    signal codeFound(string text)
    signal closed()
    color: "#101820"

    MediaDevices { id: devices }

    CaptureSession {
        camera: Camera {
            id: camera
            active: devices.videoInputs.length > 0
        }
        videoOutput: preview
    }

    QrScanner {
        videoSink: preview.videoSink
        onFound: (text) => {
            camera.active = false
            scan.codeFound(text)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingLarge
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("Point the camera at the QR code on the wall display or on your login slip.")
            color: Theme.textOnDark
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            VideoOutput {
                id: preview
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
            }
            Text {
                anchors.centerIn: parent
                visible: devices.videoInputs.length === 0
                text: qsTr("This tablet has no camera. Type the address and fingerprint, or paste the code.")
                color: Theme.textOnDark
                font.pixelSize: Theme.fontLarge
                width: parent.width * 0.7
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
        BigButton {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Close")
            tone: "quiet"
            onClicked: scan.closed()
        }
    }
}
