#include "app/gui/DetailsPanel.h"

#include "app/gui/EvidenceDelegate.h"
#include "app/gui/EvidenceListModel.h"
#include "app/gui/EvidenceLoader.h"
#include "app/gui/GraphSession.h"
#include "app/gui/Presentation.h"
#include "app/gui/RelationTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace NewsGraph {

namespace {

// Links in the heading name entities as "entity:<id>".
QString entityLink(qint64 id, const QString &name)
{
    return QStringLiteral("<a href=\"entity:%1\">%2</a>").arg(id).arg(name.toHtmlEscaped());
}

QString swatchHtml(const QColor &color)
{
    return QStringLiteral("<span style=\"color: %1\">●</span>").arg(color.name());
}

} // namespace

DetailsPanel::DetailsPanel(GraphSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_relations(new RelationTableModel(session, this))
    , m_evidence(new EvidenceListModel(this))
{
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_heading->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_heading->setContentsMargins(4, 4, 4, 4);
    connect(m_heading, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("entity:"))) {
            Q_EMIT entityActivated(link.mid(7).toLongLong());
        } else if (link.startsWith(QLatin1String("edge:"))) {
            const QStringList ends = link.mid(5).split(QLatin1Char(':'));
            if (ends.size() == 2)
                Q_EMIT edgeActivated(ends.at(0).toLongLong(), ends.at(1).toLongLong());
        }
    });

    m_relationPane = new QWidget(this);
    auto *relationLayout = new QVBoxLayout(m_relationPane);
    relationLayout->setContentsMargins(0, 0, 0, 0);
    m_relationCaption = new QLabel(tr("Links"), m_relationPane);
    m_relationView = new QTableView(m_relationPane);
    m_relationView->setModel(m_relations);
    m_relationView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_relationView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_relationView->setWordWrap(false);
    m_relationView->verticalHeader()->hide();
    m_relationView->horizontalHeader()->setHighlightSections(false);
    m_relationView->horizontalHeader()->setSectionResizeMode(RelationTableModel::OtherColumn, QHeaderView::Interactive);
    m_relationView->horizontalHeader()->setSectionResizeMode(RelationTableModel::RelationColumn, QHeaderView::Stretch);
    m_relationView->horizontalHeader()->setSectionResizeMode(RelationTableModel::EvidenceColumn,
                                                              QHeaderView::ResizeToContents);
    m_relationView->horizontalHeader()->resizeSection(RelationTableModel::OtherColumn,
                                                      fontMetrics().horizontalAdvance(QLatin1Char('x')) * 18);
    m_relationView->setToolTip(tr("Click a link to read the sentences stating it"));
    relationLayout->addWidget(m_relationCaption);
    relationLayout->addWidget(m_relationView);
    connect(m_relationView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid() && m_relations->entity() != 0)
            Q_EMIT edgeActivated(m_relations->entity(), m_relations->otherEntity(index.row()));
    });

    auto *evidencePane = new QWidget(this);
    auto *evidenceLayout = new QVBoxLayout(evidencePane);
    evidenceLayout->setContentsMargins(0, 0, 0, 0);
    m_evidenceCaption = new QLabel(evidencePane);
    m_evidenceView = new QListView(evidencePane);
    m_evidenceView->setModel(m_evidence);
    m_evidenceView->setItemDelegate(new EvidenceDelegate(m_evidenceView));
    m_evidenceView->setResizeMode(QListView::Adjust); // rows wrap to the new width
    m_evidenceView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_evidenceView->setWordWrap(true);
    m_evidenceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_evidenceView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_evidenceView->setToolTip(tr("Click a sentence to read it in its document"));
    evidenceLayout->addWidget(m_evidenceCaption);
    evidenceLayout->addWidget(m_evidenceView);
    connect(m_evidenceView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT sentenceActivated(index.data(EvidenceListModel::DocumentIdRole).toLongLong(),
                                     index.data(EvidenceListModel::SentenceStartRole).toInt(),
                                     index.data(EvidenceListModel::SentenceEndRole).toInt());
    });

    auto *copyAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy with Citation"),
                                   m_evidenceView);
    // Shown in the menu; the key itself is caught in eventFilter(), as item
    // views copy the bare text on Ctrl+C before any shortcut sees it.
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_evidenceView->installEventFilter(this);
    copyAction->setToolTip(tr("Copy the sentence with its document and date"));
    connect(copyAction, &QAction::triggered, this, &DetailsPanel::copyCurrentSentence);
    m_evidenceView->addAction(copyAction);
    auto *openAction = new QAction(tr("&Open in Document"), m_evidenceView);
    connect(openAction, &QAction::triggered, this, [this] {
        const QModelIndex index = m_evidenceView->currentIndex();
        if (index.isValid())
            Q_EMIT sentenceActivated(index.data(EvidenceListModel::DocumentIdRole).toLongLong(),
                                     index.data(EvidenceListModel::SentenceStartRole).toInt(),
                                     index.data(EvidenceListModel::SentenceEndRole).toInt());
    });
    m_evidenceView->addAction(openAction);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_relationPane);
    m_splitter->addWidget(evidencePane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_splitter, 1);
    clear();
}

