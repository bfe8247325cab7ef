#pragma once

#include "core/common/Result.h"
#include "core/store/Records.h"

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QUndoStack;
class QWidget;

namespace NewsGraph {

class Curator;
class EntitySelection;
class GraphSession;

// The explorer's edits of the graph (issue 16): the undo stack over them
// (CurationCommand), Edit ▸ Undo and Redo, and the actions the context
// menus of entities and links offer (rename, change type, add a name,
// merge, split, note, add and delete links), each asking what it needs in
// a dialog, making the edit through the GraphSession and pushing it on the
// stack. The stack starts with the edits the project's log already holds,
// so that undo goes on after reopening a project.
class CurationActions : public QObject
{
    Q_OBJECT

public:
    CurationActions(GraphSession *session, EntitySelection *selection, QWidget *dialogParent);

    QUndoStack *undoStack() const { return m_stack; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    // F2: renames the current entity.
    QAction *renameAction() const { return m_rename; }
    // Merges the selected entities (two or more).
    QAction *mergeAction() const { return m_merge; }

    // Makes an edit and pushes it on the stack; false (with the reason in a
    // dialog titled `failureTitle`) when the store refuses it.
    bool makeEdit(const QString &failureTitle, const std::function<Result<EditRecord>(Curator &)> &edit);
    // The same for hiding or showing an entity, which rebuilds only the
    // graph (GraphSession::setEntityHidden()).
    bool setHidden(qint64 entityId, bool hidden);
    // The stack again from the project's log (after opening a project, or
    // after an edit was undone out of order).
    void loadHistory();
    // Undoes one logged edit, the latest through the stack, an earlier one
    // alone where later changes allow.
    void undoLoggedEdit(qint64 editId);
    void updateActions();
    // While an import writes through the session's connection, edits (and
    // their undo and redo) wait: an edit's changeset would record the
    // import's rows too. `why` says so to the user.
    void setBlocked(const QString &why);
    bool isBlocked() const { return !m_blocked.isEmpty(); }

    void addEntityActions(QMenu &menu, qint64 entityId);
    void addLinkActions(QMenu &menu, qint64 a, qint64 b);
    // Asks the predicate and a note, and links the two (a link drawn on the
    // canvas, the menus' Add Link).
    void linkBetween(qint64 subject, qint64 object);

Q_SIGNALS:
    void message(const QString &text);
    void failed(const QString &title, const QString &message);

private:
    void renameEntity(qint64 entityId);
    void addName(qint64 entityId);
    void splitEntity(qint64 entityId);
    void mergeSelected();
    void mergeWith(qint64 entityId);
    void noteEntity(qint64 entityId);
    void linkFrom(qint64 entityId);
    void noteLink(qint64 relationId, const QString &description);
    // Asks for a note's text under `label` and keeps it through `note`.
    void addNote(const QString &label, const std::function<Result<EditRecord>(Curator &, const QString &)> &note);
    // An entity of the project picked by name in a dialog; 0 when cancelled.
    qint64 pickEntity(const QString &title, const QString &label, qint64 except);
    QString entityName(qint64 entityId) const;

    GraphSession *m_session = nullptr;
    EntitySelection *m_selection = nullptr;
    QWidget *m_parent = nullptr;
    QUndoStack *m_stack = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_merge = nullptr;
    QString m_blocked; // why edits wait; empty: they do not
};

} // namespace NewsGraph
