#include "app/gui/CurationCommand.h"

#include "app/gui/GraphSession.h"

namespace NewsGraph {

CurationCommand::CurationCommand(GraphSession *session, const EditRecord &edit)
    : QUndoCommand(edit.summary)
    , m_session(session)
    , m_edit(edit)
{
}

void CurationCommand::undo()
{
    const Result<EditRecord> undone = m_session->undoEdit(m_edit.id);
    if (!undone) {
        setObsolete(true);
        Q_EMIT m_session->errorOccurred(undone.error());
        return;
    }
    m_made = false;
}

void CurationCommand::redo()
{
    if (m_made)
        return;
    const Result<EditRecord> made = m_session->redoEdit(m_edit);
    if (!made) {
        setObsolete(true);
        Q_EMIT m_session->errorOccurred(made.error());
        return;
    }
    m_edit = *made;
    m_made = true;
}

} // namespace NewsGraph
