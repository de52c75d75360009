// The meeting's state: plain data, built only by folding events (see apply.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/poll.h"
#include "shared/domain/types.h"

namespace room {

enum class Role { Chair, Secretary, Delegate, Guest, Display, Admin };
inline constexpr Role kAllRoles[] = {Role::Chair, Role::Secretary, Role::Delegate,
                                     Role::Guest, Role::Display, Role::Admin};

std::string_view roleName(Role r);
std::optional<Role> roleFromName(std::string_view s);

struct Participant {
    ParticipantId id;
    std::string fullName;
    std::string position;     ///< chức vụ, e.g. "Phó Chủ tịch UBND tỉnh"
    std::string organization; ///< đơn vị
    Role role = Role::Delegate;
    std::string seat;
    bool member = false;      ///< a voting member (thành viên); counts for quorum
    int weight = 1;           ///< vote weight for polls that use weights
};

enum class ItemStatus { Pending, Active, Done, Skipped };
std::string_view itemStatusName(ItemStatus s);
std::optional<ItemStatus> itemStatusFromName(std::string_view s);

struct AgendaItem {
    ItemId id;
    ItemId parent;            ///< empty for a top-level item
    std::string title;
    std::string presenter;    ///< free text: who presents the item
    int plannedMinutes = 0;
    std::vector<DocumentId> documents;
    ItemStatus status = ItemStatus::Pending;
    TimeMs startedAt = 0;
    TimeMs endedAt = 0;
    std::int64_t usedMs = 0;  ///< time spent on the item over all its active periods
};

enum class Audience { Meeting, Listed, Confidential };
std::string_view audienceName(Audience a);
std::optional<Audience> audienceFromName(std::string_view s);

struct Document {
    DocumentId id;
    std::string title;
    int pages = 0;
    std::int64_t bytes = 0;
    Audience audience = Audience::Meeting;
    std::vector<ParticipantId> listed; ///< who may read it when audience is Listed / Confidential
    ItemId item;                       ///< agenda item it belongs to (may be empty)
    /// "application/pdf", or "video/webm" / "video/mp4" for a clip shown on the wall display
    /// (a video has one "page" and no annotations).
    std::string mediaType = "application/pdf";
    bool isVideo() const { return mediaType.rfind("video/", 0) == 0; }
};

struct Attendance {
    bool present = false;
    TimeMs checkedInAt = 0;
    ParticipantId checkedInBy;
    std::string absentReason; ///< set by the secretary for an excused absence
};

enum class SpeakerQueueKind { Floor, Interpellation };
std::string_view queueName(SpeakerQueueKind k);
std::optional<SpeakerQueueKind> queueFromName(std::string_view s);

struct SpeakerRequest {
    ParticipantId participant;
    bool pointOfOrder = false;
    TimeMs requestedAt = 0;
};

struct CurrentSpeaker {
    ParticipantId participant;
    SpeakerQueueKind queue = SpeakerQueueKind::Floor;
    bool pointOfOrder = false;
    TimeMs grantedAt = 0;
    int allottedSeconds = 0;  ///< 0 = no limit; the countdown ends at grantedAt + allotted
};

struct Presentation {
    DocumentId document;
    int page = 1;
    ParticipantId presenter;
    TimeMs since = 0;
};

struct Announcement {
    std::string text;
    ParticipantId by;
    TimeMs at = 0;
};

/// A participant's own mark on a page of a document (visible only to them).
struct Annotation {
    std::string id;   ///< chosen by the author's device, unique per document and author
    int page = 1;     ///< 1-based
    std::string kind; ///< "pen", "highlighter" or "text"
    std::string color = "#1D4ED8"; ///< #RRGGBB
    double width = 2; ///< stroke width in points (pen, highlighter)
    std::vector<std::pair<double, double>> points; ///< page points from the top-left corner
    std::string text; ///< the note of a "text" annotation (anchored at its first point)
    TimeMs updatedAt = 0;
};

/// The room's audio during one agenda item, recorded by a wall display and kept by the server
/// beside the documents (same content-addressed store). The minutes link to these.
struct Recording {
    std::string id;           ///< SHA-256 of the file (lowercase hex)
    ItemId item;              ///< the agenda item it covers
    std::string format;       ///< "ogg-opus", "ogg-vorbis" or "wav", as the server read the file
    std::int64_t bytes = 0;
    std::int64_t durationMs = 0; ///< as the server read it from the file
    TimeMs startedAt = 0;     ///< when the recorder started (the recorder's clock)
    ParticipantId by;         ///< the display (or staff) that uploaded it
    TimeMs addedAt = 0;
};

enum class MeetingStatus { Draft, Scheduled, Open, Closed };
std::string_view meetingStatusName(MeetingStatus s);
std::optional<MeetingStatus> meetingStatusFromName(std::string_view s);

struct MeetingInfo {
    std::string id;
    std::string title;
    std::string organization; ///< the body holding the session (cơ quan)
    std::string place;
    std::string scheduledStart; ///< ISO 8601 local time, as planned
    int defaultSpeakingSeconds = 300;
    Threshold quorum;           ///< present members needed, as a fraction of all members
    bool proxiesCountForQuorum = true;
    bool concurrentPolls = false; ///< may a poll open while another is open
};

struct QuorumStatus {
    int members = 0;        ///< all voting members
    int present = 0;        ///< members checked in
    int represented = 0;    ///< absent members whose proxy holder is present
    int counted = 0;        ///< present (+ represented when proxies count)
    int required = 0;       ///< smallest count that reaches the threshold
    bool met = false;
};

struct State {
    Seq seq = 0;                 ///< last event applied
    TimeMs time = 0;             ///< time of the last event applied
    MeetingInfo meeting;
    MeetingStatus status = MeetingStatus::Draft;
    TimeMs openedAt = 0;
    TimeMs closedAt = 0;

