#include "app/gui/CurationActions.h"

#include "app/gui/CurationCommand.h"
#include "app/gui/EntitySelection.h"
#include "app/gui/GraphSession.h"
#include "core/store/Curator.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QUndoStack>

#include <algorithm>

namespace NewsGraph {

namespace {

const QStringList &entityTypeNames()
{
    static const QStringList names = {QStringLiteral("PERSON"), QStringLiteral("ORG"), QStringLiteral("PLACE"),
                                      QStringLiteral("PRODUCT"), QStringLiteral("EVENT")};
    return names;
}

} // namespace

CurationActions::CurationActions(GraphSession *session, EntitySelection *selection, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_selection(selection)
    , m_parent(dialogParent)
    , m_stack(new QUndoStack(this))
{
    m_undo = m_stack->createUndoAction(this, tr("&Undo"));
    m_undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_stack->createRedoAction(this, tr("&Redo"));
    m_redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});

    m_rename = new QAction(tr("Re&name Entity…"), this);
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setStatusTip(tr("Give the selected entity another name; extraction keeps it"));
    connect(m_rename, &QAction::triggered, this, [this] {
        if (const qint64 current = m_selection->currentEntity())
            renameEntity(current);
    });
    m_merge = new QAction(tr("&Merge Selected Entities…"), this);
    m_merge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_merge->setStatusTip(tr("Make the selected entities one: their mentions, names, links and notes move to it"));
    connect(m_merge, &QAction::triggered, this, &CurationActions::mergeSelected);

    connect(m_selection, &EntitySelection::changed, this, &CurationActions::updateActions);
    connect(m_session, &GraphSession::databaseChanged, this, &CurationActions::updateActions);
    updateActions();
}

void CurationActions::updateActions()
{
    const bool writable = m_session->isOpen() && !m_session->isReadOnly() && m_blocked.isEmpty();
    // Renames the current entity when there is one (see its trigger).
    m_rename->setEnabled(writable);
    m_merge->setEnabled(writable && m_selection->selectedEntities().size() >= 2);
    // The stack enables them as it changes, which it does not while blocked.
    m_undo->setEnabled(writable && m_stack->canUndo());
    m_redo->setEnabled(writable && m_stack->canRedo());
}

void CurationActions::setBlocked(const QString &why)
{
    if (why == m_blocked)
        return;
    m_blocked = why;
    m_session->setEditsBlocked(why);
    updateActions();
}

bool CurationActions::makeEdit(const QString &failureTitle,
                               const std::function<Result<EditRecord>(Curator &)> &edit)
{
    if (!m_blocked.isEmpty()) {
        Q_EMIT failed(failureTitle, m_blocked);
        return false;
    }
    const Result<EditRecord> made = m_session->applyEdit(edit);
    if (!made) {
        Q_EMIT failed(failureTitle, made.error());
        return false;
    }
    m_stack->push(new CurationCommand(m_session, *made));
    Q_EMIT message(tr("%1. Ctrl+Z undoes it.").arg(made->summary));
    return true;
}

bool CurationActions::setHidden(qint64 entityId, bool hidden)
{
    if (!m_blocked.isEmpty()) {
        Q_EMIT failed(hidden ? tr("Cannot Hide the Entity") : tr("Cannot Show the Entity"), m_blocked);
        return false;
    }
    const Result<EditRecord> made = m_session->setEntityHidden(entityId, hidden);
    if (!made) {
        Q_EMIT failed(hidden ? tr("Cannot Hide the Entity") : tr("Cannot Show the Entity"), made.error());
        return false;
    }
    m_stack->push(new CurationCommand(m_session, *made));
    return true;
}

void CurationActions::loadHistory()
{
    m_stack->clear();
    const Result<QList<EditRecord>> edits = m_session->edits();
    if (!edits) {
        Q_EMIT failed(tr("Cannot Read the Edits"), edits.error());
        return;
    }
    // Made already: pushing them does nothing to the project.
    for (const EditRecord &edit : *edits)
        m_stack->push(new CurationCommand(m_session, edit));
    m_stack->setClean();
}

