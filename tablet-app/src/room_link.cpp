#include "tablet-app/src/room_link.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace room::tablet {

namespace {

constexpr int kFirstBackoffMs = 500;
constexpr int kMaxBackoffMs = 30'000;
constexpr int kPingEveryMs = 20'000;

std::string utf8(const QString& s) { return s.toStdString(); }
QString qstr(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

QString normalizeFingerprint(const QString& text) {
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("SHA256"), Qt::CaseInsensitive)) t = t.mid(6).trimmed();
    QString hex;
    for (QChar c : t) {
        if (c == QLatin1Char(':') || c.isSpace()) continue;
        hex.append(c.toUpper());
    }
    if (hex.size() != 64) return {};
    for (QChar c : hex)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return {};
    return hex;
}

RoomLink::RoomLink(QObject* parent) : QObject(parent) {
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RoomLink::open);
    m_pinger.setInterval(kPingEveryMs);
    connect(&m_pinger, &QTimer::timeout, this, [this] {
        m_pingSentAt = QDateTime::currentMSecsSinceEpoch();
        send(Json{{"v", 1}, {"type", "ping"}});
    });
    m_idPrefix = QUuid::createUuid().toString(QUuid::WithoutBraces);
}

RoomLink::~RoomLink() {
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
    }
}

void RoomLink::setEndpoint(const Endpoint& endpoint) {
    m_endpoint = endpoint;
    m_expectedFingerprint = normalizeFingerprint(endpoint.fingerprint);
}

void RoomLink::loginWithPin(const QString& participant, const QString& pin) {
    m_intent = Intent::LoginPin;
    m_participant = participant;
    m_pin = pin;
    m_token.clear();
    m_session.clear();
    open();
}

void RoomLink::loginWithToken(const QString& token) {
    m_intent = Intent::LoginToken;
    m_token = token;
    m_pin.clear();
    m_session.clear();
    open();
}

void RoomLink::logout() {
    m_retry.stop();
    m_pinger.stop();
    if (m_ws && m_status == Status::Online) send(Json{{"v", 1}, {"type", "logout"}});
    m_intent = Intent::None;
    m_session.clear();
    m_pin.clear();
    m_token.clear();
    rejectPending(QStringLiteral("logged out before the server answered"),
                  QStringLiteral("đã đăng xuất trước khi máy chủ trả lời"));
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->close();
        m_ws->deleteLater();
        m_ws = nullptr;
    }
    setStatus(Status::Offline);
    emit loggedOut();
}

void RoomLink::reload() {
    if (!m_ws || m_session.isEmpty()) return;
    m_welcomed = false;
    send(Json{{"v", 1}, {"type", "hello"}, {"session", utf8(m_session)}, {"last_seq", 0}});
}

QString RoomLink::sendCommand(const QString& type, const Json& args, bool queueWhileOffline) {
    const QString id = m_idPrefix + QLatin1Char('-') + QString::number(++m_idCounter);
    if (m_status != Status::Online && !(queueWhileOffline && m_status == Status::Reconnecting)) {
        // Answered on the next turn of the event loop, like a server answer, so callers can rely
        // on getting the id back before the answer.
        const Json answer{{"type", "rejected"},
                          {"id", utf8(id)},
                          {"code", "offline"},
                          {"message", "not connected to the room server; nothing was sent"},
                          {"message_vi", "chưa kết nối được với máy chủ phòng họp; chưa gửi gì"}};
        QMetaObject::invokeMethod(this, [this, id, answer] { emit commandAnswered(id, answer); },
                                  Qt::QueuedConnection);
        return id;
    }
    Json frame{{"v", 1}, {"type", "command"}, {"id", utf8(id)}, {"command", utf8(type)}, {"args", args}};
    m_pending.emplace(id, Pending{type, frame});
    if (m_status == Status::Online) send(frame);
    return id;
}

qint64 RoomLink::serverNow() const { return QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs; }

void RoomLink::simulateDrop() {
    if (m_ws) m_ws->abort();
}

