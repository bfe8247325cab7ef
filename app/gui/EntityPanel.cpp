#include "app/gui/EntityPanel.h"

#include "app/gui/EntitySelection.h"
#include "app/gui/EntityTableModel.h"

#include <QCompleter>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScreen>
#include <QLineEdit>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

namespace NewsGraph {

EntityPanel::EntityPanel(EntityTableModel *model, EntitySelection *selection, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_completions(new QStringListModel(this))
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter entities…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the entities whose name or other name contains this text"));
    m_completer = new QCompleter(m_completions, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_filter->setCompleter(m_completer);
    connect(m_filter, &QLineEdit::textChanged, this, &EntityPanel::applyFilter);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    // The one selection model the canvas is bridged to.
    m_table->setSelectionModel(selection->selectionModel());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EntityTableModel::MentionsColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    // Names are what people read: they keep a readable width even in a
    // narrow dock (the numbers scroll into view then); the type gets the
    // width of the longest type name, the numbers what their header needs,
    // and the last column whatever is left.
    header->setSectionResizeMode(EntityTableModel::NameColumn, QHeaderView::Interactive);
    header->resizeSection(EntityTableModel::NameColumn, fontMetrics().averageCharWidth() * 20);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(EntityTableModel::TypeColumn, QHeaderView::Interactive);
    header->resizeSection(EntityTableModel::TypeColumn, fontMetrics().horizontalAdvance(tr("Organisation")) + 16);
    for (const int column : {int(EntityTableModel::MentionsColumn), int(EntityTableModel::DegreeColumn),
                             int(EntityTableModel::CommunityColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT entityActivated(m_model->entityId(index.row()));
    });
    // A selection made elsewhere (the canvas, a search) is brought into view.
    connect(selection->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_table->scrollTo(current);
            });

    m_count = new QLabel(this);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCompletions();
        applyFilter();
    });
    // Row hiding is per row number: sorting moves entities to other rows.
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &EntityPanel::applyFilter);
    updateCompletions();
    applyFilter();
}

int EntityPanel::visibleRowCount() const
{
    int visible = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        visible += !m_table->isRowHidden(row);
    return visible;
}

void EntityPanel::applyFilter()
{
    const QString text = m_filter->text();
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_table->setRowHidden(row, !m_model->rowMatches(row, text));
    const int total = m_model->rowCount();
    const int visible = text.trimmed().isEmpty() ? total : visibleRowCount();
    m_count->setText(visible == total ? tr("%n entities", nullptr, total)
                                      : tr("%1 of %n entities", nullptr, total).arg(visible));
}

void EntityPanel::updateCompletions()
{
    m_completions->setStringList(m_model->names());
}

QSize EntityPanel::sizeHint() const
{
    // On a small screen the canvas keeps most of the window (which opens at
    // up to 1400 pixels, nine tenths of the screen).
    const int window = screen() ? std::min(1400, screen()->availableGeometry().width() * 9 / 10) : 1400;
    return QSize(std::min(fontMetrics().averageCharWidth() * 70, window * 30 / 100), QWidget::sizeHint().height());
}

} // namespace NewsGraph
