#include "core/syntax/Lemmatizer.h"

#include "core/syntax/ModelStreamReader.h"
#include "core/syntax/WordForms.h"

#include <QIODevice>
#include <QMap>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Endings of up to this many characters choose a script.
constexpr int longestEnding = 8;

QString key(const QString &first, const QString &second)
{
    return first + u'\t' + second;
}

QString cased(Lemmatizer::EditScript::Case casing, const QString &form)
{
    switch (casing) {
    case Lemmatizer::EditScript::Case::Keep:
        return form;
    case Lemmatizer::EditScript::Case::LowerFirst:
        return form.isEmpty() ? form : form.left(1).toLower() + form.mid(1);
    case Lemmatizer::EditScript::Case::LowerAll:
        return lowerCase(form);
    }
    return form;
}

// A total order on scripts, so that ties between equally frequent ones are
// broken the same way every time.
bool scriptBefore(const Lemmatizer::EditScript &a, const Lemmatizer::EditScript &b)
{
    return std::tuple(a.strip, int(a.casing), a.append) < std::tuple(b.strip, int(b.casing), b.append);
}

// The most frequent of `counts`, ties broken by scriptBefore().
Lemmatizer::EditScript mostFrequent(const QList<std::pair<Lemmatizer::EditScript, int>> &counts)
{
    const auto better = [](const std::pair<Lemmatizer::EditScript, int> &a,
                           const std::pair<Lemmatizer::EditScript, int> &b) {
        return a.second != b.second ? a.second > b.second : scriptBefore(a.first, b.first);
    };
    return std::min_element(counts.cbegin(), counts.cend(), better)->first;
}

} // namespace

Lemmatizer::EditScript Lemmatizer::scriptFor(const QString &form, const QString &lemma)
{
    EditScript best;
    qsizetype bestShared = -1;
    for (const EditScript::Case casing :
         {EditScript::Case::Keep, EditScript::Case::LowerFirst, EditScript::Case::LowerAll}) {
        const QString written = cased(casing, form);
        qsizetype shared = 0;
        while (shared < written.size() && shared < lemma.size() && written.at(shared) == lemma.at(shared))
            ++shared;
        if (shared > bestShared) {
            bestShared = shared;
            best.casing = casing;
            best.strip = int(written.size() - shared);
            best.append = lemma.mid(shared);
        }
    }
    return best;
}

QString Lemmatizer::apply(const EditScript &script, const QString &form)
{
    const QString written = cased(script.casing, form);
    if (script.strip > written.size())
        return form;
    return written.left(written.size() - script.strip) + script.append;
}

Lemmatizer Lemmatizer::train(const QList<ConlluSentence> &sentences)
{
    Lemmatizer lemmatizer;
    // "form\tUPOS" -> lemma -> count; a QMap keeps lemmas in order for ties.
    QHash<QString, QMap<QString, int>> lemmasOf;
    for (const ConlluSentence &sentence : sentences) {
        for (const ConlluWord &word : sentence.words) {
            if (word.upos.isEmpty() || word.lemma.isEmpty() || (word.lemma == u"_" && word.form != u"_"))
                continue;
            ++lemmasOf[key(word.form, word.upos)][word.lemma];
        }
    }

    // Scripts are counted per word type, not per occurrence: unseen words
    // are rare words, and rare words follow the regular patterns.
    QHash<QString, QList<std::pair<EditScript, int>>> scriptsOf;
    for (auto it = lemmasOf.cbegin(); it != lemmasOf.cend(); ++it) {
        QString lemma;
        int best = 0;
        for (auto candidate = it->cbegin(); candidate != it->cend(); ++candidate) {
            if (*candidate > best) {
                best = *candidate;
                lemma = candidate.key();
            }
        }
        lemmatizer.m_exceptions.insert(it.key(), lemma);

        const qsizetype tab = it.key().indexOf(u'\t');
        const QString form = it.key().left(tab);
        const QString upos = it.key().mid(tab + 1);
        const EditScript script = scriptFor(form, lemma);
        const QString lower = form.toLower();
        for (int length = 0; length <= std::min<int>(longestEnding, int(lower.size())); ++length) {
            QList<std::pair<EditScript, int>> &counts = scriptsOf[key(upos, lower.right(length))];
            const auto found = std::find_if(counts.begin(), counts.end(),
                                            [&](const auto &entry) { return entry.first == script; });
            if (found == counts.end())
                counts.append({script, 1});
            else
                ++found->second;
        }
    }
    for (auto it = scriptsOf.cbegin(); it != scriptsOf.cend(); ++it)
        lemmatizer.m_scripts.insert(it.key(), mostFrequent(*it));

    return lemmatizer;
}

