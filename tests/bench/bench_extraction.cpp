// Extraction throughput on one core: sentence splitting, entity extraction,
// amount/date finding and relation extraction over N MB (default 10) of
// English news text.
//
// The text is made of the bundled English articles with their names
// rotated through invented ones, so the extractor meets many distinct names
// rather than the same few thousands of times.

#include "core/extract/AttributeFinder.h"
#include "core/extract/EntityExtractor.h"
#include "core/extract/Lexicon.h"
#include "core/extract/RelationExtractor.h"
#include "core/extract/Tokenizer.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/text/DocumentLoader.h"
#include "core/text/LanguageDetector.h"
#include "core/text/SentenceSplitter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

QStringList englishArticles()
{
    QStringList texts;
    const DocumentLoader loader;
    Result<LanguageDetector> detector = LanguageDetector::fromDirectory(bundledLexiconDirectory());
    for (const QString &path : bundledCorpusPaths()) {
        Result<Document> document = loader.load(path);
        if (document && detector && detector->detect(document->text) == u"en"_s)
            texts.append(document->text);
    }
    return texts;
}

// Swaps the capitalised words of an article for invented names.
QString varied(const QString &text, int seed)
{
    static const QStringList syllables{u"Kor"_s, u"Vel"_s, u"Tam"_s, u"Bri"_s, u"Lun"_s, u"Dax"_s, u"Mer"_s, u"Sol"_s};
    QString out;
    out.reserve(text.size());
    int i = 0, n = 0;
    while (i < text.size()) {
        if (text.at(i).isUpper() && (i == 0 || !text.at(i - 1).isLetter()) && (++n % 3 == 0)) {
            int j = i;
            while (j < text.size() && text.at(j).isLetter())
                ++j;
            out += syllables[(seed + n) % syllables.size()] + syllables[(seed * 7 + n) % syllables.size()].toLower();
            i = j;
            continue;
        }
        out += text.at(i++);
    }
    return out;
}

double megabytesPerSecond(qint64 bytes, qint64 nanoseconds)
{
    return nanoseconds > 0 ? (double(bytes) / (1024.0 * 1024.0)) / (double(nanoseconds) / 1e9) : 0.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double megabytes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toDouble() : 10.0;

    Result<SentenceSplitter> splitter = SentenceSplitter::fromDirectory(bundledLexiconDirectory());
    Result<Lexicon> lexicon = Lexicon::fromDirectory(bundledLexiconDirectory());
    Result<AttributeFinder> attributes = AttributeFinder::fromDirectory(bundledLexiconDirectory());
    Result<RelationExtractor> relationExtractor = RelationExtractor::fromDirectory(bundledLexiconDirectory(), lexicon.value());
    Result<SyntaxAnalyzer> syntax = SyntaxAnalyzer::fromDirectory(bundledModelDirectory(), {u"en"_s});
    const Result<NameTyper> typer = NameTyper::readFile(QDir(bundledModelDirectory()).filePath(nameTyperFileName()));
    if (!splitter || !lexicon || !attributes || !relationExtractor || !syntax || !typer) {
        std::fprintf(stderr, "cannot load the lexicons, the syntax model or the name typer\n");
        return 2;
    }
    // As the programs run it: relation extraction parses the sentences
    // its tree rules read.
    relationExtractor->setSyntaxAnalyzer(*syntax);
    // and entity extraction asks the tagger about the capitalised words
    // that open sentences and the name typer about names the text says
    // little of.
    EntityExtractor extractor(lexicon.value());
    extractor.setSyntaxAnalyzer(std::move(syntax).value());
    extractor.setNameTyper(&typer.value());

    const QStringList articles = englishArticles();
    if (articles.isEmpty())
        return 2;
    QStringList documents;
    qint64 bytes = 0;
    for (int seed = 0; bytes < qint64(megabytes * 1024 * 1024); ++seed) {
        documents.append(varied(articles.at(seed % articles.size()), seed));
        bytes += documents.constLast().toUtf8().size();
    }

    QElapsedTimer timer;
    qint64 splitNs = 0, tokenNs = 0, entityNs = 0, attributeNs = 0, relationNs = 0;
    qint64 entities = 0, mentions = 0, amounts = 0, relations = 0;
    for (const QString &text : std::as_const(documents)) {
        timer.start();
        const QList<Sentence> sentences = splitter->split(text);
        splitNs += timer.nsecsElapsed();
        timer.start();
        const SentenceTokens tokens = tokenizeSentences(text, sentences); // shared by both extractors
        tokenNs += timer.nsecsElapsed();
        timer.start();
        const QList<ExtractedEntity> found = extractor.extract(text, sentences, tokens, u"en"_s);
        entityNs += timer.nsecsElapsed();
        timer.start();
        amounts += attributes->find(text, sentences, u"en"_s).size();
        attributeNs += timer.nsecsElapsed();
        timer.start();
        relations += relationExtractor->extract(text, sentences, tokens, found, u"en"_s).size();
        relationNs += timer.nsecsElapsed();
        entities += found.size();
        for (const ExtractedEntity &entity : found)
            mentions += entity.mentions.size();
    }

    const qint64 totalNs = splitNs + tokenNs + entityNs + attributeNs + relationNs;
    std::printf("bench_extraction: %lld documents, %.1f MB of UTF-8 English text, one thread\n",
                qlonglong(documents.size()), double(bytes) / (1024.0 * 1024.0));
    std::printf("  sentence splitting   %8.1f ms  %6.2f MB/s\n", splitNs / 1e6, megabytesPerSecond(bytes, splitNs));
    std::printf("  tokens (shared)      %8.1f ms  %6.2f MB/s\n", tokenNs / 1e6, megabytesPerSecond(bytes, tokenNs));
    std::printf("  entity extraction    %8.1f ms  %6.2f MB/s  (%lld entities, %lld mentions)\n", entityNs / 1e6,
                megabytesPerSecond(bytes, entityNs), qlonglong(entities), qlonglong(mentions));
    std::printf("  amounts and dates    %8.1f ms  %6.2f MB/s  (%lld attributes)\n", attributeNs / 1e6,
                megabytesPerSecond(bytes, attributeNs), qlonglong(amounts));
    // Relation extraction against everything the entity benchmark does
    // (splitting, tokens, entities, amounts and dates): what "adds no more
    // than half again to the extraction time" compares.
    const qint64 entityTotalNs = splitNs + tokenNs + entityNs + attributeNs;
    std::printf("  relations            %8.1f ms  %6.2f MB/s  (%lld relations and co-occurrences; +%.0f%% on entity extraction)\n",
                relationNs / 1e6, megabytesPerSecond(bytes, relationNs), qlonglong(relations),
                entityTotalNs > 0 ? 100.0 * double(relationNs) / double(entityTotalNs) : 0.0);
    std::printf("  extraction total     %8.1f ms  %6.2f MB/s\n", totalNs / 1e6, megabytesPerSecond(bytes, totalNs));
    return 0;
}
