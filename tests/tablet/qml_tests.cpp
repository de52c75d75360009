// Qt Quick Tests of the tablet app's QML components (tests/tablet/qml/tst_*.qml), with the app's
// QML module linked in as it is in the app.
#include <QtQml/qqmlengine.h>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include "tablet-app/src/appearance.h"

Q_IMPORT_QML_PLUGIN(PhongHop_TabletPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() { room::tablet::applyAppearance(); }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

QUICK_TEST_MAIN_WITH_SETUP(tablet_qml, Setup)

#include "qml_tests.moc"
