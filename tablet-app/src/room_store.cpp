#include "tablet-app/src/room_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStandardPaths>
#include <QUuid>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <QUrl>
#include <QUrlQuery>

#include "shared/domain/event.h"
#include "tablet-app/src/page_renderer.h"

namespace room::tablet {

namespace {

QPointer<RoomStore> g_instance;

// Each running app gets its own cache directory (two tablet windows may share a machine in a
// demo); directories left by apps that are no longer running are removed, as their key is gone.
QString sessionCacheDir() {
    QDir base(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/documents"));
    base.mkpath(QStringLiteral("."));
    for (const QString& name : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const pid_t owner = static_cast<pid_t>(name.section(QLatin1Char('-'), 0, 0).toLongLong());
        if (owner <= 0 || (owner != getpid() && ::kill(owner, 0) != 0 && errno == ESRCH))
            QDir(base.filePath(name)).removeRecursively();
    }
    return base.filePath(QString::number(getpid()) + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128));
}

QString q(const std::string& s) { return QString::fromStdString(s); }
QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

Json toJsonValue(const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: return v.toLongLong();
    case QMetaType::Double: {
        const double d = v.toDouble();
        // QML numbers are doubles: send whole numbers as JSON integers (the server wants `5`, not `5.0`).
        if (d == static_cast<double>(static_cast<long long>(d))) return static_cast<long long>(d);
        return d;
    }
    case QMetaType::QString: return v.toString().toStdString();
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        Json a = Json::array();
        for (const QVariant& x : v.toList()) a.push_back(toJsonValue(x));
        return a;
    }
    case QMetaType::QVariantMap: {
        Json o = Json::object();
        const QVariantMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it) o[it.key().toStdString()] = toJsonValue(it.value());
        return o;
    }
    default:
        if (!v.isValid() || v.isNull()) return nullptr;
        if (v.canConvert<QVariantMap>() && v.typeId() != QMetaType::QString) return toJsonValue(v.toMap());
        return v.toString().toStdString();
    }
}

QVariant fromJson(const Json& j) {
    if (j.is_boolean()) return j.get<bool>();
    if (j.is_number_integer()) return QVariant::fromValue(j.get<qint64>());
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) return q(j.get<std::string>());
    if (j.is_array()) {
        QVariantList l;
        for (const auto& x : j) l.push_back(fromJson(x));
        return l;
    }
    if (j.is_object()) {
        QVariantMap m;
        for (auto it = j.begin(); it != j.end(); ++it) m.insert(q(it.key()), fromJson(it.value()));
        return m;
    }
    return {};
}

} // namespace

RoomStore::RoomStore(QObject* parent)
    : QObject(parent),
      m_agenda({"id", "title", "presenter", "plannedMinutes", "status", "depth", "number", "startedAt", "usedMs",
                "current", "documentCount"}),
      m_floor({"id", "name", "seat", "pointOfOrder", "requestedAt", "position", "isMe"}),
      m_interpellation({"id", "name", "seat", "pointOfOrder", "requestedAt", "position", "isMe"}),
      m_polls({"id", "question", "status", "secret", "kind", "options", "abstainLabel", "maxChoices", "voted",
               "eligible", "closesAt", "published", "item", "iVoted", "canVote", "proxies", "result", "ruleVi",
               "ruleEn", "allowChange", "openedAt", "publishedAt"}),
      m_participants({"id", "name", "position", "organization", "role", "seat", "member", "present",
                      "checkedInAt", "absentReason", "proxyTo", "proxyToName", "holds"}),
      m_documents({"id", "title", "pages", "bytes", "item", "audience", "mediaType"}) {
    m_library = new DocumentLibrary(&m_link, sessionCacheDir(), this);
    m_link.setPositionProvider([this] { return m_lastSeq; });
    connect(&m_link, &RoomLink::statusChanged, this, [this] {
        emit connectionChanged();
        emit busyChanged();
    });
    connect(&m_link, &RoomLink::welcomed, this, &RoomStore::onWelcome);
    connect(&m_link, &RoomLink::snapshotReceived, this, &RoomStore::onSnapshot);
    connect(&m_link, &RoomLink::eventsReceived, this, &RoomStore::onEvents);
    connect(&m_link, &RoomLink::commandAnswered, this, &RoomStore::onAnswer);
    connect(&m_link, &RoomLink::loginFailed, this, [this](const QString&, const QString& en, const QString& vi) {
        m_loginBusy = false;
        m_loginError = m_language == QLatin1String("vi") && !vi.isEmpty() ? vi : en;
        emit loginErrorChanged();
        emit busyChanged();
        if (!m_me.isEmpty()) {
            m_me.clear();
            emit identityChanged();
        }
    });
    connect(&m_link, &RoomLink::loggedOut, this, [this] {
        // Nothing of the meeting stays on a tablet after logout (seat mode wipes the same way).
        m_me.clear();
        m_state = State{};
        m_lastSeq = 0;
        m_headHash.clear();
        m_receipts.clear();
        m_votes.clear();
        m_pendingMarks.clear();
        m_pendingNotes.clear();
        m_library->wipe();
        refresh();
        emit identityChanged();
    });
    m_clock.setInterval(500);
    connect(&m_clock, &QTimer::timeout, this, &RoomStore::nowChanged);
    m_clock.start();
    setLanguage(QStringLiteral("vi"));
    refresh();
}

