#include "core/syntax/ConlluEntities.h"

#include <map>
#include <utility>

namespace NewsGraph {

QString conlluMiscValue(QStringView misc, QStringView key)
{
    for (const QStringView field : misc.split(u'|')) {
        if (field.startsWith(key) && field.size() > key.size() && field.at(key.size()) == u'=')
            return field.mid(key.size() + 1).toString();
    }
    return {};
}

QList<ConlluEntityMention> conlluEntityMentions(const ConlluSentence &sentence)
{
    QList<ConlluEntityMention> mentions;
    std::map<QString, QList<std::pair<int, QString>>> open; // entity id -> first words and types
    for (int w = 0; w < sentence.words.size(); ++w) {
        const QString value = conlluMiscValue(sentence.words[w].misc, u"Entity");
        qsizetype i = 0;
        while (i < value.size()) {
            if (value.at(i) == u'(') {
                qsizetype j = i + 1;
                while (j < value.size() && value.at(j) != u'(' && value.at(j) != u')')
                    ++j;
                const QStringList parts = value.mid(i + 1, j - i - 1).split(u'-');
                const QString id = parts.value(0);
                const QString type = parts.value(1);
                if (j < value.size() && value.at(j) == u')') {
                    mentions.append({w, w, type});
                    ++j;
                } else {
                    open[id].append({w, type});
                }
                i = j;
            } else if (value.at(i).isDigit()) {
                qsizetype j = i;
                while (j < value.size() && value.at(j).isDigit())
                    ++j;
                const QString id = value.mid(i, j - i);
                if (j < value.size() && value.at(j) == u')') {
                    auto found = open.find(id);
                    if (found != open.end() && !found->second.isEmpty()) {
                        const auto [first, type] = found->second.takeLast();
                        mentions.append({first, w, type});
                    }
                    ++j;
                }
                i = j;
            } else {
                ++i;
            }
        }
    }
    return mentions;
}

bool isConlluProperName(const ConlluSentence &sentence, int first, int last)
{
    if (first < 0 || last < first || last >= sentence.words.size())
        return false;
    const auto capitalised = [](const ConlluWord &word) { return !word.form.isEmpty() && word.form.front().isUpper(); };
    if (!capitalised(sentence.words[first]) || !capitalised(sentence.words[last]))
        return false;
    bool properNoun = false;
    for (int w = first; w <= last; ++w) {
        const ConlluWord &word = sentence.words[w];
        const bool function = word.upos == u"ADP" || word.upos == u"DET" || word.upos == u"PART" || word.upos == u"NUM"
            || word.upos == u"PUNCT";
        if (!function && !capitalised(word))
            return false;
        properNoun = properNoun || word.upos == u"PROPN";
    }
    return properNoun;
}

} // namespace NewsGraph
