#include "core/syntax/LinearModel.h"

#include "core/syntax/ModelStreamReader.h"

#include <QIODevice>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace NewsGraph {

LinearModel::LinearModel(int classCount)
    : m_classCount(classCount)
{
    Q_ASSERT(classCount >= 0 && classCount <= maximumClassCount);
}

void LinearModel::addScores(const quint64 *features, qsizetype count, float *scores) const
{
    if (m_slots.empty())
        return;
    if (!m_frozen) {
        // The lookups are independent: asking for all their cache lines
        // first lets the memory system fetch them side by side instead of
        // one miss after the other.
        prefetch(features, count);
        const std::size_t classes = std::size_t(m_classCount);
        for (qsizetype f = 0; f < count; ++f) {
            if (const Slot *slot = findSlot(features[f])) {
                const float *row = &m_weights[slot->payload * classes];
                for (std::size_t c = 0; c < classes; ++c)
                    scores[c] += row[c];
            }
        }
        return;
    }
    // Integer steps add up exactly, in any order; scaled once at the end.
    std::array<qint32, maximumClassCount> sums;
    std::fill_n(sums.begin(), m_classCount, 0);
    prefetch(features, count);
    addSteps(features, count, sums.data());
    addScaled(sums.data(), scores);
}

void LinearModel::addSteps(const quint64 *features, qsizetype count, qint32 *sums) const
{
    Q_ASSERT(m_frozen);
    if (m_slots.empty())
        return;
    // No prefetch() here: the callers ask for the lines themselves, all of
    // a state's at once (see the header), and asking again cost 2% of the
    // parser's instructions.
    if (storesRowsInline()) {
        std::array<qint32, inlineClassCount> inlineSums{};
        for (qsizetype f = 0; f < count; ++f) {
            if (const Slot *slot = findSlot(features[f])) {
                qint16 steps[inlineClassCount];
                std::memcpy(steps, &slot->payload, sizeof steps);
                for (int c = 0; c < inlineClassCount; ++c)
                    inlineSums[std::size_t(c)] += steps[c];
            }
        }
        for (int c = 0; c < m_classCount; ++c)
            sums[c] += inlineSums[std::size_t(c)];
        return;
    }
    // The rows' steps, fetched side by side too.
    constexpr qsizetype batch = 256;
    quint64 rows[batch];
    for (qsizetype from = 0; from < count; from += batch) {
        qsizetype found = 0;
        for (qsizetype f = from; f < std::min(count, from + batch); ++f) {
            if (const Slot *slot = findSlot(features[f])) {
                rows[found++] = slot->payload;
                __builtin_prefetch(m_entries.data() + sparseFirst(slot->payload));
            }
        }
        for (qsizetype i = 0; i < found; ++i) {
            const SparseStep *step = m_entries.data() + sparseFirst(rows[i]);
            for (const SparseStep *end = step + sparseCount(rows[i]); step != end; ++step)
                sums[step->classIndex] += step->step;
        }
    }
}

int LinearModel::bestClass(const qint32 *sums, int excluded) const
{
    static_assert(qint64(maximumSummedRows) * maximumStoredWeight < (1 << 21));
    Q_ASSERT(m_frozen);
    int best = -1;
    if (!std::isnormal(m_scale)) {
        std::array<float, maximumClassCount> scores{};
        addScaled(sums, scores.data());
        for (int c = 0; c < m_classCount; ++c) {
            if (c != excluded && (best < 0 || scores[std::size_t(c)] > scores[std::size_t(best)]))
                best = c;
        }
        return best;
    }
    // The highest sum, on either side of `excluded` (two loops the
    // compiler vectorises), then the first class that has it: half the
    // instructions of one loop that keeps the best so far.
    const auto highestOf = [&](int from, int to, qint32 highest) {
        for (int c = from; c < to; ++c)
            highest = std::max(highest, sums[c]);
        return highest;
    };
    const int before = std::clamp(excluded, 0, m_classCount);
    const int after = excluded >= 0 && excluded < m_classCount ? excluded + 1 : before;
    const qint32 highest
        = highestOf(after, m_classCount, highestOf(0, before, std::numeric_limits<qint32>::min()));
    for (int c = 0; c < m_classCount; ++c) {
        if (sums[c] == highest && c != excluded)
            return c;
    }
    return best;
}

