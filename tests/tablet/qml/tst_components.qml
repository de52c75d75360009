import QtQuick
import QtTest
import PhongHop.Tablet

// Components with logic, built on an empty Room (no server): the countdown's warning, the result's
// verdict and bars, the buttons' tones.
Item {
    width: 800
    height: 600

    Countdown { id: countdown }
    ResultView { id: result; width: 600 }
    BigButton { id: danger; tone: "danger"; text: "Không đồng ý" }

    TestCase {
        name: "Components"
        when: windowShown

        function test_countdown_warns_in_the_last_seconds() {
            countdown.endsAt = Room.now + 120000
            verify(!countdown.warning)
            verify(countdown.text === "2:00" || countdown.text === "1:59", countdown.text)
            countdown.endsAt = Room.now + 10000
            verify(countdown.warning)
            compare(countdown.color, Theme.danger)
            countdown.endsAt = 0
            compare(countdown.text, "–")
            verify(!countdown.warning)
        }

        function test_result_verdict_and_bars() {
            result.poll = {
                question: "Thông qua Nghị quyết",
                kind: "yes_no",
                published: true,
                result: {
                    outcome: "passed",
                    options: [{ label: "Đồng ý", votes: 17, reached: true }, { label: "Không đồng ý", votes: 1, reached: false }],
                    abstentions: 1, abstain_label: "Không biểu quyết", ballotCount: 19, present: 20, members: 21,
                    statement_vi: "Được thông qua", statement_en: "Adopted"
                }
            }
            compare(result.outcome, "passed")
            compare(result.maxVotes, 17)
            result.poll = { question: "x", kind: "yes_no", result: { outcome: "not_valid", options: [] } }
            compare(result.outcome, "not_valid")
            compare(result.maxVotes, 1) // never divides by zero
        }

        function test_button_tone() {
            compare(danger.toneColor, Theme.danger)
            verify(danger.implicitHeight >= Theme.touchTarget)
        }
    }
}
