#include "core/syntax/PosTagger.h"

#include "core/syntax/ModelStreamReader.h"
#include "core/syntax/WordForms.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <array>
#include <random>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Tag-id stand-ins for the positions before the first word.
constexpr int sentenceStart = -1;
constexpr int beforeStart = -2;
constexpr int ambiguityClassMinimumCount = 5;

// The feature templates; a feature is a template and the strings it reads.
enum class Template : quint8 {
    Bias,
    Word,
    Suffix1,
    Suffix2,
    Suffix3,
    Suffix4,
    Prefix1,
    Prefix3,
    Shape,
    PreviousTag,
    PreviousTwoTags,
    PreviousTagAndWord,
    PreviousWord,
    PreviousSuffix3,
    WordBeforePrevious,
    NextWord,
    NextSuffix3,
    WordAfterNext,
    FirstAndCapitalised,
    Prefix2,
    Suffix5,
    PreviousTagAndSuffix3,
    NextAmbiguityClass,
    AmbiguityClassAfterNext,
    PreviousTagAndNextAmbiguityClass,
    WordAsWritten,
    PreviousAndThisWord,
    ThisAndNextWord,
    PreviousShape,
    NextShape,
    NextWordAsWritten,
};

// What the features read of a sentence's words, worked out once per
// sentence rather than once per feature that reads a word; views where
// they can be (of `lower`, of `otherEndings`, of the ambiguity classes'
// hash, or of literals), which cost no copy.
struct SentenceWords
{
    QStringList written;
    QStringList lower;
    std::vector<QStringView> context; // normalisedWord()
    std::vector<QStringView> endings; // the last three characters, in lower case
    QStringList otherEndings;         // those of words not in ASCII
    QString shapeText;                // the words' shapes, one after the other
    std::vector<QStringView> shapes;  // each word's, in shapeText
    std::vector<QStringView> classes; // ambiguity classes: the tags each word had in training
    std::vector<int> dictionaryTags;  // the tag the dictionary gives each word, -1 for none
};

// What training learnt of a word: its dictionary tag (-1 for none) and its
// ambiguity class (null for none).
struct FormKnowledge
{
    int tag = -1;
    const QString *classes = nullptr;
};

// The knowledge in a tagger's entry for a form (see PosTagger::knownForm).
template<typename KnownForm>
FormKnowledge knowledgeFrom(const KnownForm *known)
{
    return known ? FormKnowledge{known->tag, known->hasClasses ? &known->classes : nullptr} : FormKnowledge{};
}

// `knowledgeOf(word)` gives a FormKnowledge.
template<typename KnowledgeOf>
SentenceWords sentenceWords(const QStringList &words, KnowledgeOf &&knowledgeOf)
{
    SentenceWords sentence;
    sentence.written = words;
    sentence.lower.reserve(words.size());
    for (std::vector<QStringView> *list : {&sentence.context, &sentence.endings, &sentence.classes, &sentence.shapes})
        list->reserve(std::size_t(words.size()));
    sentence.dictionaryTags.reserve(std::size_t(words.size()));
    // A shape has at most a character a character.
    qsizetype characters = 0;
    for (const QString &word : words)
        characters += word.size();
    sentence.shapeText.reserve(characters);
    std::vector<qsizetype> shapeEnds;
    shapeEnds.reserve(std::size_t(words.size()));
    for (const QString &word : words) {
        sentence.lower.append(lowerCase(word));
        const QStringView lower(sentence.lower.constLast());
        const QStringView kind = wordKind(word);
        sentence.context.push_back(kind.isNull() ? lower : kind);
        // In ASCII, lower case takes each character to one: the last three
        // of the lower case are the last three, in lower case. Other words
        // take the long way.
        const bool ascii = std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; });
        if (!ascii)
            sentence.otherEndings.append(word.right(3).toLower());
        sentence.endings.push_back(ascii ? lower.right(3) : QStringView(sentence.otherEndings.constLast()));
        appendWordShape(word, sentence.shapeText);
        shapeEnds.push_back(sentence.shapeText.size());
        const FormKnowledge known = knowledgeOf(word);
        sentence.classes.push_back(known.classes ? QStringView(*known.classes) : QStringView(u"!UNSEEN"));
        sentence.dictionaryTags.push_back(known.tag);
    }
    // Viewed once written: the string no longer moves.
    qsizetype start = 0;
    for (const qsizetype end : shapeEnds) {
        sentence.shapes.push_back(QStringView(sentence.shapeText).sliced(start, end - start));
        start = end;
    }
    return sentence;
}

