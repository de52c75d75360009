// What the galleries of both apps share: counting QML warnings (any fails the run), letting a
// scene settle before it is grabbed, and the command line.
#pragma once

#include <QDir>
#include <QQuickWindow>
#include <QString>

namespace room::tablet::gallery {

/// Installs the message handler that counts QML and JavaScript warnings, and sets the time zone
/// of the demo meeting (Hà Nội). Call first in main().
void startGallery();
/// QML and JavaScript warnings seen so far.
int qmlWarnings();
/// Parses `--out DIR` and creates the directory; prints usage for `program` and returns false
/// when it is missing or cannot be created.
bool outputDir(const char* program, QDir* dir);
/// Lets bindings, layouts and animations run for `ms`; grabWindow() then renders synchronously.
void settle(QQuickWindow* window, int ms);

} // namespace room::tablet::gallery
