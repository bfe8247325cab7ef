#include "core/syntax/Lemmatizer.h"

#include "core/syntax/ModelStreamReader.h"
#include "core/syntax/WordForms.h"

#include <QHash>
#include <QIODevice>
#include <QMap>

#include <algorithm>
#include <array>
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

// The key hashes lemma() looks entries up by (see m_exceptionIndex).
quint64 exceptionHash(QStringView form, QStringView upos)
{
    return StringKeyHasher().add(form).separate().add(upos).value();
}

StringKeyHasher scriptHasher(QStringView upos)
{
    StringKeyHasher hasher;
    hasher.add(upos).separate();
    return hasher;
}

quint64 scriptHash(QStringView upos, QStringView ending)
{
    StringKeyHasher hasher = scriptHasher(upos);
    for (qsizetype i = ending.size(); i-- > 0;)
        hasher.add(ending[i]);
    return hasher.value();
}

// Whether `key` is "first<TAB>second".
bool isKey(QStringView key, QStringView first, QStringView second)
{
    return key.size() == first.size() + 1 + second.size() && key.startsWith(first) && key[first.size()] == u'\t'
        && key.endsWith(second);
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
        lemmatizer.m_exceptions.push_back({it.key(), lemma});

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
        lemmatizer.m_scripts.push_back({it.key(), mostFrequent(*it)});

    lemmatizer.index();
    return lemmatizer;
}

void Lemmatizer::index()
{
    // Model files come in key order already: checked in one pass, sorted
    // only when not.
    const auto inKeyOrder = [](auto &entries) {
        const auto before = [](const auto &a, const auto &b) { return a.key < b.key; };
        if (!std::is_sorted(entries.cbegin(), entries.cend(), before))
            std::stable_sort(entries.begin(), entries.end(), before);
        // Of equal keys the last stays, as a file read into a hash kept it.
        const auto last = std::unique(entries.rbegin(), entries.rend(),
                                      [](const auto &a, const auto &b) { return a.key == b.key; });
        entries.erase(entries.begin(), last.base());
    };
    inKeyOrder(m_exceptions);
    inKeyOrder(m_scripts);

    std::vector<quint64> hashes;
    hashes.reserve(m_exceptions.size());
    for (const Exception &exception : m_exceptions) {
        // A tag has no tab; a form could.
        const qsizetype tab = exception.key.lastIndexOf(u'\t');
        hashes.push_back(exceptionHash(QStringView(exception.key).first(std::max<qsizetype>(tab, 0)),
                                       tab < 0 ? QStringView() : QStringView(exception.key).sliced(tab + 1)));
    }
    m_exceptionIndex = StringKeyIndex(hashes);
    hashes.clear();
    for (const Script &script : m_scripts) {
        const qsizetype tab = script.key.indexOf(u'\t');
        hashes.push_back(scriptHash(QStringView(script.key).first(std::max<qsizetype>(tab, 0)),
                                    tab < 0 ? QStringView() : QStringView(script.key).sliced(tab + 1)));
    }
    m_scriptIndex = StringKeyIndex(hashes);
}

QString Lemmatizer::lemma(const QString &form, const QString &upos) const
{
    const qsizetype exception = m_exceptionIndex.find(exceptionHash(form, upos), [&](qsizetype entry) {
        return isKey(m_exceptions[std::size_t(entry)].key, form, upos);
    });
    if (exception >= 0)
        return m_exceptions[std::size_t(exception)].lemma;

    // The hashes of the endings, shortest first, each made from the one
    // before; looked up together, longest first.
    const QString lower = lowerCase(form);
    const int longest = std::min<int>(longestEnding, int(lower.size()));
    std::array<quint64, longestEnding + 1> hashes;
    StringKeyHasher hasher = scriptHasher(upos);
    hashes[0] = hasher.value();
    for (int length = 1; length <= longest; ++length)
        hashes[std::size_t(length)] = hasher.add(lower[lower.size() - length]).value();
    for (int length = 0; length <= longest; ++length)
        m_scriptIndex.prefetch(hashes[std::size_t(length)]);
    for (int length = longest; length >= 0; --length) {
        const QStringView ending = QStringView(lower).last(length);
        const qsizetype found = m_scriptIndex.find(hashes[std::size_t(length)], [&](qsizetype entry) {
            return isKey(m_scripts[std::size_t(entry)].key, upos, ending);
        });
        if (found >= 0 && m_scripts[std::size_t(found)].script.strip <= form.size())
            return apply(m_scripts[std::size_t(found)].script, form);
    }
    return form;
}

void Lemmatizer::write(QDataStream &out) const
{
    out << quint32(m_exceptions.size());
    for (const Exception &exception : m_exceptions)
        out << exception.key << exception.lemma;
    out << quint32(m_scripts.size());
    for (const Script &script : m_scripts)
        out << script.key << quint8(script.script.casing) << qint32(script.script.strip) << script.script.append;
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
    lemmatizer.m_exceptions.reserve(std::size_t(reservable(count)));
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString k, lemma;
        strings >> k >> lemma;
        lemmatizer.m_exceptions.push_back({k, lemma});
    }
    strings >> count;
    lemmatizer.m_scripts.reserve(std::size_t(reservable(count)));
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
        lemmatizer.m_scripts.push_back({k, script});
    }
    strings.finish();
    if (in.status() != QDataStream::Ok)
        return Error{in.status() == QDataStream::ReadPastEnd ? u"the lemmatiser is cut short"_s
                                                             : u"the lemmatiser is not valid"_s};
    lemmatizer.index();
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
