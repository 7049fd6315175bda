#pragma once
// A small key of the graph's colours, laid over a corner of the graph view:
// the op families by default, or a design point's categories. It paints with
// the palette's base and text colours, so it follows a dark theme.

#include <QColor>
#include <QVector>
#include <QWidget>

namespace tessera::views {

class OpLegendWidget : public QWidget {
    Q_OBJECT
public:
    struct Entry {
        QString text;
        QColor fill;
        QColor border;
        friend bool operator==(const Entry&, const Entry&) = default;
    };

    explicit OpLegendWidget(QWidget* parent = nullptr);

    // The op families' colours (the default).
    void showOpFamilies();
    // Any key, under an optional bold title.
    void setEntries(const QVector<Entry>& entries, const QString& title = {});
    const QVector<Entry>& entries() const { return m_entries; }
    const QString& title() const { return m_title; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int lineHeight() const;

    QVector<Entry> m_entries;
    QString m_title;
};

}  // namespace tessera::views
