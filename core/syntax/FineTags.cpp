#include "core/syntax/FineTags.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

Result<FineTags> FineTags::fromSpecification(const QString &specification)
{
    FineTags tags;
    for (const QString &part : specification.split(u',', Qt::SkipEmptyParts)) {
        Feature feature;
        feature.name = part.section(u'@', 0, 0).trimmed();
        if (part.contains(u'@'))
            feature.onlyTags = part.section(u'@', 1).split(u'+', Qt::SkipEmptyParts);
        const bool nameIsWord = !feature.name.isEmpty()
            && std::all_of(feature.name.cbegin(), feature.name.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (!nameIsWord || (part.contains(u'@') && feature.onlyTags.isEmpty()))
            return Error{u"\"%1\" is not a feature for tags: write a FEATS name such as VerbForm, or Number@NOUN+PRON "
                         "for some tags only"_s.arg(part)};
        tags.m_features.append(feature);
    }
    std::sort(tags.m_features.begin(), tags.m_features.end(),
              [](const Feature &a, const Feature &b) { return a.name < b.name; });
    return tags;
}

QString FineTags::specification() const
{
    QStringList parts;
    for (const Feature &feature : m_features)
        parts.append(feature.onlyTags.isEmpty() ? feature.name : feature.name + u'@' + feature.onlyTags.join(u'+'));
    return parts.join(u',');
}

QString FineTags::tagOf(const ConlluWord &word) const
{
    QString tag = word.upos;
    if (m_features.isEmpty() || word.feats.isEmpty() || word.feats == u"_"_s)
        return tag;
    const QStringList present = word.feats.split(u'|');
    for (const Feature &feature : m_features) {
        if (!feature.onlyTags.isEmpty() && !feature.onlyTags.contains(word.upos))
            continue;
        const QString prefix = feature.name + u'=';
        for (const QString &value : present) {
            if (value.startsWith(prefix)) {
                tag += u'|' + value;
                break;
            }
        }
    }
    return tag;
}

void FineTags::apply(const QString &tag, ConlluWord &word)
{
    const qsizetype bar = tag.indexOf(u'|');
    if (bar < 0) {
        word.upos = tag;
        word.feats.clear();
        return;
    }
    word.upos = tag.left(bar);
    word.feats = tag.mid(bar + 1); // tagOf() wrote them sorted by name
}

Result<FineTags> FineTags::read(QDataStream &in)
{
    QString specification;
    in >> specification;
    if (in.status() != QDataStream::Ok)
        return Error{u"the tag features are cut short"_s};
    Result<FineTags> tags = fromSpecification(specification);
    if (!tags)
        return Error{u"the tag features are not valid: %1"_s.arg(tags.error())};
    return tags;
}

} // namespace NewsGraph
