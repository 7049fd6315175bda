#include "views/notes_editor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace tessera::views {

NotesEditor::NotesEditor(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_previewButton(new QToolButton(this)),
      m_stack(new QStackedWidget(this)),
      m_edit(new QPlainTextEdit(this)),
      m_preview(new QTextBrowser(this)) {
    m_title->setTextFormat(Qt::PlainText);
    m_title->setMinimumWidth(1);  // a long name is clipped, it does not widen the pane
    m_previewButton->setText(tr("Preview"));
    m_previewButton->setCheckable(true);
    m_previewButton->setToolTip(tr("Show the notes as Markdown"));
    m_edit->setPlaceholderText(tr("Notes on this exploration (plain text or Markdown)"));
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_preview->setOpenExternalLinks(true);
    m_stack->addWidget(m_edit);
    m_stack->addWidget(m_preview);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_previewButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(1000);
    connect(&m_debounce, &QTimer::timeout, this, &NotesEditor::flush);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading && m_hasSubject) m_debounce.start();
    });
    connect(m_previewButton, &QToolButton::toggled, this, &NotesEditor::setPreview);
    updateState();
}

QString NotesEditor::text() const { return m_edit->toPlainText(); }

void NotesEditor::setSubject(qint64 subject, const QString& title, const QString& text) {
    const bool same = m_hasSubject && subject == m_subject;
    const bool editing = same && (m_debounce.isActive() || m_edit->toPlainText() != m_reported);
    if (!same) flush();
    m_subject = subject;
    m_hasSubject = true;
    m_title->setText(title);
    if (!editing && (!same || m_edit->toPlainText() != text)) {
        m_loading = true;
        m_edit->setPlainText(text);
        m_loading = false;
        m_reported = text;
    }
    updateState();
}

void NotesEditor::clearSubject() {
    flush();
    m_hasSubject = false;
    m_subject = 0;
    m_title->setText(tr("No exploration selected"));
    m_loading = true;
    m_edit->clear();
    m_loading = false;
    m_reported.clear();
    updateState();
}

void NotesEditor::setReadOnly(bool readOnly) {
    m_readOnly = readOnly;
    updateState();
}

bool NotesEditor::isPreview() const { return m_stack->currentWidget() == m_preview; }

void NotesEditor::setPreview(bool preview) {
    if (preview) {
        flush();
        m_preview->document()->setMarkdown(m_edit->toPlainText());
    }
    m_stack->setCurrentWidget(preview ? static_cast<QWidget*>(m_preview) : m_edit);
    const QSignalBlocker block(m_previewButton);
    m_previewButton->setChecked(preview);
}

void NotesEditor::flush() {
    m_debounce.stop();
    if (!m_hasSubject) return;
    const QString now = m_edit->toPlainText();
    if (now == m_reported) return;
    m_reported = now;
    emit notesEdited(m_subject, now);
}

bool NotesEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_edit && event->type() == QEvent::FocusOut) flush();
    return QWidget::eventFilter(watched, event);
}

void NotesEditor::updateState() {
    m_edit->setEnabled(m_hasSubject);
    m_edit->setReadOnly(m_readOnly);
    m_previewButton->setEnabled(m_hasSubject);
    if (!m_hasSubject) m_title->setText(tr("No exploration selected"));
    if (isPreview()) m_preview->document()->setMarkdown(m_edit->toPlainText());
}

}  // namespace tessera::views