template<typename Found>
void LinearModel::forEachFound(const quint64 *features, qsizetype count, Found &&found) const
{
    if (m_slots.empty())
        return;
    constexpr qsizetype batch = 64;
    for (qsizetype from = 0; from < count; from += batch) {
        const qsizetype to = std::min(count, from + batch);
        prefetch(features + from, to - from);
        for (qsizetype f = from; f < to; ++f) {
            if (const Slot *slot = findSlot(features[f]))
                found(f, *slot);
        }
    }
}

void LinearModel::stepsOf(const quint64 *features, qsizetype count, qint16 *steps) const
{
    Q_ASSERT(m_frozen);
    const std::size_t classes = std::size_t(m_classCount);
    std::fill_n(steps, std::size_t(count) * classes, qint16(0));
    // Each row written out at once rather than class by class through
    // stepOf(), which searches a sparse row for every class: listing the
    // parser's tables when a model is read took 160 M instructions that way.
    // A sparse row lists each class at most once (read() and freeze() make
    // it so), so its steps land where stepOf() would find them.
    const bool inlineRows = storesRowsInline();
    forEachFound(features, count, [&](qsizetype f, const Slot &slot) {
        qint16 *row = steps + std::size_t(f) * classes;
        if (inlineRows) {
            qint16 packed[inlineClassCount];
            std::memcpy(packed, &slot.payload, sizeof packed);
            std::copy_n(packed, classes, row);
            return;
        }
        const SparseStep *step = m_entries.data() + sparseFirst(slot.payload);
        for (const SparseStep *end = step + sparseCount(slot.payload); step != end; ++step)
            row[step->classIndex] = step->step;
    });
}

void LinearModel::rowsOf(const quint64 *features, qsizetype count, quint64 *rows) const
{
    Q_ASSERT(m_frozen);
    // A row is its slot's payload: an empty one (no steps in an inline row,
    // none listed in a sparse one) adds nothing, which noRow is.
    std::fill_n(rows, count, noRow);
    forEachFound(features, count, [&](qsizetype f, const Slot &slot) { rows[f] = slot.payload; });
}

void LinearModel::addRows(const quint64 *rows, qsizetype count, qint32 *sums) const
{
    Q_ASSERT(m_frozen);
    if (storesRowsInline()) {
        for (qsizetype r = 0; r < count; ++r) {
            qint16 steps[inlineClassCount];
            std::memcpy(steps, &rows[r], sizeof steps);
            for (int c = 0; c < m_classCount; ++c)
                sums[c] += steps[c];
        }
        return;
    }
    for (qsizetype r = 0; r < count; ++r)
        __builtin_prefetch(m_entries.data() + sparseFirst(rows[r]));
    for (qsizetype r = 0; r < count; ++r) {
        const SparseStep *step = m_entries.data() + sparseFirst(rows[r]);
        for (const SparseStep *end = step + sparseCount(rows[r]); step != end; ++step)
            sums[step->classIndex] += step->step;
    }
}

std::size_t LinearModel::rowFor(quint64 feature)
{
    Q_ASSERT(!m_frozen);
    if (const Slot *slot = findSlot(feature))
        return std::size_t(slot->payload);
    const std::size_t row = m_rowFeatures.size();
    m_rowFeatures.push_back(feature);
    m_rowCount = m_rowFeatures.size();
    m_weights.resize(m_weights.size() + std::size_t(m_classCount), 0.0f);
    if (m_rowFeatures.size() * 4 > m_slots.size() * 3) {
        rehash();
        return row;
    }
    insertSlot(Slot{feature, row});
    return row;
}

