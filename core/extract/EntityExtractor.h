#pragma once

#include "core/extract/Extraction.h"
#include "core/extract/KnownEntityIndex.h"
#include "core/extract/Lexicon.h"
#include "core/extract/NameTyper.h"
#include "core/extract/SyntaxAnalyzer.h"
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

    // The name typer that weighs in on names no cue of the text types
    // (NameTyper); none by default. Not owned: it must outlive the
    // extractor's use.
    void setNameTyper(const NameTyper *typer) { m_nameTyper = typer; }

    // The syntax models whose taggers read the capitalised words that open
    // sentences (a noun there is no name, a proper noun is); without one
    // for a document's language, cues of the text and the lexicon decide
    // alone.
    void setSyntaxAnalyzer(SyntaxAnalyzer analyzer) { m_syntax = std::move(analyzer); }

    QList<ExtractedEntity> extract(const QString &text, const QList<Sentence> &sentences,
                                   const QString &language) const;
    // The same, for sentences already tokenised (tokenizeSentences()).
    QList<ExtractedEntity> extract(const QString &text, const QList<Sentence> &sentences,
                                   const SentenceTokens &tokens, const QString &language) const;

private:
    const Lexicon &m_lexicon;
    const NameTyper *m_nameTyper = nullptr;
    SyntaxAnalyzer m_syntax;
};

} // namespace NewsGraph
