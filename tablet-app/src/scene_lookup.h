// Finding objects of a running QML scene by objectName (the gallery and UI tests drive screens).
#pragma once

#include <QObject>
#include <QQuickItem>
#include <QString>

namespace room::tablet {

/// The first object named `name` among `root`'s items and their non-visual children (popups,
/// timers), which QObject::findChild from the window does not reach through Loaders.
QObject* findInScene(QQuickItem* root, const QString& name);

} // namespace room::tablet