    std::vector<Participant> participants;          ///< in definition order
    std::vector<AgendaItem> agenda;                 ///< pre-order: an item precedes its sub-items
    ItemId currentItem;                             ///< empty when no item is active
    std::map<ParticipantId, Attendance> attendance;
    std::map<ParticipantId, ParticipantId> proxies; ///< grantor → holder
    std::vector<SpeakerRequest> floorQueue;
    std::vector<SpeakerRequest> interpellationQueue;
    std::optional<CurrentSpeaker> speaker;
    std::optional<Presentation> presentation;
    std::optional<Announcement> announcement;
    std::map<DocumentId, Document> documents;
    std::vector<Poll> polls;                        ///< in creation order
    std::map<std::string, Recording> recordings;    ///< by id; staff and their recorder see them
    /// Private to their author (the projection shows each viewer only their own):
    std::map<ParticipantId, std::map<ItemId, std::string>> notes; ///< personal notes per agenda item
    std::map<ParticipantId, std::map<DocumentId, std::map<std::string, Annotation>>> annotations;

    const Participant* participant(const ParticipantId& id) const;
    const AgendaItem* item(const ItemId& id) const;
    AgendaItem* item(const ItemId& id);
    const Document* document(const DocumentId& id) const;
    const Poll* poll(const PollId& id) const;
    Poll* poll(const PollId& id);
    bool isPresent(const ParticipantId& id) const;
    std::vector<SpeakerRequest>& queue(SpeakerQueueKind k);
    const std::vector<SpeakerRequest>& queue(SpeakerQueueKind k) const;
};

/// Quorum right now, following the meeting's rule.
QuorumStatus quorum(const State& s);

/// May this participant read this document? (the one audience rule, used by server and apps)
bool mayRead(const State& s, const Document& d, const ParticipantId& who, Role role);
/// A recording is for the staff who write the minutes (chair, secretary, admin) and for the
/// device that made it.
bool maySeeRecording(const Recording& r, const ParticipantId& who, Role role);

// JSON forms (snapshots, meeting packages). Canonical: objects have sorted keys.
Json toJson(const State& s);
State stateFromJson(const Json& j); ///< throws nlohmann::json::exception on malformed input
Json toJson(const Participant& p);
Json toJson(const Annotation& a);
Annotation annotationFromJson(const Json& j);
Json toJson(const AgendaItem& i);
Json toJson(const Document& d);
Json meetingInfoJson(const MeetingInfo& m);
MeetingInfo meetingInfoFromJson(const Json& j);
Participant participantFromJson(const Json& j);
AgendaItem agendaItemFromJson(const Json& j);
Document documentFromJson(const Json& j);
Json toJson(const Recording& r);
Recording recordingFromJson(const Json& j);

} // namespace room
