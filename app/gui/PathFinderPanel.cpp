#include "app/gui/PathFinderPanel.h"

#include "app/gui/EvidenceDelegate.h"
#include "app/gui/EvidenceListModel.h"
#include "app/gui/GraphSession.h"
#include "app/gui/PathModel.h"
#include "app/gui/Presentation.h"
#include "core/graph/EntityLookup.h"

#include <QCollator>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QStringListModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace NewsGraph {

namespace {

QComboBox *makeEntityField(QStringListModel *names, QWidget *parent)
{
    auto *field = new QComboBox(parent);
    field->setEditable(true);
    field->setInsertPolicy(QComboBox::NoInsert);
    field->setModel(names);
    field->setCurrentIndex(-1);
    field->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    field->setMinimumContentsLength(12);
    auto *completer = new QCompleter(names, field);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    field->setCompleter(completer);
    return field;
}

} // namespace

PathFinderPanel::PathFinderPanel(GraphSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_names(new QStringListModel(this))
    , m_model(new PathModel(this))
{
    m_from = makeEntityField(m_names, this);
    m_from->lineEdit()->setPlaceholderText(tr("From…"));
    m_from->setToolTip(tr("The entity the path starts from (a name or another name)"));
    m_to = makeEntityField(m_names, this);
    m_to->lineEdit()->setPlaceholderText(tr("To…"));
    m_to->setToolTip(tr("The entity the path leads to"));
    auto *swap = new QToolButton(this);
    swap->setText(QStringLiteral("⇅"));
    swap->setToolTip(tr("Swap the two entities"));
    connect(swap, &QToolButton::clicked, this, [this] {
        const QString from = m_from->currentText();
        m_from->setEditText(m_to->currentText());
        m_to->setEditText(from);
        if (m_active)
            findPath();
    });

    m_weighting = new QComboBox(this);
    m_weighting->addItem(tr("Fewest links"), int(PathWeighting::FewestHops));
    m_weighting->addItem(tr("Best attested links"), int(PathWeighting::StrongestEvidence));
    m_weighting->setToolTip(tr("Fewest intermediaries, or links stated by the most sentences"));
    m_find = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-find")), tr("Find Path"), this);
    m_find->setDefault(true);
    m_find->setToolTip(tr("Find the shortest chain of links between the two entities in the graph as filtered"));
    connect(m_find, &QPushButton::clicked, this, &PathFinderPanel::findPath);
    connect(m_from->lineEdit(), &QLineEdit::returnPressed, this, &PathFinderPanel::findPath);
    connect(m_to->lineEdit(), &QLineEdit::returnPressed, this, &PathFinderPanel::findPath);
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setToolTip(tr("Stop highlighting the path"));
    connect(clear, &QPushButton::clicked, this, &PathFinderPanel::clearPath);

    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setItemDelegate(new EvidenceDelegate(m_view));
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setToolTip(tr("Click a sentence to read it in its document"));
    connect(m_view, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(EvidenceListModel::SentenceRole).isValid())
            Q_EMIT sentenceActivated(index.data(EvidenceListModel::DocumentIdRole).toLongLong(),
                                     index.data(EvidenceListModel::SentenceStartRole).toInt(),
                                     index.data(EvidenceListModel::SentenceEndRole).toInt());
    });

    auto *fields = new QGridLayout;
    fields->addWidget(new QLabel(tr("From:"), this), 0, 0);
    fields->addWidget(m_from, 0, 1);
    fields->addWidget(swap, 0, 2, 2, 1);
    fields->addWidget(new QLabel(tr("To:"), this), 1, 0);
    fields->addWidget(m_to, 1, 1);
    fields->setColumnStretch(1, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_weighting, 1);
    buttons->addWidget(m_find);
    buttons->addWidget(clear);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(fields);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(m_view, 1);

    connect(m_session, &GraphSession::graphChanged, this, [this] {
        updateNames();
        if (m_active)
            computePath(true);
    });
    connect(m_session, &GraphSession::databaseChanged, this, &PathFinderPanel::clearPath);
    updateNames();
}

