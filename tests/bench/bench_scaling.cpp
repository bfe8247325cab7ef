// Extraction of one single long article at several sizes: does the time per
// MB stay flat as the article grows? No step of extraction may be worse than
// O(n log n) in the length of the document (issue 11), so the time per MB of
// the largest article must stay within --max-ratio (default 2) of the
// smallest one's. A size-ratio check, no absolute timeout: the exit status is
// 1 when a ratio is exceeded.
//
//   bench_scaling [--cast growing|same|spaced|all] [--text FILE] [--digest] [--max-ratio R] [MEGABYTES...]
//
// Sizes default to 1, 16 and 20 MB of UTF-8. Each size runs in a child
// process of its own, so the peak memory it reports (VmHWM) is that of one
// article: the text, then everything extraction builds. Times are the CPU
// time of the extracting thread, per stage: text analysis (language,
// sentences, title), tokens, entities, amounts and dates, relations.
//
// The article is written from this file's own templates about invented
// actors. With --cast growing new people and companies keep joining, as in a
// real long document, so the number of distinct entities grows with the
// size; with --cast same the same few actors recur throughout; --cast spaced
// is the growing one with a tenth of its size in blank lines in the middle
// (text converted from other formats has such runs); all (the default) runs
// the three one after the other. --text FILE measures a text of one's
// own instead: its first MEGABYTES (cut after a paragraph), or the text
// repeated up to that size. --digest prints a hash of everything extracted,
// to check that a change to the extractor leaves its output alone.

#include "SyntheticNews.h"

#include "core/extract/AttributeFinder.h"
#include "core/extract/EntityExtractor.h"
#include "core/extract/Lexicon.h"
#include "core/extract/RelationExtractor.h"
#include "core/extract/Tokenizer.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/text/TextAnalyzer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <optional>

using namespace NewsGraph;
using NewsGraph::Testing::inventedWord;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 megabyte = 1024 * 1024;

// --- the article ------------------------------------------------------------

struct Person
{
    QString full;
    QString surname;
};

struct Company
{
    QString full;  // "Kalomirex Systems"
    QString name;  // "Kalomirex"
    QString acronym; // "KS"
};

Person person(quint32 i)
{
    static constexpr QStringView given[] = {u"Adela", u"Boris", u"Corin", u"Dalia", u"Emrik", u"Fenna", u"Gideon", u"Halla",
                                            u"Ivo",   u"Jora",  u"Kasimir", u"Lisbet", u"Milo", u"Nerys", u"Otto", u"Perrin"};
    // Three syllables give 13,824 surnames; a fourth keeps later ones distinct.
    const QString surname = inventedWord(i, i < 24 * 24 * 24 ? 3 : 4);
    return {given[(i * 7) % std::size(given)].toString() + u' ' + surname, surname};
}

Company company(quint32 i)
{
    static constexpr QStringView endings[] = {u"ex", u"ora", u"ium", u"tech"};
    static constexpr QStringView suffixes[] = {u"Systems", u"Group", u"Holdings", u"Labs", u"Energy"};
    const QString name = inventedWord(i * 13 + 5, i < 24 * 24 * 24 / 13 ? 3 : 4) + endings[i % std::size(endings)].toString();
    const QStringView suffix = suffixes[i % std::size(suffixes)];
    return {name + u' ' + suffix.toString(), name, QString(name.front()) + suffix.front()};
}

QString place(quint32 i)
{
    // Real places that the lexicon knows, and invented towns.
    static constexpr QStringView known[] = {u"France", u"Germany", u"Paris", u"London", u"Singapore", u"Brazil"};
    static constexpr QStringView endings[] = {u"burg", u"port", u"vale", u"field"};
    if (i % 3 == 0)
        return known[(i / 3) % std::size(known)].toString();
    return inventedWord(i * 31 + 11, 2) + endings[i % std::size(endings)].toString();
}

