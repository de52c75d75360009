#include "tablet-app/src/rows_model.h"

namespace room::tablet {

RowsModel::RowsModel(QStringList roles, QObject* parent) : QAbstractListModel(parent), m_roles(std::move(roles)) {}

int RowsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RowsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int key = role - Qt::UserRole;
    if (key < 0 || key >= m_roles.size()) return {};
    return m_rows[index.row()].value(m_roles[key]);
}

QHash<int, QByteArray> RowsModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i) names.insert(Qt::UserRole + i, m_roles[i].toUtf8());
    return names;
}

void RowsModel::setRows(QList<QVariantMap> rows) {
    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows[i].value(QStringLiteral("id")) == m_rows[i].value(QStringLiteral("id"));
    if (!sameIds) {
        const int before = count();
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        if (before != count()) emit countChanged();
        return;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i] == m_rows[i]) continue;
        m_rows[i] = std::move(rows[i]);
        const QModelIndex at = index(static_cast<int>(i));
        emit dataChanged(at, at);
    }
}

QVariant RowsModel::get(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row] : QVariantMap();
}

int RowsModel::indexOf(const QString& id) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].value(QStringLiteral("id")).toString() == id) return static_cast<int>(i);
    return -1;
}

} // namespace room::tablet
