// KnownEntityIndex: kept up to date one stored document at a time, it must
// find what an index built afresh from the same entities finds
// (matchKnownEntities()), as names grow fuller and aliases are added.

#include "core/extract/KnownEntityIndex.h"

#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

ExtractedEntity entity(const QString &name, EntityType type, QStringList aliases = {})
{
    if (aliases.isEmpty())
        aliases = {name};
    return ExtractedEntity{name, type, aliases, {}, {}};
}

} // namespace

class TestKnownEntityIndex : public QObject
{
    Q_OBJECT

    // What every probe matches in `index`, compared with a fresh index of the
    // same known entities.
    static void compareWithRebuilt(const KnownEntityIndex &index, const QList<ExtractedEntity> &probes)
    {
        QCOMPARE(index.match(probes), matchKnownEntities(probes, index.known()));
    }

private Q_SLOTS:
    void updatesAsDocumentsAreStored()
    {
        const QList<ExtractedEntity> probes = {
            entity(u"Corvanta"_s, EntityType::Organization),
            entity(u"Corvanta Systems"_s, EntityType::Organization),
            entity(u"CVS"_s, EntityType::Organization),
            entity(u"Lidia Osterhaus"_s, EntityType::Person),
            entity(u"Lidia Osterhuas"_s, EntityType::Person),
            entity(u"Osterhaus"_s, EntityType::Person),
            entity(u"Tomas Brennecke"_s, EntityType::Person),
            entity(u"Corvanta"_s, EntityType::Place), // another type never merges
        };

        KnownEntityIndex index({KnownEntity{7, u"Halvor Shipping"_s, EntityType::Organization, {u"Halvor"_s}}});
        compareWithRebuilt(index, probes);
        QCOMPARE(index.match({entity(u"Halvor"_s, EntityType::Organization)}), QList<qint64>{7});

        // The first document: a company and a person, new.
        const QList<ExtractedEntity> first = {entity(u"Corvanta"_s, EntityType::Organization),
                                              entity(u"Lidia Osterhaus"_s, EntityType::Person)};
        QCOMPARE(index.match(first), (QList<qint64>{0, 0}));
        index.add(first, {11, 12});
        compareWithRebuilt(index, probes);
        QCOMPARE(index.match(probes), (QList<qint64>{11, 0, 0, 12, 12, 0, 0, 0}));

        // The second names the company in full, with its acronym, and
        // misspells the person: both merge, and the company takes the
        // fuller name.
        const QList<ExtractedEntity> second = {
            entity(u"Corvanta Systems"_s, EntityType::Organization,
                   {u"Corvanta Systems"_s, u"Corvanta"_s, u"CVS"_s}),
            entity(u"Lidia Osterhuas"_s, EntityType::Person)};
        QCOMPARE(index.match(second), (QList<qint64>{11, 12}));
        index.add(second, {11, 12});
        QCOMPARE(index.known().at(1).name, u"Corvanta Systems"_s);
        QCOMPARE(index.known().at(1).aliases, (QStringList{u"Corvanta"_s, u"Corvanta Systems"_s, u"CVS"_s}));
        compareWithRebuilt(index, probes);
        // Found now under its new name and acronym too.
        QCOMPARE(index.match(probes), (QList<qint64>{11, 11, 11, 12, 12, 0, 0, 0}));

        // A third brings a new person.
        index.add({entity(u"Tomas Brennecke"_s, EntityType::Person)}, {13});
        compareWithRebuilt(index, probes);
        QCOMPARE(index.match(probes), (QList<qint64>{11, 11, 11, 12, 12, 0, 13, 0}));
    }

    // A person's name that grows fuller is filed under the new name only,
    // as a fresh index would file it.
    void personRenamedIsFiledAgain()
    {
        KnownEntityIndex index;
        index.add({entity(u"Ines Varga"_s, EntityType::Person)}, {3});
        index.add({entity(u"Ines Varga Lukacs"_s, EntityType::Person)}, {3});
        QCOMPARE(index.known().size(), 1);
        QCOMPARE(index.known().first().name, u"Ines Varga Lukacs"_s);
        const QList<ExtractedEntity> probes = {entity(u"Ines Varga"_s, EntityType::Person),
                                               entity(u"Ines Varga Lukacs"_s, EntityType::Person),
                                               entity(u"Ines Varga Lukac"_s, EntityType::Person)};
        compareWithRebuilt(index, probes);
        QCOMPARE(index.match(probes), (QList<qint64>{0, 3, 3}));
    }
};

QTEST_GUILESS_MAIN(TestKnownEntityIndex)
#include "tst_knownentityindex.moc"
