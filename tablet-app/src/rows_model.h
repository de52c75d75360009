// A list model whose rows are maps of named values, for QML delegates (`required property`).
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace room::tablet {

/// Rows keyed by the `id` value. setRows() turns a new list into the smallest change it can:
/// when the ids are the same and in the same order only changed rows are signalled, so views keep
/// their scroll position and delegates; otherwise the model is reset.
class RowsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("rows come from the Room singleton")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    /// `roles`: the keys every row has (missing keys read as an invalid QVariant).
    explicit RowsModel(QStringList roles, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(QList<QVariantMap> rows);
    int count() const { return static_cast<int>(m_rows.size()); }
    /// The row as a map (empty when out of range), for QML code that needs one row's values.
    Q_INVOKABLE QVariant get(int row) const;
    /// The index of the row with this id, or -1.
    Q_INVOKABLE int indexOf(const QString& id) const;

signals:
    void countChanged();

private:
    QStringList m_roles;
    QList<QVariantMap> m_rows;
};

} // namespace room::tablet