// Paragraph k of the article. With a growing cast a new person joins every
// third paragraph and a new company every fourth; the first person comes back
// by surname now and then, so names are resolved across the whole text.
QString paragraph(quint32 k, bool growing)
{
    const quint32 p = growing ? k / 3 : k % 4;
    const quint32 c = growing ? k / 4 : k % 3;
    const Person a = person(p), b = person(p + 1), minister = person(p + 2);
    const Person first = person(0);
    const Company x = company(c), y = company(c + 1);
    const QString where = place(k), elsewhere = place(k + 1);
    static constexpr QStringView months[] = {u"January", u"March", u"June", u"September", u"November"};
    static constexpr QStringView products[] = {u"cloud", u"battery", u"chip", u"satellite"};
    const QString month = months[k % std::size(months)].toString();
    const QString date = u"%1 %2, %3"_s.arg(month).arg(1 + k % 28).arg(2020 + k % 6);
    const QString money = u"$%1 million"_s.arg(10 + (k * 37) % 900);
    const QString count = QString::number(20 + (k * 53) % 4000);
    const QString year = QString::number(2019 + k % 7);
    const QString product = products[k % std::size(products)].toString();

    switch (k % 6) {
    case 0:
        return u"%1, the chief executive of %2, said on %3 that the company would invest %4 in %5. "
               "“We are ready to grow,” %6 said. The chief executive added that %7 had hired %8 engineers."_s
            .arg(a.full, x.full, date, money, where, a.surname, x.name, count);
    case 1:
        return u"%1 (%2) and %3 announced a partnership in %4 on Tuesday. The deal, worth %5, gives %6 "
               "access to the %7 %8 platform. %9, founder of %7, called it “a turning point for the industry”."_s
            .arg(x.full, x.acronym, y.full, where, money, x.name, y.name, product, b.full);
    case 2:
        return u"Shares of %1 rose %2 percent after %3 told analysts that revenue reached %4 in %5. "
               "%6, who met %3 in %7 last month, declined to comment."_s
            .arg(y.name, QString::number(1 + k % 19), b.surname, money, year, a.surname, elsewhere);
    case 3:
        return u"The %1 Summit %2 opened in %3 with speeches by %4 and %5. According to %6, more than %7 "
               "companies attended. %8 said %9 competes with %6 in several markets."_s
            .arg(inventedWord(k % 500 + 7, 2), year, where, a.full, b.full, x.name, count, b.surname, y.name);
    case 4:
        return u"In %1, regulators fined %2 %3 for breaching competition rules. %4 said the company would appeal. "
               "The fine follows an inquiry that began in %5 %6."_s
            .arg(where, x.name, money, k % 50 == 4 ? first.surname : a.surname, month, year);
    default:
        return u"%1 also said %2 would buy %3 %4 modules from %5, a supplier based in %6. Industry minister %7 "
               "welcomed the order. The minister said it would create %8 jobs in %9."_s
            .arg(a.surname, x.name, count, product, y.name, elsewhere, minister.full, count, where);
    }
}

QString generatedArticle(qint64 bytes, const QString &cast)
{
    const bool growing = cast != u"same"_s;
    qint64 blankLines = cast == u"spaced"_s ? bytes / 10 : 0;
    QString text;
    text.reserve(bytes + 1024);
    qint64 size = 0;
    for (quint32 k = 0; size < bytes; ++k) {
        const QString next = paragraph(k, growing);
        text += next;
        text += u"\n\n"_s;
        size += next.toUtf8().size() + 2;
        if (blankLines > 0 && size >= (bytes - blankLines) / 2) {
            text += QString(blankLines, u'\n');
            size += blankLines;
            blankLines = 0;
        }
    }
    return text;
}

// The first `bytes` of `source` cut after a paragraph, or `source` repeated
// up to that size.
QString articleFromText(const QString &source, qint64 bytes)
{
    QString text;
    qint64 size = 0;
    while (size < bytes) {
        qsizetype from = 0;
        while (from < source.size() && size < bytes) {
            qsizetype end = source.indexOf(u"\n\n"_s, from);
            end = end < 0 ? source.size() : end + 2;
            const QStringView piece = QStringView(source).sliced(from, end - from);
            text += piece;
            size += piece.toUtf8().size();
            from = end;
        }
        if (!text.endsWith(u'\n'))
            text += u"\n\n"_s;
    }
    return text;
}

