// Mention-level accuracy of entity extraction on the GUM corpus (Zeldes,
// "The GUM Corpus: Creating Multilayer Resources in the Classroom", LREC
// 2017), whose CoNLL-U files in ../shared/ud give every mention its entity
// type: the typed span F1 of persons, organisations and places, as NER
// benchmarks score it (CoNLL-2003: a mention counts when its span and its
// type are both exact).
//
// Gold mentions are GUM's proper-name mentions: spans of capitalised words
// with at most function words and numbers between them, one a proper noun
// (a leading article dropped, "the United States"; coordinations and
// descriptions such as "Berlin music critic Louis Ehlert" left out), of type
// person, organization or place, outermost only (flat, as NER annotates:
// "University of Chicago", not also "Chicago" inside it). The documents are
// rebuilt from their words (SpaceAfter=No, paragraphs from "# newpar"), run
// through the splitter and the entity extractor, and compared by character
// span. GUM spans a person's title with the name ("NASA Administrator
// Charles Bolden") where CoNLL, and this extractor, name the organisation
// and the person apart: such mentions count against us here.
//
//   bench_entity_mentions [--list] [--no-typer | --typer FILE] [--no-tagger] FILE.conllu...
//     --list: every miss and false alarm; --no-typer: without the name
//     typer (NameTyper), --typer: with the one in FILE instead of the
//     bundled one; --no-tagger: without the syntax model's tagger. Score
//     only documents the typer and the tagger did not learn from (GUM's
//     dev and test files): they learn from GUM's train file.

#include "core/extract/EntityExtractor.h"
#include "core/extract/Lexicon.h"
#include "core/extract/NameTyper.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/syntax/Conllu.h"
#include "core/syntax/ConlluEntities.h"
#include "core/text/SentenceSplitter.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

enum Kind { Person, Organisation, Place, KindCount };
constexpr std::array kindNames{"PERSON", "ORG", "PLACE"};

struct Span
{
    int start = 0;
    int end = 0;
    int kind = -1;

    friend bool operator==(const Span &, const Span &) = default;
};

size_t qHash(const Span &span, size_t seed = 0)
{
    return qHashMulti(seed, span.start, span.end, span.kind);
}

struct GoldDocument
{
    QString id;
    QString text;
    QList<Span> mentions;
};

// The kind scored of a GUM entity type; -1 for the types not scored.
int kindOf(QStringView gumType)
{
    switch (NameTyper::classOfGumType(gumType)) {
    case NameTyper::Person:
        return Person;
    case NameTyper::Organization:
        return Organisation;
    case NameTyper::Place:
        return Place;
    default:
        return -1;
    }
}

QList<GoldDocument> readDocuments(const QList<ConlluSentence> &sentences)
{
    QList<GoldDocument> documents;
    for (const ConlluSentence &sentence : sentences) {
        const QString id = sentence.comment(u"newdoc id");
        if (!id.isEmpty() || documents.isEmpty())
            documents.append({id, {}, {}});
        GoldDocument &document = documents.last();
        const bool newParagraph = sentence.comments.contains(u"newpar"_s)
            || std::any_of(sentence.comments.cbegin(), sentence.comments.cend(),
                           [](const QString &comment) { return comment.startsWith(u"newpar "_s); });
        if (!document.text.isEmpty())
            document.text += newParagraph ? u"\n\n"_s : u" "_s;
        // Character offsets of every word; a multiword token gives its
        // words the token's span.
        QList<std::pair<int, int>> offsets(sentence.words.size(), {0, 0});
        QHash<int, ConlluMultiword> multiwords;
        for (const ConlluMultiword &multiword : sentence.multiwords)
            multiwords.insert(multiword.first - 1, multiword);
        for (int w = 0; w < sentence.words.size(); ++w) {
            QString form = sentence.words[w].form;
            QString misc = sentence.words[w].misc;
            int last = w;
            if (const auto multiword = multiwords.constFind(w); multiword != multiwords.cend()) {
                form = multiword->form;
                misc = multiword->misc;
                last = multiword->last - 1;
            }
            const int start = int(document.text.size());
            document.text += form;
            for (int k = w; k <= last; ++k)
                offsets[k] = {start, int(document.text.size())};
            if (conlluMiscValue(misc, u"SpaceAfter") != u"No"_s && last + 1 < sentence.words.size())
                document.text += u' ';
            w = last;
        }
        for (ConlluEntityMention span : conlluEntityMentions(sentence)) {
            const int kind = kindOf(span.type);
            if (kind < 0)
                continue;
            if (sentence.words[span.first].upos == u"DET" && span.first < span.last)
                ++span.first; // "the United States"
            if (!isConlluProperName(sentence, span.first, span.last))
                continue;
            document.mentions.append({offsets[span.first].first, offsets[span.last].second, kind});
        }
    }
    // Outermost names only.
    for (GoldDocument &document : documents) {
        QList<Span> outermost;
        for (const Span &span : std::as_const(document.mentions)) {
            const bool inside = std::any_of(document.mentions.cbegin(), document.mentions.cend(), [&](const Span &other) {
                return other.start <= span.start && span.end <= other.end && (other.end - other.start) > (span.end - span.start);
            });
            if (!inside && !outermost.contains(span))
                outermost.append(span);
        }
        document.mentions = outermost;
    }
    return documents;
}