void RoomLink::open() {
    if (m_intent == Intent::None) return;
    if (m_endpoint.host.isEmpty() || m_expectedFingerprint.isEmpty()) {
        failLogin(QStringLiteral("bad_endpoint"), QStringLiteral("enter the server's address and fingerprint"),
                  QStringLiteral("hãy nhập địa chỉ và mã nhận dạng (fingerprint) của máy chủ"));
        return;
    }
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
        m_ws->deleteLater();
    }
    m_welcomed = false;
    m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_ws->setMaxAllowedIncomingMessageSize(256 * 1024 * 1024);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // The server's certificate is self-signed and pinned: the handshake's verification errors are
    // ignored only for the pinned certificate (onSslErrors), and onConnected checks it again.
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_ws->setSslConfiguration(tls);
    m_pinMismatch = false;
    connect(m_ws, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        if (peerMatchesPin()) m_ws->ignoreSslErrors(errors);
        else m_pinMismatch = true; // the handshake fails; onDisconnected says why
    });
    connect(m_ws, &QWebSocket::connected, this, &RoomLink::onConnected);
    connect(m_ws, &QWebSocket::disconnected, this, &RoomLink::onDisconnected);
    connect(m_ws, &QWebSocket::textMessageReceived, this, &RoomLink::onText);
    if (m_status != Status::Reconnecting) setStatus(Status::Connecting);

    QUrl url;
    url.setScheme(QStringLiteral("wss"));
    url.setHost(m_endpoint.host);
    url.setPort(m_endpoint.port);
    url.setPath(QStringLiteral("/ws"));
    m_ws->open(url);
}

bool RoomLink::peerMatchesPin() const {
    if (!m_ws) return false;
    const QSslCertificate cert = m_ws->sslConfiguration().peerCertificate();
    if (cert.isNull()) return false;
    const QString seen = QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex().toUpper());
    return seen == m_expectedFingerprint;
}

void RoomLink::failPinMismatch() {
    const QSslCertificate cert = m_ws ? m_ws->sslConfiguration().peerCertificate() : QSslCertificate();
    const QString seen = QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    failLogin(QStringLiteral("fingerprint_mismatch"),
              QStringLiteral("the server's certificate (%1) is not the one this tablet was given; nothing was sent")
                  .arg(seen),
              QStringLiteral("chứng thư của máy chủ (%1) không đúng mã nhận dạng đã cấu hình; chưa gửi thông tin nào")
                  .arg(seen));
}

void RoomLink::onConnected() {
    if (!peerMatchesPin()) {
        // Someone else answers on this address: say nothing to it, not even the PIN.
        failPinMismatch();
        return;
    }
    m_backoffMs = kFirstBackoffMs;
    const Seq position = m_position ? m_position() : 0;
    if (!m_session.isEmpty()) {
        send(Json{{"v", 1}, {"type", "hello"}, {"session", utf8(m_session)}, {"last_seq", position}});
    } else if (m_intent == Intent::LoginToken) {
        Json login{{"v", 1}, {"type", "login"}, {"login_token", utf8(m_token)}};
        if (position > 0) login["last_seq"] = position;
        send(login);
    } else if (m_intent == Intent::LoginPin) {
        Json login{{"v", 1}, {"type", "login"}, {"participant", utf8(m_participant)}, {"pin", utf8(m_pin)}};
        if (position > 0) login["last_seq"] = position;
        send(login);
    }
    m_pingSentAt = QDateTime::currentMSecsSinceEpoch();
    send(Json{{"v", 1}, {"type", "ping"}});
}

void RoomLink::onDisconnected() {
    m_pinger.stop();
    m_welcomed = false;
    if (m_pinMismatch) {
        // Also after a reconnect: a different server now answers on the address. Stop, and say so.
        failPinMismatch();
        return;
    }
    if (m_intent == Intent::None) {
        setStatus(Status::Offline);
        return;
    }
    if (m_session.isEmpty() && m_status == Status::Connecting) {
        failLogin(QStringLiteral("unreachable"),
                  QStringLiteral("cannot reach the room server at %1:%2").arg(m_endpoint.host).arg(m_endpoint.port),
                  QStringLiteral("không kết nối được với máy chủ phòng họp tại %1:%2").arg(m_endpoint.host).arg(m_endpoint.port));
        return;
    }
    setStatus(Status::Reconnecting);
    scheduleReconnect();
}