void CurationActions::undoLoggedEdit(qint64 editId)
{
    if (!m_blocked.isEmpty()) {
        Q_EMIT failed(tr("Cannot Undo the Edit"), m_blocked);
        return;
    }
    const int top = m_stack->index() - 1;
    const auto *latest = top >= 0 ? dynamic_cast<const CurationCommand *>(m_stack->command(top)) : nullptr;
    if (latest && latest->edit().id == editId) {
        m_stack->undo();
        return;
    }
    const Result<EditRecord> undone = m_session->undoEdit(editId);
    if (!undone) {
        Q_EMIT failed(tr("Cannot Undo the Edit"), undone.error());
        return;
    }
    // The stack's steps after it no longer follow one another.
    loadHistory();
    Q_EMIT message(tr("Undid edit %1: %2.").arg(undone->id).arg(undone->summary));
}

QString CurationActions::entityName(qint64 entityId) const
{
    const GraphNode *node = m_session->node(entityId);
    return node ? node->name : QString::number(entityId);
}

void CurationActions::addEntityActions(QMenu &menu, qint64 entityId)
{
    const GraphNode *node = m_session->node(entityId);
    if (!node)
        return;
    const bool writable = !m_session->isReadOnly() && m_blocked.isEmpty();
    QMenu *edit = menu.addMenu(QIcon::fromTheme(QStringLiteral("document-edit")), tr("&Edit"));
    edit->setEnabled(writable);
    if (!writable)
        edit->setToolTip(tr("The project is read-only (%1)").arg(m_session->readOnlyReason()));
    QAction *rename = edit->addAction(tr("Re&name…"), this, [this, entityId] { renameEntity(entityId); });
    rename->setShortcut(m_rename->shortcut());
    QMenu *types = edit->addMenu(tr("Change &Type"));
    for (const QString &type : entityTypeNames()) {
        QAction *action = types->addAction(type, this, [this, entityId, type] {
            makeEdit(tr("Cannot Change the Type"), [&](Curator &curator) { return curator.retype(entityId, type); });
        });
        action->setCheckable(true);
        action->setChecked(typeName(node->type) == type);
        action->setEnabled(typeName(node->type) != type);
    }
    edit->addAction(tr("Add a N&ame…"), this, [this, entityId] { addName(entityId); });
    edit->addSeparator();
    const QSet<qint64> selected = m_selection->selectedEntities();
    if (selected.size() >= 2 && selected.contains(entityId))
        edit->addAction(tr("&Merge the %n Selected Entities…", nullptr, int(selected.size())), this,
                        &CurationActions::mergeSelected);
    edit->addAction(tr("Merge &with…"), this, [this, entityId] { mergeWith(entityId); });
    edit->addAction(tr("&Split…"), this, [this, entityId] { splitEntity(entityId); })
        ->setEnabled(node->aliases.size() >= 2);
    edit->addSeparator();
    edit->addAction(tr("Add &Link to…"), this, [this, entityId] { linkFrom(entityId); });
    edit->addAction(tr("Add N&ote…"), this, [this, entityId] { noteEntity(entityId); });
}

void CurationActions::addLinkActions(QMenu &menu, qint64 a, qint64 b)
{
    const bool writable = !m_session->isReadOnly() && m_blocked.isEmpty();
    const Result<QList<RelationRecord>> relations = m_session->repository().relationsBetween(a, b);
    QMenu *edit = menu.addMenu(QIcon::fromTheme(QStringLiteral("document-edit")), tr("&Edit the Link"));
    edit->setEnabled(writable);
    if (relations) {
        for (const RelationRecord &relation : *relations) {
            const QString description = tr("%1 %2 %3").arg(relation.subject, relation.predicate, relation.object);
            const qint64 id = relation.id;
            edit->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete “%1”").arg(description), this,
                            [this, id] {
                                makeEdit(tr("Cannot Delete the Link"),
                                         [id](Curator &curator) { return curator.rejectRelation(id); });
                            })
                ->setToolTip(tr("Extraction will not bring it back"));
            edit->addAction(tr("Add a &Note to “%1”…").arg(description), this,
                            [this, id, description] { noteLink(id, description); });
        }
    }
    edit->addSeparator();
    edit->addAction(tr("&Add a Link Between Them…"), this, [this, a, b] { linkBetween(a, b); });
}