RoomStore::~RoomStore() {
    for (auto& t : m_translators) QCoreApplication::removeTranslator(t.get());
}

RoomStore* RoomStore::create(QQmlEngine* qml, QJSEngine*) {
    RoomStore* store = g_instance;
    if (!store) store = new RoomStore(nullptr); // owned by the engine (JavaScript ownership by default)
    else QJSEngine::setObjectOwnership(store, QJSEngine::CppOwnership);
    store->setEngine(qml);
    return store;
}

void RoomStore::setInstance(RoomStore* store) { g_instance = store; }

void RoomStore::setEngine(QQmlEngine* engine) {
    m_engine = engine;
    if (engine && !engine->imageProvider(QStringLiteral("pages")))
        engine->addImageProvider(QStringLiteral("pages"), new PageImageProvider(m_library->renderer()));
}

// ---- connection and login ----------------------------------------------------------------------

void RoomStore::setServer(const QString& host, int port, const QString& fingerprint) {
    m_link.setEndpoint(Endpoint{host.trimmed(), static_cast<quint16>(port), fingerprint.trimmed()});
    emit endpointChanged();
}

QVariant RoomStore::parseServerCode(const QString& text) const {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("phonghop") || url.host().isEmpty()) return {};
    const QUrlQuery query(url);
    const QString fp = normalizeFingerprint(query.queryItemValue(QStringLiteral("fp")));
    if (fp.isEmpty()) return {};
    return QVariantMap{{"host", url.host()},
                       {"port", url.port(9443)},
                       {"fingerprint", fp},
                       {"token", query.queryItemValue(QStringLiteral("token"))}};
}

void RoomStore::loginWithPin(const QString& participant, const QString& pin) {
    m_loginError.clear();
    emit loginErrorChanged();
    if (participant.trimmed().isEmpty() || pin.isEmpty()) {
        m_loginError = m_language == QLatin1String("vi") ? QStringLiteral("Hãy nhập mã đại biểu và mã PIN.")
                                                        : QStringLiteral("Enter your delegate code and PIN.");
        emit loginErrorChanged();
        return;
    }
    m_loginBusy = true;
    emit busyChanged();
    m_link.loginWithPin(participant.trimmed(), pin);
}

void RoomStore::loginWithCode(const QString& token) {
    m_loginError.clear();
    emit loginErrorChanged();
    m_loginBusy = true;
    emit busyChanged();
    m_link.loginWithToken(token.trimmed());
}

void RoomStore::logout() { m_link.logout(); }

void RoomStore::reportLoginProblem(const QString& message) {
    m_loginError = message;
    emit loginErrorChanged();
}

