#include "core/syntax/StringKeyIndex.h"

#include <QStringList>
#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

quint64 hashOf(QStringView key)
{
    return StringKeyHasher().add(key).value();
}

} // namespace

class TestStringKeyIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEveryKeyItHolds()
    {
        QStringList keys;
        for (int i = 0; i < 1000; ++i)
            keys.append(u"harbour-%1"_s.arg(i));
        std::vector<quint64> hashes;
        for (const QString &key : std::as_const(keys))
            hashes.push_back(hashOf(key));
        const StringKeyIndex index(hashes);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const QString &key = keys.at(i);
            QCOMPARE(index.find(hashOf(key), [&](qsizetype entry) { return keys.at(entry) == key; }), i);
        }
        const QString absent = u"harbour-1000"_s;
        QCOMPARE(index.find(hashOf(absent), [&](qsizetype entry) { return keys.at(entry) == absent; }), -1);
    }

    // Keys that share a hash are told apart by the caller's comparison.
    void keysSharingAHashAreBothFound()
    {
        const QStringList keys = {u"tanker"_s, u"ferry"_s, u"barge"_s};
        const std::vector<quint64> hashes = {42, 42, 7};
        const StringKeyIndex index(hashes);
        const auto entryOf = [&](quint64 hash, const QString &key) {
            return index.find(hash, [&](qsizetype entry) { return keys.at(entry) == key; });
        };
        QCOMPARE(entryOf(42, u"tanker"_s), 0);
        QCOMPARE(entryOf(42, u"ferry"_s), 1);
        QCOMPARE(entryOf(7, u"barge"_s), 2);
        QCOMPARE(entryOf(42, u"barge"_s), -1);
        QCOMPARE(entryOf(8, u"barge"_s), -1);
    }

    void anEmptyIndexFindsNothing()
    {
        const StringKeyIndex index;
        index.prefetch(1);
        QCOMPARE(index.find(hashOf(u"dock"), [](qsizetype) { return true; }), -1);
    }

    // Parts are kept apart: "ab" then "c" is not "a" then "bc".
    void partsAreSeparated()
    {
        const quint64 first = StringKeyHasher().add(u"ab").separate().add(u"c").value();
        const quint64 second = StringKeyHasher().add(u"a").separate().add(u"bc").value();
        QVERIFY(first != second);
        QCOMPARE(StringKeyHasher().add(u"abc").value(),
                 StringKeyHasher().add(QChar(u'a')).add(QChar(u'b')).add(QChar(u'c')).value());
    }
};

QTEST_GUILESS_MAIN(TestStringKeyIndex)
#include "tst_stringkeyindex.moc"
