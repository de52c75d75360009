#include "room-server/src/core/room_service.h"

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <charconv>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "room-server/src/app/result_record.h"
#include "room-server/src/core/log.h"
#include "room-server/src/core/projection.h"
#include "room-server/src/docstore/document_store.h"
#include "room-server/src/storage/database.h"
#include "shared/crypto/hash.h"
#include "shared/crypto/pin_hash.h"
#include "shared/media/audio_inspect.h"
#include "shared/media/video_inspect.h"
#include "shared/pdf/pdf_inspect.h"
#include "shared/protocol/protocol.h"

namespace room::core {

namespace asio = boost::asio;
using transport::ConnId;
using transport::HttpRequest;
using transport::HttpResponse;
using transport::RequestId;

namespace {

TimeMs nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::shared_ptr<const std::string> share(std::string s) { return std::make_shared<const std::string>(std::move(s)); }

HttpResponse jsonResponse(int status, const Json& body) {
    HttpResponse r;
    r.status = status;
    r.headers["content-type"] = "application/json; charset=utf-8";
    r.body = protocol::frame(body);
    return r;
}

int httpStatusFor(ErrorCode c) {
    switch (c) {
    case ErrorCode::Unauthenticated: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::Duplicate: return 409;
    case ErrorCode::InvalidState: return 409;
    case ErrorCode::TooLarge: return 413;
    case ErrorCode::BadDocument: return 422;
    case ErrorCode::RateLimited:
    case ErrorCode::LockedOut: return 429;
    case ErrorCode::Internal: return 500;
    case ErrorCode::Unavailable: return 503;
    default: return 400;
    }
}

HttpResponse errorResponse(const Error& e) {
    return jsonResponse(httpStatusFor(e.code), Json{{"code", errorCodeName(e.code)}, {"message", e.message},
                                                    {"message_vi", e.messageVi.empty() ? e.message : e.messageVi}});
}

/// Percent-decoding (RFC 3986) of a header value; '+' stays '+'.
std::string percentDecode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

/// Query arguments as the transport hands them over: already percent-decoded and joined with '&'.
/// Only for simple values (ids); free text such as titles travels in percent-encoded headers.
std::map<std::string, std::string> parseQuery(std::string_view q) {
    std::map<std::string, std::string> out;
    while (!q.empty()) {
        auto amp = q.find('&');
        auto part = q.substr(0, amp);
        auto eq = part.find('=');
        if (eq != std::string_view::npos) out[std::string(part.substr(0, eq))] = std::string(part.substr(eq + 1));
        else if (!part.empty()) out[std::string(part)] = "";
        if (amp == std::string_view::npos) break;
        q.remove_prefix(amp + 1);
    }
    return out;
}

/// A single byte range "bytes=a-b", "bytes=a-" or "bytes=-n"; multi-range requests get the
/// whole file (allowed by RFC 9110).
struct RangeSpec {
    bool valid = false;
    bool satisfiable = false;
    std::int64_t offset = 0;
    std::int64_t length = 0;
};

RangeSpec parseRange(std::string_view h, std::int64_t size) {
    RangeSpec r;
    if (h.substr(0, 6) != "bytes=" || h.find(',') != std::string_view::npos) return r;
    h.remove_prefix(6);
    auto dash = h.find('-');
    if (dash == std::string_view::npos) return r;
    auto num = [](std::string_view s, std::int64_t& out) {
        if (s.empty() || s.size() > 18) return false;
        out = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        return true;
    };
    std::int64_t a = 0, b = 0;
    const auto first = h.substr(0, dash), last = h.substr(dash + 1);
    if (first.empty()) {
        if (!num(last, b)) return r;
        r.valid = true;
        if (b == 0 || size == 0) return r;
        r.satisfiable = true;
        r.length = std::min(b, size);
        r.offset = size - r.length;
        return r;
    }
    if (!num(first, a)) return r;
    if (last.empty()) b = size - 1;
    else if (!num(last, b) || b < a) return r;
    r.valid = true;
    if (a >= size) return r;
    r.satisfiable = true;
    r.offset = a;
    r.length = std::min(b, size - 1) - a + 1;
    return r;
}

std::string bearer(const HttpRequest& req) {
    auto it = req.headers.find("authorization");
    if (it == req.headers.end()) return {};
    std::string_view v = it->second;
    if (v.size() < 7 || v[6] != ' ') return {};
    std::string scheme(v.substr(0, 6));
    for (auto& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (scheme != "bearer") return {};
    return std::string(v.substr(7));
}

/// At most `max` bytes of UTF-8 text, never cutting a character in two.
std::string utf8Prefix(const std::string& s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

} // namespace

struct RoomService::Impl {
    struct Conn {
        std::string peer;
        bool authenticated = false;
        Viewer viewer;
        std::string sessionHash;
        int loginAttempts = 0;
        bool loginInFlight = false;
        std::unique_ptr<asio::steady_timer> loginDeadline; ///< cancelled when the connection goes
    };

    ServiceOptions opt;
    storage::Database& db;
    storage::DocumentStore& docs;
    transport::Transport& net;
    Engine engine;

    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    std::thread domainThread;
    asio::thread_pool workers{2};

    // ---- owned by the domain thread ----
    std::unordered_map<ConnId, Conn> conns;
    std::vector<Submission> pending;
    bool drainScheduled = false;
    bool draining = false;
    std::vector<std::pair<ConnId, std::shared_ptr<const std::string>>> deferredAnswers;
    std::int64_t loginFailures = 0;
    std::int64_t eventsSent = 0;
    std::map<PollId, std::unique_ptr<asio::steady_timer>> pollTimers; ///< countdowns of open polls

    Impl(ServiceOptions o, storage::Database& d, storage::DocumentStore& ds, transport::Transport& t)
        : opt(std::move(o)), db(d), docs(ds), net(t), engine(d, nowMs) {}

    template <class F>
    void onDomain(F&& f) { asio::post(io, std::forward<F>(f)); }

    void send(ConnId c, const Json& msg) { net.send(c, share(protocol::frame(msg))); }

    // ---- connections -------------------------------------------------------------------------

    void open(ConnId c, std::string peer) {
        Conn conn;
        conn.peer = std::move(peer);
        // A connection that never logs in only holds a slot: it gets a fixed time to do so.
        conn.loginDeadline = std::make_unique<asio::steady_timer>(io, std::chrono::milliseconds(opt.loginTimeoutMs));
        conn.loginDeadline->async_wait([this, c](const boost::system::error_code& ec) {
            if (ec) return;
            auto it = conns.find(c);
            if (it == conns.end() || it->second.authenticated) return;
            send(c, protocol::error(Error::make(ErrorCode::Unauthenticated, "no login within the time allowed",
                                                "không đăng nhập trong thời gian cho phép")));
            net.close(c, 1008, "login timeout");
        });
        conns.emplace(c, std::move(conn));
    }

    void message(ConnId c, const std::string& text) {
        auto it = conns.find(c);
        if (it == conns.end()) return;
        auto parsed = protocol::parseClientMessage(text);
        if (!parsed) {
            // A command we can still attribute gets a rejection with its id; anything else an error.
            Json j = Json::parse(text, nullptr, false);
            const bool isCommand = j.is_object() && j.contains("type") && j["type"].is_string() &&
                                   j["type"].get<std::string>() == "command";
            if (isCommand && j.contains("id") && j["id"].is_string())
                send(c, protocol::rejected(j["id"].get<std::string>(), parsed.error()));
            else
                send(c, protocol::error(parsed.error()));
            return;
        }
        try {
            std::visit([&](auto& m) { handle(c, it->second, m); }, *parsed);
        } catch (const std::exception& e) {
            // A bug must cost one message, never the room: log it and answer with an error.
            log::error("message_failed", {{"what", e.what()}});
            send(c, protocol::error(Error::make(ErrorCode::Internal, "the server could not handle this message",
                                                "máy chủ không xử lý được thông điệp này")));
        }
    }

    void handle(ConnId c, Conn& conn, protocol::Login& m) {
        if (conn.loginInFlight) {
            send(c, protocol::error(Error::make(ErrorCode::RateLimited, "a login is already in progress", "đang đăng nhập")));
            return;
        }
        if (++conn.loginAttempts > opt.maxLoginAttemptsPerConnection) {
            send(c, protocol::error(Error::make(ErrorCode::RateLimited, "too many login attempts on this connection",
                                                "quá nhiều lần đăng nhập trên kết nối này")));
            net.close(c, 1008, "too many login attempts");
            return;
        }
        if (!m.loginToken.empty()) {
            auto who = db.consumeLoginToken(crypto::sha256Hex(m.loginToken), nowMs());
            if (!who || !*who) {
                ++loginFailures;
                send(c, protocol::error(Error::make(ErrorCode::Unauthenticated, "this login code is invalid, used or expired",
                                                    "mã đăng nhập không hợp lệ, đã dùng hoặc đã hết hạn")));
                return;
            }
            establish(c, **who, m.lastSeq);
            return;
        }
        const TimeMs now = nowMs();
        auto cred = db.credential(m.participant);
        if (!cred) {
            send(c, protocol::error(cred.error()));
            return;
        }
        if (*cred && (*cred)->lockedUntil > now) {
            const auto secs = ((*cred)->lockedUntil - now + 999) / 1000;
            send(c, protocol::error(Error::make(ErrorCode::LockedOut,
                "too many wrong PINs; try again in " + std::to_string(secs) + " s or ask the secretary",
                "nhập sai mã PIN quá nhiều lần; thử lại sau " + std::to_string(secs) + " giây hoặc liên hệ thư ký")));
            return;
        }
        // Unknown participants cost the same hash as known ones, so timing reveals nothing.
        const std::string stored = *cred ? (*cred)->pinHash : std::string();
        const bool known = cred->has_value() && engine.state().participant(m.participant);
        conn.loginInFlight = true;
        asio::post(workers, [this, c, pin = m.pin, stored, known, participant = m.participant, lastSeq = m.lastSeq] {
            // Made on a worker the first time it is needed, never on the domain thread.
            static const std::string kDecoy = crypto::hashPin("000000");
            const bool ok = crypto::verifyPin(pin, stored.empty() ? kDecoy : stored) && known;
            onDomain([this, c, ok, participant, lastSeq] { finishPinLogin(c, ok, participant, lastSeq); });
        });
    }

    void finishPinLogin(ConnId c, bool ok, const std::string& participant, std::optional<Seq> lastSeq) {
        auto it = conns.find(c);
        if (it != conns.end()) it->second.loginInFlight = false;
        const TimeMs now = nowMs();
        if (!ok) {
            ++loginFailures;
            if (auto cred = db.credential(participant); cred && *cred) {
                const int failures = (*cred)->failedAttempts + 1;
                TimeMs until = 0;
                if (failures >= opt.lockoutAfterFailures) {
                    const int extra = std::min(failures - opt.lockoutAfterFailures, 6);
                    until = now + std::min<std::int64_t>(opt.lockoutBaseMs << extra, 3600'000);
                }
                (void)db.recordLoginFailure(participant, failures, until);
                log::warn("login_failed", {{"participant", participant}, {"failures", failures}, {"locked", until > 0}});
            }
            if (it != conns.end())
                send(c, protocol::error(Error::make(ErrorCode::Unauthenticated, "participant or PIN is wrong",
                                                    "mã đại biểu hoặc mã PIN không đúng")));
            return;
        }
        (void)db.resetLoginFailures(participant);
        if (it != conns.end()) establish(c, participant, lastSeq);
    }

    /// Creates a session for an authenticated participant and brings the connection up to date.
    void establish(ConnId c, const ParticipantId& participant, std::optional<Seq> lastSeq) {
        auto it = conns.find(c);
        if (it == conns.end()) return;
        const auto* p = engine.state().participant(participant);
        if (!p) {
            send(c, protocol::error(Error::make(ErrorCode::Unauthenticated, "this participant is not in the meeting",
                                                "đại biểu không có trong cuộc họp")));
            return;
        }
        const std::string token = crypto::randomHex(32);
        const std::string hash = crypto::sha256Hex(token);
        const TimeMs now = nowMs();
        if (auto st = db.createSession(hash, p->id, std::string(roleName(p->role)), now, now + opt.sessionTtlMs); !st) {
            send(c, protocol::error(st.error()));
            return;
        }
        log::info("login", {{"participant", p->id}, {"role", roleName(p->role)}, {"peer", it->second.peer}});
        attach(c, it->second, *p, hash, token, lastSeq);
    }

    void attach(ConnId c, Conn& conn, const Participant& p, const std::string& hash, const std::string& token,
                std::optional<Seq> lastSeq) {
        conn.authenticated = true;
        conn.viewer = Viewer{p.id, p.role};
        conn.sessionHash = hash;
        send(c, welcomeFor(token, p));
        catchUp(c, conn, lastSeq);
    }

    Json welcomeFor(const std::string& token, const Participant& p) {
        Json w = protocol::welcome(token, toJson(p), roleName(p.role), opt.serverVersion);
        // Lets a client notice that its replica belongs to another meeting or a reset server.
        w["meeting"] = engine.state().meeting.id;
        w["head"] = engine.head();
        w["head_hash"] = engine.headHash();
        return w;
    }

    void catchUp(ConnId c, Conn& conn, std::optional<Seq> lastSeq) {
        const Seq head = engine.head();
        if (lastSeq && *lastSeq <= head && head - *lastSeq <= static_cast<Seq>(opt.maxCatchUpEvents)) {
            auto events = engine.eventsAfter(*lastSeq, opt.maxCatchUpEvents);
            if (events) {
                std::vector<std::string> ser;
                for (const auto& e : *events) {
                    switch (viewOf(e, conn.viewer)) {
                    case View::Hidden: break;
                    case View::Full: ser.push_back(protocol::frame(toJson(e))); break;
                    case View::Redacted: ser.push_back(protocol::frame(toJson(redacted(e)))); break;
                    }
                }
                std::vector<const std::string*> ptrs;
                for (const auto& s : ser) ptrs.push_back(&s);
                net.send(c, share(protocol::eventsFrame(ptrs, head, engine.headHash())));
                return;
            }
        }
        send(c, protocol::snapshot(head, engine.headHash(), projectState(engine.state(), conn.viewer)));
    }

    void handle(ConnId c, Conn& conn, protocol::Hello& m) {
        const std::string hash = crypto::sha256Hex(m.session);
        auto s = db.findSession(hash);
        const TimeMs now = nowMs();
        const Participant* p = nullptr;
        if (s && *s && (*s)->expiresAt > now) p = engine.state().participant((*s)->participant);
        if (!p) {
            send(c, protocol::error(Error::make(ErrorCode::Unauthenticated, "session expired or unknown; please log in again",
                                                "phiên làm việc đã hết hạn hoặc không hợp lệ; vui lòng đăng nhập lại")));
            return;
        }
        conn.authenticated = true;
        conn.viewer = Viewer{p->id, p->role};
        conn.sessionHash = hash;
        send(c, welcomeFor(m.session, *p));
        catchUp(c, conn, m.lastSeq);
    }

    void handle(ConnId c, Conn& conn, protocol::CommandMessage& m) {
        if (!conn.authenticated) {
            send(c, protocol::rejected(m.id, Error::make(ErrorCode::Unauthenticated, "log in first", "vui lòng đăng nhập trước")));
            return;
        }
        if (draining || pending.size() >= opt.maxPendingCommands) {
            send(c, protocol::rejected(m.id, Error::make(ErrorCode::Unavailable, "the server is busy or shutting down; retry",
                                                         "máy chủ đang bận hoặc đang dừng; vui lòng thử lại")));
            return;
        }
        if (m.command.type == "document.add") {
            // The server adds a document only after it has validated and stored the PDF itself.
            send(c, protocol::rejected(m.id, Error::make(ErrorCode::Forbidden, "documents are added by uploading them (POST /api/documents)",
                                                         "tài liệu được thêm bằng cách tải tệp lên (POST /api/documents)")));
            return;
        }
        if (m.command.type == "recording.add") {
            // Likewise a recording: its format and duration are what the server read in the file.
            send(c, protocol::rejected(m.id, Error::make(ErrorCode::Forbidden, "recordings are added by uploading them (POST /api/recordings)",
                                                         "bản ghi âm được thêm bằng cách tải tệp lên (POST /api/recordings)")));
            return;
        }
        const std::string id = m.id;
        submit(Submission{Actor{conn.viewer.id, conn.viewer.role}, id, std::move(m.command),
                          [this, c, id](const CommandOutcome& o) {
                              deferredAnswers.emplace_back(
                                  c, share(protocol::frame(o.ok ? protocol::accepted(id, o.seq, o.duplicate, o.hash)
                                                                : protocol::rejected(id, o.error))));
                          }});
    }

    void handle(ConnId c, Conn&, protocol::Ping&) { send(c, protocol::pong(nowMs())); }

    void handle(ConnId c, Conn& conn, protocol::Logout&) {
        if (!conn.sessionHash.empty()) (void)db.deleteSession(conn.sessionHash);
        Conn fresh;
        fresh.peer = conn.peer;
        conn = std::move(fresh);
        send(c, Json{{"v", protocol::kProtocolVersion}, {"type", "logged_out"}});
        net.close(c, 1000, "logged out");
    }

    // ---- group commit ------------------------------------------------------------------------

    void submit(Submission s) {
        pending.push_back(std::move(s));
        if (!drainScheduled) {
            drainScheduled = true;
            // Everything that reaches the domain thread before this runs joins the same batch.
            onDomain([this] { runPending(); });
        }
    }

    void runPending() {
        drainScheduled = false;
        std::vector<Submission> batch;
        batch.swap(pending);
        auto events = engine.runBatch(batch);
        if (!events.empty()) broadcast(events);
        for (auto& [c, f] : deferredAnswers) net.send(c, std::move(f));
        deferredAnswers.clear();
        if (!events.empty()) armPollTimers();
    }

    /// Every open poll with a countdown has a timer that asks the engine to close it when the time
    /// is up. The engine checks the time itself, so a timer that fires early only re-arms.
    void armPollTimers() {
        for (auto it = pollTimers.begin(); it != pollTimers.end();) {
            const Poll* p = engine.state().poll(it->first);
            if (!p || p->status != PollStatus::Open) it = pollTimers.erase(it); // cancels the wait
            else ++it;
        }
        for (const auto& p : engine.state().polls) {
            if (p.status != PollStatus::Open || p.closesAt == 0 || pollTimers.count(p.id)) continue;
            const auto delay = std::max<TimeMs>(0, p.closesAt - nowMs());
            auto timer = std::make_unique<asio::steady_timer>(io, std::chrono::milliseconds(delay));
            timer->async_wait([this, id = p.id](const boost::system::error_code& ec) {
                if (ec) return;
                pollTimers.erase(id);
                submit(Submission{Actor{std::string(kSystemActor), Role::Admin}, {}, Command{"poll.close", Json{{"poll", id}}},
                                  [this, id](const CommandOutcome& o) {
                                      if (o.ok) log::info("poll_closed_by_timer", {{"poll", id}, {"seq", o.seq}});
                                      else if (o.error.code != ErrorCode::InvalidState)
                                          log::warn("poll_timer_failed", {{"poll", id}, {"message", o.error.message}});
                                  }});
            });
            pollTimers.emplace(p.id, std::move(timer));
        }
    }

    void broadcast(const std::vector<Event>& events) {
        std::vector<std::string> ser;
        std::vector<std::string> trimmed(events.size()); ///< redacted forms, made when first needed
        ser.reserve(events.size());
        bool allFull = true;
        for (const auto& e : events) {
            ser.push_back(protocol::frame(toJson(e)));
            allFull = allFull && fullForAll(e);
        }
        const Seq head = engine.head();
        const std::string headHash = engine.headHash();
        std::shared_ptr<const std::string> common;
        if (allFull) {
            std::vector<const std::string*> ptrs;
            for (const auto& s : ser) ptrs.push_back(&s);
            common = share(protocol::eventsFrame(ptrs, head, headHash));
        }
        // Viewers that receive the same events in the same forms share one frame.
        std::unordered_map<std::string, std::shared_ptr<const std::string>> byMask;
        for (auto& [c, conn] : conns) {
            if (!conn.authenticated) continue;
            std::shared_ptr<const std::string> f = common;
            if (!f) {
                std::string mask;
                mask.reserve(events.size());
                for (const auto& e : events) mask.push_back(static_cast<char>('0' + static_cast<int>(viewOf(e, conn.viewer))));
                auto& slot = byMask[mask];
                if (!slot) {
                    std::vector<const std::string*> ptrs;
                    for (std::size_t i = 0; i < events.size(); ++i) {
                        if (mask[i] == '0' + static_cast<int>(View::Full)) {
                            ptrs.push_back(&ser[i]);
                        } else if (mask[i] == '0' + static_cast<int>(View::Redacted)) {
                            if (trimmed[i].empty()) trimmed[i] = protocol::frame(toJson(redacted(events[i])));
                            ptrs.push_back(&trimmed[i]);
                        }
                    }
                    slot = share(protocol::eventsFrame(ptrs, head, headHash));
                }
                f = slot;
            }
            net.send(c, f);
            ++eventsSent;
        }
    }

    // ---- HTTP --------------------------------------------------------------------------------

    void http(RequestId r, HttpRequest req) {
        if (req.path == "/healthz" && (req.method == "GET" || req.method == "HEAD")) {
            auto resp = jsonResponse(200, Json{{"status", draining ? "draining" : "ok"},
                                               {"version", opt.serverVersion},
                                               {"protocol_version", protocol::kProtocolVersion},
                                               {"seq", engine.head()},
                                               {"meeting", engine.state().meeting.id}});
            resp.headOnly = req.method == "HEAD";
            net.respond(r, std::move(resp));
            return;
        }
        if (req.path == "/metrics" && req.method == "GET") {
            HttpResponse resp;
            resp.headers["content-type"] = "text/plain; version=0.0.4; charset=utf-8";
            resp.body = metricsText();
            net.respond(r, std::move(resp));
            return;
        }
        if (req.path.rfind("/documents/", 0) == 0 && (req.method == "GET" || req.method == "HEAD")) {
            serveDocument(r, req);
            return;
        }
        if (req.path == "/api/documents" && req.method == "POST") {
            upload(r, std::move(req));
            return;
        }
        if (req.path.rfind("/recordings/", 0) == 0 && (req.method == "GET" || req.method == "HEAD")) {
            serveRecording(r, req);
            return;
        }
        if (req.path == "/api/recordings" && req.method == "POST") {
            uploadRecording(r, std::move(req));
            return;
        }
        if (req.path == "/api/login-tokens" && req.method == "POST") {
            loginTokenRequest(r, req);
            return;
        }
        if (req.path.rfind("/api/polls/", 0) == 0 && req.method == "GET") {
            pollResult(r, req);
            return;
        }
        if (!req.bodyFile.empty()) std::filesystem::remove(req.bodyFile);
        net.respond(r, errorResponse(Error::make(ErrorCode::NotFound, "no such resource", "không tìm thấy")));
    }

    Result<Viewer> authorize(const HttpRequest& req) {
        const auto token = bearer(req);
        if (token.empty() || token.size() > 256)
            return Error::make(ErrorCode::Unauthenticated, "a session token is required (Authorization: Bearer …)",
                               "cần mã phiên làm việc");
        auto s = db.findSession(crypto::sha256Hex(token));
        if (!s) return s.error();
        const Participant* p = nullptr;
        if (*s && (*s)->expiresAt > nowMs()) p = engine.state().participant((*s)->participant);
        if (!p) return Error::make(ErrorCode::Unauthenticated, "session expired or unknown", "phiên làm việc không hợp lệ");
        return Viewer{p->id, p->role};
    }

    /// GET /api/polls/<id>/result: the signed result record. The chair, secretary and administrator
    /// may fetch it once the poll is closed; everyone else once the result is published.
    void pollResult(RequestId r, const HttpRequest& req) {
        auto viewer = authorize(req);
        if (!viewer) return net.respond(r, errorResponse(viewer.error()));
        const std::string prefix = "/api/polls/", suffix = "/result";
        const auto& path = req.path;
        const auto notFound = Error::make(ErrorCode::NotFound, "no such poll result", "không có kết quả biểu quyết này");
        if (path.size() <= prefix.size() + suffix.size() || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
            return net.respond(r, errorResponse(notFound));
        const std::string id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
        const Poll* p = engine.state().poll(id);
        if (!p) return net.respond(r, errorResponse(notFound));
        const bool staff = viewer->role == Role::Chair || viewer->role == Role::Secretary || viewer->role == Role::Admin;
        if (!staff && !p->published)
            return net.respond(r, errorResponse(Error::make(ErrorCode::InvalidState, "the result has not been published",
                                                            "kết quả chưa được công bố")));
        auto record = app::resultRecord(engine.state(), id, db, opt.tlsKey, opt.tlsCert, nowMs());
        if (!record) return net.respond(r, errorResponse(record.error()));
        auto resp = jsonResponse(200, *record);
        resp.headers["content-disposition"] = "attachment; filename=\"" + id + "-result.json\"";
        net.respond(r, std::move(resp));
    }

    void serveDocument(RequestId r, const HttpRequest& req) {
        const std::string id = req.path.substr(std::string("/documents/").size());
        auto viewer = authorize(req);
        if (!viewer) return net.respond(r, errorResponse(viewer.error()));
        const auto notFound = Error::make(ErrorCode::NotFound, "no such document", "không có tài liệu này");
        // Only a well-formed id that the meeting knows and the viewer may read reaches the disk.
        if (!crypto::isSha256Hex(id)) return net.respond(r, errorResponse(notFound));
        const auto* d = engine.state().document(id);
        if (!d || !mayRead(engine.state(), *d, viewer->id, viewer->role)) return net.respond(r, errorResponse(notFound));
        serveStored(r, req, id, d->mediaType, notFound);
    }

    /// GET /recordings/<id>: the room's audio of one agenda item, for the staff who write the
    /// minutes and for the recorder that made it (a delegate gets the same 404 as for no file).
    void serveRecording(RequestId r, const HttpRequest& req) {
        const std::string id = req.path.substr(std::string("/recordings/").size());
        auto viewer = authorize(req);
        if (!viewer) return net.respond(r, errorResponse(viewer.error()));
        const auto notFound = Error::make(ErrorCode::NotFound, "no such recording", "không có bản ghi âm này");
        if (!crypto::isSha256Hex(id)) return net.respond(r, errorResponse(notFound));
        auto it = engine.state().recordings.find(id);
        if (it == engine.state().recordings.end() || !maySeeRecording(it->second, viewer->id, viewer->role))
            return net.respond(r, errorResponse(notFound));
        serveStored(r, req, id, std::string(media::mimeTypeOf(it->second.format)), notFound);
    }

    /// Serves a stored file by its id with ETag, Range and If-None-Match (protocol §16).
    void serveStored(RequestId r, const HttpRequest& req, const std::string& id, const std::string& contentType,
                     const Error& notFound) {
        auto path = docs.pathOf(id);
        auto size = docs.size(id);
        if (!path || !size) return net.respond(r, errorResponse(notFound));

        const std::string etag = "\"" + id + "\"";
        HttpResponse resp;
        resp.headers["etag"] = etag;
        resp.headers["accept-ranges"] = "bytes";
        resp.headers["content-type"] = contentType;
        resp.headers["cache-control"] = "private, max-age=31536000, immutable";
        resp.headOnly = req.method == "HEAD";
        if (auto inm = req.headers.find("if-none-match"); inm != req.headers.end() &&
                                                          (inm->second == etag || inm->second == "*")) {
            resp.status = 304;
            return net.respond(r, std::move(resp));
        }
        resp.file = *path;
        resp.fileOffset = 0;
        resp.fileLength = *size;
        auto range = req.headers.find("range");
        auto ifRange = req.headers.find("if-range");
        const bool rangeApplies = range != req.headers.end() && (ifRange == req.headers.end() || ifRange->second == etag);
        if (rangeApplies) {
            auto spec = parseRange(range->second, *size);
            if (spec.valid && !spec.satisfiable) {
                HttpResponse bad;
                bad.status = 416;
                bad.headers["content-range"] = "bytes */" + std::to_string(*size);
                return net.respond(r, std::move(bad));
            }
            if (spec.valid) {
                resp.status = 206;
                resp.fileOffset = spec.offset;
                resp.fileLength = spec.length;
                resp.headers["content-range"] = "bytes " + std::to_string(spec.offset) + "-" +
                                                std::to_string(spec.offset + spec.length - 1) + "/" + std::to_string(*size);
            }
        }
        net.respond(r, std::move(resp));
    }

    /// Who may hand in an upload whose command is `command`: authenticated, allowed, and the server
    /// not stopping. Otherwise the spooled body is deleted, the error answered, and nullopt returned.
    std::optional<Viewer> uploader(RequestId r, const HttpRequest& req, std::string_view command, Error forbidden) {
        std::optional<Error> refusal;
        auto viewer = authorize(req);
        if (!viewer) refusal = viewer.error();
        else if (!roleMay(viewer->role, command)) refusal = std::move(forbidden);
        else if (draining) refusal = Error::make(ErrorCode::Unavailable, "the server is shutting down", "máy chủ đang dừng");
        if (!refusal) return *viewer;
        if (!req.bodyFile.empty()) std::filesystem::remove(req.bodyFile);
        net.respond(r, errorResponse(*refusal));
        return std::nullopt;
    }

    void upload(RequestId r, HttpRequest req) {
        auto viewer = uploader(r, req, "document.add",
                               Error::make(ErrorCode::Forbidden, "only the secretary or an administrator may upload documents",
                                           "chỉ thư ký hoặc quản trị viên được tải tài liệu lên"));
        if (!viewer) return;
        std::map<std::string, std::string> query;
        for (const char* key : {"x-title", "x-audience", "x-item", "x-listed"})
            if (auto h = req.headers.find(key); h != req.headers.end()) query[key + 2] = percentDecode(h->second);
        asio::post(workers, [this, r, req = std::move(req), query, viewer = *viewer] {
            auto result = storeUpload(req);
            std::filesystem::remove(req.bodyFile);
            onDomain([this, r, result = std::move(result), query, viewer]() mutable {
                if (!result) return net.respond(r, errorResponse(result.error()));
                const auto& [id, info, bytes, mediaType] = *result;
                if (const auto* existing = engine.state().document(id))
                    return net.respond(r, jsonResponse(200, Json{{"id", id}, {"title", existing->title},
                                                                 {"pages", existing->pages}, {"media_type", existing->mediaType},
                                                                 {"duplicate", true}}));
                Json args{{"id", id}, {"pages", info.pages}, {"bytes", bytes}, {"media_type", mediaType}};
                args["title"] = !query["title"].empty() ? query["title"]
                                : !info.title.empty()   ? utf8Prefix(info.title, 500)
                                : mediaType == "application/pdf" ? "Tài liệu" : "Video";
                if (!query["audience"].empty()) args["audience"] = query["audience"];
                if (!query["item"].empty()) args["item"] = query["item"];
                if (!query["listed"].empty()) {
                    Json listed = Json::array();
                    std::stringstream ss(query["listed"]);
                    for (std::string part; std::getline(ss, part, ',');)
                        if (!part.empty()) listed.push_back(part);
                    args["listed"] = listed;
                }
                submit(Submission{Actor{viewer.id, viewer.role}, {}, Command{"document.add", args},
                                  [this, r, id, args](const CommandOutcome& o) {
                                      if (!o.ok) return net.respond(r, errorResponse(o.error));
                                      net.respond(r, jsonResponse(201, Json{{"id", id}, {"title", args["title"]},
                                                                            {"pages", args["pages"]}, {"media_type", args["media_type"]},
                                                                            {"seq", o.seq}}));
                                  }});
            });
        });
    }

    /// The spooled body of a POST, read whole (uploads are bounded by maxUploadBytes).
    static Result<std::string> readBody(const HttpRequest& req) {
        std::ifstream in(req.bodyFile, std::ios::binary);
        std::error_code ec;
        const auto size = std::filesystem::file_size(req.bodyFile, ec);
        std::string bytes(ec ? 0 : size, '\0');
        if (!in || ec || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
            return Error::make(ErrorCode::Internal, "could not read the upload", "không đọc được tệp tải lên");
        return bytes;
    }

    /// Runs on a worker: validates the PDF with MuPDF (or a video clip's container) and stores it
    /// by content. Returns the id, what was read, the size and the media type.
    Result<std::tuple<std::string, pdf::PdfInfo, std::int64_t, std::string>> storeUpload(const HttpRequest& req) {
        auto body = readBody(req);
        if (!body) return body.error();
        const std::string& bytes = *body;
        pdf::PdfInfo info;
        std::string mediaType = "application/pdf";
        if (media::looksLikeVideo(bytes)) {
            auto video = media::inspectVideo(bytes);
            if (!video) return video.error();
            info.pages = 1;
            mediaType = video->mediaType;
        } else {
            auto pdfInfo = pdf::inspectPdf(bytes);
            if (!pdfInfo) return pdfInfo.error();
            info = std::move(*pdfInfo);
        }
        auto id = docs.put(bytes);
        if (!id) return id.error();
        return std::tuple{*id, info, static_cast<std::int64_t>(bytes.size()), mediaType};
    }

    /// POST /api/recordings: a wall display (or the secretary, or an administrator) hands in the
    /// room's audio of one agenda item. The server reads the format and the duration from the file,
    /// stores it by content and logs `recording.added`; 201 means it is durable.
    void uploadRecording(RequestId r, HttpRequest req) {
        auto viewer = uploader(r, req, "recording.add",
                               Error::make(ErrorCode::Forbidden, "only a wall display, the secretary or an administrator may upload recordings",
                                           "chỉ màn hình hội trường, thư ký hoặc quản trị viên được tải bản ghi âm lên"));
        if (!viewer) return;
        auto cleanup = [f = req.bodyFile] { if (!f.empty()) std::filesystem::remove(f); };
        auto header = [&](const char* key) {
            auto h = req.headers.find(key);
            return h == req.headers.end() ? std::string() : percentDecode(h->second);
        };
        const std::string item = header("x-item");
        const std::string startedText = header("x-started-at");
        if (item.empty()) {
            cleanup();
            return net.respond(r, errorResponse(Error::make(ErrorCode::MissingField, "x-item (the agenda item recorded) is required",
                                                            "thiếu x-item (nội dung chương trình được ghi âm)")));
        }
        std::int64_t started = 0;
        if (!startedText.empty()) {
            auto [p, ec] = std::from_chars(startedText.data(), startedText.data() + startedText.size(), started);
            if (ec != std::errc() || p != startedText.data() + startedText.size() || started < 0) {
                cleanup();
                return net.respond(r, errorResponse(Error::make(ErrorCode::InvalidArgument, "x-started-at must be milliseconds since 1970",
                                                                "x-started-at phải là số mili giây kể từ 1970")));
            }
        }
        // Checked here too, so a wrong item costs no reading and storing of a large file.
        if (!engine.state().item(item)) {
            cleanup();
            return net.respond(r, errorResponse(Error::make(ErrorCode::NotFound, "agenda item '" + item + "' does not exist",
                                                            "không có nội dung '" + item + "'")));
        }
        asio::post(workers, [this, r, req = std::move(req), item, started, viewer = *viewer] {
            auto stored = storeRecording(req);
            std::filesystem::remove(req.bodyFile);
            onDomain([this, r, stored = std::move(stored), item, started, viewer]() mutable {
                if (!stored) return net.respond(r, errorResponse(stored.error()));
                const auto& [id, info, bytes] = *stored;
                if (auto it = engine.state().recordings.find(id); it != engine.state().recordings.end())
                    return net.respond(r, jsonResponse(200, Json{{"recording", toJson(it->second)}, {"duplicate", true}}));
                Json args{{"id", id}, {"item", item}, {"format", info.format}, {"bytes", bytes},
                          {"duration_ms", info.durationMs}, {"started_at", started}};
                submit(Submission{Actor{viewer.id, viewer.role}, {}, Command{"recording.add", args},
                                  [this, r, id](const CommandOutcome& o) {
                                      if (!o.ok) return net.respond(r, errorResponse(o.error));
                                      const auto& recs = engine.state().recordings;
                                      auto it = recs.find(id);
                                      Json body{{"seq", o.seq}};
                                      if (it != recs.end()) body["recording"] = toJson(it->second);
                                      net.respond(r, jsonResponse(201, body));
                                  }});
            });
        });
    }

    /// Runs on a worker: reads what the recording is and stores it by content.
    Result<std::tuple<std::string, media::AudioInfo, std::int64_t>> storeRecording(const HttpRequest& req) {
        auto body = readBody(req);
        if (!body) return body.error();
        const std::string& bytes = *body;
        auto info = media::inspectAudio(bytes);
        if (!info) return info.error();
        auto id = docs.put(bytes);
        if (!id) return id.error();
        return std::tuple{*id, *info, static_cast<std::int64_t>(bytes.size())};
    }

    void loginTokenRequest(RequestId r, const HttpRequest& req) {
        if (!req.bodyFile.empty()) std::filesystem::remove(req.bodyFile);
        auto viewer = authorize(req);
        if (!viewer) return net.respond(r, errorResponse(viewer.error()));
        if (viewer->role != Role::Secretary && viewer->role != Role::Admin)
            return net.respond(r, errorResponse(Error::make(ErrorCode::Forbidden, "only the secretary or an administrator may issue login codes",
                                                            "chỉ thư ký hoặc quản trị viên được cấp mã đăng nhập")));
        auto q = parseQuery(req.query);
        const auto* p = engine.state().participant(q["participant"]);
        if (!p) return net.respond(r, errorResponse(Error::make(ErrorCode::NotFound, "no such participant", "không có đại biểu này")));
        // A login code is the person's identity: the secretary issues them for delegates, guests
        // and display devices; only an administrator for the chair or the secretary, and nobody
        // for an administrator.
        const bool allowed = p->role == Role::Admin ? false
                             : viewer->role == Role::Admin ? true
                                                           : (p->role == Role::Delegate || p->role == Role::Guest || p->role == Role::Display);
        if (!allowed)
            return net.respond(r, errorResponse(Error::make(ErrorCode::Forbidden, "you may not issue a login code for this participant",
                                                            "bạn không được cấp mã đăng nhập cho người này")));
        const std::string token = crypto::randomHex(24);
        const TimeMs expires = nowMs() + 15 * 60 * 1000;
        if (auto st = db.createLoginToken(crypto::sha256Hex(token), p->id, expires); !st)
            return net.respond(r, errorResponse(st.error()));
        net.respond(r, jsonResponse(201, Json{{"participant", p->id}, {"login_token", token}, {"expires_at", expires}}));
    }

    std::string metricsText() {
        const auto& ts = net.stats();
        const auto& es = engine.stats();
        std::ostringstream o;
        auto metric = [&](const char* name, const char* type, const char* help, auto value) {
            o << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n' << name << ' ' << value << '\n';
        };
        metric("room_connections", "gauge", "Open WebSocket connections.", ts.connections.load());
        metric("room_connections_total", "counter", "WebSocket connections accepted.", ts.connectionsTotal.load());
        metric("room_messages_in_total", "counter", "WebSocket messages received.", ts.messagesIn.load());
        metric("room_frames_out_total", "counter", "WebSocket frames sent.", ts.framesOut.load());
        metric("room_http_requests_total", "counter", "HTTP requests.", ts.httpRequests.load());
        metric("room_events", "gauge", "Events in the log (head sequence number).", engine.head());
        metric("room_commands_total", "counter", "Commands decided.", es.commands);
        metric("room_commands_rejected_total", "counter", "Commands rejected.", es.rejected);
        metric("room_commit_failures_total", "counter", "Batches that could not be committed.", es.commitFailures);
        metric("room_command_queue_depth", "gauge", "Commands waiting for the next group commit.", static_cast<std::int64_t>(pending.size()));
        metric("room_login_failures_total", "counter", "Failed logins.", loginFailures);
        metric("room_event_frames_total", "counter", "Events frames queued to connections by fan-out.", eventsSent);
        o << "# HELP room_commit_seconds Group-commit latency (decide + append + fsync).\n# TYPE room_commit_seconds histogram\n";
        std::int64_t cumulative = 0;
        for (std::size_t i = 0; i < Engine::kCommitBucketBounds.size(); ++i) {
            cumulative += es.commitBuckets[i];
            o << "room_commit_seconds_bucket{le=\"" << Engine::kCommitBucketBounds[i] / 1000.0 << "\"} " << cumulative << '\n';
        }
        cumulative += es.commitBuckets.back();
        o << "room_commit_seconds_bucket{le=\"+Inf\"} " << cumulative << '\n';
        o << "room_commit_seconds_sum " << es.commitMsSum / 1000.0 << '\n';
        o << "room_commit_seconds_count " << es.batches << '\n';
        return o.str();
    }
};

RoomService::RoomService(ServiceOptions options, storage::Database& db, storage::DocumentStore& docs,
                         transport::Transport& transport)
    : m_impl(std::make_unique<Impl>(std::move(options), db, docs, transport)) {}

RoomService::~RoomService() { stop(); }

Status RoomService::start() {
    if (auto st = m_impl->engine.load(); !st) return st;
    if (auto st = m_impl->engine.sweepBallotBox(); !st) return st;
    m_impl->armPollTimers();
    if (auto purged = m_impl->db.purgeExpired(nowMs()); purged && *purged > 0)
        log::info("sessions_purged", {{"count", *purged}});
    m_impl->domainThread = std::thread([this] { m_impl->io.run(); });
    return Ok{};
}

void RoomService::drain() {
    if (!m_impl->domainThread.joinable()) return;
    std::promise<void> done;
    asio::post(m_impl->io, [this, &done] {
        m_impl->draining = true;
        m_impl->runPending();
        done.set_value();
    });
    done.get_future().wait();
}

void RoomService::stop() {
    if (!m_impl->domainThread.joinable()) return;
    m_impl->workers.join();
    m_impl->work.reset();
    m_impl->io.stop();
    m_impl->domainThread.join();
}

void RoomService::onOpen(ConnId conn, const std::string& peer) {
    m_impl->onDomain([this, conn, peer] { m_impl->open(conn, peer); });
}

void RoomService::onClose(ConnId conn) {
    m_impl->onDomain([this, conn] { m_impl->conns.erase(conn); });
}

void RoomService::onMessage(ConnId conn, std::string text) {
    m_impl->onDomain([this, conn, text = std::move(text)] { m_impl->message(conn, text); });
}

void RoomService::onRejectedMessage(ConnId conn, Error why) {
    m_impl->onDomain([this, conn, why = std::move(why)] { m_impl->send(conn, protocol::error(why)); });
}

void RoomService::onHttp(RequestId req, HttpRequest request) {
    m_impl->onDomain([this, req, request = std::move(request)]() mutable { m_impl->http(req, std::move(request)); });
}

} // namespace room::core
