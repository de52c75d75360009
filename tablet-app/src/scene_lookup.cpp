#include "tablet-app/src/scene_lookup.h"

namespace room::tablet {

QObject* findInScene(QQuickItem* item, const QString& name) {
    if (!item) return nullptr;
    if (item->objectName() == name) return item;
    for (QObject* child : item->children())
        if (child->objectName() == name) return child;
    for (QQuickItem* child : item->childItems())
        if (QObject* found = findInScene(child, name)) return found;
    return nullptr;
}

} // namespace room::tablet
