#pragma once

#include "core/common/Result.h"
#include "core/syntax/Conllu.h"

#include <QDataStream>
#include <QList>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// The tag the tagger learns and the parser reads: the UPOS tag with some
// of the word's morphological features, "VERB|VerbForm=Part",
// "NOUN|Number=Plur". A participle heads a passive or a relative clause
// where a finite verb heads a sentence; on French, the verb form and the
// number of nouns and pronouns raise attachment scores by most of a point
// (see the closing note of issue 12). Which features, and for which tags,
// is a training option kept in the model:
//     "VerbForm,Number@NOUN+PRON"
// is VerbForm on every word that has one, Number on nouns and pronouns.
// An empty specification: plain UPOS.
class FineTags
{
public:
    FineTags() = default;

    static Result<FineTags> fromSpecification(const QString &specification);
    QString specification() const;

    bool isEmpty() const { return m_features.isEmpty(); }

    // The fine tag of a word from its UPOS and FEATS.
    QString tagOf(const ConlluWord &word) const;

    // Sets the word's UPOS and FEATS from a fine tag: "VERB|VerbForm=Part"
    // gives VERB and VerbForm=Part (features sorted, as CoNLL-U has them).
    static void apply(const QString &tag, ConlluWord &word);

    void write(QDataStream &out) const { out << specification(); }
    static Result<FineTags> read(QDataStream &in);

private:
    struct Feature
    {
        QString name;         // "Number"
        QStringList onlyTags; // empty: every tag
    };
    QList<Feature> m_features; // sorted by name
};

} // namespace NewsGraph