// A predicted mention's span, a leading article dropped as for the gold.
Span predictedSpan(const QString &text, const EntityMention &mention, int kind)
{
    int start = mention.start;
    for (const QString &article : {u"the "_s, u"The "_s}) {
        if (QStringView(text).mid(start, mention.end - start).startsWith(article) && mention.end - start > article.size())
            start += int(article.size());
    }
    return {start, mention.end, kind};
}

struct Counts
{
    int truePositives = 0;
    int predicted = 0;
    int gold = 0;

    void print(const char *label) const
    {
        const double p = predicted ? double(truePositives) / predicted : 0.0;
        const double r = gold ? double(truePositives) / gold : 0.0;
        const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        std::printf("  %-8s P %.3f  R %.3f  F1 %.3f   (tp %d, predicted %d, gold %d)\n", label, p, r, f, truePositives,
                    predicted, gold);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList files = app.arguments().mid(1);
    const bool list = files.removeAll(u"--list"_s) > 0;
    // --no-typer: without the name typer, to see what it adds.
    const bool withoutTyper = files.removeAll(u"--no-typer"_s) > 0;
    const bool withoutTagger = files.removeAll(u"--no-tagger"_s) > 0;
    QString typerFile = QDir(bundledModelDirectory()).filePath(nameTyperFileName());
    if (const qsizetype option = files.indexOf(u"--typer"_s); option >= 0 && option + 1 < files.size()) {
        typerFile = files.at(option + 1);
        files.remove(option, 2);
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: bench_entity_mentions FILE.conllu... (the GUM files of ../shared/ud/en)\n");
        return 2;
    }
    Result<SentenceSplitter> splitter = SentenceSplitter::fromDirectory(bundledLexiconDirectory());
    Result<Lexicon> lexicon = Lexicon::fromDirectory(bundledLexiconDirectory());
    if (!splitter || !lexicon) {
        std::fprintf(stderr, "cannot load the lexicons\n");
        return 2;
    }
    EntityExtractor extractor(lexicon.value());
    const Result<NameTyper> typer = NameTyper::readFile(typerFile);
    if (!typer) {
        std::fprintf(stderr, "%s\n", qPrintable(typer.error()));
        return 2;
    }
    if (!withoutTyper)
        extractor.setNameTyper(&typer.value());
    // --no-tagger: without the syntax model's tagger reading the words
    // that open sentences.
    if (!withoutTagger) {
        Result<SyntaxAnalyzer> syntax = SyntaxAnalyzer::fromDirectory(bundledModelDirectory(), {u"en"_s});
        if (!syntax) {
            std::fprintf(stderr, "%s\n", qPrintable(syntax.error()));
            return 2;
        }
        extractor.setSyntaxAnalyzer(std::move(syntax).value());
    }

    std::array<Counts, KindCount> typed{};
    Counts spans;
    Counts all;
    int documentCount = 0;
    for (const QString &file : files) {
        Result<QList<ConlluSentence>> sentences = readConlluFile(file);
        if (!sentences) {
            std::fprintf(stderr, "%s\n", qPrintable(sentences.error()));
            return 2;
        }
        for (const GoldDocument &document : readDocuments(sentences.value())) {
            ++documentCount;
            const QList<Sentence> split = splitter->split(document.text);
            QSet<Span> predicted;
            for (const ExtractedEntity &entity : extractor.extract(document.text, split, u"en"_s)) {
                const int kind = entity.type == EntityType::Person ? Person
                    : entity.type == EntityType::Organization      ? Organisation
                    : entity.type == EntityType::Place             ? Place
                                                                   : -1;
                if (kind < 0)
                    continue;
                for (const EntityMention &mention : entity.mentions)
                    predicted.insert(predictedSpan(document.text, mention, kind));
            }
            const QSet<Span> gold(document.mentions.cbegin(), document.mentions.cend());
            QSet<std::pair<int, int>> goldSpans;
            for (const Span &span : gold)
                goldSpans.insert({span.start, span.end});
            QSet<std::pair<int, int>> predictedSpans;
            for (const Span &span : predicted) {
                ++typed[span.kind].predicted;
                ++all.predicted;
                predictedSpans.insert({span.start, span.end});
                if (gold.contains(span)) {
                    ++typed[span.kind].truePositives;
                    ++all.truePositives;
                }
            }
            for (const Span &span : gold) {
                ++typed[span.kind].gold;
                ++all.gold;
            }
            if (list) {
                const auto show = [&](const char *what, const Span &span) {
                    std::printf("%s %-6s %s  %s\n", what, kindNames[span.kind],
                                qPrintable(document.text.mid(span.start, span.end - span.start)), qPrintable(document.id));
                };
                for (const Span &span : std::as_const(predicted)) {
                    if (!gold.contains(span))
                        show("FP", span);
                }
                for (const Span &span : gold) {
                    if (!predicted.contains(span))
                        show("FN", span);
                }
            }
            spans.predicted += int(predictedSpans.size());
            spans.gold += int(goldSpans.size());
            for (const auto &span : std::as_const(predictedSpans))
                spans.truePositives += goldSpans.contains(span);
        }
    }
    std::printf("bench_entity_mentions: %d documents; proper-name mentions of persons, organisations and places\n",
                documentCount);
    for (int kind = 0; kind < KindCount; ++kind)
        typed[kind].print(kindNames[kind]);
    all.print("typed");
    spans.print("spans");
    return 0;
}
