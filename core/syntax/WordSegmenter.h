#pragma once

#include "core/common/Result.h"
#include "core/syntax/Conllu.h"

#include <QDataStream>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// A token as the text layer cut it: what the segmenter starts from.
struct SurfaceToken
{
    QString text;
    bool spaceBefore = false; // whitespace separates it from the token before
};

// Turns surface tokens into the syntactic words the treebanks analyse,
// learning how from the training treebanks rather than from rules of ours:
// - multiword tokens split: English "don't" = "do n't", "cannot" = "can
//   not"; French "du" = "de le", "aux" = "à les" (the CoNLL-U range lines);
// - hyphenated compounds: English-EWT cuts "long-term" at the hyphen as the
//   tokenizer does, French treebanks keep "Jean-Claude", "peut-être" whole
//   but cut off clitics "-il", "-t-il" (the words that start with "-");
// - abbreviations keep their full stop where the treebanks write them so
//   ("Mr.", "Inc.", "av."), which the tokenizer cuts off.
//
// Some surfaces are split only sometimes: French "des" is "de les" after
// "le prix" but the indefinite article after "a"; English "its" is one
// word but a typo for "it's" now and then. The segmenter counts, for each
// such surface, how often it was split after each previous word, and
// follows the majority of that context when it was seen at least twice,
// else the majority overall.
class WordSegmenter
{
public:
    WordSegmenter() = default;

    static WordSegmenter train(const QList<ConlluSentence> &sentences);

    bool isEmpty() const { return m_surfaces.isEmpty() && !m_joinsHyphens && m_abbreviations.isEmpty(); }

    // The words of the token `surface` written after the token `previous`
    // (empty at the start of a sentence): `surface` alone when it is one
    // word. A split that spells the surface out ("don't" = "do" + "n't")
    // returns pieces of it, so their case and letters are the text's;
    // otherwise the learnt words, capitalised like the surface ("Du" =
    // "De le").
    QStringList split(const QString &surface, const QString &previous) const;

    // A sentence of words for the tagger and parser from `tokens`: FORM
    // filled in (typographic apostrophes as "'", the treebanks' spelling),
    // multiword tokens as range lines, SpaceAfter=No in MISC.
    // `tokenOfWord`, when given, receives for each word the index of the
    // first token it comes from (a word of joined tokens: the first).
    ConlluSentence segment(const QList<SurfaceToken> &tokens, QList<int> *tokenOfWord = nullptr) const;

    // The key a surface is learnt and looked up under: lower case, with
    // typographic apostrophes as "'".
    static QString key(const QString &surface);

    void write(QDataStream &out) const;
    static Result<WordSegmenter> read(QDataStream &in);

private:
    struct Surface
    {
        QStringList words; // the split it had most often, in lower case
        bool splitByDefault = false;
    };

    // The learnt split of `surface` after `previous`; nullptr when it
    // stays one word there.
    const Surface *splitOf(const QString &surface, const QString &previous) const;
    // The words of a split surface (see split()).
    static QStringList wordsOf(const Surface &split, const QString &surface);

    QHash<QString, Surface> m_surfaces;
    // "previous\tsurface" -> whether to split there, kept only where it
    // differs from the surface's default.
    QHash<QString, bool> m_contexts;
    // Whether "a-b" with no spaces is one word, and the words that start
    // with a hyphen ("-il", "-t-il") when it is.
    bool m_joinsHyphens = false;
    QSet<QString> m_hyphenSuffixes;
    // Words the treebanks write with a full stop ("mr.", "inc."), by key.
    QSet<QString> m_abbreviations;
};

} // namespace NewsGraph
