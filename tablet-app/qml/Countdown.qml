import QtQuick
import PhongHop.Tablet
import "Format.js" as Format

// Time left until `endsAt` (server ms), read from Room.now; red in the last `warnSeconds`.
Text {
    id: countdown
    property double endsAt: 0
    property int warnSeconds: 30
    readonly property double remainingMs: Format.remaining(countdown.endsAt, Room.now)
    readonly property bool warning: countdown.endsAt > 0 && countdown.remainingMs <= countdown.warnSeconds * 1000

    text: countdown.endsAt > 0 ? Format.duration(countdown.remainingMs) : "–"
    color: countdown.warning ? Theme.danger : Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontHeadline
    font.weight: Font.Bold
}
