#include "core/extract/NameTyper.h"

#include "core/common/ModelFile.h"
#include "core/common/WholeFile.h"
#include "core/extract/Lexicon.h"
#include "core/syntax/ConlluEntities.h"
#include "core/syntax/WordForms.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr quint32 formatVersion = 1;

const ModelFileFormat fileFormat{"NGNAMES1", formatVersion, QStringLiteral("name typer"),
                                 QStringLiteral("newsgraph-cli train-names")};

// The feature templates; a feature is a template and the strings it reads.
enum class Template : quint8 {
    Bias,
    Word,           // any word of the name
    FirstWord,
    LastWord,
    WholeName,
    WordCount,
    Shape,          // the shapes of all its words: "Xx Xx", "XX", "Xx of Xx"
    FirstPrefix3,
    FirstSuffix3,
    LastSuffix2,
    LastSuffix3,
    LastSuffix4,
    WordBefore,
    TwoWordsBefore,
    WordAfter,
    TwoWordsAfter,
    WordsAround,
    WordBeforeAndShape,
};

} // namespace

// In lower case, numbers as one word: "in", "!DIGITS".
QString NameTyper::contextWord(const QString &word)
{
    return normalisedWord(word);
}

namespace {

// The features of the name's own words; `shape` receives the shapes of
// its words, which one context feature reads too.
void addNameFeatures(const QStringList &words, std::vector<quint64> &features, QString &shape)
{
    const auto add = [&features](const FeatureHash &hash) { features.push_back(hash.value()); };
    add(FeatureHash(Template::Bias));
    shape.clear();
    if (words.isEmpty())
        return;
    QStringList lower;
    for (const QString &word : words) {
        lower.append(word.toLower());
        add(FeatureHash(Template::Word) << lower.constLast());
        if (!shape.isEmpty())
            shape += u' ';
        // Small words stay as they are: "Xx of Xx", "Xx de Xx".
        shape += word.front().isLower() ? lower.constLast() : wordShape(word);
    }
    const QString &first = lower.constFirst();
    const QString &last = lower.constLast();
    add(FeatureHash(Template::FirstWord) << first);
    add(FeatureHash(Template::LastWord) << last);
    add(FeatureHash(Template::WholeName) << lower.join(u' '));
    add(FeatureHash(Template::WordCount) << int(std::min<qsizetype>(lower.size(), 4)));
    add(FeatureHash(Template::Shape) << shape);
    add(FeatureHash(Template::FirstPrefix3) << QStringView(first).left(3));
    add(FeatureHash(Template::FirstSuffix3) << QStringView(first).right(3));
    add(FeatureHash(Template::LastSuffix2) << QStringView(last).right(2));
    add(FeatureHash(Template::LastSuffix3) << QStringView(last).right(3));
    add(FeatureHash(Template::LastSuffix4) << QStringView(last).right(4));
}

// The features of the words around a name (contextWord()s; empty at a
// sentence's start or end).
void addContextFeatures(const NameTyper::Context &context, const QString &shape, std::vector<quint64> &features)
{
    const auto add = [&features](const FeatureHash &hash) { features.push_back(hash.value()); };
    const QStringView before = context.before.isEmpty() ? u"<s>" : QStringView(context.before);
    const QStringView beforeThat = context.beforeThat.isEmpty() ? u"<s>" : QStringView(context.beforeThat);
    const QStringView after = context.after.isEmpty() ? u"</s>" : QStringView(context.after);
    const QStringView afterThat = context.afterThat.isEmpty() ? u"</s>" : QStringView(context.afterThat);
    add(FeatureHash(Template::WordBefore) << before);
    add(FeatureHash(Template::TwoWordsBefore) << beforeThat << before);
    add(FeatureHash(Template::WordAfter) << after);
    add(FeatureHash(Template::TwoWordsAfter) << after << afterThat);
    add(FeatureHash(Template::WordsAround) << before << after);
    add(FeatureHash(Template::WordBeforeAndShape) << before << shape);
}

} // namespace

NameTyper::Context NameTyper::contextOf(const NameInContext &name)
{
    Context context;
    if (!name.before.isEmpty())
        context.before = contextWord(name.before.constLast());
    if (name.before.size() >= 2)
        context.beforeThat = contextWord(name.before.at(name.before.size() - 2));
    if (!name.after.isEmpty())
        context.after = contextWord(name.after.constFirst());
    if (name.after.size() >= 2)
        context.afterThat = contextWord(name.after.at(1));
    return context;
}

