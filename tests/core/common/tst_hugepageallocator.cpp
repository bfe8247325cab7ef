#include "core/common/HugePageAllocator.h"

#include <QFile>
#include <QTest>

#include <cstdint>
#include <numeric>

using namespace NewsGraph;

namespace {

constexpr std::size_t hugePage = HugePageAllocator<char>::hugePageSize;

bool isAlignedTo(const void *address, std::size_t alignment)
{
    return reinterpret_cast<std::uintptr_t>(address) % alignment == 0;
}

// The flags of the mapping that holds `address` ("rd wr mr mw me ac hg"),
// from /proc/self/smaps; empty when it cannot be read.
QByteArray mappingFlagsOf(const void *address)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash) {
            bool startRead = false, endRead = false;
            const quint64 start = line.left(dash).toULongLong(&startRead, 16);
            const quint64 end = line.mid(dash + 1, space - dash - 1).toULongLong(&endRead, 16);
            if (startRead && endRead) {
                inside = start <= at && at < end;
                continue;
            }
        }
        if (inside && line.startsWith("VmFlags:"))
            return line.mid(8).trimmed();
    }
    return {};
}

} // namespace

class TestHugePageAllocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallTablesKeepWhatIsWritten()
    {
        HugePageVector<quint64> table(1000);
        std::iota(table.begin(), table.end(), quint64(7));
        QVERIFY(isAlignedTo(table.data(), alignof(quint64)));
        QCOMPARE(table.front(), quint64(7));
        QCOMPARE(table.back(), quint64(1006));
    }

    // A table of a huge page or more starts on one, and keeps its entries
    // as it grows past its room, is copied and is moved.
    void bigTablesStartOnAHugePage()
    {
        HugePageVector<qint32> table(hugePage / sizeof(qint32) + 1);
        std::iota(table.begin(), table.end(), 0);
        QVERIFY(isAlignedTo(table.data(), hugePage));
        table.resize(table.size() * 3);
        QVERIFY(isAlignedTo(table.data(), hugePage));
        QCOMPARE(table[hugePage / sizeof(qint32)], qint32(hugePage / sizeof(qint32)));
        QCOMPARE(table.back(), 0);

        const HugePageVector<qint32> copy = table;
        QVERIFY(isAlignedTo(copy.data(), hugePage));
        QVERIFY(copy == table);
        const qint32 *before = table.data();
        const HugePageVector<qint32> moved = std::move(table);
        QCOMPARE(moved.data(), before);
        QCOMPARE(moved[12345], 12345);
    }

    // Linux backs a block with huge pages only when asked (madvise), as
    // Debian configures it: the block's mapping carries the request ("hg").
    void bigTablesAskLinuxForHugePages()
    {
#if defined(__linux__)
        if (!QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
            QSKIP("this kernel has no transparent huge pages");
        const HugePageVector<quint64> table(2 * hugePage / sizeof(quint64), 1);
        const QByteArray flags = mappingFlagsOf(table.data());
        if (flags.isEmpty())
            QSKIP("/proc/self/smaps cannot be read");
        QVERIFY2(flags.split(' ').contains("hg"), flags.constData());
        const QByteArray lastFlags = mappingFlagsOf(&table.back());
        QVERIFY2(lastFlags.split(' ').contains("hg"), lastFlags.constData());
#else
        QSKIP("huge pages are asked for on Linux only");
#endif
    }
};

QTEST_GUILESS_MAIN(TestHugePageAllocator)
#include "tst_hugepageallocator.moc"