void RoomStore::onWelcome(const Json& frame) {
    m_loginBusy = false;
    const Json participant = frame.value("participant", Json::object());
    const QString id = q(participant.value("id", std::string()));
    const auto role = roleFromName(frame.value("role", std::string()));
    const std::string meeting = frame.value("meeting", std::string());
    const Seq head = frame.value("head", Seq{0});
    const std::string headHash = frame.value("head_hash", std::string());
    // Keep the replica only if it is of this log (protocol §3.2): at the server's head, the hashes
    // of that event must agree too.
    const bool otherHash = m_lastSeq == head && !m_headHash.empty() && !headHash.empty() && headHash != m_headHash;
    m_awaitingReload = m_lastSeq > 0 && (meeting != m_state.meeting.id || m_lastSeq > head || otherHash);
    if (m_awaitingReload) {
        m_state = State{};
        m_lastSeq = 0;
        m_headHash.clear();
        m_receipts.clear();
    }
    const bool identity = id != m_me || (role && *role != m_role);
    m_me = id;
    if (role) m_role = *role;
    m_loginError.clear();
    emit loginErrorChanged();
    emit busyChanged();
    if (identity) emit identityChanged();
    refresh();
}

void RoomStore::onSnapshot(const Json& frame) {
    try {
        m_state = stateFromJson(frame.at("state"));
        m_lastSeq = frame.at("seq").get<Seq>();
        m_headHash = frame.value("head_hash", std::string());
    } catch (const std::exception&) {
        return; // a frame we cannot read changes nothing; the next reconnect brings a fresh one
    }
    m_awaitingReload = false;
    refresh();
}

void RoomStore::onEvents(const Json& frame) {
    if (m_awaitingReload) {
        // The replica was dropped; events after another log's position would build a wrong state.
        m_link.reload();
        return;
    }
    try {
        std::vector<Event> events;
        for (const auto& e : frame.at("events")) events.push_back(eventFromJson(e));
        const Seq head = frame.at("head").get<Seq>();
        const std::string headHash = frame.value("head_hash", std::string());
        for (const auto& e : events) apply(m_state, e);
        if (head >= m_lastSeq) {
            m_lastSeq = head;
            m_headHash = headHash;
            m_state.seq = head; // as a snapshot says: events hidden from this viewer count too
        }
    } catch (const std::exception&) {
        return;
    }
    refresh();
}

// ---- commands ------------------------------------------------------------------------------------

QString RoomStore::command(const QString& type, const QVariantMap& args) {
    const QString id = m_link.sendCommand(type, toJsonValue(args));
    emit busyChanged();
    return id;
}

QString RoomStore::requestFloor(const QString& queue, bool pointOfOrder) {
    QVariantMap args{{"queue", queue}};
    if (pointOfOrder) args.insert(QStringLiteral("point_of_order"), true);
    return command(QStringLiteral("speaker.request"), args);
}

QString RoomStore::withdrawRequest(const QString& queue) {
    return command(QStringLiteral("speaker.withdraw"), QVariantMap{{"queue", queue}});
}

QString RoomStore::vote(const QString& poll, const QVariantList& choices, const QString& forVoter) {
    QVariantMap args{{"poll", poll}, {"choices", choices}};
    if (!forVoter.isEmpty() && forVoter != m_me) args.insert(QStringLiteral("for"), forVoter);
    const QString id = command(QStringLiteral("poll.cast"), args);
    m_votes[id] = VoteInFlight{poll, forVoter.isEmpty() ? m_me : forVoter, choices};
    return id;
}

QString RoomStore::saveNote(const QString& item, const QString& text) {
    const QString id = m_link.sendCommand(QStringLiteral("note.save"),
                                          Json{{"item", item.toStdString()}, {"text", text.toStdString()}}, true);
    m_pendingNotes[id] = {item, text};
    emit busyChanged();
    emit stateChanged();
    return id;
}