std::vector<quint64> NameTyper::features(const NameInContext &name)
{
    std::vector<quint64> result;
    result.reserve(24 + 2 * std::size_t(name.words.size()));
    QString shape;
    addNameFeatures(name.words, result, shape);
    if (name.inText && !name.words.isEmpty())
        addContextFeatures(contextOf(name), shape, result);
    return result;
}

NameTyper::Class NameTyper::classOfGumType(QStringView type)
{
    if (type == u"person")
        return Person;
    if (type == u"organization")
        return Organization;
    if (type == u"place")
        return Place;
    return Other;
}

NameTyper::NameScores NameTyper::scoreName(const QStringList &words) const
{
    NameScores name;
    std::vector<quint64> present;
    present.reserve(16 + 2 * std::size_t(words.size()));
    addNameFeatures(words, present, name.shape);
    m_model.addScores(present.data(), qsizetype(present.size()), name.scores.data());
    name.hasWords = !words.isEmpty();
    return name;
}

NameTyper NameTyper::train(const QList<Example> &examples, const TrainingOptions &options)
{
    NameTyper typer;
    if (examples.isEmpty())
        return typer;
    std::vector<std::vector<quint64>> encoded;
    encoded.reserve(std::size_t(examples.size()));
    for (const Example &example : examples)
        encoded.push_back(features(example.name));
    LinearModelTrainer trainer(ClassCount);
    std::vector<qsizetype> order(std::size_t(examples.size()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = qsizetype(i);
    std::mt19937 random(options.seed);
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        shuffleTrainingOrder(order, random);
        for (const qsizetype i : order) {
            const std::vector<quint64> &features = encoded[std::size_t(i)];
            std::array<float, ClassCount> scores{};
            trainer.current().addScores(features.data(), qsizetype(features.size()), scores.data());
            const int guess = int(std::max_element(scores.cbegin(), scores.cend()) - scores.cbegin());
            trainer.update(examples[i].type, guess, features);
        }
    }
    typer.m_model = trainer.averaged();
    return typer;
}

std::array<float, NameTyper::ClassCount> NameTyper::scores(const NameInContext &name) const
{
    std::array<float, ClassCount> result{};
    const std::vector<quint64> present = features(name);
    m_model.addScores(present.data(), qsizetype(present.size()), result.data());
    return result;
}

namespace {

std::array<float, NameTyper::ClassCount> softmax(std::array<float, NameTyper::ClassCount> scores, float temperature)
{
    const float highest = *std::max_element(scores.cbegin(), scores.cend());
    float total = 0.0f;
    for (float &score : scores) {
        score = std::exp((score - highest) / temperature);
        total += score;
    }
    for (float &score : scores)
        score /= total;
    return scores;
}

} // namespace

std::array<float, NameTyper::ClassCount> NameTyper::probabilities(const NameInContext &name) const
{
    return softmax(scores(name), m_temperature);
}

std::array<float, NameTyper::ClassCount> NameTyper::probabilities(const NameScores &name, const Context &context) const
{
    std::array<float, ClassCount> total = name.scores;
    if (name.hasWords) {
        std::vector<quint64> present;
        present.reserve(6);
        addContextFeatures(context, name.shape, present);
        m_model.addScores(present.data(), qsizetype(present.size()), total.data());
    }
    return softmax(total, m_temperature);
}

void NameTyper::calibrate(const QList<Example> &examples)
{
    if (examples.isEmpty() || isEmpty())
        return;
    std::vector<std::array<float, ClassCount>> all;
    all.reserve(std::size_t(examples.size()));
    for (const Example &example : examples)
        all.push_back(scores(example.name));
    // The likelihood is smooth in the temperature with one maximum: a
    // search over a geometric grid is enough for one number.
    double bestLoss = std::numeric_limits<double>::max();
    for (float temperature = 0.25f; temperature <= 256.0f; temperature *= 1.05f) {
        double loss = 0.0;
        for (qsizetype i = 0; i < examples.size(); ++i)
            loss -= std::log(std::max(softmax(all[std::size_t(i)], temperature)[examples[i].type], 1e-12f));
        if (loss < bestLoss) {
            bestLoss = loss;
            m_temperature = temperature;
        }
    }
}

NameTyper::Class NameTyper::classify(const NameInContext &name) const
{
    const std::array<float, ClassCount> shares = probabilities(name);
    return Class(std::max_element(shares.cbegin(), shares.cend()) - shares.cbegin());
}

QList<NameTyper::Example> NameTyper::examplesFromTreebank(const QList<ConlluSentence> &sentences)
{
    QList<Example> examples;
    for (const ConlluSentence &sentence : sentences) {
        QList<ConlluEntityMention> names;
        for (ConlluEntityMention mention : conlluEntityMentions(sentence)) {
            if (sentence.words[mention.first].upos == u"DET" && mention.first < mention.last)
                ++mention.first; // "the United States"
            if (isConlluProperName(sentence, mention.first, mention.last))
                names.append(mention);
        }
        for (const ConlluEntityMention &mention : std::as_const(names)) {
            const bool inside = std::any_of(names.cbegin(), names.cend(), [&](const ConlluEntityMention &other) {
                return other.first <= mention.first && mention.last <= other.last
                    && other.last - other.first > mention.last - mention.first;
            });
            if (inside)
                continue;
            Example example;
            example.type = classOfGumType(mention.type);
            for (int w = mention.first; w <= mention.last; ++w)
                example.name.words.append(sentence.words[w].form);
            for (int w = std::max(0, mention.first - 2); w < mention.first; ++w)
                example.name.before.append(sentence.words[w].form);
            for (int w = mention.last + 1; w <= mention.last + 2 && w < sentence.words.size(); ++w)
                example.name.after.append(sentence.words[w].form);
            examples.append(example);
        }
    }
    return examples;
}

QList<NameTyper::Example> NameTyper::examplesFromLexicon(const Lexicon &lexicon)
{
    QList<Example> examples;
    const auto add = [&examples](const QString &name, Class type) {
        Example example;
        example.name.words = name.split(u' ', Qt::SkipEmptyParts);
        example.name.inText = false;
        example.type = type;
        if (!example.name.words.isEmpty())
            examples.append(example);
    };
    for (const KnownName &known : lexicon.knownNames()) {
        // "the White House": the article is no part of the name as the
        // extractor hands it over.
        const QString name = known.name.startsWith(u"the "_s) ? known.name.mid(4) : known.name;
        switch (known.type) {
        case EntityType::Person:
            add(name, Person);
            break;
        case EntityType::Organization:
            add(name, Organization);
            break;
        case EntityType::Place:
            add(name, Place);
            break;
        default:
            add(name, Other);
            break;
        }
    }
    // Folded ("eduardo"): written back with a capital, as in a text.
    for (const QString &given : lexicon.entries(Lexicon::Category::GivenName)) {
        if (!given.isEmpty())
            add(given.front().toUpper() + given.mid(1), Person);
    }
    return examples;
}

QByteArray NameTyper::serialize() const
{
    return frameModelFile(fileFormat, [this](QDataStream &out) {
        out << m_language << m_attribution << m_temperature;
        m_model.write(out);
    });
}

Result<NameTyper> NameTyper::parse(const QByteArray &bytes, const QString &name)
{
    const Result<QByteArray> payload = modelFilePayload(bytes, fileFormat, name);
    if (!payload)
        return Error{payload.error()};
    QDataStream in(*payload);
    in.setVersion(modelStreamVersion);
    NameTyper typer;
    in >> typer.m_language >> typer.m_attribution >> typer.m_temperature;
    if (in.status() != QDataStream::Ok || !(typer.m_temperature > 0.0f) || !std::isfinite(typer.m_temperature))
        return Error{u"%1 is damaged: its temperature is not a positive number"_s.arg(name)};
    Result<LinearModel> model = LinearModel::read(in, u"the name typer's weights"_s);
    if (!model)
        return Error{u"%1: %2"_s.arg(name, model.error())};
    if (model->classCount() != ClassCount)
        return Error{u"%1 is damaged: it has %2 classes, not %3"_s.arg(name).arg(model->classCount()).arg(int(ClassCount))};
    if (!in.atEnd())
        return Error{u"%1 is damaged: it has data past its model"_s.arg(name)};
    typer.m_model = std::move(model).value();
    return typer;
}

Result<NameTyper> NameTyper::readFile(const QString &path)
{
    const Result<QByteArray> bytes = readWholeFile(path);
    if (!bytes)
        return Error{bytes.error()};
    return parse(*bytes, QFileInfo(path).fileName());
}

double nameTypingAccuracy(const NameTyper &typer, const QList<NameTyper::Example> &examples)
{
    if (examples.isEmpty())
        return 0.0;
    const auto right = std::count_if(examples.cbegin(), examples.cend(), [&](const NameTyper::Example &example) {
        return typer.classify(example.name) == example.type;
    });
    return double(right) / double(examples.size());
}

} // namespace NewsGraph
