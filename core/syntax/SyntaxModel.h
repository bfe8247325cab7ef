#pragma once

#include "core/common/Result.h"
#include "core/syntax/DependencyParser.h"
#include "core/syntax/FineTags.h"
#include "core/syntax/Lemmatizer.h"
#include "core/syntax/WordSegmenter.h"
#include "core/syntax/PosTagger.h"

#include <QByteArray>
#include <QString>

namespace NewsGraph {

// What the syntax layer has learnt for one language, as one file: how
// surface tokens split into words, the tagger, the lemmatiser and the
// dependency parser, with the language and
// the attribution its treebanks require.
//
// The file: the magic "NGSYNTAX", the format version (quint32), the length
// of the payload (quint64), its BLAKE2b-256 digest, then the payload. A
// file that is cut short, altered or from a newer NewsGraph is refused with
// a message naming it; nothing of it is used.
struct SyntaxModel
{
    QString language;    // "en", "fr"
    QString attribution; // the treebanks it was trained on and their licences
    WordSegmenter segmenter;
    FineTags fineTags; // what the tagger's tags hold besides UPOS
    PosTagger tagger;
    Lemmatizer lemmatizer;
    DependencyParser parser;
};

// Older formats (1: no parser, 2: no fine tags, 3: no abbreviations) are
// refused: retrain them.
inline constexpr quint32 syntaxModelFormatVersion = 4;

// Tags, lemmatises and parses the words of `sentence` (their forms as the
// treebanks split them): sets every word's upos, the features its fine tags
// hold (feats), lemma, head and deprel. A word with a tag in `givenTags`
// keeps it (see PosTagger::tag).
void analyseSentence(const SyntaxModel &model, ConlluSentence &sentence, const QStringList &givenTags = {});

// The analysed words of a sentence given as the text layer's tokens: cut
// into words (WordSegmenter::segment, which fills `tokenOfWord`), then
// tagged, lemmatised and parsed. The words of a token marked in
// `properNames` (a token of a name the entity extractor found) are tagged
// PROPN: the tagger alone takes "Harman" for an adjective and "Valley" for
// a common noun, and the parser then hangs the name in the wrong place.
ConlluSentence analyseTokens(const SyntaxModel &model, const QList<SurfaceToken> &tokens,
                             QList<int> *tokenOfWord = nullptr, const QList<bool> &properNames = {});

// The bytes of a model file; the same model always gives the same bytes.
QByteArray serializeSyntaxModel(const SyntaxModel &model);

// A model from the bytes of a file; `name` names it in error messages.
Result<SyntaxModel> parseSyntaxModel(const QByteArray &bytes, const QString &name);

// The same, reading the file at `path`.
Result<SyntaxModel> readSyntaxModelFile(const QString &path);

} // namespace NewsGraph