void DetailsPanel::clear()
{
    m_entity = 0;
    m_edge = {0, 0};
    m_entities.clear();
    m_relations->setEntity(0);
    m_relationPane->hide();
    m_evidence->clear();
    m_evidenceCaption->clear();
    m_splitter->hide();
    if (!m_session->isOpen()) {
        m_heading->setText(tr("<p>No database is open.</p>"));
        return;
    }

    // With nothing selected, where to start: the most central entities and
    // the best attested links of the graph as shown.
    const EntityGraph &graph = m_session->graph();
    const GraphMetrics &metrics = m_session->metrics();
    QString html = QStringLiteral("<h3 style=\"margin: 0\">%1</h3><p style=\"margin: 2px 0\">%2</p>")
                       .arg(m_session->displayName().toHtmlEscaped(),
                            tr("%n document(s)", nullptr, int(m_session->documents().size())) + QStringLiteral(" · ")
                                + tr("%n entities", nullptr, int(m_session->displayedNodes().size()))
                                + QStringLiteral(" · ") + tr("%n links", nullptr, m_session->displayedEdgeCount()));
    QList<qsizetype> central = m_session->displayedNodes();
    std::sort(central.begin(), central.end(), [&](qsizetype a, qsizetype b) {
        const double rankA = a < metrics.nodes.size() ? metrics.nodes.at(a).pageRank : 0.0;
        const double rankB = b < metrics.nodes.size() ? metrics.nodes.at(b).pageRank : 0.0;
        return rankA > rankB;
    });
    QStringList names;
    for (qsizetype i = 0; i < std::min<qsizetype>(6, central.size()); ++i) {
        const GraphNode &node = graph.nodes().at(central.at(i));
        names.append(swatchHtml(colorForType(node.type)) + QLatin1Char(' ') + entityLink(node.entityId, node.name));
    }
    if (!names.isEmpty())
        html += QStringLiteral("<p style=\"margin: 6px 0 2px 0\">%1</p><p style=\"margin: 0\">%2</p>")
                    .arg(tr("Most central (PageRank):"), names.join(QStringLiteral(" · ")));

    QList<const GraphEdge *> attested;
    for (const GraphEdge &edge : graph.edges()) {
        if (!edge.cooccurrenceOnly && m_session->isDisplayed(edge.source) && m_session->isDisplayed(edge.target))
            attested.append(&edge);
    }
    std::stable_sort(attested.begin(), attested.end(),
                     [](const GraphEdge *a, const GraphEdge *b) { return a->evidenceCount > b->evidenceCount; });
    QStringList links;
    for (qsizetype i = 0; i < std::min<qsizetype>(5, attested.size()); ++i) {
        const GraphEdge &edge = *attested.at(i);
        const GraphNode *source = m_session->node(edge.source);
        const GraphNode *target = m_session->node(edge.target);
        if (!source || !target)
            continue;
        links.append(QStringLiteral("<li><a href=\"edge:%1:%2\">%3 — %4</a> <small>(%5)</small></li>")
                         .arg(edge.source)
                         .arg(edge.target)
                         .arg(source->name.toHtmlEscaped(), target->name.toHtmlEscaped(),
                              (predicatesAlong(edge, edge.source).join(QStringLiteral(", ")) + QStringLiteral("; ")
                               + tr("%n sentence(s)", nullptr, edge.evidenceCount))
                                  .toHtmlEscaped()));
    }
    if (!links.isEmpty())
        html += QStringLiteral("<p style=\"margin: 6px 0 0 0\">%1</p><ul style=\"margin: 0\">%2</ul>")
                    .arg(tr("Best attested links:"), links.join(QString()));
    html += QStringLiteral("<p style=\"margin: 6px 0 0 0\"><i>%1</i></p>")
                .arg(tr("Select an entity or a link in the graph, the table or the search results to see what "
                        "the articles say about it."));
    m_heading->setText(html);
}

