#include "tablet-app/gallery/gallery_support.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>

#include <cstdio>

namespace room::tablet::gallery {

namespace {

int g_warnings = 0;
QtMessageHandler g_previous = nullptr;

void countWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    // QML and JavaScript problems (binding errors, missing types, undefined values) fail the run.
    const QLatin1String category(context.category ? context.category : "");
    const bool fromQml = category == QLatin1String("qml") || category == QLatin1String("js") ||
                         category.startsWith(QLatin1String("qt.qml")) || message.contains(QLatin1String(".qml:"));
    if (fromQml && type != QtDebugMsg && type != QtInfoMsg) ++g_warnings;
    if (g_previous) g_previous(type, context, message);
}

} // namespace

void startGallery() {
    g_previous = qInstallMessageHandler(countWarnings);
    // The demo meeting takes place in Việt Nam: clock times in the pictures are Hà Nội time.
    qputenv("TZ", "Asia/Ho_Chi_Minh");
}

int qmlWarnings() { return g_warnings; }

bool outputDir(const char* program, QDir* dir) {
    QCommandLineParser cli;
    cli.addHelpOption();
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Directory for the PNG files."), QStringLiteral("dir"));
    cli.addOption(out);
    cli.process(*QCoreApplication::instance());
    if (!cli.isSet(out)) {
        std::fprintf(stderr, "usage: %s --out DIR\n", program);
        return false;
    }
    *dir = QDir(cli.value(out));
    if (!QDir().mkpath(dir->absolutePath())) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir->absolutePath()));
        return false;
    }
    return true;
}

void settle(QQuickWindow* window, int ms) {
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    window->requestUpdate();
    QCoreApplication::processEvents();
}

} // namespace room::tablet::gallery