// The features of word i given the tags chosen for the two before it.
// Their keys are what model files store: a change here (a template, its
// order, a marker string, the hash) needs syntaxModelFormatVersion raised
// and the bundled models trained again, or old models would read wrong.
void featuresAt(const SentenceWords &sentence, int i, int previous, int beforePrevious,
                std::vector<quint64> &out)
{
    out.clear();
    const QStringList &words = sentence.written;
    const QString &word = words.at(i);
    const QStringView l(sentence.lower.at(i));
    const QStringView context = sentence.context[std::size_t(i)];
    const auto add = [&out](const FeatureHash &hash) { out.push_back(hash.value()); };
    // Past either end of the sentence, every list reads as these markers.
    const auto outside = [&](int j) -> QStringView {
        if (j < 0)
            return j == -1 ? u"!START" : u"!START2";
        return j == words.size() ? u"!END" : u"!END2";
    };
    const auto at = [&](const auto &list, int j) -> QStringView {
        return j < 0 || j >= words.size() ? outside(j) : QStringView(list[decltype(list.size())(j)]);
    };
    add(FeatureHash(Template::Bias));
    add(FeatureHash(Template::Word) << context);
    add(FeatureHash(Template::Suffix1) << l.right(1));
    add(FeatureHash(Template::Suffix2) << l.right(2));
    add(FeatureHash(Template::Suffix3) << l.right(3));
    add(FeatureHash(Template::Suffix4) << l.right(4));
    add(FeatureHash(Template::Prefix1) << QStringView(word).left(1));
    add(FeatureHash(Template::Prefix3) << l.left(3));
    add(FeatureHash(Template::Shape) << sentence.shapes[std::size_t(i)]);
    add(FeatureHash(Template::PreviousTag) << previous);
    add(FeatureHash(Template::PreviousTwoTags) << previous << beforePrevious);
    add(FeatureHash(Template::PreviousTagAndWord) << previous << context);
    add(FeatureHash(Template::PreviousWord) << at(sentence.context, i - 1));
    add(FeatureHash(Template::PreviousSuffix3) << at(sentence.endings, i - 1));
    add(FeatureHash(Template::WordBeforePrevious) << at(sentence.context, i - 2));
    add(FeatureHash(Template::NextWord) << at(sentence.context, i + 1));
    add(FeatureHash(Template::NextSuffix3) << at(sentence.endings, i + 1));
    add(FeatureHash(Template::WordAfterNext) << at(sentence.context, i + 2));
    if (i == 0 && !word.isEmpty() && word.front().isUpper())
        add(FeatureHash(Template::FirstAndCapitalised));
    add(FeatureHash(Template::Prefix2) << l.left(2));
    add(FeatureHash(Template::Suffix5) << l.right(5));
    add(FeatureHash(Template::PreviousTagAndSuffix3) << previous << l.right(3));
    // What the words around may be (after the lookahead features of
    // taggers such as Giménez & Màrquez's SVMTool, 2004).
    const auto classAt = [&](int j) -> QStringView {
        return j < words.size() ? sentence.classes[std::size_t(j)] : QStringView(u"!END");
    };
    add(FeatureHash(Template::NextAmbiguityClass) << classAt(i + 1));
    add(FeatureHash(Template::AmbiguityClassAfterNext) << classAt(i + 2));
    add(FeatureHash(Template::PreviousTagAndNextAmbiguityClass) << previous << classAt(i + 1));
    add(FeatureHash(Template::WordAsWritten) << word);
    add(FeatureHash(Template::PreviousAndThisWord) << at(sentence.context, i - 1) << context);
    add(FeatureHash(Template::ThisAndNextWord) << context << at(sentence.context, i + 1));
    add(FeatureHash(Template::PreviousShape) << at(sentence.shapes, i - 1));
    add(FeatureHash(Template::NextShape) << at(sentence.shapes, i + 1));
    add(FeatureHash(Template::NextWordAsWritten) << at(words, i + 1));
}