void LinearModel::insertSlot(Slot entry)
{
    std::size_t slot = std::size_t(entry.feature) & m_slotMask;
    for (std::size_t distance = 0;; ++distance) {
        Slot &here = m_slots[slot];
        if (here.feature == 0) {
            here = entry;
            return;
        }
        if (const std::size_t hereDistance = homeDistance(here, slot); hereDistance < distance) {
            std::swap(here, entry);
            distance = hereDistance;
        }
        slot = (slot + 1) & m_slotMask;
    }
}

void LinearModel::rehash()
{
    // At most three quarters full (see Slot), or half for a model whose
    // rows live in the slots: the parser's moves, looked up a hundred
    // times a transition, mostly for features they lack. Measured on
    // en_ewt test: parsing 195k words/s at three quarters, 245k at half.
    const std::size_t fill = storesRowsInline() ? 2 : 4;
    const std::size_t room = storesRowsInline() ? 1 : 3;
    std::size_t slotCount = 1024;
    while (slotCount * room < m_rowFeatures.size() * fill)
        slotCount *= 2;
    m_slots.assign(slotCount, Slot{});
    m_slotMask = slotCount - 1;
    // Inserted in the order of their home slots (a counting sort), so
    // that filling the table walks it once instead of jumping about it:
    // loading the English model took 120 ms more the other way.
    std::vector<quint32> startOfHome(slotCount + 1, 0);
    for (const quint64 feature : m_rowFeatures)
        ++startOfHome[(std::size_t(feature) & m_slotMask) + 1];
    std::partial_sum(startOfHome.begin(), startOfHome.end(), startOfHome.begin());
    std::vector<std::size_t> order(m_rowFeatures.size());
    for (std::size_t row = 0; row < m_rowFeatures.size(); ++row)
        order[startOfHome[std::size_t(m_rowFeatures[row]) & m_slotMask]++] = row;
    for (const std::size_t row : order)
        insertSlot(Slot{m_rowFeatures[row], m_frozen ? m_rowPayloads[row] : row});
    m_rowCount = m_rowFeatures.size();
    // The slots (with the sparse steps) hold all there is of a frozen
    // model; the arrays would only add to its memory (restoreRows() brings
    // them back when needed).
    if (m_frozen) {
        m_rowFeatures = {};
        m_rowPayloads = {};
    }
}

void LinearModel::restoreRows()
{
    if (!m_frozen || m_rowFeatures.size() == m_rowCount)
        return;
    m_rowFeatures.reserve(m_rowCount);
    m_rowPayloads.reserve(m_rowCount);
    for (const Slot &slot : m_slots) {
        if (slot.feature == 0)
            continue;
        m_rowFeatures.push_back(slot.feature);
        m_rowPayloads.push_back(slot.payload);
    }
}

qint16 LinearModel::stepOf(quint64 payload, std::size_t c) const
{
    if (storesRowsInline()) {
        qint16 steps[inlineClassCount];
        std::memcpy(steps, &payload, sizeof steps);
        return steps[c];
    }
    const SparseStep *step = m_entries.data() + sparseFirst(payload);
    for (const SparseStep *end = step + sparseCount(payload); step != end; ++step) {
        if (step->classIndex == c)
            return step->step;
    }
    return 0;
}

float LinearModel::weight(std::size_t row, std::size_t c) const
{
    return m_frozen ? float(stepOf(m_rowPayloads[row], c)) * m_scale
                    : m_weights[row * std::size_t(m_classCount) + c];
}

