#pragma once

#include "core/syntax/Conllu.h"

#include <QDataStream>
#include <QHash>
#include <QList>
#include <QString>

namespace NewsGraph {

// A word's lemma from its form and universal tag, learnt from a treebank.
// A form seen in training with that tag takes its most frequent lemma
// there. Any other takes an edit script (Chrupała, "Simple Data-Driven
// Context-Sensitive Lemmatization", 2006; as UDPipe does, Straka et al.
// 2016): a change of case, then so many final characters replaced by a
// string ("companies" -> strip 3, add "y"), the one most often seen in
// training with the longest ending the form shares with training words of
// that tag.
class Lemmatizer
{
public:
    Lemmatizer() = default;

    // Learns from the FORM, UPOS and LEMMA columns; words without a tag or
    // lemma are skipped.
    static Lemmatizer train(const QList<ConlluSentence> &sentences);

    bool isEmpty() const { return m_exceptions.isEmpty() && m_scripts.isEmpty(); }
    QString lemma(const QString &form, const QString &upos) const;

    // How a form becomes its lemma.
    struct EditScript
    {
        enum class Case : quint8 { Keep, LowerFirst, LowerAll };
        Case casing = Case::Keep;
        int strip = 0;  // characters removed from the end
        QString append; // then added

        friend bool operator==(const EditScript &, const EditScript &) = default;
    };
    // The script that turns `form` into `lemma`: the case change that
    // leaves the longest common beginning, then the rest replaced.
    static EditScript scriptFor(const QString &form, const QString &lemma);
    static QString apply(const EditScript &script, const QString &form);

    // For model files (SyntaxModel), in a fixed order: the same lemmatiser
    // gives the same bytes.
    void write(QDataStream &out) const;
    static Result<Lemmatizer> read(QDataStream &in);

private:
    QHash<QString, QString> m_exceptions; // "form\tUPOS" -> lemma
    // "UPOS\tending" -> the best script for unseen words with that ending
    QHash<QString, EditScript> m_scripts;
};

// The share of words whose lemma `lemmatizer` gets right from their form
// and gold UPOS (punctuation included, words without a gold lemma left out).
double lemmaAccuracy(const Lemmatizer &lemmatizer, const QList<ConlluSentence> &sentences);

} // namespace NewsGraph
