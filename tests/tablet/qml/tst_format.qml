import QtQuick
import QtTest
import "../../../tablet-app/qml/Format.js" as Format

TestCase {
    name: "Format"

    function test_duration_data() {
        return [
            { tag: "zero", ms: 0, text: "0:00" },
            { tag: "rounds up a started second", ms: 1, text: "0:01" },
            { tag: "minutes", ms: 299000, text: "4:59" },
            { tag: "hours", ms: 3723000, text: "1:02:03" },
            { tag: "negative counts as zero", ms: -5000, text: "0:00" }
        ]
    }
    function test_duration(data) {
        compare(Format.duration(data.ms), data.text)
    }

    function test_remaining() {
        compare(Format.remaining(10000, 4000), 6000)
        compare(Format.remaining(10000, 12000), 0)
    }

    function test_itemRemaining() {
        // 15 planned minutes, 5 used before, active again for 2 minutes: 8 minutes left.
        compare(Format.itemRemaining(15, 300000, 1000000, true, 1120000), 480000)
        // Not active: the running period does not count.
        compare(Format.itemRemaining(15, 300000, 1000000, false, 9999999), 600000)
        // Over time is negative.
        verify(Format.itemRemaining(1, 0, 1000, true, 200000) < 0)
    }

    function test_details() {
        compare(Format.details(["Sở Tài chính", "", "40 phút", null]), "Sở Tài chính · 40 phút")
        compare(Format.details([]), "")
    }

    function test_shortHash() {
        compare(Format.shortHash("3905df43b8ac696e5943847840e403adafb5950b11bf8da0a06843fef98d9e9b"), "3905df43…9e9b")
        compare(Format.shortHash(""), "")
        compare(Format.shortHash("abc"), "abc")
    }
}
