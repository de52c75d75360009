// Recordings of the room's audio per agenda item: logged by the server after an upload, kept in
// the state for the minutes.
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

Json recordingArgs(char idChar, const std::string& item, std::int64_t durationMs = 1'815'340) {
    return Json{{"id", hexId(idChar)}, {"item", item}, {"format", "ogg-opus"}, {"bytes", 1'843'200},
                {"duration_ms", durationMs}, {"started_at", kT0}};
}

} // namespace

TEST_CASE("a recording is logged for its agenda item, also after the session has closed") {
    Given g = opened();
    const std::string item = g.s.agenda.front().id;
    auto ev = g.run(kDisplay, "recording.add", recordingArgs('a', item));
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "recording.added");
    CHECK(ev[0].payload.at("recording").at("by") == "mh");
    CHECK_FALSE(ev[0].payload.at("recording").contains("added_at"));
    const Recording& r = g.s.recordings.at(hexId('a'));
    CHECK(r.item == item);
    CHECK(r.format == "ogg-opus");
    CHECK(r.durationMs == 1'815'340);
    CHECK(r.startedAt == kT0);
    CHECK(r.addedAt == g.s.time);
    CHECK(maySeeRecording(r, "mh", Role::Display));
    CHECK(maySeeRecording(r, "ct", Role::Chair));
    CHECK_FALSE(maySeeRecording(r, "d1", Role::Delegate));
    CHECK_FALSE(maySeeRecording(r, "other-display", Role::Display));

    g.run(kSecretary, "recording.add", recordingArgs('b', item));
    g.run(kChair, "meeting.close");
    // The last item's file is finished as the session ends and arrives afterwards.
    g.run(kAdmin, "recording.add", recordingArgs('c', item));
    CHECK(g.s.recordings.size() == 3);
    CHECK(toJson(stateFromJson(g.json())) == g.json());
}

TEST_CASE("bad recordings are refused and change nothing") {
    Given draft = drafted();
    draft.fail(kDisplay, "recording.add", recordingArgs('a', "1"), ErrorCode::InvalidState);
    Given g = opened();
    const std::string item = g.s.agenda.front().id;
    for (const auto& who : {kChair, delegate(1), kGuest})
        g.fail(who, "recording.add", recordingArgs('a', item), ErrorCode::Forbidden);
    g.fail(kDisplay, "recording.add", recordingArgs('a', "khong-co"), ErrorCode::NotFound);
    auto with = [&](const char* key, Json value) {
        Json a = recordingArgs('a', item);
        a[key] = std::move(value);
        return a;
    };
    g.fail(kDisplay, "recording.add", with("id", "ABC"), ErrorCode::InvalidArgument);
    g.fail(kDisplay, "recording.add", with("format", "mp3"), ErrorCode::InvalidArgument);
    g.fail(kDisplay, "recording.add", with("bytes", 0), ErrorCode::InvalidArgument);
    g.fail(kDisplay, "recording.add", with("duration_ms", 0), ErrorCode::InvalidArgument);
    g.fail(kDisplay, "recording.add", with("duration_ms", 24LL * 3600 * 1000 + 1), ErrorCode::InvalidArgument);
    g.fail(kDisplay, "recording.add", with("started_at", -1), ErrorCode::InvalidArgument);
    Json noItem = recordingArgs('a', item);
    noItem.erase("item");
    g.fail(kDisplay, "recording.add", noItem, ErrorCode::MissingField);
    g.run(kDisplay, "recording.add", recordingArgs('a', item));
    g.fail(kSecretary, "recording.add", recordingArgs('a', item), ErrorCode::Duplicate);
    CHECK(g.s.recordings.size() == 1);
}