// --- one measurement (the child process) -------------------------------------

double threadSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// VmRSS or VmHWM of this process, in MB.
double statusMegabytes(QByteArrayView field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size() + 1).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return 0;
}

void addToHash(QCryptographicHash &hash, const QString &value)
{
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(value.utf16()), value.size() * 2));
    hash.addData("\x1f");
}

void addToHash(QCryptographicHash &hash, qint64 value)
{
    addToHash(hash, QString::number(value));
}

QByteArray digest(const AnalyzedDocument &analyzed, const QList<ExtractedEntity> &entities,
                  const QList<AttributeMention> &attributes, const QList<ExtractedRelation> &relations)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    addToHash(hash, analyzed.document.language);
    addToHash(hash, analyzed.document.title);
    for (const Sentence &sentence : analyzed.sentences) {
        addToHash(hash, sentence.start);
        addToHash(hash, sentence.end);
    }
    for (const ExtractedEntity &entity : entities) {
        addToHash(hash, entity.name);
        addToHash(hash, int(entity.type));
        for (const QString &alias : entity.aliases)
            addToHash(hash, alias);
        for (const EntityMention &mention : entity.mentions) {
            addToHash(hash, mention.sentence);
            addToHash(hash, mention.start);
            addToHash(hash, mention.end);
            addToHash(hash, mention.surface);
        }
    }
    for (const AttributeMention &attribute : attributes) {
        addToHash(hash, int(attribute.type));
        addToHash(hash, attribute.sentence);
        addToHash(hash, attribute.start);
        addToHash(hash, attribute.end);
        addToHash(hash, attribute.value);
    }
    for (const ExtractedRelation &relation : relations) {
        addToHash(hash, relation.subject);
        addToHash(hash, relation.predicate);
        addToHash(hash, relation.object);
        addToHash(hash, QString::number(relation.confidence));
        addToHash(hash, relation.rule);
        for (int sentence : relation.sentences)
            addToHash(hash, sentence);
    }
    return hash.result().toHex().left(16);
}

