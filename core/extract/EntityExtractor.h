#pragma once

#include "core/extract/Extraction.h"
#include "core/extract/Lexicon.h"
#include "core/extract/Tokenizer.h"
#include "core/text/Document.h"

#include <QList>
#include <QString>

namespace NewsGraph {

// Finds the named entities of one document (people, organisations, places,
// products, events) and resolves their surface forms into one entity each:
// candidates from capitalisation, typing from the evidence around them and
// the lexicon, and in-document alias resolution (surname to full name, short
// forms, acronyms, misspellings, role epithets). A pure function of the text
// and the lexicon: documents can be processed in parallel.
class EntityExtractor
{
public:
    explicit EntityExtractor(const Lexicon &lexicon);

    QList<ExtractedEntity> extract(const QString &text, const QList<Sentence> &sentences,
                                   const QString &language) const;
    // The same, for sentences already tokenised (tokenizeSentences()).
    QList<ExtractedEntity> extract(const QString &text, const QList<Sentence> &sentences,
                                   const SentenceTokens &tokens, const QString &language) const;

private:
    const Lexicon &m_lexicon;
};

// Cross-document alias resolution: the entities already in a project, as the
// merger sees them.
struct KnownEntity
{
    qint64 id = 0;
    QString name;
    EntityType type = EntityType::Organization;
    QStringList aliases;
};

// For each entity of a new document, the id of the known entity that is the
// same actor, or 0 when it is new. Merges only on what the names support: the
// same name or alias (case and accents aside) and a compatible type; a person
// needs the full name to agree (a shared surname alone never merges people
// from different documents), allowing one-letter misspellings of a surname.
QList<qint64> matchKnownEntities(const QList<ExtractedEntity> &entities,
                                 const QList<KnownEntity> &known);

// The name a merged entity should carry: `candidate` when it is the fuller
// form of `current` ("Mistral AI" for "Mistral": the words of the shorter
// name start the longer one), otherwise `current`, so names only ever grow
// more complete and never flip between spellings.
QString preferredEntityName(const QString &current, const QString &candidate);

} // namespace NewsGraph
