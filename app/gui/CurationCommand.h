#pragma once

#include "core/store/Records.h"

#include <QUndoCommand>

namespace NewsGraph {

class GraphSession;

// One of the analyst's edits on the explorer's undo stack. The edit is made
// before the command is pushed (its refusal is shown at once, and nothing
// is pushed), or was made in an earlier session and read from the project's
// log: the first redo() does nothing. undo() undoes it in the store
// (Curator::undo()), redo() makes it again (Curator::redo()); one that the
// store refuses (a later change stands in the way) is reported through the
// session's errorOccurred() and made obsolete, which takes it off the stack
// while the project stays as it was.
class CurationCommand : public QUndoCommand
{
public:
    CurationCommand(GraphSession *session, const EditRecord &edit);

    void undo() override;
    void redo() override;

    const EditRecord &edit() const { return m_edit; }

private:
    GraphSession *m_session = nullptr;
    EditRecord m_edit;
    bool m_made = true; // the next redo() has nothing to do
};

} // namespace NewsGraph
