#include "core/syntax/LinearModel.h"

#include <QIODevice>

#include <algorithm>
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
    const std::size_t classes = std::size_t(m_classCount);
    for (qsizetype f = 0; f < count; ++f) {
        const qint64 r = rowIndex(features[f]);
        if (r < 0)
            continue;
        const float *weights = &m_weights[std::size_t(r) * classes];
        for (std::size_t c = 0; c < classes; ++c)
            scores[c] += weights[c];
    }
}

std::size_t LinearModel::rowFor(quint64 feature)
{
    if (const qint64 r = rowIndex(feature); r >= 0)
        return std::size_t(r);
    // Kept at most half full, so that probes stay short.
    if ((m_rowFeatures.size() + 1) * 2 > m_slotKeys.size())
        rehash(std::max<std::size_t>(1024, m_slotKeys.size() * 2));
    const std::size_t row = m_rowFeatures.size();
    m_rowFeatures.push_back(feature);
    m_weights.resize(m_weights.size() + std::size_t(m_classCount), 0.0f);
    std::size_t slot = std::size_t(feature) & m_slotMask;
    while (m_slotKeys[slot] != 0)
        slot = (slot + 1) & m_slotMask;
    m_slotKeys[slot] = feature;
    m_slotRows[slot] = quint32(row);
    return row;
}

void LinearModel::rehash(std::size_t slotCount)
{
    m_slotKeys.assign(slotCount, 0);
    m_slotRows.assign(slotCount, 0);
    m_slotMask = slotCount - 1;
    for (std::size_t row = 0; row < m_rowFeatures.size(); ++row) {
        std::size_t slot = std::size_t(m_rowFeatures[row]) & m_slotMask;
        while (m_slotKeys[slot] != 0)
            slot = (slot + 1) & m_slotMask;
        m_slotKeys[slot] = m_rowFeatures[row];
        m_slotRows[slot] = quint32(row);
    }
}

void LinearModel::prune(float threshold)
{
    const std::size_t classes = std::size_t(m_classCount);
    std::vector<quint64> features;
    std::vector<float> weights;
    for (std::size_t row = 0; row < m_rowFeatures.size(); ++row) {
        const float *w = &m_weights[row * classes];
        if (std::none_of(w, w + classes, [threshold](float x) { return std::fabs(x) > threshold; }))
            continue;
        features.push_back(m_rowFeatures[row]);
        weights.insert(weights.end(), w, w + classes);
    }
    m_rowFeatures = std::move(features);
    m_weights = std::move(weights);
    std::size_t slots = 1024;
    while (slots < m_rowFeatures.size() * 2)
        slots *= 2;
    rehash(slots);
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
    quint64 hash = featureKey(0, m_classCount);
    const std::size_t classes = std::size_t(m_classCount);
    for (const std::size_t row : rowsByFeature(m_rowFeatures)) {
        hash = featureKey(1, qint64(hash), qint64(m_rowFeatures[row]));
        for (std::size_t c = 0; c < classes; ++c) {
            quint32 bits = 0;
            std::memcpy(&bits, &m_weights[row * classes + c], sizeof bits);
            hash = featureKey(2, qint64(hash), bits);
        }
    }
    return hash;
}

void LinearModel::quantise()
{
    float largest = 0.0f;
    for (const float weight : m_weights)
        largest = std::max(largest, std::fabs(weight));
    m_scale = largest / float(maximumStoredWeight);
    for (float &weight : m_weights)
        weight = m_scale == 0.0f ? 0.0f : float(std::lround(weight / m_scale)) * m_scale;
}

void LinearModel::write(QDataStream &out) const
{
    out << qint32(m_classCount) << quint32(m_rowFeatures.size());
    quint32 scaleBits = 0;
    std::memcpy(&scaleBits, &m_scale, sizeof scaleBits);
    out << scaleBits;
    const std::size_t classes = std::size_t(m_classCount);
    for (const std::size_t row : rowsByFeature(m_rowFeatures)) {
        out << m_rowFeatures[row];
        const float *weights = &m_weights[row * classes];
        const auto nonZero = std::count_if(weights, weights + classes, [](float w) { return w != 0.0f; });
        out << quint8(nonZero);
        for (std::size_t c = 0; c < classes; ++c) {
            if (weights[c] != 0.0f)
                out << quint8(c) << qint16(std::lround(weights[c] / m_scale));
        }
    }
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
    LinearModel model(classCount);
    std::memcpy(&model.m_scale, &scaleBits, sizeof scaleBits);
    if (!std::isfinite(model.m_scale) || model.m_scale < 0.0f)
        return bad(u"scale"_s);
    model.m_rowFeatures.resize(rows);
    model.m_weights.assign(std::size_t(rows) * std::size_t(classCount), 0.0f);
    for (std::size_t row = 0; row < rows && in.status() == QDataStream::Ok; ++row) {
        quint8 nonZero = 0;
        in >> model.m_rowFeatures[row] >> nonZero;
        if (nonZero > classCount)
            return bad(u"row"_s);
        for (int i = 0; i < nonZero; ++i) {
            quint8 c = 0;
            qint16 value = 0;
            in >> c >> value;
            if (c >= classCount)
                return bad(u"class"_s);
            model.m_weights[row * std::size_t(classCount) + c] = float(value) * model.m_scale;
        }
        if (row > 0 && model.m_rowFeatures[row] <= model.m_rowFeatures[row - 1])
            return bad(u"feature order"_s);
    }
    if (in.status() != QDataStream::Ok)
        return bad(u"weight table"_s);
    if (!model.m_rowFeatures.empty() && model.m_rowFeatures.front() == 0)
        return bad(u"feature"_s);
    std::size_t slots = 1024;
    while (slots < model.m_rowFeatures.size() * 2)
        slots *= 2;
    model.rehash(slots);
    return model;
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
    model.quantise();
    return model;
}

} // namespace NewsGraph
