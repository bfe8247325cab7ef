#include "app/gui/SearchPanel.h"

#include "app/gui/EvidenceDelegate.h"
#include "app/gui/EvidenceListModel.h"
#include "app/gui/SearchResultModel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace NewsGraph {

SearchPanel::SearchPanel(GraphSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SearchResultModel(session, this))
    , m_delay(new QTimer(this))
{
    m_field = new QLineEdit(this);
    m_field->setPlaceholderText(tr("Search entities and sentences…"));
    m_field->setClearButtonEnabled(true);
    m_field->setToolTip(tr("Names and other names of entities, and words of the articles: "
                           "\"quoted phrases\" match as phrases, a trailing * as a prefix"));
    m_field->installEventFilter(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(m_delay, &QTimer::timeout, this, &SearchPanel::search);
    connect(m_field, &QLineEdit::textEdited, m_delay, qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        search();
        // Enter goes to the best result.
        if (const QModelIndex first = m_model->firstResult(); first.isValid()) {
            m_view->setCurrentIndex(first);
            choose(first);
        }
    });

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemDelegate(new EvidenceDelegate(m_view));
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_view, &QAbstractItemView::activated, this, &SearchPanel::choose);
    connect(m_view, &QAbstractItemView::clicked, this, &SearchPanel::choose);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
}

void SearchPanel::activate()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchPanel::search()
{
    m_delay->stop();
    if (Result<void> searched = m_model->search(m_field->text()); !searched) {
        m_status->setText(searched.error());
        Q_EMIT errorOccurred(searched.error());
        return;
    }
    if (m_model->query().isEmpty())
        m_status->clear();
    else if (m_model->entityCount() == 0 && m_model->sentenceCount() == 0)
        m_status->setText(tr("Nothing found for “%1”.").arg(m_model->query()));
    else
        m_status->setText(tr("Choose a result to show it."));
}

void SearchPanel::choose(const QModelIndex &index)
{
    switch (index.data(SearchResultModel::KindRole).toInt()) {
    case SearchResultModel::EntityKind:
        Q_EMIT entityChosen(index.data(SearchResultModel::EntityIdRole).toLongLong());
        break;
    case SearchResultModel::SentenceKind:
        Q_EMIT sentenceChosen(index.data(EvidenceListModel::DocumentIdRole).toLongLong(),
                              index.data(EvidenceListModel::SentenceStartRole).toInt(),
                              index.data(EvidenceListModel::SentenceEndRole).toInt());
        break;
    default:
        break;
    }
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Down in the field goes to the results, as in a browser's address bar.
    if (watched == m_field && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->firstResult().isValid()) {
        m_view->setFocus();
        m_view->setCurrentIndex(m_model->firstResult());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace NewsGraph
