// The look every tablet-app process shares: Qt Quick Controls' Basic style and the Inter font.
#pragma once

namespace room::tablet {

/// Call once after the QGuiApplication exists and before QML is loaded. Plain Text items take the
/// application font (ApplicationWindow.font reaches only controls), so the font is set here.
void applyAppearance();

} // namespace room::tablet