// The tag whose weights, summed over the features that have a row, score
// highest (the first of equals).
int highestScoringTag(const std::vector<quint64> &features, const LinearModel &model)
{
    if (model.isFrozen()) {
        // The best of the sums of steps is the best of the scores (a row a
        // feature, far fewer features than LinearModel::maximumSummedRows),
        // found without making the scores.
        Q_ASSERT(features.size() <= std::size_t(LinearModel::maximumSummedRows));
        std::array<qint32, LinearModel::maximumClassCount> sums;
        std::fill_n(sums.begin(), model.classCount(), 0);
        model.prefetch(features.data(), qsizetype(features.size()));
        model.addSteps(features.data(), qsizetype(features.size()), sums.data());
        return model.bestClass(sums.data(), -1);
    }
    std::array<float, LinearModel::maximumClassCount> scores;
    std::fill_n(scores.begin(), model.classCount(), 0.0f);
    model.addScores(features.data(), qsizetype(features.size()), scores.data());
    return int(std::max_element(scores.cbegin(), scores.cbegin() + model.classCount()) - scores.cbegin());
}

// Greedy decoding, left to right: a word with a given tag (`given`, by
// word, -1 for none) keeps it, a word of the dictionary takes its tag, any
// other the one choose(i, features) gives; each choice is context for the
// next words. The tag ids chosen, one per word, for the first `count`
// words (-1: all of them).
template<typename Choose>
QList<int> decode(const SentenceWords &sentence, Choose choose, const QList<int> &given = {}, qsizetype count = -1)
{
    const qsizetype end = count < 0 ? sentence.written.size() : std::min(count, sentence.written.size());
    QList<int> tags;
    tags.reserve(end);
    std::vector<quint64> features;
    int previous = sentenceStart, beforePrevious = beforeStart;
    for (int i = 0; i < end; ++i) {
        int tag = given.value(i, -1);
        if (tag < 0)
            tag = sentence.dictionaryTags[std::size_t(i)];
        if (tag < 0) {
            featuresAt(sentence, i, previous, beforePrevious, features);
            tag = choose(i, features);
        }
        tags.append(tag);
        beforePrevious = previous;
        previous = tag;
    }
    return tags;
}

} // namespace

void PosTagger::indexForms()
{
    // One entry a form, its parts from the last of its entries that has
    // them (a file read into two hashes kept the last of each). Model files
    // list the dictionary, then the classes, each in form order.
    std::stable_sort(m_forms.begin(), m_forms.end(),
                     [](const KnownForm &a, const KnownForm &b) { return a.form < b.form; });
    std::vector<KnownForm> merged;
    merged.reserve(m_forms.size());
    for (KnownForm &known : m_forms) {
        if (merged.empty() || merged.back().form != known.form) {
            merged.push_back(std::move(known));
            continue;
        }
        KnownForm &into = merged.back();
        if (known.tag >= 0)
            into.tag = known.tag;
        if (known.hasClasses) {
            into.hasClasses = true;
            into.classes = std::move(known.classes);
        }
    }
    m_forms = std::move(merged);
    std::vector<quint64> hashes;
    hashes.reserve(m_forms.size());
    for (const KnownForm &known : m_forms)
        hashes.push_back(StringKeyHasher().add(known.form).value());
    m_formIndex = StringKeyIndex(hashes);
}

