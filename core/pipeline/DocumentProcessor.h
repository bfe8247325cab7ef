#pragma once

#include "core/common/Result.h"
#include "core/extract/AttributeFinder.h"
#include "core/extract/EntityExtractor.h"
#include "core/extract/Extraction.h"
#include "core/extract/Lexicon.h"
#include "core/extract/RelationExtractor.h"
#include "core/text/TextAnalyzer.h"

#include <memory>

namespace NewsGraph {

struct ProcessedDocument
{
    Document document;
    QList<Sentence> sentences;
    DocumentExtraction extraction;
};

// Everything that happens to one document before it is stored: text analysis
// (language, sentences, title), then entity, attribute and typed relation
// extraction (co-occurrences are the store's to read from the mentions);
// relation extraction tags and parses the sentences it reads with the
// syntax model of the document's language; entity extraction asks its
// tagger about capitalised words that open sentences and the name typer
// about names the text says little of.
// Pure and thread-safe once built, so the Ingester runs it on all cores.
class DocumentProcessor
{
public:
    // Reads the data files of `lexiconDirectory` (":/lexicon" for the bundled
    // ones), when given and present the user lexicon file, and when given
    // the syntax models and the name typer in `modelDirectory` (":/models"
    // in programs that link newsgraph_models; see SyntaxAnalyzer and
    // NameTyper): without them relations come from the word patterns only
    // and names nothing in the text types are organisations.
    static Result<DocumentProcessor> fromDirectory(const QString &lexiconDirectory,
                                                   const QString &userLexiconFile = {},
                                                   const QString &modelDirectory = {});

    ProcessedDocument process(Document document) const;

    const TextAnalyzer &textAnalyzer() const { return m_textAnalyzer; }
    const Lexicon &lexicon() const { return *m_lexicon; }
    // The syntax models relation extraction parses with and entity
    // extraction tags with (none without a model directory).
    const SyntaxAnalyzer &syntaxAnalyzer() const { return m_relationExtractor.syntaxAnalyzer(); }

private:
    DocumentProcessor(TextAnalyzer textAnalyzer, std::unique_ptr<Lexicon> lexicon,
                      std::unique_ptr<NameTyper> nameTyper, AttributeFinder attributeFinder,
                      RelationExtractor relationExtractor);

    TextAnalyzer m_textAnalyzer;
    std::unique_ptr<Lexicon> m_lexicon; // on the heap: the extractor keeps a reference across moves
    std::unique_ptr<NameTyper> m_nameTyper; // the same; null without a model directory
    EntityExtractor m_entityExtractor;
    AttributeFinder m_attributeFinder;
    RelationExtractor m_relationExtractor; // refers to *m_lexicon too
};

} // namespace NewsGraph
