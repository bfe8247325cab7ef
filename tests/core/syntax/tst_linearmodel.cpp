#include "core/syntax/LinearModel.h"

#include <QTest>

#include <algorithm>
#include <cstring>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// A model of `classes` classes trained on a few made-up instances: each
// feature list moved towards one class and away from another.
LinearModel trainedModel(int classes)
{
    LinearModelTrainer trainer(classes);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 40; ++i) {
            const std::vector<quint64> features{featureKey(1, i % 7), featureKey(2, i % 5, i % 3), featureKey(3)};
            trainer.update(i % classes, (i * 7 + round) % classes, features);
        }
    }
    return trainer.averaged();
}

// Every feature the model might have, and some it has not.
std::vector<quint64> someFeatures()
{
    std::vector<quint64> features;
    for (int i = 0; i < 9; ++i) {
        features.push_back(featureKey(1, i));
        for (int j = 0; j < 4; ++j)
            features.push_back(featureKey(2, i, j));
    }
    features.push_back(featureKey(3));
    return features;
}

QByteArray written(const LinearModel &model)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    model.write(out);
    return bytes;
}

Result<LinearModel> readBack(const QByteArray &bytes)
{
    QDataStream in(bytes);
    return LinearModel::read(in, u"the weights"_s);
}

// A model file's weight table as LinearModel::write() lays it out, from
// rows of (feature, [(class, step)...]), the steps in the order given.
using Row = std::pair<quint64, QList<std::pair<int, int>>>;
QByteArray weightTable(int classes, float scale, QList<Row> rows)
{
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.first < b.first; });
    QByteArray table;
    QDataStream rowsOut(&table, QIODevice::WriteOnly);
    for (const auto &[feature, steps] : std::as_const(rows)) {
        rowsOut << feature << quint8(steps.size());
        for (const auto &[c, step] : steps)
            rowsOut << quint8(c) << qint16(step);
    }
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    quint32 scaleBits = 0;
    std::memcpy(&scaleBits, &scale, sizeof scaleBits);
    out << qint32(classes) << quint32(rows.size()) << scaleBits << table;
    return bytes;
}

} // namespace

class TestLinearModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scoresInPartsAsAtOnce_data()
    {
        QTest::addColumn<int>("classes");
        QTest::newRow("steps in the slots") << 3;
        QTest::newRow("sparse rows") << 11;
    }

    // addSteps() and addScaled(), as the parser uses them with sums of its
    // own, give the very floats of addScores(); stepsOf() lists the steps.
    void scoresInPartsAsAtOnce()
    {
        QFETCH(int, classes);
        const LinearModel model = trainedModel(classes);
        QVERIFY(model.isFrozen());
        QVERIFY(model.featureCount() > 10);
        const std::vector<quint64> features = someFeatures();
        std::vector<float> atOnce(std::size_t(classes), 0.0f);
        model.addScores(features.data(), qsizetype(features.size()), atOnce.data());
        QVERIFY(std::any_of(atOnce.cbegin(), atOnce.cend(), [](float score) { return score != 0.0f; }));

        std::vector<qint32> firstHalf(std::size_t(classes), 0), secondHalf(std::size_t(classes), 0);
        const qsizetype half = qsizetype(features.size()) / 2;
        model.addSteps(features.data(), half, firstHalf.data());
        model.addSteps(features.data() + half, qsizetype(features.size()) - half, secondHalf.data());
        std::vector<qint32> sums(std::size_t(classes), 0);
        for (std::size_t c = 0; c < sums.size(); ++c)
            sums[c] = firstHalf[c] + secondHalf[c];
        std::vector<float> inParts(std::size_t(classes), 0.0f);
        model.addScaled(sums.data(), inParts.data());
        QCOMPARE(inParts, atOnce);

        std::vector<qint16> steps(features.size() * std::size_t(classes));
        model.stepsOf(features.data(), qsizetype(features.size()), steps.data());
        std::vector<qint32> listed(std::size_t(classes), 0);
        for (std::size_t f = 0; f < features.size(); ++f) {
            for (std::size_t c = 0; c < listed.size(); ++c)
                listed[c] += steps[f * std::size_t(classes) + c];
        }
        QCOMPARE(listed, sums);

        // Rows found beforehand add the same steps; a feature the model
        // lacks has noRow, which adds nothing.
        std::vector<quint64> rows(features.size());
        model.rowsOf(features.data(), qsizetype(features.size()), rows.data());
        std::vector<qint32> fromRows(std::size_t(classes), 0);
        model.addRows(rows.data(), qsizetype(rows.size()), fromRows.data());
        QCOMPARE(fromRows, sums);
        const quint64 missing = 0x123456789abcdefULL;
        quint64 missingRow = 1;
        model.rowsOf(&missing, 1, &missingRow);
        QCOMPARE(missingRow, LinearModel::noRow);
        model.addRows(&missingRow, 1, fromRows.data());
        QCOMPARE(fromRows, sums);
    }

    void readsBackWhatItWrote_data()
    {
        scoresInPartsAsAtOnce_data();
    }

    void readsBackWhatItWrote()
    {
        QFETCH(int, classes);
        const LinearModel model = trainedModel(classes);
        const QByteArray bytes = written(model);
        const Result<LinearModel> read = readBack(bytes);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->featureCount(), model.featureCount());
        QCOMPARE(read->checksum(), model.checksum());
        QCOMPARE(written(read.value()), bytes);
        const std::vector<quint64> features = someFeatures();
        std::vector<float> before(std::size_t(classes), 0.0f), after(std::size_t(classes), 0.0f);
        model.addScores(features.data(), qsizetype(features.size()), before.data());
        read->addScores(features.data(), qsizetype(features.size()), after.data());
        QCOMPARE(after, before);
    }

    // A row's steps in another order than write() gives them, a class
    // given twice (the last counts) or a zero step read as the row they
    // mean.
    void readsStepsInAnyOrder_data()
    {
        scoresInPartsAsAtOnce_data();
    }

    void readsStepsInAnyOrder()
    {
        QFETCH(int, classes);
        const quint64 a = featureKey(1, 1), b = featureKey(1, 2), c = featureKey(1, 3);
        const QByteArray canonical = weightTable(classes, 0.5f, {{a, {{0, 4}, {2, -7}}}, {b, {{1, 3}}}, {c, {}}});
        const QByteArray unordered = weightTable(classes, 0.5f, {{a, {{2, 5}, {0, 4}, {2, -7}}}, {b, {{1, 3}}}, {c, {{1, 0}}}});
        const Result<LinearModel> expected = readBack(canonical);
        const Result<LinearModel> read = readBack(unordered);
        QVERIFY2(expected.ok(), qPrintable(expected.error()));
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->checksum(), expected->checksum());
        QCOMPARE(written(read.value()), written(expected.value()));
        QCOMPARE(written(expected.value()), canonical);
        const std::vector<quint64> features{a, b, c};
        std::vector<float> scores(std::size_t(classes), 0.0f);
        read->addScores(features.data(), qsizetype(features.size()), scores.data());
        std::vector<float> expectedScores(std::size_t(classes), 0.0f);
        expectedScores[0] = 2.0f;
        expectedScores[1] = 1.5f;
        expectedScores[2] = -3.5f;
        QCOMPARE(scores, expectedScores);
    }

    // Pruning a frozen model drops the rows that decide nothing and keeps
    // the others as they were.
    void prunesFrozenRows_data()
    {
        scoresInPartsAsAtOnce_data();
    }

    void prunesFrozenRows()
    {
        QFETCH(int, classes);
        const quint64 small = featureKey(1, 1), large = featureKey(1, 2);
        Result<LinearModel> model = readBack(weightTable(classes, 0.5f, {{small, {{0, 1}, {2, -1}}}, {large, {{1, 9}, {2, 4}}}}));
        QVERIFY2(model.ok(), qPrintable(model.error()));
        model->prune(1.0f);
        QCOMPARE(model->featureCount(), 1);
        QCOMPARE(written(model.value()), weightTable(classes, 0.5f, {{large, {{1, 9}, {2, 4}}}}));
        const std::vector<quint64> features{small, large};
        std::vector<float> scores(std::size_t(classes), 0.0f);
        model->addScores(features.data(), qsizetype(features.size()), scores.data());
        QCOMPARE(scores[1], 4.5f);
        QCOMPARE(scores[2], 2.0f);
    }
};

QTEST_GUILESS_MAIN(TestLinearModel)
#include "tst_linearmodel.moc"
