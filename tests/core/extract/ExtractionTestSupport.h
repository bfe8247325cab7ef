#pragma once

// Helpers shared by the extraction suites: what a text's extraction found,
// looked up by name, and dependency trees written by hand.

#include "core/extract/EntityType.h"
#include "core/extract/Extraction.h"
#include "core/syntax/Conllu.h"
#include "core/text/Document.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace NewsGraph::Test {

// The entities and relations extracted from a text.
struct FoundRelations
{
    QList<ExtractedEntity> entities;
    QList<ExtractedRelation> relations;
    QList<Sentence> sentences;
    QString text;

    // The entity with this name or alias; -1 if none.
    int entity(const QString &name) const
    {
        for (int e = 0; e < entities.size(); ++e) {
            if (entities[e].name == name || entities[e].aliases.contains(name))
                return e;
        }
        return -1;
    }

    // The relation subject -predicate-> object (either way round for a
    // symmetric predicate); nullptr if none.
    const ExtractedRelation *relation(const QString &subject, const QString &predicate, const QString &object) const
    {
        int s = entity(subject), o = entity(object);
        if (s < 0 || o < 0)
            return nullptr;
        if (isSymmetricPredicate(predicate) && s > o)
            std::swap(s, o);
        for (const ExtractedRelation &r : relations) {
            if (r.subject == s && r.predicate == predicate && r.object == o)
                return &r;
        }
        return nullptr;
    }

    // The typed relations and the entities with their types, for failure
    // messages.
    QString describe() const
    {
        QStringList lines;
        for (const ExtractedRelation &r : relations) {
            if (r.predicate != QStringView(cooccurrencePredicate))
                lines.append(QStringLiteral("%1 %2 %3 [%4]").arg(entities[r.subject].name, r.predicate,
                                                                entities[r.object].name, r.rule));
        }
        QStringList names;
        for (const ExtractedEntity &e : entities)
            names.append(e.name + u'/' + typeName(e.type));
        return lines.join(QStringLiteral("; ")) + QStringLiteral(" || entities: ") + names.join(QStringLiteral(", "));
    }
};

// A sentence's words written by hand, "form lemma UPOS head deprel" per
// word, words joined by " ; " (heads 1-based, 0 for the root).
inline QList<ConlluWord> handWords(const QString &text)
{
    QList<ConlluWord> words;
    for (const QString &word : text.split(QStringLiteral(" ; "))) {
        const QStringList f = word.split(u' ');
        Q_ASSERT(f.size() == 5);
        ConlluWord w;
        w.form = f[0];
        w.lemma = f[1];
        w.upos = f[2];
        w.head = f[3].toInt();
        w.deprel = f[4];
        words.append(w);
    }
    return words;
}

} // namespace NewsGraph::Test
