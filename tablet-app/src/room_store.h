// The tablet's replica of the meeting and everything QML shows of it (the `Room` singleton).
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QTranslator>
#include <QVariantMap>

#include <map>
#include <optional>
#include <memory>

#include "shared/domain/state.h"
#include "tablet-app/src/document_library.h"
#include "tablet-app/src/room_link.h"
#include "tablet-app/src/rows_model.h"

namespace room::tablet {

/// A voter's proof that their ballot was recorded (docs/protocol.md §14.9), and for a named poll
/// what they chose: the room sees the choice only once the result is published, so the tablet
/// keeps what it sent.
struct Receipt {
    QString poll;
    QString voter; ///< the member the ballot is for (the user, or a member whose proxy they hold)
    qint64 seq = 0;
    QString hash;
    QVariantList choices;
};

/// Folds the server's frames into a replica of the state with the shared domain code and exposes
/// it to QML as plain values and list models. The UI never changes the state itself: it sends
/// commands and waits for the events (protocol §4.3).
class RoomStore : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Room)
    QML_SINGLETON

    Q_PROPERTY(QString connection READ connection NOTIFY connectionChanged)
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY identityChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString loginError READ loginError NOTIFY loginErrorChanged)
    Q_PROPERTY(QString role READ role NOTIFY identityChanged)
    Q_PROPERTY(QVariant me READ me NOTIFY stateChanged)
    Q_PROPERTY(QVariant meeting READ meeting NOTIFY stateChanged)
    Q_PROPERTY(QVariant currentItem READ currentItem NOTIFY stateChanged)
    Q_PROPERTY(QVariant quorum READ quorum NOTIFY stateChanged)
    Q_PROPERTY(QVariant speaker READ speaker NOTIFY stateChanged)
    Q_PROPERTY(QVariant announcement READ announcement NOTIFY stateChanged)
    Q_PROPERTY(QVariant presentation READ presentation NOTIFY stateChanged)
    Q_PROPERTY(QVariant myRequests READ myRequests NOTIFY stateChanged)
    Q_PROPERTY(QVariant livePoll READ livePoll NOTIFY stateChanged)
    Q_PROPERTY(room::tablet::RowsModel* agenda READ agenda CONSTANT)
    Q_PROPERTY(room::tablet::RowsModel* floorQueue READ floorQueue CONSTANT)
    Q_PROPERTY(room::tablet::RowsModel* interpellationQueue READ interpellationQueue CONSTANT)
    Q_PROPERTY(room::tablet::RowsModel* polls READ polls CONSTANT)
    Q_PROPERTY(room::tablet::RowsModel* participants READ participants CONSTANT)
    Q_PROPERTY(room::tablet::RowsModel* documents READ documents CONSTANT)
    Q_PROPERTY(room::tablet::DocumentLibrary* library READ library CONSTANT)
    Q_PROPERTY(double now READ now NOTIFY nowChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(int pendingCommands READ pendingCommands NOTIFY busyChanged)
    Q_PROPERTY(QString serverHost READ serverHost NOTIFY endpointChanged)
    Q_PROPERTY(int serverPort READ serverPort NOTIFY endpointChanged)
    Q_PROPERTY(QString serverFingerprint READ serverFingerprint NOTIFY endpointChanged)
    Q_PROPERTY(QString participantHint READ participantHint NOTIFY endpointChanged)
    Q_PROPERTY(bool seatMode READ seatMode CONSTANT)

public:
    // Not default-constructible on purpose: Qt 6.4 would then construct the QML singleton itself
    // instead of asking create() for the application's instance.
    explicit RoomStore(QObject* parent);
    ~RoomStore() override;

    /// The instance QML gets as `Room`: the one the application registered with setInstance(), or
    /// a new empty store owned by the engine (Qt Quick Tests).
    static RoomStore* create(QQmlEngine* qml, QJSEngine* js);
    static void setInstance(RoomStore* store);

    // ---- connection and login ----
    Q_INVOKABLE void setServer(const QString& host, int port, const QString& fingerprint);
    /// Reads a server code (the QR code on the wall display or a typed line):
    /// `phonghop://HOST:PORT?fp=FINGERPRINT[&token=LOGIN_CODE]`. Returns {host, port, fingerprint,
    /// token} or an empty map when the text is not one.
    Q_INVOKABLE QVariant parseServerCode(const QString& text) const;
    Q_INVOKABLE void loginWithPin(const QString& participant, const QString& pin);
    Q_INVOKABLE void loginWithCode(const QString& token);
    Q_INVOKABLE void logout();
    /// Shows a problem on the login screen (a QR code that is not a server's, for instance).
    Q_INVOKABLE void reportLoginProblem(const QString& message);

    // ---- commands (all answered through commandFinished) ----
    /// Sends any command by type with its arguments; returns the command id.
    Q_INVOKABLE QString command(const QString& type, const QVariantMap& args = {});
    Q_INVOKABLE QString requestFloor(const QString& queue = QStringLiteral("floor"), bool pointOfOrder = false);
    Q_INVOKABLE QString withdrawRequest(const QString& queue = QStringLiteral("floor"));
    /// Casts a ballot: `choices` are option indexes (empty = abstain); `forVoter` is the member
    /// whose proxy the user holds, or empty for the user's own vote. Refused at once when offline:
    /// a vote is never queued.
    Q_INVOKABLE QString vote(const QString& poll, const QVariantList& choices, const QString& forVoter = {});
    /// The receipt of the user's (or a proxy's) ballot: {seq, hash, choices}, empty when none.
    Q_INVOKABLE QVariant receiptFor(const QString& poll, const QString& voter = {}) const;

    // ---- private notes and annotations (queued while the link is down, sent on reconnect) ----
    /// Saves the user's whole note on an agenda item ("" clears it).
    Q_INVOKABLE QString saveNote(const QString& item, const QString& text);
    /// The note as the user last wrote it (a save not yet confirmed included).
    Q_INVOKABLE QString noteFor(const QString& item) const;
    /// Adds or replaces an annotation: {id?, page (1-based), kind, color?, width?, points [[x, y]…] in
    /// page points, text?}. A stroke of more than 2000 points is sent as several annotations.
    Q_INVOKABLE QString saveAnnotation(const QString& document, const QVariantMap& annotation);
    Q_INVOKABLE QString deleteAnnotation(const QString& document, const QString& id);
    /// The user's annotations on one page (1-based), unconfirmed ones included (`pending` true)
    /// and unconfirmed deletions left out.
    Q_INVOKABLE QVariantList annotationsOn(const QString& document, int page) const;

    // ---- lookups for views ----
    Q_INVOKABLE QVariantList documentsOf(const QString& item) const;
    Q_INVOKABLE QString participantName(const QString& id) const;

    // ---- for the application, galleries and tests ----
    /// Replaces the replica and the identity (a gallery's fixture state; tests).
    void setReplica(const State& state, const QString& participant, Role role);
    /// Keeps a receipt the tablet had stored before (after a restart of the app).
    void restoreReceipt(const Receipt& receipt);
    const State& replica() const { return m_state; }
    Seq lastSeq() const { return m_lastSeq; }
    /// The chain hash of event lastSeq() as the server sent it (empty before the first frame or
    /// from a server that does not send it): equal on two devices = replicas of the same log.
    const std::string& headHash() const { return m_headHash; }
    RoomLink& link() { return m_link; }
    /// The engine whose texts follow the language, and which gets the `image://pages` provider.
    void setEngine(QQmlEngine* engine);
    /// The connection state to show while no link is used (a gallery's "online"); empty: the link's.
    void setAssumedConnection(const QString& state);
    /// Freezes `now` (galleries render a fixed moment); 0 follows the clock again.
    void setFixedNow(qint64 serverMs);

    QString connection() const;
    bool loggedIn() const { return !m_me.isEmpty(); }
    bool busy() const { return m_loginBusy || m_link.pendingCommands() > 0; }
    QString loginError() const { return m_loginError; }
    QString role() const;
    QVariantMap me() const;
    QVariantMap meeting() const { return m_meeting; }
    QVariantMap currentItem() const { return m_currentItem; }
    QVariantMap quorum() const { return m_quorum; }
    QVariantMap speaker() const { return m_speaker; }
    QVariantMap announcement() const { return m_announcement; }
    QVariantMap presentation() const { return m_presentation; }
    QVariantMap myRequests() const { return m_myRequests; }
    QVariantMap livePoll() const { return m_livePoll; }
    RowsModel* agenda() { return &m_agenda; }
    RowsModel* floorQueue() { return &m_floor; }
    RowsModel* interpellationQueue() { return &m_interpellation; }
    RowsModel* polls() { return &m_polls; }
    RowsModel* participants() { return &m_participants; }
    RowsModel* documents() { return &m_documents; }
    DocumentLibrary* library() { return m_library; }
    double now() const;
    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    /// Also loads `:/i18n/<domain>_<language>.qm` (another app's own texts, e.g. "display-app").
    void addTranslationDomain(const QString& domain);
    QString lastError() const { return m_lastError; }
    int pendingCommands() const { return m_link.pendingCommands(); }
    QString serverHost() const { return m_link.endpoint().host; }
    int serverPort() const { return m_link.endpoint().port; }
    QString serverFingerprint() const { return m_link.endpoint().fingerprint; }
    /// Seat (kiosk) mode, for tablets fixed in the room and shared between meetings: when the
    /// meeting closes the tablet logs out and wipes everything it holds of it (replica, receipts,
    /// the document cache and its key).
    void setSeatMode(bool on) { m_seatMode = on; }
    bool seatMode() const { return m_seatMode; }
    /// The delegate code the login form starts with (a seat's tablet knows whose seat it is).
    QString participantHint() const { return m_participantHint; }
    void setParticipantHint(const QString& id) {
        m_participantHint = id;
        emit endpointChanged();
    }

signals:
    void connectionChanged();
    void identityChanged();
    void busyChanged();
    void loginErrorChanged();
    void stateChanged();
    void nowChanged();
    void languageChanged();
    void lastErrorChanged();
    void endpointChanged();
    /// A command was answered: ok (accepted) or refused with a message in the UI's language.
    void commandFinished(const QString& id, bool ok, const QString& code, const QString& message);

private:
    void onWelcome(const Json& frame);
    void onSnapshot(const Json& frame);
    void onEvents(const Json& frame);
    void onAnswer(const QString& id, const Json& answer);
    void refresh();
    QString localized(const Json& frame) const;
    QVariantMap pollRow(const Poll& p) const;

    RoomLink m_link;
    State m_state;
    Seq m_lastSeq = 0;
    std::string m_headHash;
    bool m_awaitingReload = false; ///< the welcome showed the replica is from another log
    bool m_loginBusy = false;
    QString m_me;
    Role m_role = Role::Guest;
    QString m_loginError;
    QString m_lastError;
    QString m_language = QStringLiteral("vi");
    std::vector<std::unique_ptr<QTranslator>> m_translators;
    QStringList m_translationDomains{QStringLiteral("tablet-app")};
    QPointer<QQmlEngine> m_engine;
    QTimer m_clock;
    qint64 m_fixedNow = 0;
    QString m_assumedConnection;
    QString m_participantHint;
    bool m_seatMode = false;

    struct VoteInFlight {
        QString poll, voter;
        QVariantList choices;
    };
    std::map<QString, VoteInFlight> m_votes; ///< by command id
    std::map<std::pair<QString, QString>, Receipt> m_receipts; ///< by (poll, voter)
    struct PendingMark {
        QString document, id;
        std::optional<QVariantMap> annotation; ///< nullopt: a deletion
    };
    std::map<QString, PendingMark> m_pendingMarks;    ///< by command id
    std::map<QString, std::pair<QString, QString>> m_pendingNotes; ///< command id → (item, text)

    QVariantMap m_meeting, m_currentItem, m_quorum, m_speaker, m_announcement, m_presentation, m_myRequests,
        m_livePoll;
    DocumentLibrary* m_library = nullptr; ///< a child: destroyed with the store
    RowsModel m_agenda, m_floor, m_interpellation, m_polls, m_participants, m_documents;
};

} // namespace room::tablet
