import QtQuick
import PhongHop.Tablet
import QtQuick.Controls
import QtQuick.Layouts

// Finding the room server and logging in with the PIN slip or a one-time code.
Rectangle {
    id: screen
    color: Theme.topBar

    function submit() {
        // Read every field before anything changes: setServer() notifies the store's listeners.
        const code = Room.parseServerCode(serverCode.text) || {} // {host, port, fingerprint, token}, or undefined
        const who = participant.text
        const secret = pin.text
        if (code.host)
            Room.setServer(code.host, code.port, code.fingerprint)
        else
            Room.setServer(host.text, parseInt(port.text) || 9443, fingerprint.text)
        pin.text = ""
        if (code.token)
            Room.loginWithCode(code.token)
        else
            Room.loginWithPin(who, secret)
    }

    // A scanned code fills the form; a code with a one-time login code logs in at once.
    function useCode(text) {
        scanner.active = false
        const code = Room.parseServerCode(text) || {}
        if (!code.host) {
            Room.reportLoginProblem(qsTr("This QR code is not a room server's code."))
            return
        }
        host.text = code.host
        port.text = code.port
        fingerprint.text = code.fingerprint
        serverCode.text = text
        if (code.token)
            screen.submit()
    }

    // The fields start from what the tablet remembers, once; typing is never overwritten.
    Component.onCompleted: {
        host.text = Room.serverHost
        port.text = Room.serverPort > 0 ? Room.serverPort : "9443"
        fingerprint.text = Room.serverFingerprint
        participant.text = Room.participantHint
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 48
        spacing: 48

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("Paperless meeting room")
                color: Theme.textOnDark
                font.pixelSize: Theme.fontDisplay
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Log in with the delegate code and PIN printed on your slip, or scan the code shown by the secretary.")
                color: "#C8D6E8"
                font.pixelSize: Theme.fontLarge
                wrapMode: Text.WordWrap
            }
            Item { Layout.fillHeight: true }
            Text {
                Layout.fillWidth: true
                text: qsTr("The tablet only talks to the room server whose fingerprint it was given. Ask the secretary if the fingerprint does not match.")
                color: "#9FB3CC"
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
        }

        Card {
            Layout.preferredWidth: 560
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.spacing

            Text {
                text: qsTr("Log in")
                font.pixelSize: Theme.fontHeadline
                font.weight: Font.Bold
                color: Theme.text
            }

            Label { text: qsTr("Room server"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall
                TextField {
                    id: host
                    objectName: "host"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("Address, e.g. 192.168.1.10")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                }
                TextField {
                    id: port
                    objectName: "port"
                    Layout.preferredWidth: 110
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("Port")
                    inputMethodHints: Qt.ImhDigitsOnly
                }
            }
            TextField {
                id: fingerprint
                objectName: "fingerprint"
                Layout.fillWidth: true
                implicitHeight: Theme.touchTarget
                placeholderText: qsTr("Certificate fingerprint (SHA-256)")
                font.pixelSize: Theme.fontSmall
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall
                TextField {
                    id: serverCode
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("…or paste the scanned code (phonghop://…)")
                    font.pixelSize: Theme.fontSmall
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                }
                BigButton {
                    text: qsTr("Scan QR code")
                    tone: "quiet"
                    onClicked: scanner.active = true
                }
            }

            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }

            Label { text: qsTr("Delegate code and PIN"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall
                TextField {
                    id: participant
                    objectName: "participant"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("Delegate code")
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                }
                TextField {
                    id: pin
                    objectName: "pin"
                    Layout.preferredWidth: 180
                    implicitHeight: Theme.touchTarget
                    placeholderText: qsTr("PIN")
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                    onAccepted: screen.submit()
                }
            }

            Text {
                Layout.fillWidth: true
                visible: Room.loginError.length > 0
                text: Room.loginError
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            BigButton {
                objectName: "loginButton"
                Layout.fillWidth: true
                big: true
                text: Room.busy ? qsTr("Connecting…") : qsTr("Log in")
                enabled: !Room.busy
                onClicked: screen.submit()
            }
        }
    }

    // The camera only runs while the scanner is open.
    Loader {
        id: scanner
        objectName: "qrScanner"
        anchors.fill: parent
        active: false
        sourceComponent: QrScanView {
            onClosed: scanner.active = false // qmllint disable unqualified
            onCodeFound: (text) => screen.useCode(text) // qmllint disable unqualified
        }
    }
}
