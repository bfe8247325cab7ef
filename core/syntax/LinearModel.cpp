#include "core/syntax/LinearModel.h"

#include <QIODevice>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
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
    // The lookups are independent: asking for all their cache lines first
    // lets the memory system fetch them side by side instead of one miss
    // after the other.
    for (qsizetype f = 0; f < count; ++f)
        __builtin_prefetch(&m_slots[std::size_t(features[f]) & m_slotMask]);
    const std::size_t classes = std::size_t(m_classCount);
    if (!m_frozen) {
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
    std::array<qint32, maximumClassCount> sums{};
    if (storesRowsInline()) {
        for (qsizetype f = 0; f < count; ++f) {
            if (const Slot *slot = findSlot(features[f])) {
                qint16 steps[inlineClassCount];
                std::memcpy(steps, &slot->payload, sizeof steps);
                for (int c = 0; c < inlineClassCount; ++c)
                    sums[std::size_t(c)] += steps[c];
            }
        }
    } else {
        // The rows, fetched side by side too.
        constexpr qsizetype batch = 256;
        const qint16 *rows[batch];
        for (qsizetype from = 0; from < count; from += batch) {
            qsizetype found = 0;
            for (qsizetype f = from; f < std::min(count, from + batch); ++f) {
                if (const Slot *slot = findSlot(features[f])) {
                    rows[found] = &m_steps[slot->payload * classes];
                    __builtin_prefetch(rows[found]);
                    ++found;
                }
            }
            for (qsizetype i = 0; i < found; ++i) {
                for (std::size_t c = 0; c < classes; ++c)
                    sums[c] += rows[i][c];
            }
        }
    }
    for (std::size_t c = 0; c < classes; ++c)
        scores[c] += float(sums[c]) * m_scale;
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
    const std::size_t classes = std::size_t(m_classCount);
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
    for (const std::size_t row : order) {
        Slot filled{m_rowFeatures[row], row};
        if (storesRowsInline()) {
            qint16 steps[inlineClassCount] = {};
            std::copy_n(&m_steps[row * classes], classes, steps);
            std::memcpy(&filled.payload, steps, sizeof steps);
        }
        insertSlot(filled);
    }
    m_rowCount = m_rowFeatures.size();
    // The slots hold all there is of such a model; the arrays would only
    // double its memory (restoreRows() brings them back when needed).
    if (storesRowsInline()) {
        m_rowFeatures = {};
        m_steps = {};
    }
}

void LinearModel::restoreRows()
{
    if (!storesRowsInline() || m_rowFeatures.size() == m_rowCount)
        return;
    const std::size_t classes = std::size_t(m_classCount);
    m_rowFeatures.reserve(m_rowCount);
    m_steps.reserve(m_rowCount * classes);
    for (const Slot &slot : m_slots) {
        if (slot.feature == 0)
            continue;
        qint16 steps[inlineClassCount];
        std::memcpy(steps, &slot.payload, sizeof steps);
        m_rowFeatures.push_back(slot.feature);
        m_steps.insert(m_steps.end(), steps, steps + classes);
    }
}

float LinearModel::weight(std::size_t row, std::size_t c) const
{
    const std::size_t i = row * std::size_t(m_classCount) + c;
    return m_frozen ? float(m_steps[i]) * m_scale : m_weights[i];
}

void LinearModel::freeze()
{
    float largest = 0.0f;
    for (const float w : m_weights)
        largest = std::max(largest, std::fabs(w));
    m_scale = largest / float(maximumStoredWeight);
    m_steps.resize(m_weights.size());
    for (std::size_t i = 0; i < m_weights.size(); ++i)
        m_steps[i] = m_scale == 0.0f ? qint16(0)
                                     : qint16(std::clamp(std::lround(m_weights[i] / m_scale),
                                                         -long(maximumStoredWeight), long(maximumStoredWeight)));
    m_weights = {};
    m_frozen = true;
    rehash();
}

void LinearModel::prune(float threshold)
{
    restoreRows();
    const std::size_t classes = std::size_t(m_classCount);
    std::vector<quint64> features;
    std::vector<float> weights;
    std::vector<qint16> steps;
    for (std::size_t row = 0; row < m_rowFeatures.size(); ++row) {
        bool decides = false;
        for (std::size_t c = 0; c < classes && !decides; ++c)
            decides = std::fabs(weight(row, c)) > threshold;
        if (!decides)
            continue;
        features.push_back(m_rowFeatures[row]);
        if (m_frozen)
            steps.insert(steps.end(), &m_steps[row * classes], &m_steps[row * classes] + classes);
        else
            weights.insert(weights.end(), &m_weights[row * classes], &m_weights[row * classes] + classes);
    }
    m_rowFeatures = std::move(features);
    m_weights = std::move(weights);
    m_steps = std::move(steps);
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
    if (storesRowsInline()) {
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
    // Only a frozen model is on the grid the file stores.
    LinearModel frozenCopy;
    const LinearModel *model = this;
    if (!m_frozen || storesRowsInline()) {
        frozenCopy = *this;
        if (!m_frozen)
            frozenCopy.freeze();
        frozenCopy.restoreRows();
        model = &frozenCopy;
    }
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
        const qint16 *steps = &model->m_steps[row * classes];
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
    QByteArray table;
    in >> table;
    if (in.status() != QDataStream::Ok)
        return bad(u"weight table"_s);

    LinearModel model(classCount);
    model.m_frozen = true;
    std::memcpy(&model.m_scale, &scaleBits, sizeof scaleBits);
    if (!std::isfinite(model.m_scale) || model.m_scale < 0.0f)
        return bad(u"scale"_s);
    model.m_rowFeatures.resize(rows);
    model.m_steps.assign(std::size_t(rows) * std::size_t(classCount), 0);
    const char *at = table.constData();
    const char *const end = at + table.size();
    const auto take = [&](auto &value) {
        if (end - at < qsizetype(sizeof value))
            return false;
        value = qFromBigEndian<std::remove_reference_t<decltype(value)>>(at);
        at += sizeof value;
        return true;
    };
    const auto damaged = [&](const QString &part) { return Error{u"%1 have an invalid %2"_s.arg(what, part)}; };
    for (std::size_t row = 0; row < rows; ++row) {
        quint8 nonZero = 0;
        if (!take(model.m_rowFeatures[row]) || !take(nonZero))
            return damaged(u"weight table"_s);
        if (nonZero > classCount)
            return damaged(u"row"_s);
        for (int i = 0; i < nonZero; ++i) {
            quint8 c = 0;
            qint16 step = 0;
            if (!take(c) || !take(step))
                return damaged(u"weight table"_s);
            if (c >= classCount)
                return damaged(u"class"_s);
            model.m_steps[row * std::size_t(classCount) + c] = step;
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
