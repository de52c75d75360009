#include "tablet-app/src/appearance.h"

#include <QFont>
#include <QGuiApplication>
#include <QQuickStyle>

namespace room::tablet {

void applyAppearance() {
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QFont font(QStringLiteral("Inter"));
    font.setPixelSize(18);
    // Diacritics stacked on Vietnamese vowels (ễ, ặ, ổ) need the font's own hinting-free outlines.
    font.setHintingPreference(QFont::PreferNoHinting);
    QGuiApplication::setFont(font);
}

} // namespace room::tablet
