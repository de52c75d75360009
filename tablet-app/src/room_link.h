// The tablet's connection to the room server: TLS WebSocket with a pinned certificate, login,
// resuming a session after a drop, and commands that are retried by id until they are answered.
#pragma once

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <map>

#include "shared/domain/types.h"

namespace room::tablet {

/// Where the room server is and which certificate it must present.
struct Endpoint {
    QString host;
    quint16 port = 9443;
    /// SHA-256 of the server certificate as printed by the server ("AB:CD:…", case and the
    /// "SHA256 " prefix do not matter). Nothing is sent to a server whose certificate differs.
    QString fingerprint;
};

/// Normalises a fingerprint to 64 upper-case hex digits, or returns an empty string when it is not
/// one (wrong length, not hex).
QString normalizeFingerprint(const QString& text);

/// One connection (and its reconnects) to the room server, as the protocol describes it
/// (docs/protocol.md §3–§4). It knows nothing of the meeting: frames go out as signals to the store.
///
/// - The certificate is compared with the pinned fingerprint before anything is sent; on a
///   mismatch the link stops and does not retry (someone else answers on that address).
/// - After a drop it reconnects with back-off (0.5 s doubling to 30 s, with jitter) and resumes the
///   session with `hello` and the replica's position.
/// - A command is sent at once when online; while it is unanswered it is kept and sent again with
///   the same id after a reconnect (the server applies an id only once). Commands given while
///   offline are refused at once unless `queueWhileOffline` says they may wait.
class RoomLink : public QObject {
    Q_OBJECT
public:
    enum class Status {
        Offline,      ///< not logged in (never was, logged out, or the session was refused)
        Connecting,   ///< opening the connection for a login
        Online,       ///< logged in; events flow
        Reconnecting, ///< the connection dropped; a session is kept and will be resumed
    };
    Q_ENUM(Status)

    explicit RoomLink(QObject* parent = nullptr);
    ~RoomLink() override;

    void setEndpoint(const Endpoint& endpoint);
    const Endpoint& endpoint() const { return m_endpoint; }
    /// Supplies the replica's position for `login` (when keeping a replica) and `hello`.
    void setPositionProvider(std::function<Seq()> provider) { m_position = std::move(provider); }

    void loginWithPin(const QString& participant, const QString& pin);
    void loginWithToken(const QString& token);
    /// Sends `logout` (when connected) and forgets the session.
    void logout();
    /// Asks the server for every event again (after a `welcome` showed that the replica belongs to
    /// another log): `hello` with last_seq 0 on the same connection.
    void reload();

    /// Sends a command; returns its id. While the link is not online the command is refused
    /// (commandAnswered with code `offline`, emitted asynchronously) unless queueWhileOffline.
    QString sendCommand(const QString& type, const Json& args, bool queueWhileOffline = false);
    /// Commands sent and not yet answered.
    int pendingCommands() const { return static_cast<int>(m_pending.size()); }

    Status status() const { return m_status; }
    const QString& session() const { return m_session; }
    /// Server time now (ms since the epoch), from the local clock and the offset measured by `ping`.
    qint64 serverNow() const;

    /// Drops the connection as a lost Wi-Fi link would (the session is kept and resumed).
    void simulateDrop();

    /// An HTTPS request to `path` on the room server with the session token (protocol §16). Send it
    /// through a QNetworkAccessManager and pass the reply to pinReply() before using it.
    QNetworkRequest httpsRequest(const QString& path) const;
    /// Accepts the reply's TLS errors only for the pinned certificate (the server's is self-signed).
    /// Check pinMatches() again when the reply has finished: nothing from another certificate counts.
    void pinReply(QNetworkReply* reply) const;
    bool pinMatches(const QNetworkReply* reply) const;

signals:
    void statusChanged(room::tablet::RoomLink::Status status);
    void welcomed(const room::Json& welcome);
    void snapshotReceived(const room::Json& frame);
    void eventsReceived(const room::Json& frame);
    void commandAnswered(const QString& id, const room::Json& answer);
    /// A login (or resuming a session) failed: code and messages from the server, or a local code
    /// (`fingerprint_mismatch`, `unreachable`, `bad_endpoint`).
    void loginFailed(const QString& code, const QString& message, const QString& messageVi);
    void loggedOut();

private:
    void open();
    void onConnected();
    void onDisconnected();
    void onText(const QString& text);
    void send(const Json& frame);
    void setStatus(Status s);
    void scheduleReconnect();
    bool peerMatchesPin() const;
    void failLogin(const QString& code, const QString& message, const QString& messageVi);
    void failPinMismatch();
    void rejectPending(const QString& message, const QString& messageVi);

    Endpoint m_endpoint;
    QString m_expectedFingerprint;
    std::function<Seq()> m_position;
    QWebSocket* m_ws = nullptr;
    QTimer m_retry;
    QTimer m_pinger;
    int m_backoffMs = 500;
    Status m_status = Status::Offline;

    enum class Intent { None, LoginPin, LoginToken, Resume };
    Intent m_intent = Intent::None;
    QString m_participant, m_pin, m_token;
    QString m_session;
    bool m_welcomed = false;
    bool m_pinMismatch = false; ///< the handshake showed a certificate other than the pinned one

    struct Pending {
        QString type;
        Json frame;
    };
    std::map<QString, Pending> m_pending; ///< by id, unanswered
    quint64 m_idCounter = 0;
    QString m_idPrefix;

    qint64 m_clockOffsetMs = 0;
    qint64 m_pingSentAt = 0;
};

} // namespace room::tablet
