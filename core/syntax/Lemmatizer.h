#pragma once

#include "core/syntax/Conllu.h"
#include "core/syntax/StringKeyIndex.h"

#include <QDataStream>
#include <QList>
#include <QString>

#include <vector>

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

    bool isEmpty() const { return m_exceptions.empty() && m_scripts.empty(); }
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
    struct Exception
    {
        QString key; // "form\tUPOS"
        QString lemma;
    };
    // The best script for unseen words with an ending.
    struct Script
    {
        QString key; // "UPOS\tending"
        EditScript script;
    };
    // Puts the entries in key order, the last of equal keys kept (as a hash
    // would keep it), and indexes them.
    void index();

    // In key order, which is also the order of model files.
    std::vector<Exception> m_exceptions;
    std::vector<Script> m_scripts;
    // By the hashes lemma() computes: of the form, then the tag; of the
    // tag, then the ending read backwards, so that the hashes of a word's
    // endings are made one from the other, a character at a time.
    StringKeyIndex m_exceptionIndex;
    StringKeyIndex m_scriptIndex;
};

// The share of words whose lemma `lemmatizer` gets right from their form
// and gold UPOS (punctuation included, words without a gold lemma left out).
double lemmaAccuracy(const Lemmatizer &lemmatizer, const QList<ConlluSentence> &sentences);

} // namespace NewsGraph