QString RoomStore::noteFor(const QString& item) const {
    for (auto it = m_pendingNotes.rbegin(); it != m_pendingNotes.rend(); ++it)
        if (it->second.first == item) return it->second.second;
    auto who = m_state.notes.find(m_me.toStdString());
    if (who == m_state.notes.end()) return {};
    auto n = who->second.find(item.toStdString());
    return n == who->second.end() ? QString() : q(n->second);
}

QString RoomStore::saveAnnotation(const QString& document, const QVariantMap& annotation) {
    constexpr int kMaxPoints = 2000;
    QVariantMap a = annotation;
    if (a.value(QStringLiteral("id")).toString().isEmpty())
        a.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::Id128).left(24));
    const QVariantList points = a.value(QStringLiteral("points")).toList();
    if (points.size() > kMaxPoints) {
        // One stroke, several annotations: each piece starts where the last one ended.
        QString last;
        const QString base = a.value(QStringLiteral("id")).toString();
        for (qsizetype from = 0, part = 0; from < points.size() - 1; from += kMaxPoints - 1, ++part) {
            QVariantMap piece = a;
            piece.insert(QStringLiteral("id"), base + QLatin1Char('-') + QString::number(part));
            piece.insert(QStringLiteral("points"), points.mid(from, kMaxPoints));
            last = saveAnnotation(document, piece);
        }
        return last;
    }
    const QString id = m_link.sendCommand(QStringLiteral("annotation.save"),
                                          Json{{"document", document.toStdString()}, {"annotation", toJsonValue(a)}}, true);
    m_pendingMarks[id] = PendingMark{document, a.value(QStringLiteral("id")).toString(), a};
    emit busyChanged();
    emit stateChanged();
    return id;
}

QString RoomStore::deleteAnnotation(const QString& document, const QString& annotationId) {
    const QString id = m_link.sendCommand(QStringLiteral("annotation.delete"),
                                          Json{{"document", document.toStdString()}, {"id", annotationId.toStdString()}}, true);
    m_pendingMarks[id] = PendingMark{document, annotationId, std::nullopt};
    emit busyChanged();
    emit stateChanged();
    return id;
}

QVariantList RoomStore::annotationsOn(const QString& document, int page) const {
    std::map<QString, QVariantMap> marks;
    if (auto who = m_state.annotations.find(m_me.toStdString()); who != m_state.annotations.end())
        if (auto doc = who->second.find(document.toStdString()); doc != who->second.end())
            for (const auto& [id, a] : doc->second) {
                if (a.page != page) continue;
                QVariantList points;
                for (const auto& [x, y] : a.points) points.push_back(QVariantList{x, y});
                marks[q(id)] = QVariantMap{{"id", q(id)},       {"kind", q(a.kind)}, {"color", q(a.color)},
                                           {"width", a.width},  {"points", points},  {"text", q(a.text)},
                                           {"pending", false}};
            }
    for (const auto& [cmd, p] : m_pendingMarks) {
        if (p.document != document) continue;
        if (!p.annotation) {
            marks.erase(p.id);
        } else if (p.annotation->value(QStringLiteral("page")).toInt() == page) {
            QVariantMap m = *p.annotation;
            m.insert(QStringLiteral("pending"), true);
            if (!m.contains(QStringLiteral("color")))
                m.insert(QStringLiteral("color"), m.value(QStringLiteral("kind")) == QLatin1String("highlighter")
                                                      ? QStringLiteral("#FACC15") : QStringLiteral("#1D4ED8"));
            if (!m.contains(QStringLiteral("width")))
                m.insert(QStringLiteral("width"), m.value(QStringLiteral("kind")) == QLatin1String("highlighter") ? 12 : 2);
            marks[p.id] = m;
        }
    }
    QVariantList out;
    for (auto& [id, m] : marks) out.push_back(m);
    return out;
}

QVariant RoomStore::receiptFor(const QString& poll, const QString& voter) const {
    auto it = m_receipts.find({poll, voter.isEmpty() ? m_me : voter});
    if (it == m_receipts.end()) return {};
    return QVariantMap{{"seq", it->second.seq}, {"hash", it->second.hash}, {"choices", it->second.choices}};
}