void RoomLink::scheduleReconnect() {
    const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(m_backoffMs / 2 + 1));
    m_retry.start(m_backoffMs / 2 + jitter); // between half and all of the back-off
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
}

void RoomLink::rejectPending(const QString& message, const QString& messageVi) {
    // Whether the server applied them is unknown; the UI says so and the user may act again (a new
    // command gets a new id, so it is decided afresh).
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& [id, p] : pending)
        emit commandAnswered(id, Json{{"type", "rejected"}, {"id", utf8(id)}, {"code", "offline"},
                                      {"message", utf8(message)}, {"message_vi", utf8(messageVi)}});
}

void RoomLink::failLogin(const QString& code, const QString& message, const QString& messageVi) {
    m_retry.stop();
    m_pinger.stop();
    m_intent = Intent::None;
    m_session.clear();
    m_pin.clear();
    m_token.clear();
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
        m_ws->deleteLater();
        m_ws = nullptr;
    }
    rejectPending(QStringLiteral("the session ended before the server answered"),
                  QStringLiteral("phiên làm việc đã kết thúc trước khi máy chủ trả lời"));
    setStatus(Status::Offline);
    emit loginFailed(code, message, messageVi);
}

void RoomLink::onText(const QString& text) {
    Json frame = Json::parse(text.toStdString(), nullptr, false);
    if (!frame.is_object()) return;
    const std::string type = frame.value("type", "");
    if (type == "welcome") {
        m_session = qstr(frame, "session");
        m_welcomed = true;
        m_pin.clear(); // the session replaces the PIN; it is not kept in memory longer than needed
        m_token.clear();
        m_intent = Intent::Resume;
        setStatus(Status::Online);
        m_pinger.start();
        emit welcomed(frame);
        for (auto& [id, p] : m_pending) send(p.frame); // retried by id: applied at most once
    } else if (type == "snapshot") {
        emit snapshotReceived(frame);
    } else if (type == "events") {
        emit eventsReceived(frame);
    } else if (type == "accepted" || type == "rejected") {
        const QString id = qstr(frame, "id");
        if (m_pending.erase(id) > 0) emit commandAnswered(id, frame);
    } else if (type == "pong") {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 server = frame.value("time", static_cast<qint64>(0));
        if (server > 0 && m_pingSentAt > 0) m_clockOffsetMs = server - (m_pingSentAt + now) / 2;
    } else if (type == "logged_out") {
        // logout() already cleaned up.
    } else if (type == "error") {
        const std::string code = frame.value("code", "");
        if (!m_welcomed && (code == "unauthenticated" || code == "locked_out" || code == "rate_limited" ||
                            code == "missing_field" || code == "invalid_argument")) {
            failLogin(qstr(frame, "code"), qstr(frame, "message"), qstr(frame, "message_vi"));
        }
        // Other errors (a dropped message under rate limiting, internal) leave pending commands
        // to be retried after the next reconnect; they carry no command id.
    }
}

void RoomLink::send(const Json& frame) {
    if (!m_ws) return;
    m_ws->sendTextMessage(QString::fromStdString(frame.dump()));
}

void RoomLink::setStatus(Status s) {
    if (s == m_status) return;
    m_status = s;
    emit statusChanged(s);
}

QNetworkRequest RoomLink::httpsRequest(const QString& path) const {
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(m_endpoint.host);
    url.setPort(m_endpoint.port);
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_session.toUtf8());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
    return request;
}

bool RoomLink::pinMatches(const QNetworkReply* reply) const {
    const QSslCertificate cert = reply->sslConfiguration().peerCertificate();
    return !cert.isNull() && !m_expectedFingerprint.isEmpty() &&
           QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex().toUpper()) == m_expectedFingerprint;
}

void RoomLink::pinReply(QNetworkReply* reply) const {
    connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError>& errors) {
        if (pinMatches(reply)) reply->ignoreSslErrors(errors);
    });
}

} // namespace room::tablet