void DetailsPanel::refresh()
{
    if (m_edge.first != 0)
        showEdge(m_edge.first, m_edge.second);
    else if (m_entity != 0)
        showEntity(m_entity);
    else if (!m_entities.isEmpty())
        showEntities(m_entities);
    else
        clear();
}

void DetailsPanel::setEvidenceCaption(int count)
{
    m_evidenceCaption->setText(count == 0 ? tr("No sentence") : tr("%n sentence(s)", nullptr, count));
}

void DetailsPanel::showEntity(qint64 entityId)
{
    const GraphNode *node = m_session->node(entityId);
    if (!node) {
        clear();
        return;
    }
    m_entity = entityId;
    m_edge = {0, 0};
    m_entities = {entityId};
    m_splitter->show();

    const NodeMetrics *metrics = m_session->metricsOf(entityId);
    const QColor color = colorForType(node->type);
    QString html = QStringLiteral("<h3 style=\"margin: 0\">%1 %2</h3>")
                       .arg(swatchHtml(color), node->name.toHtmlEscaped());
    QStringList facts{entityTypeLabel(node->type),
                      tr("%n mention(s)", nullptr, node->mentions),
                      tr("%n document(s)", nullptr, int(node->documentIds.size()))};
    if (metrics) {
        facts.append(tr("%n link(s)", nullptr, metrics->degree));
        facts.append(tr("group %1").arg(metrics->community + 1));
    }
    html += QStringLiteral("<p style=\"margin: 2px 0\">%1</p>").arg(facts.join(QStringLiteral(" · ")));
    if (metrics)
        html += QStringLiteral("<p style=\"margin: 2px 0\"><small>%1</small></p>")
                    .arg(tr("PageRank %1 · betweenness %2")
                             .arg(QLocale().toString(metrics->pageRank, 'f', 3),
                                  QLocale().toString(metrics->betweenness, 'f', 3)));
    QStringList others = node->aliases;
    others.removeAll(node->name);
    if (!others.isEmpty())
        html += QStringLiteral("<p style=\"margin: 2px 0\">%1</p>")
                    .arg(tr("Also called: %1").arg(others.join(QStringLiteral(", ")).toHtmlEscaped()));
    // A line per document, the first few: the sentences below say the rest.
    constexpr int shownDocuments = 5;
    QStringList titles;
    for (const qint64 documentId : node->documentIds) {
        if (titles.size() == shownDocuments)
            break;
        if (const DocumentRecord *document = m_session->document(documentId))
            titles.append(QStringLiteral("<li>%1</li>").arg(
                citation(elided(document->title, 48), document->fileName, document->date).toHtmlEscaped()));
    }
    if (node->documentIds.size() > shownDocuments)
        titles.append(QStringLiteral("<li>%1</li>").arg(
            tr("and %n more", nullptr, int(node->documentIds.size()) - shownDocuments)));
    if (!titles.isEmpty())
        html += QStringLiteral("<p style=\"margin: 2px 0\">%1</p><ul style=\"margin: 0\"><small>%2</small></ul>")
                    .arg(tr("Named in:"), titles.join(QString()));
    if (node->curated)
        html += QStringLiteral("<p style=\"margin: 2px 0\"><i>%1</i></p>")
                    .arg(tr("Name or type set by the analyst (the Curation dock lists the edits)."));
    // The analyst's notes, oldest first (Curator).
    for (const QString &note : node->notes)
        html += QStringLiteral("<p style=\"margin: 2px 0; background: #fff8d0\">%1 %2</p>")
                    .arg(tr("Note:"), note.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (node->hidden)
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Hidden from the graph."));
    else if (!metrics)
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Not in the graph as filtered."));
    m_heading->setText(html);

    m_relations->setEntity(metrics ? entityId : 0);
    m_relationPane->setVisible(m_relations->rowCount() > 0);
    m_relationCaption->setText(tr("Links (%1)").arg(m_relations->rowCount()));

    EvidenceLoader loader(*m_session);
    Result<QList<EvidenceItem>> items = loader.forEntity(entityId);
    if (!items) {
        Q_EMIT errorOccurred(items.error());
        m_evidence->clear();
    } else {
        m_evidence->setItems(items.value());
    }
    m_evidenceCaption->setText(tr("Sentences naming %1 (%2)").arg(node->name).arg(m_evidence->rowCount()));
}

void DetailsPanel::showEdge(qint64 a, qint64 b)
{
    const GraphEdge *edge = m_session->graph().edgeBetween(a, b);
    const GraphNode *first = m_session->node(a);
    const GraphNode *second = m_session->node(b);
    if (!edge || !first || !second) {
        clear();
        return;
    }
    m_entity = 0;
    m_edge = {a, b};
    m_entities.clear();
    m_splitter->show();
    m_relations->setEntity(0);
    m_relationPane->hide();

    QString html = QStringLiteral("<h3 style=\"margin: 0\">%1 %2 — %3 %4</h3>")
                       .arg(swatchHtml(colorForType(first->type)), entityLink(a, first->name),
                            swatchHtml(colorForType(second->type)), entityLink(b, second->name));
    QStringList readings;
    for (const QString &reading : predicatesAlong(*edge, a))
        readings.append(QStringLiteral("<b>%1</b>").arg(reading.toHtmlEscaped()));
    html += QStringLiteral("<p style=\"margin: 2px 0\">%1 %2 %3</p>")
                .arg(first->name.toHtmlEscaped(), readings.join(QStringLiteral(", ")), second->name.toHtmlEscaped());
    html += QStringLiteral("<p style=\"margin: 2px 0\"><small>%1</small></p>")
                .arg(tr("%n sentence(s) · best confidence %1", nullptr, edge->evidenceCount)
                         .arg(QLocale().toString(edge->confidence, 'f', 2)));
    if (edge->manual)
        html += QStringLiteral("<p style=\"margin: 2px 0\"><i>%1</i></p>").arg(tr("Added by the analyst."));
    for (const QString &note : edge->notes)
        html += QStringLiteral("<p style=\"margin: 2px 0; background: #fff8d0\">%1 %2</p>")
                    .arg(tr("Note:"), note.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_heading->setText(html);
    showEvidenceFor(a, b);
}

void DetailsPanel::showEvidenceFor(qint64 a, qint64 b)
{
    EvidenceLoader loader(*m_session);
    Result<QList<EvidenceItem>> items = loader.forEdge(a, b);
    if (!items) {
        Q_EMIT errorOccurred(items.error());
        m_evidence->clear();
    } else {
        m_evidence->setItems(items.value());
    }
    setEvidenceCaption(int(m_evidence->rowCount()));
}

void DetailsPanel::showEntities(const QSet<qint64> &entities)
{
    if (entities.size() == 1) {
        showEntity(*entities.cbegin());
        return;
    }
    if (entities.isEmpty()) {
        clear();
        return;
    }
    m_entity = 0;
    m_edge = {0, 0};
    m_entities = entities;
    QStringList names;
    QList<qint64> ids(entities.cbegin(), entities.cend());
    std::sort(ids.begin(), ids.end());
    for (const qint64 id : std::as_const(ids)) {
        if (const GraphNode *node = m_session->node(id))
            names.append(entityLink(id, node->name));
    }
    QString html = QStringLiteral("<h3 style=\"margin: 0\">%1</h3><p>%2</p>")
                       .arg(tr("%n entities selected", nullptr, int(entities.size())),
                            names.join(QStringLiteral(", ")));
    m_relations->setEntity(0);
    m_relationPane->hide();
    if (ids.size() == 2 && m_session->graph().edgeBetween(ids.at(0), ids.at(1))) {
        html += QStringLiteral("<p>%1</p>").arg(tr("The sentences linking them:"));
        m_heading->setText(html);
        m_splitter->show();
        showEvidenceFor(ids.at(0), ids.at(1));
        return;
    }
    m_heading->setText(html);
    m_evidence->clear();
    m_evidenceCaption->clear();
    m_splitter->hide();
}

bool DetailsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_evidenceView
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        event->accept();
        if (event->type() == QEvent::KeyPress)
            copyCurrentSentence();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool DetailsPanel::copyCurrentSentence()
{
    QModelIndex index = m_evidenceView->currentIndex();
    if (!index.isValid() && m_evidence->rowCount() == 1)
        index = m_evidence->index(0);
    if (!index.isValid())
        return false;
    QApplication::clipboard()->setText(index.data(EvidenceListModel::CitationRole).toString());
    return true;
}

QSize DetailsPanel::sizeHint() const
{
    // On a small screen the canvas keeps most of the window (which opens at
    // up to 1400 pixels, nine tenths of the screen).
    const int window = screen() ? std::min(1400, screen()->availableGeometry().width() * 9 / 10) : 1400;
    return QSize(std::min(fontMetrics().averageCharWidth() * 52, window * 24 / 100), QWidget::sizeHint().height());
}

} // namespace NewsGraph
