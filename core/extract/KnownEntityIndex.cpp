#include "core/extract/KnownEntityIndex.h"

#include "core/extract/Lexicon.h"
#include "core/extract/NameSpelling.h"

#include <QSet>

#include <algorithm>

namespace NewsGraph {

namespace {

QStringList nameWords(const QString &name)
{
    return foldName(name).split(u' ', Qt::SkipEmptyParts);
}

// A name or alias under the type it names: entities merge only with known
// ones of the same type. The type's name, not its number, so that keys the
// store keeps outlive a reordering of EntityType.
QString typedKey(EntityType type, const QString &key)
{
    return typeName(type) + u'\x1f' + key;
}

// Keys a new entity may be found under: its name and aliases, but not
// epithets ("the president"), which only hold inside their document.
QSet<QString> mergeKeys(const QString &name, const QStringList &aliases)
{
    QSet<QString> keys{foldName(name)};
    for (const QString &alias : aliases) {
        if (!alias.isEmpty() && (alias.front().isUpper() || alias.front().isDigit()))
            keys.insert(foldName(alias));
    }
    return keys;
}

// Known people are looked up by word count, first word and the deletion
// variants of the last word (see deletionVariants()), which find every
// surname one edit away. A surname alone never identifies a person across
// documents: names of one word have no keys. The leading "PERSON" sets them
// apart from the typed name keys (no folded name holds a \x1f).
QStringList personKeys(const QStringList &words)
{
    QStringList keys;
    if (words.size() < 2)
        return keys;
    const QString prefix = typeName(EntityType::Person) + u'\x1f' + QString::number(words.size()) + u'\x1f'
        + words.constFirst() + u'\x1f';
    for (const QString &variant : deletionVariants(words.constLast()))
        keys.append(prefix + variant);
    return keys;
}

// Positions are kept ascending and each once: the first known entity wins
// ties, as if the index had been built in the order of the project.
void insertPosition(QList<int> &positions, int position)
{
    const auto at = std::lower_bound(positions.begin(), positions.end(), position);
    if (at == positions.end() || *at != position)
        positions.insert(at, position);
}

void removePosition(QHash<QString, QList<int>> &index, const QString &key, int position)
{
    const auto found = index.find(key);
    if (found == index.end())
        return;
    QList<int> &positions = *found;
    const auto at = std::lower_bound(positions.begin(), positions.end(), position);
    if (at != positions.end() && *at == position)
        positions.erase(at);
    if (positions.isEmpty())
        index.erase(found); // match() takes a found list to have a first entry
}

} // namespace

QStringList personNameWords(const QString &name)
{
    return nameWords(name);
}

bool samePersonWords(const QStringList &x, const QStringList &y)
{
    return x == y || likelySameName(x.constLast(), y.constLast());
}

QStringList mergeKeysOf(EntityType type, const QString &name, const QStringList &aliases)
{
    if (type == EntityType::Person)
        return personKeys(nameWords(name));
    QStringList keys;
    for (const QString &key : mergeKeys(name, aliases))
        keys.append(typedKey(type, key));
    return keys;
}

QString preferredEntityName(const QString &current, const QString &candidate)
{
    const QStringList currentWords = nameWords(current);
    const QStringList candidateWords = nameWords(candidate);
    if (candidateWords.size() <= currentWords.size())
        return current;
    for (qsizetype i = 0; i < currentWords.size(); ++i) {
        if (candidateWords.at(i) != currentWords.at(i))
            return current;
    }
    return candidate;
}

KnownEntityIndex::KnownEntityIndex(QList<KnownEntity> known)
    : m_known(std::move(known))
    , m_personWords(m_known.size())
{
    m_position.reserve(m_known.size());
    for (int k = 0; k < m_known.size(); ++k) {
        m_position.insert(m_known.at(k).id, k);
        fileKeys(k);
    }
}

void KnownEntityIndex::fileKeys(int k)
{
    const KnownEntity &entity = m_known.at(k);
    for (const QString &key : mergeKeys(entity.name, entity.aliases))
        insertPosition(m_byName[typedKey(entity.type, key)], k);
    if (entity.type != EntityType::Person)
        return;
    // Folded once here rather than for every comparison.
    m_personWords[k] = nameWords(entity.name);
    for (const QString &key : personKeys(m_personWords.at(k)))
        insertPosition(m_people[key], k);
}

void KnownEntityIndex::unfileKeys(int k)
{
    const KnownEntity &entity = m_known.at(k);
    for (const QString &key : mergeKeys(entity.name, entity.aliases))
        removePosition(m_byName, typedKey(entity.type, key), k);
    if (entity.type != EntityType::Person)
        return;
    for (const QString &key : personKeys(m_personWords.at(k)))
        removePosition(m_people, key, k);
    m_personWords[k].clear();
}

void KnownEntityIndex::add(const QList<ExtractedEntity> &entities, const QList<qint64> &ids)
{
    for (qsizetype i = 0; i < entities.size() && i < ids.size(); ++i) {
        const ExtractedEntity &entity = entities.at(i);
        int k = m_position.value(ids.at(i), -1);
        if (k < 0) {
            k = int(m_known.size());
            m_position.insert(ids.at(i), k);
            m_known.append(KnownEntity{ids.at(i), entity.name, entity.type, {}});
            m_personWords.append(QStringList());
        } else {
            // Its keys change with its name and aliases.
            unfileKeys(k);
            QString &name = m_known[k].name;
            name = preferredEntityName(name, entity.name);
        }
        QStringList &aliases = m_known[k].aliases;
        for (const QString &alias : entity.aliases) {
            if (!alias.isEmpty() && !aliases.contains(alias))
                aliases.append(alias);
        }
        fileKeys(k);
    }
}

QList<qint64> KnownEntityIndex::match(const QList<ExtractedEntity> &entities) const
{
    QList<qint64> result;
    result.reserve(entities.size());
    for (const ExtractedEntity &entity : entities) {
        qint64 match = 0;
        if (entity.type == EntityType::Person) {
            const QStringList words = nameWords(entity.name);
            int first = -1;
            for (const QString &key : personKeys(words)) {
                for (int k : m_people.value(key)) {
                    if (first >= 0 && k >= first)
                        break;
                    if (samePersonWords(words, m_personWords[k])) {
                        first = k;
                        break;
                    }
                }
            }
            if (first >= 0)
                match = m_known[first].id;
        } else {
            // The known entity sharing most keys with this one, the first
            // known on a tie. A key such as an acronym ("KS") may be shared by
            // thousands: the longest list is only probed, not walked, and
            // when no entity shares two keys the first known of all wins.
            QList<const QList<int> *> lists;
            for (const QString &key : mergeKeys(entity.name, entity.aliases)) {
                if (const auto found = m_byName.constFind(typedKey(entity.type, key)); found != m_byName.cend())
                    lists.append(&*found);
            }
            if (!lists.isEmpty()) {
                const auto longest = std::max_element(lists.cbegin(), lists.cend(),
                                                      [](const QList<int> *a, const QList<int> *b) { return a->size() < b->size(); });
                QHash<int, int> votes;
                for (const QList<int> *list : std::as_const(lists)) {
                    if (list != *longest) {
                        for (int k : *list)
                            ++votes[k];
                    }
                }
                int best = -1, bestVotes = 0;
                for (auto it = votes.begin(); it != votes.end(); ++it) {
                    if (std::binary_search((*longest)->cbegin(), (*longest)->cend(), it.key()))
                        ++it.value();
                    if (it.value() > bestVotes || (it.value() == bestVotes && it.key() < best)) {
                        best = it.key();
                        bestVotes = it.value();
                    }
                }
                if (bestVotes < 2) {
                    best = (*longest)->constFirst();
                    for (const QList<int> *list : std::as_const(lists))
                        best = std::min(best, list->constFirst());
                }
                match = m_known[best].id;
            }
        }
        result.append(match);
    }
    return result;
}

QList<qint64> matchKnownEntities(const QList<ExtractedEntity> &entities, const QList<KnownEntity> &known)
{
    return KnownEntityIndex(known).match(entities);
}

} // namespace NewsGraph