void RoomStore::onAnswer(const QString& id, const Json& answer) {
    const bool ok = answer.value("type", "") == "accepted";
    auto vote = m_votes.find(id);
    if (vote != m_votes.end()) {
        if (ok) {
            Receipt r{vote->second.poll, vote->second.voter, answer.value("seq", qint64{0}),
                      q(answer.value("hash", std::string())), vote->second.choices};
            m_receipts[{r.poll, r.voter}] = r;
        }
        m_votes.erase(vote);
    }
    const bool mark = m_pendingMarks.erase(id) > 0;
    const bool note = m_pendingNotes.erase(id) > 0;
    const QString message = ok ? QString() : localized(answer);
    if (!ok) {
        m_lastError = message;
        emit lastErrorChanged();
    }
    emit busyChanged();
    emit commandFinished(id, ok, q(answer.value("code", std::string())), message);
    if (ok || mark || note) emit stateChanged(); // receipts and pending marks are part of what views show
}

QString RoomStore::localized(const Json& frame) const {
    const QString vi = q(frame.value("message_vi", std::string()));
    const QString en = q(frame.value("message", std::string()));
    return m_language == QLatin1String("vi") && !vi.isEmpty() ? vi : en;
}

// ---- lookups -------------------------------------------------------------------------------------

QVariantList RoomStore::documentsOf(const QString& item) const {
    QVariantList out;
    const std::string id = item.toStdString();
    for (const auto& [docId, d] : m_state.documents) {
        if (d.item != id) continue;
        out.push_back(QVariantMap{{"id", q(docId)},
                                  {"title", q(d.title)},
                                  {"pages", d.pages},
                                  {"bytes", qint64(d.bytes)},
                                  {"audience", q(audienceName(d.audience))},
                                  {"mediaType", q(d.mediaType)}});
    }
    return out;
}

QString RoomStore::participantName(const QString& id) const {
    const Participant* p = m_state.participant(id.toStdString());
    return p ? q(p->fullName) : id;
}

void RoomStore::setReplica(const State& state, const QString& participant, Role role) {
    m_state = state;
    m_lastSeq = state.seq;
    m_headHash.clear();
    m_me = participant;
    m_role = role;
    emit identityChanged();
    refresh();
}

void RoomStore::restoreReceipt(const Receipt& receipt) {
    m_receipts[{receipt.poll, receipt.voter}] = receipt;
    emit stateChanged();
}

void RoomStore::setFixedNow(qint64 serverMs) {
    m_fixedNow = serverMs;
    emit nowChanged();
}

double RoomStore::now() const {
    return static_cast<double>(m_fixedNow > 0 ? m_fixedNow : m_link.serverNow());
}

void RoomStore::setAssumedConnection(const QString& state) {
    m_assumedConnection = state;
    emit connectionChanged();
}

QString RoomStore::connection() const {
    if (!m_assumedConnection.isEmpty()) return m_assumedConnection;
    switch (m_link.status()) {
    case RoomLink::Status::Offline: return QStringLiteral("offline");
    case RoomLink::Status::Connecting: return QStringLiteral("connecting");
    case RoomLink::Status::Online: return QStringLiteral("online");
    case RoomLink::Status::Reconnecting: return QStringLiteral("reconnecting");
    }
    return QStringLiteral("offline");
}

void RoomStore::setLanguage(const QString& language) {
    const QString lang = language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("vi");
    for (auto& t : m_translators) QCoreApplication::removeTranslator(t.get());
    m_translators.clear();
    for (const QString& domain : m_translationDomains) {
        auto t = std::make_unique<QTranslator>();
        if (t->load(QStringLiteral(":/i18n/%1_%2.qm").arg(domain, lang))) {
            QCoreApplication::installTranslator(t.get());
            m_translators.push_back(std::move(t));
        }
    }
    const bool changed = lang != m_language;
    m_language = lang;
    if (m_engine) m_engine->retranslate();
    if (changed) {
        emit languageChanged();
        refresh();
    }
}