void CurationActions::renameEntity(qint64 entityId)
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_parent, tr("Rename Entity"),
                                               tr("New name of %1:").arg(entityName(entityId)), QLineEdit::Normal,
                                               entityName(entityId), &ok);
    if (!ok || name.trimmed().isEmpty() || name.trimmed() == entityName(entityId))
        return;
    makeEdit(tr("Cannot Rename the Entity"), [&](Curator &curator) { return curator.rename(entityId, name); });
}

void CurationActions::addName(qint64 entityId)
{
    bool ok = false;
    const QString alias = QInputDialog::getText(m_parent, tr("Add a Name"),
                                                tr("Another name %1 goes by (articles that use it will be "
                                                   "read as it):")
                                                    .arg(entityName(entityId)),
                                                QLineEdit::Normal, QString(), &ok);
    if (!ok || alias.trimmed().isEmpty())
        return;
    makeEdit(tr("Cannot Add the Name"), [&](Curator &curator) { return curator.addAlias(entityId, alias); });
}

void CurationActions::splitEntity(qint64 entityId)
{
    const GraphNode *node = m_session->node(entityId);
    if (!node)
        return;
    QDialog dialog(m_parent);
    dialog.setWindowTitle(tr("Split %1").arg(node->name));
    auto *names = new QListWidget(&dialog);
    for (const QString &alias : node->aliases) {
        auto *item = new QListWidgetItem(alias, names);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *name = new QLineEdit(&dialog);
    auto *type = new QComboBox(&dialog);
    type->addItems(entityTypeNames());
    type->setCurrentText(typeName(node->type));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Split"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(new QLabel(tr("The names that are another actor go, with the mentions that use them and the "
                               "statements of the sentences only they name, to a new entity."),
                            &dialog));
    form->addRow(tr("Names:"), names);
    form->addRow(tr("New entity:"), name);
    form->addRow(tr("Type:"), type);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(names, &QListWidget::itemChanged, &dialog, [name](QListWidgetItem *item) {
        if (item->checkState() == Qt::Checked && name->text().isEmpty())
            name->setText(item->text());
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList moving;
    for (int i = 0; i < names->count(); ++i) {
        if (names->item(i)->checkState() == Qt::Checked)
            moving.append(names->item(i)->text());
    }
    makeEdit(tr("Cannot Split the Entity"), [&](Curator &curator) {
        return curator.split(entityId, moving, name->text(), type->currentText());
    });
}

void CurationActions::mergeSelected()
{
    QList<qint64> ids(m_selection->selectedEntities().cbegin(), m_selection->selectedEntities().cend());
    if (ids.size() < 2)
        return;
    // The busiest stays: its id, position and links are the ones most kept.
    std::sort(ids.begin(), ids.end(), [this](qint64 a, qint64 b) {
        const GraphNode *x = m_session->node(a);
        const GraphNode *y = m_session->node(b);
        const int mx = x ? x->mentions : 0;
        const int my = y ? y->mentions : 0;
        return mx != my ? mx > my : a < b;
    });
    QStringList names;
    for (const qint64 id : std::as_const(ids))
        names.append(entityName(id));
    bool ok = false;
    const QString name = QInputDialog::getItem(m_parent, tr("Merge Entities"),
                                               tr("%1 are one actor, called:").arg(names.join(QStringLiteral(", "))),
                                               names, 0, true, &ok);
    if (!ok)
        return;
    makeEdit(tr("Cannot Merge the Entities"), [&](Curator &curator) { return curator.merge(ids, name); });
}

qint64 CurationActions::pickEntity(const QString &title, const QString &label, qint64 except)
{
    QStringList items;
    QHash<QString, qint64> idOf;
    for (const GraphNode &node : m_session->data().nodes) {
        if (node.entityId == except)
            continue;
        QString item = QStringLiteral("%1 (%2)").arg(node.name, typeName(node.type));
        if (idOf.contains(item))
            item += QStringLiteral(" #%1").arg(node.entityId);
        idOf.insert(item, node.entityId);
        items.append(item);
    }
    items.sort(Qt::CaseInsensitive);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_parent, title, label, items, 0, true, &ok);
    if (!ok)
        return 0;
    if (const qint64 id = idOf.value(chosen))
        return id;
    // Typed rather than picked: a name or alias as written.
    for (const GraphNode &node : m_session->data().nodes) {
        if (node.entityId != except
            && (node.name.compare(chosen, Qt::CaseInsensitive) == 0 || node.aliases.contains(chosen)))
            return node.entityId;
    }
    Q_EMIT failed(title, tr("No entity is called “%1”.").arg(chosen));
    return 0;
}

