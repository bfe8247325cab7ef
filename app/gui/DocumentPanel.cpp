#include "app/gui/DocumentPanel.h"

#include "app/gui/DocumentTableModel.h"
#include "app/gui/DocumentView.h"
#include "app/gui/GraphSession.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace NewsGraph {

DocumentPanel::DocumentPanel(GraphSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new DocumentTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(listPane);
    m_filter->setPlaceholderText(tr("Filter documents…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the documents whose title, date, language or file name contains this text"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_list = new QTableView(listPane);
    m_list->setModel(m_proxy);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setHighlightSections(false);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(DocumentTableModel::FileColumn, Qt::AscendingOrder);
    // The title is what people read: it takes the room the short columns leave.
    QHeaderView *header = m_list->horizontalHeader();
    header->setSectionResizeMode(DocumentTableModel::TitleColumn, QHeaderView::Stretch);
    for (const int column : {int(DocumentTableModel::DateColumn), int(DocumentTableModel::LanguageColumn),
                             int(DocumentTableModel::SentencesColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DocumentTableModel::FileColumn, QHeaderView::Interactive);
    header->resizeSection(DocumentTableModel::FileColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 14);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_list);

    auto *readingPane = new QWidget(this);
    auto *readingLayout = new QVBoxLayout(readingPane);
    readingLayout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(readingPane);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_heading->setOpenExternalLinks(true);
    m_view = new DocumentView(readingPane);
    readingLayout->addWidget(m_heading);
    readingLayout->addWidget(m_view, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(listPane);
    splitter->addWidget(readingPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_showing)
            showCurrent();
    });
    connect(m_view, &DocumentView::entityClicked, this, &DocumentPanel::entityClicked);
    connect(m_session, &GraphSession::databaseChanged, this, &DocumentPanel::reload);
    reload();
}

void DocumentPanel::reload()
{
    const qint64 shown = m_view->documentId();
    m_view->clearDocument();
    m_heading->clear();
    if (!m_session->isOpen()) {
        m_model->clear();
        return;
    }
    Repository repository = m_session->repository();
    if (const Result<void> loaded = m_model->load(repository); !loaded) {
        Q_EMIT errorOccurred(loaded.error());
        return;
    }
    if (shown != 0 && m_model->rowOfDocument(shown) >= 0)
        showDocument(shown);
}

qint64 DocumentPanel::documentId() const
{
    return m_view->documentId();
}

void DocumentPanel::setEmphasizedEntities(const QSet<qint64> &entities)
{
    m_view->setEmphasizedEntities(entities);
}

void DocumentPanel::showCurrent()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    if (current.isValid())
        showDocument(current.data(DocumentTableModel::DocumentIdRole).toLongLong());
}

void DocumentPanel::showDocument(qint64 documentId, int start, int end)
{
    if (!m_session->isOpen())
        return;
    const int row = m_model->rowOfDocument(documentId);
    if (row < 0)
        return;
    if (documentId != m_view->documentId()) {
        Repository repository = m_session->repository();
        const Result<QString> text = repository.documentText(documentId);
        if (!text) {
            Q_EMIT errorOccurred(text.error());
            return;
        }
        Result<QList<MentionRecord>> mentions = repository.mentions(documentId);
        if (!mentions) {
            Q_EMIT errorOccurred(mentions.error());
            return;
        }
        const DocumentRecord &document = m_model->document(row);
        QStringList details;
        if (document.date.isValid())
            details.append(QLocale().toString(document.date, QLocale::LongFormat));
        details.append(document.fileName.toHtmlEscaped());
        if (!document.sourceUrl.isEmpty())
            details.append(QStringLiteral("<a href=\"%1\">%2</a>")
                               .arg(document.sourceUrl.toHtmlEscaped(), tr("source")));
        m_heading->setText(QStringLiteral("<b>%1</b><br><small>%2</small>")
                               .arg(document.title.toHtmlEscaped(), details.join(QStringLiteral(" · "))));
        m_view->showDocument(documentId, text.value(), mentions.value());
    }
    m_view->highlightRange(start, end);

    // Keep the list in step without reloading through currentRowChanged.
    m_showing = true;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (proxyIndex.isValid()) {
        m_list->selectionModel()->setCurrentIndex(
            proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_list->scrollTo(proxyIndex);
    }
    m_showing = false;
}

QSize DocumentPanel::sizeHint() const
{
    return QSize(QWidget::sizeHint().width(), fontMetrics().lineSpacing() * 16);
}

} // namespace NewsGraph