void RoomStore::addTranslationDomain(const QString& domain) {
    if (!m_translationDomains.contains(domain)) m_translationDomains.push_back(domain);
    setLanguage(m_language);
}

QString RoomStore::role() const { return m_me.isEmpty() ? QString() : q(roleName(m_role)); }

QVariantMap RoomStore::me() const {
    const Participant* p = m_state.participant(m_me.toStdString());
    if (!p) return QVariantMap{{"id", m_me}, {"name", m_me}};
    return QVariantMap{{"id", m_me},
                       {"name", q(p->fullName)},
                       {"position", q(p->position)},
                       {"seat", q(p->seat)},
                       {"member", p->member},
                       {"present", m_state.isPresent(p->id)}};
}

// ---- the views of the state ----------------------------------------------------------------------

QVariantMap RoomStore::pollRow(const Poll& p) const {
    const std::string me = m_me.toStdString();
    const Turnout t = turnout(m_state, p);
    QStringList options;
    for (const auto& o : p.form.options) options.push_back(q(o));
    const bool open = p.status == PollStatus::Open;
    const Participant* self = m_state.participant(me);
    const bool iVoted = p.ballots.count(me) > 0;
    const bool mayVoteSelf = self && self->member && m_state.isPresent(me);
    // Proxies the user holds: members who are not present themselves vote through the holder.
    QVariantList proxies;
    for (const auto& [from, to] : m_state.proxies) {
        if (to != me || m_state.isPresent(from)) continue;
        const Participant* grantor = m_state.participant(from);
        if (!grantor || !grantor->member) continue;
        proxies.push_back(QVariantMap{{"id", q(from)},
                                      {"name", q(grantor->fullName)},
                                      {"voted", p.ballots.count(from) > 0}});
    }
    QVariantMap result;
    if (p.count) {
        result = fromJson(p.count->result).toMap();
        QVariantList counts;
        for (std::size_t i = 0; i < p.count->tally.options.size(); ++i)
            counts.push_back(QVariant::fromValue(p.count->tally.options[i].count));
        result.insert(QStringLiteral("counts"), counts);
        result.insert(QStringLiteral("ballotCount"), QVariant::fromValue(p.count->tally.ballots.count));
        result.insert(QStringLiteral("abstainCount"), QVariant::fromValue(p.count->tally.abstentions.count));
        result.insert(QStringLiteral("members"), QVariant::fromValue(p.count->electorate.members));
        result.insert(QStringLiteral("present"), QVariant::fromValue(p.count->electorate.present));
    }
    return QVariantMap{{"id", q(p.id)},
                       {"question", q(p.question)},
                       {"status", q(pollStatusName(p.status))},
                       {"secret", p.secret},
                       {"kind", q(pollKindName(p.form.kind))},
                       {"options", options},
                       {"abstainLabel", q(p.form.abstainLabel)},
                       {"maxChoices", p.form.maxChoices},
                       {"voted", QVariant::fromValue(t.voted)},
                       {"eligible", QVariant::fromValue(t.eligible)},
                       {"closesAt", QVariant::fromValue(p.closesAt)},
                       {"published", p.published},
                       {"item", q(p.item)},
                       {"iVoted", iVoted},
                       {"canVote", open && mayVoteSelf && (!iVoted || p.allowChange)},
                       {"proxies", proxies},
                       {"result", result},
                       {"ruleVi", q(ruleTextVi(p.rule))},
                       {"ruleEn", q(ruleTextEn(p.rule))},
                       {"allowChange", p.allowChange},
                       {"openedAt", QVariant::fromValue(p.openedAt)},
                       {"publishedAt", QVariant::fromValue(p.publishedAt)}};
}