void LinearModel::freeze()
{
    float largest = 0.0f;
    for (const float w : m_weights)
        largest = std::max(largest, std::fabs(w));
    m_scale = largest / float(maximumStoredWeight);
    const std::size_t classes = std::size_t(m_classCount);
    m_frozen = true; // for frozenPayload()
    m_entries.clear();
    m_rowPayloads.resize(m_rowFeatures.size());
    for (std::size_t row = 0; row < m_rowFeatures.size(); ++row) {
        qint16 steps[maximumClassCount];
        for (std::size_t c = 0; c < classes; ++c) {
            const float w = m_weights[row * classes + c];
            steps[c] = m_scale == 0.0f ? qint16(0)
                                       : qint16(std::clamp(std::lround(w / m_scale), -long(maximumStoredWeight),
                                                           long(maximumStoredWeight)));
        }
        m_rowPayloads[row] = frozenPayload(steps);
    }
    m_weights = {};
    rehash();
}

quint64 LinearModel::frozenPayload(const qint16 *steps)
{
    const std::size_t classes = std::size_t(m_classCount);
    if (storesRowsInline()) {
        qint16 packed[inlineClassCount] = {};
        std::copy_n(steps, classes, packed);
        quint64 payload = 0;
        std::memcpy(&payload, packed, sizeof packed);
        return payload;
    }
    const std::size_t first = m_entries.size();
    for (std::size_t c = 0; c < classes; ++c) {
        if (steps[c] != 0)
            m_entries.push_back(SparseStep{quint16(c), steps[c]});
    }
    return sparsePayload(first, m_entries.size() - first);
}

void LinearModel::prune(float threshold)
{
    restoreRows();
    const std::size_t classes = std::size_t(m_classCount);
    std::vector<quint64> features;
    std::vector<float> weights;
    std::vector<quint64> payloads;
    HugePageVector<SparseStep> entries;
    for (std::size_t row = 0; row < m_rowFeatures.size(); ++row) {
        bool decides = false;
        for (std::size_t c = 0; c < classes && !decides; ++c)
            decides = std::fabs(weight(row, c)) > threshold;
        if (!decides)
            continue;
        features.push_back(m_rowFeatures[row]);
        if (!m_frozen) {
            weights.insert(weights.end(), &m_weights[row * classes], &m_weights[row * classes] + classes);
        } else if (storesRowsInline()) {
            payloads.push_back(m_rowPayloads[row]);
        } else {
            const quint64 payload = m_rowPayloads[row];
            const SparseStep *first = m_entries.data() + sparseFirst(payload);
            payloads.push_back(sparsePayload(entries.size(), sparseCount(payload)));
            entries.insert(entries.end(), first, first + sparseCount(payload));
        }
    }
    m_rowFeatures = std::move(features);
    m_weights = std::move(weights);
    m_rowPayloads = std::move(payloads);
    if (m_frozen && !storesRowsInline())
        m_entries = std::move(entries);
    rehash();
}

namespace {

// The rows in ascending order of their features.
std::vector<std::size_t> rowsByFeature(const std::vector<quint64> &rowFeatures)
{
    std::vector<std::size_t> order(rowFeatures.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return rowFeatures[a] < rowFeatures[b]; });
    return order;
}

} // namespace

quint64 LinearModel::checksum() const
{
    LinearModel restored;
    const LinearModel *model = this;
    if (m_frozen) {
        restored = *this;
        restored.restoreRows();
        model = &restored;
    }
    quint64 hash = featureKey(0, m_classCount);
    const std::size_t classes = std::size_t(m_classCount);
    for (const std::size_t row : rowsByFeature(model->m_rowFeatures)) {
        hash = featureKey(1, qint64(hash), qint64(model->m_rowFeatures[row]));
        for (std::size_t c = 0; c < classes; ++c) {
            const float w = model->weight(row, c);
            quint32 bits = 0;
            std::memcpy(&bits, &w, sizeof bits);
            hash = featureKey(2, qint64(hash), bits);
        }
    }
    return hash;
}