const PosTagger::KnownForm *PosTagger::knownForm(QStringView form) const
{
    const qsizetype found = m_formIndex.find(StringKeyHasher().add(form).value(), [&](qsizetype entry) {
        return m_forms[std::size_t(entry)].form == form;
    });
    return found < 0 ? nullptr : &m_forms[std::size_t(found)];
}

PosTagger PosTagger::train(const QList<ConlluSentence> &sentences, const TrainingOptions &options)
{
    PosTagger tagger;
    // The tag set in sorted order, and how often each form has each tag.
    QMap<QString, int> tagSet;
    QHash<QString, QHash<QString, int>> tagsOfForm;
    for (const ConlluSentence &sentence : sentences) {
        for (const ConlluWord &word : sentence.words) {
            if (word.upos.isEmpty())
                continue;
            tagSet.insert(word.upos, 0);
            ++tagsOfForm[word.form][word.upos];
        }
    }
    if (tagSet.isEmpty())
        return tagger;
    tagger.m_tags = tagSet.keys();
    QHash<QString, int> tagId;
    for (int t = 0; t < tagger.m_tags.size(); ++t)
        tagId.insert(tagger.m_tags.at(t), t);

    for (auto form = tagsOfForm.cbegin(); form != tagsOfForm.cend(); ++form) {
        int total = 0, best = 0;
        QString bestTag;
        for (auto tag = form->cbegin(); tag != form->cend(); ++tag) {
            total += *tag;
            if (*tag > best || (*tag == best && tag.key() < bestTag)) {
                best = *tag;
                bestTag = tag.key();
            }
        }
        KnownForm known;
        known.form = form.key();
        if (total >= options.dictionaryMinimumCount
            && double(best) / double(total) >= options.dictionaryMinimumShare)
            known.tag = tagId.value(bestTag);
        // Only words seen often enough that the class is not their answer
        // key: a rare word's class would be the very tag it is trained on.
        if (total >= ambiguityClassMinimumCount) {
            QStringList seen = form->keys();
            seen.sort();
            known.hasClasses = true;
            known.classes = seen.join(u'|');
        }
        if (known.tag >= 0 || known.hasClasses)
            tagger.m_forms.push_back(std::move(known));
    }
    tagger.indexForms();

    LinearModelTrainer trainer(int(tagger.m_tags.size()));
    std::mt19937 random(options.seed);
    std::vector<qsizetype> order(std::size_t(sentences.size()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = qsizetype(i);
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        for (const qsizetype s : order) {
            const ConlluSentence &sentence = sentences.at(s);
            decode(sentenceWords(sentence.forms(), [&tagger](const QString &word) { return knowledgeFrom(tagger.knownForm(word)); }),
                   [&](int i, const std::vector<quint64> &features) {
                       const int guess = highestScoringTag(features, trainer.current());
                       if (const QString &upos = sentence.words.at(i).upos; !upos.isEmpty())
                           trainer.update(tagId.value(upos), guess, features);
                       return guess;
                   });
        }
        shuffleTrainingOrder(order, random);
    }
    tagger.m_model = trainer.averaged();
    return tagger;
}

QStringList PosTagger::tag(const QStringList &words, const QStringList &given) const
{
    QStringList tags;
    if (m_tags.isEmpty())
        return tags;
    tags.reserve(words.size());
    QList<int> givenIds;
    for (qsizetype i = 0; i < given.size() && i < words.size(); ++i) {
        if (givenIds.isEmpty() && !given[i].isEmpty())
            givenIds.fill(-1, words.size());
        if (!given[i].isEmpty())
            givenIds[i] = int(m_tags.indexOf(given[i])); // -1 for a tag the model does not know
    }
    const QList<int> ids = tagIds(words, givenIds);
    for (const int id : ids)
        tags.append(m_tags.at(id));
    return tags;
}

QString PosTagger::firstTag(const QStringList &words) const
{
    if (m_tags.isEmpty() || words.isEmpty())
        return {};
    return m_tags.at(tagIds(words, {}, 1).constFirst());
}

QList<int> PosTagger::tagIds(const QStringList &words, const QList<int> &given, qsizetype count) const
{
    return decode(sentenceWords(words, [this](const QString &word) { return knowledgeFrom(knownForm(word)); }),
                  [&](int, const std::vector<quint64> &features) { return highestScoringTag(features, m_model); },
                  given, count);
}

quint64 PosTagger::weightsChecksum() const
{
    // The features' own FNV-1a, fed everything learnt instead of a feature.
    FeatureHash hash(Template::Bias);
    for (const QString &tag : m_tags)
        hash << tag;
    for (const KnownForm &known : m_forms) {
        if (known.tag >= 0)
            hash << known.form << known.tag;
    }
    for (const KnownForm &known : m_forms) {
        if (known.hasClasses)
            hash << known.form << known.classes;
    }
    const quint64 weights = m_model.checksum();
    hash << int(weights) << int(weights >> 16) << int(weights >> 32) << int(weights >> 48);
    return hash.value();
}

void PosTagger::write(QDataStream &out) const
{
    out << m_tags;
    out << quint32(std::count_if(m_forms.cbegin(), m_forms.cend(), [](const KnownForm &known) { return known.tag >= 0; }));
    for (const KnownForm &known : m_forms) {
        if (known.tag >= 0)
            out << known.form << quint32(known.tag);
    }
    out << quint32(std::count_if(m_forms.cbegin(), m_forms.cend(), [](const KnownForm &known) { return known.hasClasses; }));
    for (const KnownForm &known : m_forms) {
        if (known.hasClasses)
            out << known.form << known.classes;
    }
    m_model.write(out);
}

Result<PosTagger> PosTagger::read(QDataStream &in)
{
    PosTagger tagger;
    in >> tagger.m_tags;
    const auto bad = [&in](const QString &what) {
        return Error{in.status() == QDataStream::ReadPastEnd ? u"the tagger is cut short"_s
                                                             : u"the tagger's %1 is not valid"_s.arg(what)};
    };
    if (in.status() != QDataStream::Ok || tagger.m_tags.size() > 1000)
        return bad(u"tag set"_s);
    const qsizetype tagCount = tagger.m_tags.size();
    // Tens of thousands of short strings: read in place (see
    // ModelStreamReader), not each through the stream's device.
    ModelStreamReader strings(in);
    quint32 count = 0;
    strings >> count;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString form;
        quint32 tag = 0;
        strings >> form >> tag;
        if (tag >= quint32(tagCount))
            return bad(u"dictionary"_s);
        tagger.m_forms.push_back({form, int(tag), false, {}});
    }
    strings >> count;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString form, classes;
        strings >> form >> classes;
        tagger.m_forms.push_back({form, -1, true, classes});
    }
    strings.finish();
    if (in.status() != QDataStream::Ok)
        return bad(u"ambiguity classes"_s);
    tagger.indexForms();
    Result<LinearModel> model = LinearModel::read(in, u"the tagger's weights"_s);
    if (!model)
        return Error{model.error()};
    if (model->classCount() != tagCount)
        return Error{u"the tagger's weights do not fit its tag set"_s};
    tagger.m_model = std::move(model).value();
    return tagger;
}

double taggingAccuracy(const PosTagger &tagger, const QList<ConlluSentence> &sentences)
{
    qint64 right = 0, total = 0;
    for (const ConlluSentence &sentence : sentences) {
        const QStringList tags = tagger.tag(sentence.forms());
        for (int i = 0; i < sentence.words.size(); ++i) {
            const QString &gold = sentence.words.at(i).upos;
            if (gold.isEmpty())
                continue;
            ++total;
            right += i < tags.size() && tags.at(i) == gold;
        }
    }
    return total == 0 ? 0.0 : double(right) / double(total);
}

} // namespace NewsGraph