// Extracts one article and prints its figures as one line of key=value.
int measureOne(double megabytes, const QString &cast, const QString &textFile, bool withDigest)
{
    const QString lexicon = bundledLexiconDirectory();
    Result<TextAnalyzer> analyzer = TextAnalyzer::fromDirectory(lexicon);
    Result<Lexicon> names = Lexicon::fromDirectory(lexicon);
    Result<AttributeFinder> attributeFinder = AttributeFinder::fromDirectory(lexicon);
    if (!analyzer || !names || !attributeFinder) {
        std::fprintf(stderr, "cannot load the lexicons\n");
        return 2;
    }
    Result<RelationExtractor> relationExtractor = RelationExtractor::fromDirectory(lexicon, *names);
    Result<SyntaxAnalyzer> syntax = SyntaxAnalyzer::fromDirectory(bundledModelDirectory());
    if (!relationExtractor || !syntax) {
        std::fprintf(stderr, "cannot load the relation rules or the syntax models\n");
        return 2;
    }
    relationExtractor->setSyntaxAnalyzer(std::move(syntax).value());
    const EntityExtractor entityExtractor(*names);

    const qint64 bytes = qint64(megabytes * double(megabyte));
    Document document;
    document.fileName = u"bench.txt"_s;
    if (textFile.isEmpty()) {
        document.text = generatedArticle(bytes, cast);
    } else {
        QFile file(textFile);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(textFile));
            return 2;
        }
        // No more of the file than the article takes (and a paragraph).
        document.text = articleFromText(QString::fromUtf8(file.read(bytes + 64 * 1024)), bytes);
    }
    const qint64 size = document.text.toUtf8().size();
    // The peak from here on: making the article may have taken more.
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0).
    if (QFile clearRefs(u"/proc/self/clear_refs"_s); clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
    const double baseMegabytes = statusMegabytes("VmRSS:");

    double start = threadSeconds();
    const AnalyzedDocument analyzed = analyzer->analyze(std::move(document));
    const double analyzeSeconds = threadSeconds() - start;
    const QString &text = analyzed.document.text;

    // As DocumentProcessor::process() does it: the tokens of the whole text
    // for entity extraction, then gone; relation extraction tokenises one
    // sentence at a time (its time includes that).
    start = threadSeconds();
    std::optional<SentenceTokens> tokens = tokenizeSentences(text, analyzed.sentences);
    const double tokenSeconds = threadSeconds() - start;

    start = threadSeconds();
    const QList<ExtractedEntity> entities
        = entityExtractor.extract(text, analyzed.sentences, *tokens, analyzed.document.language);
    tokens.reset();
    const double entitySeconds = threadSeconds() - start;

    start = threadSeconds();
    const QList<AttributeMention> attributes
        = attributeFinder->find(text, analyzed.sentences, analyzed.document.language, analyzed.document.date);
    const double attributeSeconds = threadSeconds() - start;

    start = threadSeconds();
    const QList<ExtractedRelation> relations = relationExtractor->extract(text, analyzed.sentences, entities, analyzed.document.language);
    const double relationSeconds = threadSeconds() - start;

    // Not extraction but ingest: matching the entities against those of a
    // project, here as if the same article had been stored before.
    QList<KnownEntity> known;
    known.reserve(entities.size());
    for (const ExtractedEntity &entity : entities)
        known.append({qint64(known.size()) + 1, entity.name, entity.type, entity.aliases});
    start = threadSeconds();
    const QList<qint64> matches = matchKnownEntities(entities, known);
    const double matchSeconds = threadSeconds() - start;
    const qsizetype matched = matches.size() - matches.count(0);

    qint64 mentions = 0;
    for (const ExtractedEntity &entity : entities)
        mentions += entity.mentions.size();
    std::printf("bytes=%lld sentences=%lld entities=%lld mentions=%lld attributes=%lld relations=%lld "
                "analyze=%.3f tokens=%.3f entities_s=%.3f attributes_s=%.3f relations_s=%.3f match_s=%.3f matched=%lld "
                "base_mb=%.1f peak_mb=%.1f digest=%s\n",
                qlonglong(size), qlonglong(analyzed.sentences.size()), qlonglong(entities.size()), qlonglong(mentions),
                qlonglong(attributes.size()), qlonglong(relations.size()), analyzeSeconds, tokenSeconds, entitySeconds,
                attributeSeconds, relationSeconds, matchSeconds, qlonglong(matched), baseMegabytes, statusMegabytes("VmHWM:"),
                withDigest ? digest(analyzed, entities, attributes, relations).constData() : "-");
    return 0;
}

// --- the parent: one child per size -------------------------------------------

struct Figures
{
    QHash<QString, QString> values;
    double number(const QString &key) const { return values.value(key).toDouble(); }
    double megabytes() const { return number(u"bytes"_s) / double(megabyte); }
    double seconds() const
    {
        return number(u"analyze"_s) + number(u"tokens"_s) + number(u"entities_s"_s) + number(u"attributes_s"_s)
            + number(u"relations_s"_s);
    }
};