void LinearModel::write(QDataStream &out) const
{
    // Only a frozen model is on the grid the file stores, and it keeps its
    // rows in its slots.
    LinearModel frozenCopy = *this;
    if (!m_frozen)
        frozenCopy.freeze();
    frozenCopy.restoreRows();
    const LinearModel *model = &frozenCopy;
    // The rows as one block of bytes, which read() parses in place: field
    // by field through QDataStream, loading took twice as long.
    QByteArray table;
    const std::size_t classes = std::size_t(m_classCount);
    table.reserve(qsizetype(model->m_rowFeatures.size() * (9 + 3 * classes)));
    const auto append = [&table](auto value) {
        const auto bigEndian = qToBigEndian(value);
        table.append(reinterpret_cast<const char *>(&bigEndian), sizeof bigEndian);
    };
    for (const std::size_t row : rowsByFeature(model->m_rowFeatures)) {
        append(model->m_rowFeatures[row]);
        qint16 steps[maximumClassCount];
        for (std::size_t c = 0; c < classes; ++c)
            steps[c] = model->stepOf(model->m_rowPayloads[row], c);
        append(quint8(std::count_if(steps, steps + classes, [](qint16 step) { return step != 0; })));
        for (std::size_t c = 0; c < classes; ++c) {
            if (steps[c] != 0) {
                append(quint8(c));
                append(steps[c]);
            }
        }
    }
    quint32 scaleBits = 0;
    std::memcpy(&scaleBits, &model->m_scale, sizeof scaleBits);
    out << qint32(m_classCount) << quint32(model->m_rowFeatures.size()) << scaleBits << table;
}

Result<LinearModel> LinearModel::read(QDataStream &in, const QString &what)
{
    qint32 classCount = 0;
    quint32 rows = 0;
    quint32 scaleBits = 0;
    in >> classCount >> rows >> scaleBits;
    const auto bad = [&](const QString &part) {
        return Error{in.status() == QDataStream::ReadPastEnd ? u"%1 are cut short"_s.arg(what)
                                                             : u"%1 have an invalid %2"_s.arg(what, part)};
    };
    if (in.status() != QDataStream::Ok || classCount < 0 || classCount > maximumClassCount
        || (classCount == 0 && rows > 0))
        return bad(u"class count"_s);
    // A row takes at least 9 bytes; more rows than the stream could hold
    // means a damaged count, not a reason to allocate gigabytes.
    if (in.device() && qint64(rows) * 9 > in.device()->bytesAvailable())
        return bad(u"row count"_s);
    // The table seen in the model's bytes where it can be (see
    // ModelStreamReader): no copy of its megabytes.
    QByteArray tableCopy;
    QByteArrayView table;
    {
        ModelStreamReader reader(in);
        table = reader.byteArray(tableCopy);
    }
    if (in.status() != QDataStream::Ok)
        return bad(u"weight table"_s);

    LinearModel model(classCount);
    model.m_frozen = true;
    std::memcpy(&model.m_scale, &scaleBits, sizeof scaleBits);
    if (!std::isfinite(model.m_scale) || model.m_scale < 0.0f)
        return bad(u"scale"_s);
    model.m_rowFeatures.resize(rows);
    model.m_rowPayloads.resize(rows);
    // At most an entry per 3 bytes of the table beyond its rows' 9.
    const bool inlineRows = model.storesRowsInline();
    if (!inlineRows && qint64(table.size()) > qint64(rows) * 9)
        model.m_entries.reserve(std::size_t((qint64(table.size()) - qint64(rows) * 9) / 3));
    const char *at = table.data();
    const char *const end = at + table.size();
    // Bytes checked once for a row's start (feature and count) and once
    // for each of its steps (class and step), which fail as checking each
    // number would: a row cut anywhere is a damaged weight table.
    const auto next = [&at](auto &value) {
        value = qFromBigEndian<std::remove_reference_t<decltype(value)>>(at);
        at += sizeof value;
    };
    const auto damaged = [&](const QString &part) { return Error{u"%1 have an invalid %2"_s.arg(what, part)}; };
    for (std::size_t row = 0; row < rows; ++row) {
        quint8 nonZero = 0;
        if (end - at < qsizetype(sizeof(quint64) + sizeof nonZero))
            return damaged(u"weight table"_s);
        next(model.m_rowFeatures[row]);
        next(nonZero);
        if (nonZero > classCount)
            return damaged(u"row"_s);
        qint16 packed[inlineClassCount] = {};
        const std::size_t first = model.m_entries.size();
        bool canonical = true;
        for (int i = 0; i < nonZero; ++i) {
            quint8 c = 0;
            qint16 step = 0;
            if (end - at < qsizetype(sizeof c + sizeof step))
                return damaged(u"weight table"_s);
            next(c);
            next(step);
            if (c >= classCount)
                return damaged(u"class"_s);
            if (inlineRows) {
                packed[c] = step;
            } else {
                canonical = canonical && step != 0 && (i == 0 || c > model.m_entries.back().classIndex);
                model.m_entries.push_back(SparseStep{c, step});
            }
        }
        quint64 &payload = model.m_rowPayloads[row];
        if (inlineRows) {
            std::memcpy(&payload, packed, sizeof packed);
        } else if (canonical) {
            // As write() gives a row: its non-zero steps by ascending class.
            payload = sparsePayload(first, nonZero);
        } else {
            // Steps in another order, repeated or zero, as a dense row
            // would take them: the last for a class counts.
            std::array<qint16, maximumClassCount> dense{};
            for (std::size_t i = first; i < model.m_entries.size(); ++i)
                dense[model.m_entries[i].classIndex] = model.m_entries[i].step;
            model.m_entries.resize(first);
            payload = model.frozenPayload(dense.data());
        }
        if (row > 0 && model.m_rowFeatures[row] <= model.m_rowFeatures[row - 1])
            return damaged(u"feature order"_s);
    }
    if (at != end)
        return damaged(u"weight table"_s);
    if (!model.m_rowFeatures.empty() && model.m_rowFeatures.front() == 0)
        return damaged(u"feature"_s);
    model.rehash();
    return model;
}

