#include "core/pipeline/DocumentProcessor.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace NewsGraph {

namespace {

// Up to this length a document's tokens are made once for entity and
// relation extraction (a few megabytes of tokens at most).
constexpr qsizetype sharedTokensCharacters = 512 * 1024;

} // namespace

DocumentProcessor::DocumentProcessor(TextAnalyzer textAnalyzer, std::unique_ptr<Lexicon> lexicon,
                                     std::unique_ptr<NameTyper> nameTyper, AttributeFinder attributeFinder,
                                     RelationExtractor relationExtractor)
    : m_textAnalyzer(std::move(textAnalyzer))
    , m_lexicon(std::move(lexicon))
    , m_nameTyper(std::move(nameTyper))
    , m_entityExtractor(*m_lexicon)
    , m_attributeFinder(std::move(attributeFinder))
    , m_relationExtractor(std::move(relationExtractor))
{
    // What is processed here is stored, and the store reads co-occurrences
    // from the mentions.
    m_relationExtractor.setListsCooccurrences(false);
    m_entityExtractor.setNameTyper(m_nameTyper.get());
    m_entityExtractor.setSyntaxAnalyzer(m_relationExtractor.syntaxAnalyzer());
}

Result<DocumentProcessor> DocumentProcessor::fromDirectory(const QString &lexiconDirectory,
                                                           const QString &userLexiconFile,
                                                           const QString &modelDirectory)
{
    // The syntax models are most of the reading (the English one alone
    // takes longer than all the lexicons): they are read on the thread pool
    // while the lexicons are read here.
    QFuture<Result<SyntaxAnalyzer>> syntax;
    if (!modelDirectory.isEmpty())
        syntax = QtConcurrent::run([modelDirectory] { return SyntaxAnalyzer::fromDirectory(modelDirectory); });

    Result<TextAnalyzer> textAnalyzer = TextAnalyzer::fromDirectory(lexiconDirectory);
    if (!textAnalyzer)
        return Error{textAnalyzer.error()};
    Result<Lexicon> lexicon = Lexicon::fromDirectory(lexiconDirectory);
    if (!lexicon)
        return Error{lexicon.error()};
    if (!userLexiconFile.isEmpty() && QFileInfo::exists(userLexiconFile)) {
        if (const Result<void> extended = lexicon->extendFromFile(userLexiconFile); !extended)
            return Error{extended.error()};
    }
    Result<AttributeFinder> attributeFinder = AttributeFinder::fromDirectory(lexiconDirectory);
    if (!attributeFinder)
        return Error{attributeFinder.error()};
    auto ownedLexicon = std::make_unique<Lexicon>(std::move(lexicon).value());
    Result<RelationExtractor> relationExtractor = RelationExtractor::fromDirectory(lexiconDirectory, *ownedLexicon);
    if (!relationExtractor)
        return Error{relationExtractor.error()};
    std::unique_ptr<NameTyper> nameTyper;
    if (!modelDirectory.isEmpty()) {
        Result<SyntaxAnalyzer> models = syntax.takeResult();
        if (!models)
            return Error{models.error()};
        relationExtractor->setSyntaxAnalyzer(std::move(models).value());
        Result<NameTyper> typer = NameTyper::readFile(QDir(modelDirectory).filePath(nameTyperFileName()));
        if (!typer)
            return Error{typer.error()};
        nameTyper = std::make_unique<NameTyper>(std::move(typer).value());
    }
    return DocumentProcessor(std::move(textAnalyzer).value(), std::move(ownedLexicon), std::move(nameTyper),
                             std::move(attributeFinder).value(), std::move(relationExtractor).value());
}

ProcessedDocument DocumentProcessor::process(Document document) const
{
    AnalyzedDocument analyzed = m_textAnalyzer.analyze(std::move(document));
    ProcessedDocument processed{std::move(analyzed.document), std::move(analyzed.sentences), {}};
    const Document &text = processed.document;
    QList<ResolvedMention> references;
    // Entity extraction reads the tokens of the whole document back and
    // forth; relation extraction reads them a sentence at a time. An article
    // of news size is tokenised once for both (tokenising and folding were
    // a twentieth of its extraction); a very long text is tokenised again a
    // sentence at a time by relation extraction, so that its millions of
    // tokens are not held through it.
    std::optional<SentenceTokens> tokens;
    if (text.text.size() <= sharedTokensCharacters)
        tokens = tokenizeSentences(text.text, processed.sentences);
    processed.extraction.entities = tokens
        ? m_entityExtractor.extract(text.text, processed.sentences, *tokens, text.language)
        : m_entityExtractor.extract(text.text, processed.sentences, text.language);
    processed.extraction.attributes
        = m_attributeFinder.find(text.text, processed.sentences, text.language, text.date);
    processed.extraction.relations = tokens
        ? m_relationExtractor.extract(text.text, processed.sentences, *tokens, processed.extraction.entities,
                                      text.language, &references)
        : m_relationExtractor.extract(text.text, processed.sentences, processed.extraction.entities,
                                      text.language, &references);
    // In text order already: the extractor reads the sentences in turn.
    for (const ResolvedMention &reference : std::as_const(references))
        processed.extraction.entities[reference.entity].references.append(reference.mention);
    return processed;
}

} // namespace NewsGraph