void CurationActions::mergeWith(qint64 entityId)
{
    const qint64 other = pickEntity(tr("Merge Entities"),
                                    tr("The entity that is the same actor as %1 (it goes into %1):")
                                        .arg(entityName(entityId)),
                                    entityId);
    if (other == 0)
        return;
    makeEdit(tr("Cannot Merge the Entities"), [&](Curator &curator) { return curator.merge({entityId, other}); });
}

void CurationActions::noteEntity(qint64 entityId)
{
    addNote(tr("Note on %1 (searchable):").arg(entityName(entityId)),
            [entityId](Curator &curator, const QString &text) { return curator.noteEntity(entityId, text); });
}

void CurationActions::noteLink(qint64 relationId, const QString &description)
{
    addNote(tr("Note on the link %1 (searchable):").arg(description),
            [relationId](Curator &curator, const QString &text) { return curator.noteRelation(relationId, text); });
}

void CurationActions::addNote(const QString &label,
                              const std::function<Result<EditRecord>(Curator &, const QString &)> &note)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(m_parent, tr("Add a Note"), label, QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    makeEdit(tr("Cannot Add the Note"), [&](Curator &curator) { return note(curator, text); });
}

void CurationActions::linkFrom(qint64 entityId)
{
    const qint64 other = pickEntity(tr("Add a Link"), tr("Link %1 to:").arg(entityName(entityId)), entityId);
    if (other != 0)
        linkBetween(entityId, other);
}

void CurationActions::linkBetween(qint64 subject, qint64 object)
{
    Database *database = m_session->database();
    if (!database)
        return;
    const Result<QStringList> vocabulary = Curator(*database).vocabulary();
    if (!vocabulary) {
        Q_EMIT failed(tr("Cannot Add the Link"), vocabulary.error());
        return;
    }
    bool ok = false;
    const QString predicate
        = QInputDialog::getItem(m_parent, tr("Add a Link"),
                                tr("%1 … %2: the relation").arg(entityName(subject), entityName(object)), *vocabulary,
                                0, false, &ok);
    if (!ok)
        return;
    const QString note = QInputDialog::getMultiLineText(
        m_parent, tr("Add a Link"),
        tr("Why %1 %2 %3 (a note kept with the link; may be empty):").arg(entityName(subject), predicate,
                                                                         entityName(object)),
        QString(), &ok);
    if (!ok)
        return;
    makeEdit(tr("Cannot Add the Link"), [&](Curator &curator) {
        return curator.link(subject, predicate, object, std::nullopt, note);
    });
}

} // namespace NewsGraph