void shuffleTrainingOrder(std::vector<qsizetype> &order, std::mt19937 &random)
{
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::size_t j = std::size_t(random() % i);
        std::swap(order[i - 1], order[j]);
    }
}

LinearModelTrainer::LinearModelTrainer(int classCount)
    : m_model(classCount)
{
}

void LinearModelTrainer::update(int truth, int guess, const quint64 *features, qsizetype count)
{
    ++m_instances;
    if (truth == guess)
        return;
    const std::size_t classes = std::size_t(m_model.m_classCount);
    for (qsizetype f = 0; f < count; ++f) {
        const std::size_t row = m_model.rowFor(features[f]) * classes;
        if (m_totals.size() < m_model.m_weights.size()) {
            m_totals.resize(m_model.m_weights.size(), 0.0);
            m_stamps.resize(m_model.m_weights.size(), 0);
        }
        change(row + std::size_t(truth), 1.0f);
        change(row + std::size_t(guess), -1.0f);
    }
}

void LinearModelTrainer::change(std::size_t weight, float delta)
{
    m_totals[weight] += double(m_instances - m_stamps[weight]) * double(m_model.m_weights[weight]);
    m_stamps[weight] = m_instances;
    m_model.m_weights[weight] += delta;
}

LinearModel LinearModelTrainer::averaged() const
{
    LinearModel model = m_model;
    for (std::size_t i = 0; i < model.m_weights.size(); ++i) {
        const double total = m_totals[i] + double(m_instances - m_stamps[i]) * double(m_model.m_weights[i]);
        model.m_weights[i] = m_instances > 0 ? float(total / double(m_instances)) : 0.0f;
    }
    model.freeze();
    return model;
}

} // namespace NewsGraph
