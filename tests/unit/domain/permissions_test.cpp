// The permission table, written out so that any change to it is a visible change here.
#include <algorithm>

#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

// Columns, in kAllRoles order: C chair, S secretary, D delegate, G guest, W wall display, A admin.
// A letter means the role may issue the command; '-' means it may not.
struct Row {
    std::string_view type;
    std::string_view roles;
};
constexpr Row kTable[] = {
    {"meeting.define",          "-----A"},
    {"meeting.open",            "C-----"},
    {"meeting.close",           "C-----"},
    {"attendance.check_in",     "CSDG-A"},
    {"attendance.check_out",    "CSDG-A"},
    {"attendance.note_absence", "CS---A"},
    {"proxy.grant",             "CS---A"},
    {"proxy.revoke",            "CS---A"},
    {"agenda.start",            "C-----"},
    {"agenda.finish",           "C-----"},
    {"agenda.next",             "C-----"},
    {"agenda.skip",             "C-----"},
    {"speaker.request",         "CSDG--"},
    {"speaker.withdraw",        "CSDG--"},
    {"speaker.grant",           "C-----"},
    {"speaker.revoke",          "C-----"},
    {"speaker.finish",          "CSDG--"},
    {"speaker.extend",          "C-----"},
    {"announcement.make",       "CS----"},
    {"announcement.clear",      "CS----"},
    {"presentation.start",      "C-----"},
    {"presentation.page",       "C-----"},
    {"presentation.stop",       "C-----"},
    {"document.add",            "-S---A"},
    {"document.remove",         "-S---A"},
    {"poll.create",             "CS----"},
    {"poll.open",               "C-----"},
    {"poll.cast",               "CSDG--"},
    {"poll.close",              "C----A"}, // A: only the server itself ("system"), when time is up
    {"poll.publish",            "C-----"},
    {"poll.cancel",             "C-----"},
    {"poll.rerun",              "CS----"},
    {"note.save",               "CSDG--"}, // each their own (the projection hides them from everyone else)
    {"annotation.save",         "CSDG--"},
    {"annotation.delete",       "CSDG--"},
    {"recording.add",           "-S--XA"}, // issued by the server after an upload (POST /api/recordings)
};

/// An actor of each role, on the roster of the default meeting.
Actor actorFor(Role r) {
    switch (r) {
    case Role::Chair: return kChair;
    case Role::Secretary: return kSecretary;
    case Role::Delegate: return delegate(1);
    case Role::Guest: return kGuest;
    case Role::Display: return kDisplay;
    case Role::Admin: return kAdmin;
    }
    return kGuest;
}

} // namespace

TEST_SUITE("permissions") {

TEST_CASE("the command list is exactly the table, in its append-only order") {
    const auto list = commandTypes();
    REQUIRE(list.size() == std::size(kTable));
    for (std::size_t i = 0; i < list.size(); ++i) {
        INFO("index ", i);
        CHECK(list[i] == kTable[i].type);
        CHECK(isCommandType(kTable[i].type));
    }
    CHECK(std::size(kAllRoles) == 6);
}

TEST_CASE("roleMay matches the table for every command and role") {
    for (const auto& row : kTable) {
        REQUIRE(row.roles.size() == std::size(kAllRoles));
        for (std::size_t r = 0; r < std::size(kAllRoles); ++r) {
            INFO("command: ", std::string(row.type));
            INFO("role: ", std::string(roleName(kAllRoles[r])));
            CHECK(roleMay(kAllRoles[r], row.type) == (row.roles[r] != '-'));
        }
    }
}

TEST_CASE("the display may do nothing but hand in its recordings; nobody may use an unknown command") {
    for (const auto t : commandTypes()) CHECK(roleMay(Role::Display, t) == (t == "recording.add"));
    for (const auto r : kAllRoles) {
        CHECK_FALSE(roleMay(r, "meeting.delete"));
        CHECK_FALSE(roleMay(r, ""));
        CHECK_FALSE(roleMay(r, "MEETING.OPEN"));
    }
    CHECK_FALSE(isCommandType("meeting.delete"));
    CHECK_FALSE(isCommandType("meeting.open "));
}

TEST_CASE("decide refuses every role the table excludes, with no events, whatever the state") {
    for (Given g : {drafted(), defined(), seated()}) {
        const Json before = g.json();
        for (const auto& row : kTable) {
            for (std::size_t r = 0; r < std::size(kAllRoles); ++r) {
                if (row.roles[r] != '-') continue;
                const Actor a = actorFor(kAllRoles[r]);
                INFO("command: ", std::string(row.type));
                INFO("actor: ", a.id);
                // Well-formed arguments and malformed ones: the role check comes first either way.
                for (const Json& args : {Json::object(), Json{{"participant", "d1"}, {"item", "1"}}, Json("x")}) {
                    auto res = decide(g.s, a, Command{std::string(row.type), args}, g.clock);
                    REQUIRE_FALSE(res.ok());
                    CHECK(res.error().code == ErrorCode::Forbidden);
                    CHECK(res.error().messageVi.find(roleName(a.role)) != std::string::npos);
                }
            }
        }
        CHECK(g.json() == before);
    }
}

TEST_CASE("decide never answers Forbidden from the table to a role the table allows") {
    // With empty arguments in a seated meeting every allowed role gets past the role check; the
    // finer per-person rules (acting for others, finishing someone else's speech) are tested apart.
    Given g = seated();
    for (const auto& row : kTable) {
        for (std::size_t r = 0; r < std::size(kAllRoles); ++r) {
            if (row.roles[r] == '-') continue;
            const Actor a = actorFor(kAllRoles[r]);
            INFO("command: ", std::string(row.type));
            INFO("actor: ", a.id);
            auto res = decide(g.s, a, Command{std::string(row.type), Json::object()}, g.clock);
            if (!res.ok()) CHECK(res.error().message.find("role may not") == std::string::npos);
        }
    }
}

} // TEST_SUITE