QString Lemmatizer::lemma(const QString &form, const QString &upos) const
{
    // One string for the keys of all the lookups (up to ten a word), its
    // storage reused, instead of one made for each.
    QString key;
    key.reserve(std::max(form.size(), qsizetype(longestEnding)) + 1 + upos.size());
    key.append(form).append(u'\t').append(upos);
    if (const auto found = m_exceptions.constFind(key); found != m_exceptions.cend())
        return *found;
    const QString lower = lowerCase(form);
    key.resize(0);
    key.append(upos).append(u'\t');
    for (int length = std::min<int>(longestEnding, int(lower.size())); length >= 0; --length) {
        key.resize(upos.size() + 1);
        key.append(QStringView(lower).right(length));
        const auto script = m_scripts.constFind(key);
        if (script != m_scripts.cend() && script->strip <= form.size())
            return apply(*script, form);
    }
    return form;
}

void Lemmatizer::write(QDataStream &out) const
{
    QStringList keys = m_exceptions.keys();
    keys.sort();
    out << quint32(keys.size());
    for (const QString &k : std::as_const(keys))
        out << k << m_exceptions.value(k);
    keys = m_scripts.keys();
    keys.sort();
    out << quint32(keys.size());
    for (const QString &k : std::as_const(keys)) {
        const EditScript &script = m_scripts[k];
        out << k << quint8(script.casing) << qint32(script.strip) << script.append;
    }
}

Result<Lemmatizer> Lemmatizer::read(QDataStream &in)
{
    Lemmatizer lemmatizer;
    // Hundreds of thousands of short strings: read in place (see
    // ModelStreamReader), not each through the stream's device.
    ModelStreamReader strings(in);
    quint32 count = 0;
    strings >> count;
    // Reserved up to what the stream could hold (a key takes 8 bytes at
    // least), so a damaged count cannot ask for gigabytes.
    const auto reservable = [&in, &strings](quint32 n) {
        return qsizetype(in.device() ? std::min<qint64>(n, strings.bytesAvailable() / 8) : 0);
    };
    lemmatizer.m_exceptions.reserve(reservable(count));
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString k, lemma;
        strings >> k >> lemma;
        lemmatizer.m_exceptions.insert(k, lemma);
    }
    strings >> count;
    lemmatizer.m_scripts.reserve(reservable(count));
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString k;
        quint8 casing = 0;
        qint32 strip = 0;
        EditScript script;
        strings >> k >> casing >> strip >> script.append;
        if (casing > quint8(EditScript::Case::LowerAll) || strip < 0)
            return Error{u"the lemmatiser's edit scripts are not valid"_s};
        script.casing = EditScript::Case(casing);
        script.strip = strip;
        lemmatizer.m_scripts.insert(k, script);
    }
    strings.finish();
    if (in.status() != QDataStream::Ok)
        return Error{in.status() == QDataStream::ReadPastEnd ? u"the lemmatiser is cut short"_s
                                                             : u"the lemmatiser is not valid"_s};
    return lemmatizer;
}

double lemmaAccuracy(const Lemmatizer &lemmatizer, const QList<ConlluSentence> &sentences)
{
    qint64 right = 0, total = 0;
    for (const ConlluSentence &sentence : sentences) {
        for (const ConlluWord &word : sentence.words) {
            if (word.lemma.isEmpty() || word.upos.isEmpty())
                continue;
            ++total;
            right += lemmatizer.lemma(word.form, word.upos) == word.lemma;
        }
    }
    return total == 0 ? 0.0 : double(right) / double(total);
}

} // namespace NewsGraph