void RoomStore::refresh() {
    const State& s = m_state;
    const std::string me = m_me.toStdString();

    m_meeting = QVariantMap{{"id", q(s.meeting.id)},
                            {"title", q(s.meeting.title)},
                            {"organization", q(s.meeting.organization)},
                            {"place", q(s.meeting.place)},
                            {"scheduledStart", q(s.meeting.scheduledStart)},
                            {"status", q(meetingStatusName(s.status))},
                            {"openedAt", QVariant::fromValue(s.openedAt)},
                            {"defaultSpeakingSeconds", s.meeting.defaultSpeakingSeconds}};

    // Agenda with outline numbers (1, 2, 2.1 …) and depth for indentation.
    QList<QVariantMap> agenda;
    std::map<std::string, std::pair<int, QString>> outline; // id → (depth, number)
    std::map<std::string, int> childCount;
    for (const auto& item : s.agenda) {
        int depth = 0;
        QString number;
        const int n = ++childCount[item.parent];
        if (item.parent.empty()) {
            number = QString::number(n);
        } else {
            const auto& parent = outline[item.parent];
            depth = parent.first + 1;
            number = parent.second + QLatin1Char('.') + QString::number(n);
        }
        outline[item.id] = {depth, number};
        agenda.push_back(QVariantMap{{"id", q(item.id)},
                                     {"title", q(item.title)},
                                     {"presenter", q(item.presenter)},
                                     {"plannedMinutes", item.plannedMinutes},
                                     {"status", q(itemStatusName(item.status))},
                                     {"depth", depth},
                                     {"number", number},
                                     {"startedAt", QVariant::fromValue(item.startedAt)},
                                     {"usedMs", QVariant::fromValue(item.usedMs)},
                                     {"current", item.id == s.currentItem},
                                     {"documentCount", static_cast<int>(item.documents.size())}});
    }
    m_agenda.setRows(agenda);
    m_currentItem.clear();
    if (const AgendaItem* cur = s.item(s.currentItem)) {
        m_currentItem = agenda[m_agenda.indexOf(q(cur->id))];
    }

    const QuorumStatus qs = room::quorum(s);
    int excused = 0; // members away with a reason the secretary noted
    for (const auto& p : s.participants) {
        if (!p.member) continue;
        auto att = s.attendance.find(p.id);
        if (att != s.attendance.end() && !att->second.present && !att->second.absentReason.empty()) ++excused;
    }
    m_quorum = QVariantMap{{"members", qs.members},   {"present", qs.present}, {"represented", qs.represented},
                           {"counted", qs.counted},   {"required", qs.required}, {"met", qs.met},
                           {"excused", excused}};

    auto queueRows = [&](const std::vector<SpeakerRequest>& queue, int* myPosition, bool* myPoint) {
        QList<QVariantMap> rows;
        int position = 0;
        for (const auto& r : queue) {
            ++position;
            const Participant* p = s.participant(r.participant);
            if (r.participant == me) {
                *myPosition = position;
                *myPoint = r.pointOfOrder;
            }
            rows.push_back(QVariantMap{{"id", q(r.participant)},
                                       {"name", p ? q(p->fullName) : q(r.participant)},
                                       {"seat", p ? q(p->seat) : QString()},
                                       {"pointOfOrder", r.pointOfOrder},
                                       {"requestedAt", QVariant::fromValue(r.requestedAt)},
                                       {"position", position},
                                       {"isMe", r.participant == me}});
        }
        return rows;
    };
    int floorPos = 0, interPos = 0;
    bool floorPoint = false, interPoint = false;
    m_floor.setRows(queueRows(s.floorQueue, &floorPos, &floorPoint));
    m_interpellation.setRows(queueRows(s.interpellationQueue, &interPos, &interPoint));
    m_myRequests = QVariantMap{{"floor", floorPos}, {"interpellation", interPos}, {"pointOfOrder", floorPoint}};

    m_speaker.clear();
    if (s.speaker) {
        const Participant* p = s.participant(s.speaker->participant);
        const qint64 ends = s.speaker->allottedSeconds > 0
                                ? s.speaker->grantedAt + static_cast<qint64>(s.speaker->allottedSeconds) * 1000
                                : 0;
        m_speaker = QVariantMap{{"id", q(s.speaker->participant)},
                                {"name", p ? q(p->fullName) : q(s.speaker->participant)},
                                {"seat", p ? q(p->seat) : QString()},
                                {"position", p ? q(p->position) : QString()},
                                {"queue", q(queueName(s.speaker->queue))},
                                {"pointOfOrder", s.speaker->pointOfOrder},
                                {"grantedAt", QVariant::fromValue(s.speaker->grantedAt)},
                                {"allottedSeconds", s.speaker->allottedSeconds},
                                {"endsAt", QVariant::fromValue(ends)},
                                {"isMe", s.speaker->participant == me}};
    }
    m_announcement.clear();
    if (s.announcement)
        m_announcement = QVariantMap{{"text", q(s.announcement->text)},
                                     {"by", participantName(q(s.announcement->by))},
                                     {"at", QVariant::fromValue(s.announcement->at)}};
    m_presentation.clear();
    if (s.presentation) {
        const Document* d = s.document(s.presentation->document);
        m_presentation = QVariantMap{{"document", q(s.presentation->document)},
                                     {"title", d ? q(d->title) : QString()},
                                     {"page", s.presentation->page},
                                     {"pages", d ? d->pages : 0},
                                     {"mediaType", d ? q(d->mediaType) : QString()},
                                     {"presenter", participantName(q(s.presentation->presenter))},
                                     {"since", QVariant::fromValue(s.presentation->since)}};
    }

    QList<QVariantMap> polls;
    const Poll* live = nullptr;
    for (const auto& p : s.polls) {
        polls.push_back(pollRow(p));
        if (p.status == PollStatus::Open) live = &p;
    }
    if (!live) {
        // The most recent poll whose outcome this viewer may see, while the meeting is on it.
        for (auto it = s.polls.rbegin(); it != s.polls.rend() && !live; ++it)
            if (it->status == PollStatus::Closed && it->count) live = &*it;
    }
    m_polls.setRows(polls);
    m_livePoll = live ? pollRow(*live) : QVariantMap();

    QList<QVariantMap> people;
    std::map<std::string, QStringList> holds;
    for (const auto& [from, to] : s.proxies) {
        const Participant* p = s.participant(from);
        holds[to].push_back(p ? q(p->fullName) : q(from));
    }
    for (const auto& p : s.participants) {
        if (p.role == Role::Display || p.role == Role::Admin) continue;
        auto att = s.attendance.find(p.id);
        const bool present = att != s.attendance.end() && att->second.present;
        auto proxy = s.proxies.find(p.id);
        people.push_back(QVariantMap{
            {"id", q(p.id)},
            {"name", q(p.fullName)},
            {"position", q(p.position)},
            {"organization", q(p.organization)},
            {"role", q(roleName(p.role))},
            {"seat", q(p.seat)},
            {"member", p.member},
            {"present", present},
            {"checkedInAt", QVariant::fromValue(att != s.attendance.end() ? att->second.checkedInAt : 0)},
            {"absentReason", att != s.attendance.end() ? q(att->second.absentReason) : QString()},
            {"proxyTo", proxy != s.proxies.end() ? q(proxy->second) : QString()},
            {"proxyToName", proxy != s.proxies.end() ? participantName(q(proxy->second)) : QString()},
            {"holds", holds[p.id]}});
    }
    m_participants.setRows(people);

    QList<QVariantMap> docs;
    for (const auto& [id, d] : s.documents)
        docs.push_back(QVariantMap{{"id", q(id)},
                                   {"title", q(d.title)},
                                   {"pages", d.pages},
                                   {"bytes", QVariant::fromValue(d.bytes)},
                                   {"item", q(d.item)},
                                   {"audience", q(audienceName(d.audience))},
                                   {"mediaType", q(d.mediaType)}});
    m_documents.setRows(docs);

    emit stateChanged();

    if (m_seatMode && !m_me.isEmpty() && s.status == MeetingStatus::Closed)
        QMetaObject::invokeMethod(this, &RoomStore::logout, Qt::QueuedConnection);
}

} // namespace room::tablet
