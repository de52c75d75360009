// The wire protocol between the room server and its clients: versioned JSON messages.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "shared/domain/command.h"
#include "shared/domain/result.h"

namespace room::protocol {

/// Version of the message set. A client sending another version is refused with
/// unsupported_version; fields a version does not know are ignored.
inline constexpr int kProtocolVersion = 1;

// ---- client → server --------------------------------------------------------------------------

/// Log in with a participant's PIN, or with a one-time login token (from a QR code).
struct Login {
    std::string participant; ///< with pin
    std::string pin;
    std::string loginToken;  ///< alternative to participant + pin
    std::optional<Seq> lastSeq;
};
/// Resume a session after a reconnect: the missed events follow, or a snapshot.
struct Hello {
    std::string session;
    Seq lastSeq = 0;
};
/// A command with a client-chosen id; retrying the same id never applies it twice.
struct CommandMessage {
    std::string id;
    Command command;
};
struct Ping {};
struct Logout {};

using ClientMessage = std::variant<Login, Hello, CommandMessage, Ping, Logout>;

/// Parses one text frame. Errors: malformed (not JSON / not an object), unsupported_version,
/// unknown_type, missing_field / invalid_argument.
Result<ClientMessage> parseClientMessage(std::string_view text);

/// Message type names the client may send (append only).
std::vector<std::string_view> clientMessageTypes();

// ---- server → client --------------------------------------------------------------------------

Json welcome(const std::string& session, const Json& participant, std::string_view role,
             const std::string& serverVersion);
/// `headHash` is the chain hash of event `seq` (64 zeros before the first event): two replicas at
/// the same seq with the same hash were built from the same log.
Json snapshot(Seq seq, const std::string& headHash, const Json& state);
/// An events frame from already-serialized event JSON strings (so each event is serialized once
/// however many clients receive it); `headHash` is the chain hash of event `head`.
std::string eventsFrame(const std::vector<const std::string*>& events, Seq head, const std::string& headHash);
/// `hash` (when not empty) is the chain hash of event `seq`: with seq it is the command's receipt.
Json accepted(const std::string& id, Seq seq, bool duplicate, const std::string& hash = {});
Json rejected(const std::string& id, const Error& e);
Json error(const Error& e);
Json pong(TimeMs now);

std::string frame(const Json& message); ///< compact UTF-8 text of a message

} // namespace room::protocol