std::optional<Figures> runChild(double megabytes, const QString &cast, const QString &textFile, bool withDigest)
{
    QStringList arguments{u"--one"_s, QString::number(megabytes), u"--cast"_s, cast};
    if (!textFile.isEmpty())
        arguments << u"--text"_s << textFile;
    if (withDigest)
        arguments << u"--digest"_s;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForStarted() || !child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit
        || child.exitCode() != 0)
        return std::nullopt;
    Figures figures;
    for (const QByteArray &field : child.readAllStandardOutput().trimmed().split(' ')) {
        const qsizetype equals = field.indexOf('=');
        if (equals > 0)
            figures.values.insert(QString::fromUtf8(field.left(equals)), QString::fromUtf8(field.mid(equals + 1)));
    }
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    QString cast = u"all"_s;
    QString textFile;
    bool withDigest = false;
    double maxRatio = 2.0;
    std::optional<double> one;
    QList<double> sizes;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == u"--cast"_s && hasValue)
            cast = arguments[++i];
        else if (argument == u"--text"_s && hasValue)
            textFile = arguments[++i];
        else if (argument == u"--max-ratio"_s && hasValue)
            maxRatio = arguments[++i].toDouble();
        else if (argument == u"--one"_s && hasValue)
            one = arguments[++i].toDouble();
        else if (argument == u"--digest"_s)
            withDigest = true;
        else if (bool ok = false; argument.toDouble(&ok) > 0 && ok)
            sizes.append(argument.toDouble());
        else {
            std::fprintf(stderr,
                         "usage: bench_scaling [--cast growing|same|spaced|all] [--text FILE] [--digest] [--max-ratio R] "
                         "[MEGABYTES...]\n");
            return 2;
        }
    }
    const QStringList allCasts{u"growing"_s, u"same"_s, u"spaced"_s};
    if (cast != u"all"_s && !allCasts.contains(cast)) {
        std::fprintf(stderr, "--cast is growing, same, spaced or all\n");
        return 2;
    }
    if (one)
        return measureOne(*one, cast, textFile, withDigest);

    if (sizes.isEmpty())
        sizes = {1, 16, 20};
    std::sort(sizes.begin(), sizes.end());
    const QStringList casts = !textFile.isEmpty() ? QStringList{u"text"_s}
        : cast == u"all"_s                          ? allCasts
                                                    : QStringList{cast};
    bool withinRatio = true;
    for (const QString &which : casts) {
        std::printf("bench_scaling: one article, cast %s, one thread (CPU seconds)\n", qPrintable(which));
        std::printf("  %7s %9s %9s %9s %9s | %7s %7s %7s %7s %7s | %8s %8s %6s | %8s %8s | %7s%s\n", "MB", "sentences",
                    "entities", "mentions", "relations", "analyze", "tokens", "entity", "amounts", "relatns", "total s",
                    "s/MB", "ratio", "base MB", "peak MB", "match", withDigest ? "  digest" : "");
        std::optional<double> reference;
        for (double size : std::as_const(sizes)) {
            const std::optional<Figures> figures = runChild(size, which == u"text"_s ? u"same"_s : which, textFile, withDigest);
            if (!figures) {
                std::printf("  %7.1f  the measuring process failed\n", size);
                withinRatio = false;
                continue;
            }
            const double perMegabyte = figures->seconds() / figures->megabytes();
            if (!reference)
                reference = perMegabyte;
            const double ratio = *reference > 0 ? perMegabyte / *reference : 0.0;
            withinRatio = withinRatio && ratio <= maxRatio;
            std::printf("  %7.1f %9.0f %9.0f %9.0f %9.0f | %7.2f %7.2f %7.2f %7.2f %7.2f | %8.2f %8.3f %6.2f | %8.1f %8.1f | %7.2f%s%s\n",
                        figures->megabytes(), figures->number(u"sentences"_s), figures->number(u"entities"_s),
                        figures->number(u"mentions"_s), figures->number(u"relations"_s), figures->number(u"analyze"_s),
                        figures->number(u"tokens"_s), figures->number(u"entities_s"_s),
                        figures->number(u"attributes_s"_s), figures->number(u"relations_s"_s), figures->seconds(),
                        perMegabyte, ratio, figures->number(u"base_mb"_s), figures->number(u"peak_mb"_s),
                        figures->number(u"match_s"_s), withDigest ? "  " : "", withDigest ? qPrintable(figures->values.value(u"digest"_s)) : "");
            std::fflush(stdout);
        }
    }
    std::printf("time per MB %s within %.1fx of the smallest article's\n", withinRatio ? "stays" : "does NOT stay",
                maxRatio);
    return withinRatio ? 0 : 1;
}
