#pragma once
// The user's notes on one subject (an exploration, by id): plain text edited
// in place, shown as Markdown on demand. Edits are reported once the typing
// stops (a debounce) or the editor loses the focus, and before the subject
// changes, so that nothing typed is lost and the store is not written on
// every key.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTextBrowser;
class QToolButton;

namespace tessera::views {

class NotesEditor : public QWidget {
    Q_OBJECT
public:
    explicit NotesEditor(QWidget* parent = nullptr);

    // Shows `text` as the notes of `subject` (titled `title`), after
    // reporting a pending edit of the previous subject. The same subject
    // again keeps an edit in progress rather than the (older) text given.
    void setSubject(qint64 subject, const QString& title, const QString& text);
    // No subject: the editor is disabled (a pending edit is reported first).
    void clearSubject();
    qint64 subject() const { return m_subject; }
    bool hasSubject() const { return m_hasSubject; }
    QString text() const;

    // Read-only (the database cannot be written): shown, not editable.
    void setReadOnly(bool readOnly);
    // How long typing must pause before the edit is reported (ms).
    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); }
    bool isPreview() const;
    void setPreview(bool preview);

    QPlainTextEdit* editor() const { return m_edit; }
    QTextBrowser* preview() const { return m_preview; }

public slots:
    // Reports the edit now if the text differs from what was last reported.
    void flush();

signals:
    void notesEdited(qint64 subject, const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateState();

    QLabel* m_title;
    QToolButton* m_previewButton;
    QStackedWidget* m_stack;
    QPlainTextEdit* m_edit;
    QTextBrowser* m_preview;
    QTimer m_debounce;
    qint64 m_subject = 0;
    bool m_hasSubject = false;
    bool m_readOnly = false;
    bool m_loading = false;  // setPlainText by us, not the user
    QString m_reported;      // the subject's notes as last loaded or reported
};

}  // namespace tessera::views
