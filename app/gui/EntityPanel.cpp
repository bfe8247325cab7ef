#include "app/gui/EntityPanel.h"

#include "app/gui/EntitySelection.h"
#include "app/gui/EntityTableModel.h"

#include <QCompleter>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QScreen>
#include <QLineEdit>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

namespace NewsGraph {

namespace {
const auto hiddenColumnsKey = QStringLiteral("entities/hiddenColumns");
} // namespace

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
    // The name takes what the other columns leave: the type gets the width
    // of the longest type name, the numbers what their header needs.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(EntityTableModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(EntityTableModel::TypeColumn, QHeaderView::Fixed);
    header->resizeSection(EntityTableModel::TypeColumn, fontMetrics().horizontalAdvance(tr("Organisation")) + 12);
    // The numbers are short: their header's text and room for the sort
    // arrow (ResizeToContents reserves more than the style draws).
    for (const int column : {int(EntityTableModel::MentionsColumn), int(EntityTableModel::DegreeColumn),
                             int(EntityTableModel::CommunityColumn)}) {
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, header->fontMetrics().horizontalAdvance(title) + 3 * fontMetrics().averageCharWidth());
    }
    // In a narrow dock the analyst may rather give the name more room:
    // the header's context menu shows and hides the other columns.
    const QList<int> hidden = hiddenColumns();
    for (const int column : hidden)
        header->setSectionHidden(column, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &EntityPanel::showColumnMenu);
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

QList<int> EntityPanel::hiddenColumns()
{
    QList<int> columns;
    // By default the type is left to the icon (its shape and colour) and
    // the tooltip, so that the name has room in a dock of a third of the
    // canvas's width.
    const QStringList saved
        = QSettings().value(hiddenColumnsKey, QStringList{QString::number(EntityTableModel::TypeColumn)}).toStringList();
    for (const QString &value : saved) {
        bool ok = false;
        const int column = value.toInt(&ok);
        if (ok && column > EntityTableModel::NameColumn && column < EntityTableModel::ColumnCount)
            columns.append(column);
    }
    return columns;
}

void EntityPanel::showColumnMenu(const QPoint &position)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    // The name always stays: it is what a row is.
    for (int column = EntityTableModel::NameColumn + 1; column < EntityTableModel::ColumnCount; ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setToolTip(m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, column](bool shown) { setColumnShown(column, shown); });
    }
    menu.exec(header->viewport()->mapToGlobal(position));
}

void EntityPanel::setColumnShown(int column, bool shown)
{
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionHidden(column, !shown);
    QStringList hidden;
    for (int c = EntityTableModel::NameColumn + 1; c < EntityTableModel::ColumnCount; ++c) {
        if (header->isSectionHidden(c))
            hidden.append(QString::number(c));
    }
    QSettings().setValue(hiddenColumnsKey, hidden);
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
