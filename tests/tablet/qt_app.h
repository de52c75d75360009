// The Qt application and event-loop waiting shared by the apps' tests (run with
// QT_QPA_PLATFORM=offscreen).
#pragma once

#include <QDeadlineTimer>
#include <QGuiApplication>

#include <functional>

namespace room::qtest {

/// The process's application, made on first use. Never destroyed: a QGuiApplication torn down
/// among static destructors, after the platform plugin's own, crashes on exit; it stays reachable,
/// so leak checkers do not count it.
inline QGuiApplication& app() {
    static int argc = 1;
    static char name[] = "phonghop-test";
    static char* argv[] = {name, nullptr};
    static QGuiApplication* instance = new QGuiApplication(argc, argv);
    return *instance;
}

/// Runs the event loop until `condition` holds or `ms` pass; returns whether it holds.
inline bool waitUntil(const std::function<bool()>& condition, int ms = 10000) {
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired()) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace room::qtest