void PathFinderPanel::updateNames()
{
    // Names first (what the list offers), aliases after them for the
    // completer, each once.
    QSet<QString> seen;
    QStringList names;
    for (const GraphNode &node : m_session->graph().nodes()) {
        if (!seen.contains(node.name)) {
            seen.insert(node.name);
            names.append(node.name);
        }
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    QStringList aliases;
    for (const GraphNode &node : m_session->graph().nodes()) {
        for (const QString &alias : node.aliases) {
            if (!seen.contains(alias)) {
                seen.insert(alias);
                aliases.append(alias);
            }
        }
    }
    std::sort(aliases.begin(), aliases.end(), collator);
    const QString from = m_from->currentText();
    const QString to = m_to->currentText();
    m_names->setStringList(names + aliases);
    m_from->setEditText(from);
    m_to->setEditText(to);
}

void PathFinderPanel::setFieldEntity(QComboBox *field, qint64 entityId)
{
    if (const GraphNode *node = m_session->node(entityId))
        field->setEditText(node->name);
}

void PathFinderPanel::setFrom(qint64 entityId)
{
    setFieldEntity(m_from, entityId);
}

void PathFinderPanel::setTo(qint64 entityId)
{
    setFieldEntity(m_to, entityId);
}

qint64 PathFinderPanel::resolve(const QComboBox *field, QString &problem) const
{
    const QString name = field->currentText().trimmed();
    if (name.isEmpty()) {
        problem = tr("Choose two entities.");
        return 0;
    }
    const QList<GraphNode> &nodes = m_session->graph().nodes();
    const EntityLookup found = lookUpEntity(nodes, name);
    if (found.matches.isEmpty()) {
        QStringList close;
        for (const qsizetype index : found.suggestions)
            close.append(nodes.at(index).name);
        problem = close.isEmpty() ? tr("No entity called “%1” in the graph as filtered.").arg(name)
                                  : tr("No entity called “%1”; did you mean %2?")
                                        .arg(name, close.join(tr(" or ")));
        return 0;
    }
    // Several entities bear the name: the most mentioned is the likeliest.
    qsizetype best = found.matches.first();
    for (const qsizetype index : found.matches) {
        if (nodes.at(index).mentions > nodes.at(best).mentions)
            best = index;
    }
    return nodes.at(best).entityId;
}

bool PathFinderPanel::findPath()
{
    return computePath(false);
}

bool PathFinderPanel::computePath(bool quiet)
{
    QString problem;
    const qint64 from = resolve(m_from, problem);
    const qint64 to = from != 0 ? resolve(m_to, problem) : 0;
    QList<PathHop> hops;
    if (from != 0 && to != 0) {
        if (from == to)
            problem = tr("Choose two different entities.");
        else
            hops = m_session->graph().shortestPath(
                from, to, PathWeighting(m_weighting->currentData().toInt()));
        if (hops.isEmpty() && problem.isEmpty())
            problem = tr("Nothing links %1 and %2 in the graph as filtered.")
                          .arg(m_session->node(from)->name, m_session->node(to)->name);
    }

    QList<PathModel::Hop> rows;
    EvidenceLoader loader(*m_session);
    for (const PathHop &hop : std::as_const(hops)) {
        PathModel::Hop row;
        row.hop = hop;
        row.fromName = m_session->node(hop.from)->name;
        row.toName = m_session->node(hop.to)->name;
        if (const GraphEdge *edge = m_session->graph().edgeBetween(hop.from, hop.to))
            row.readings = predicatesAlong(*edge, hop.from);
        Result<QList<EvidenceItem>> evidence = loader.forEdge(hop.from, hop.to);
        if (!evidence) {
            if (!quiet)
                Q_EMIT errorOccurred(evidence.error());
        } else {
            row.evidence = evidence.value();
        }
        rows.append(row);
    }
    m_model->setHops(rows);
    m_view->expandAll();
    m_active = !rows.isEmpty();
    if (rows.isEmpty()) {
        m_result->setText(problem);
    } else {
        int sentences = 0;
        for (const PathModel::Hop &row : std::as_const(rows))
            sentences += int(row.evidence.size());
        m_result->setText(tr("%n link(s)", nullptr, int(rows.size())) + QStringLiteral(", ")
                          + tr("%n sentence(s) of evidence.", nullptr, sentences));
    }
    Q_EMIT pathChanged(m_model->entities());
    return !rows.isEmpty();
}

void PathFinderPanel::clearPath()
{
    m_active = false;
    m_model->clear();
    m_result->clear();
    Q_EMIT pathChanged({});
}

QList<qint64> PathFinderPanel::path() const
{
    return m_model->entities();
}

} // namespace NewsGraph
