#pragma once

#include "core/common/HugePageAllocator.h"
#include "core/common/Result.h"
#include "core/syntax/StringKeyIndex.h"

#include <QDataStream>
#include <QtGlobal>

#include <QStringView>

#include <random>
#include <type_traits>
#include <vector>

namespace NewsGraph {

// The weights of a linear classifier over hashed sparse features: for each
// feature seen in training, one row with a weight per class. A class's score
// is the sum of its weights over the features present. The tagger and the
// parser's two classifiers are each one of these.
//
// Rows are found through an open-addressing table of 64-bit feature keys
// (linear probing), which costs one or two cache lines a lookup where a
// QHash node costs more; the key 0 marks an empty slot (featureKey() never
// gives it).
class LinearModel
{
public:
    // A class is stored in one byte, a weight in 16 bits.
    static constexpr int maximumClassCount = 255;
    static constexpr int maximumStoredWeight = 32767;

    // At most maximumClassCount classes.
    explicit LinearModel(int classCount = 0);

    int classCount() const { return m_classCount; }
    qsizetype featureCount() const { return qsizetype(m_rowCount); }

    // Adds each present feature's weights to `scores` (classCount() floats).
    void addScores(const quint64 *features, qsizetype count, float *scores) const;

    // addScores() in parts, for a caller that keeps sums of its own (the
    // parser's, see DependencyParser::MoveScorer): a frozen model scores in
    // integer steps, which add up exactly in any grouping, and scales their
    // sums once, so these give the very floats addScores() gives. Frozen
    // models only.
    bool isFrozen() const { return m_frozen; }
    // Adds the steps of each present feature to `sums` (classCount() values).
    // Looks them up at once: a caller asks for their memory first
    // (prefetch()), as addScores() does.
    void addSteps(const quint64 *features, qsizetype count, qint32 *sums) const;
    // Adds `sums` of steps to `scores` as weights.
    void addScaled(const qint32 *sums, float *scores) const
    {
        Q_ASSERT(m_frozen);
        for (int c = 0; c < m_classCount; ++c)
            scores[c] += float(sums[c]) * m_scale;
    }
    // The class whose score addScaled() would make of `sums` is highest
    // (the first of equals), `excluded` left out; -1 for none. Without
    // making the scores: a positive (normal) scale keeps the order of
    // integers of magnitude below 2^21, which sums of at most
    // maximumSummedRows rows are, in floats (each is exact, and two apart
    // by one step stay apart by more than rounding moves them). With
    // another scale, through the scores.
    static constexpr int maximumSummedRows = 64;
    int bestClass(const qint32 *sums, int excluded) const;
    // The steps of each feature (classCount() values each; zeros for a
    // feature the model lacks), for a caller that lists them beforehand.
    void stepsOf(const quint64 *features, qsizetype count, qint16 *steps) const;
    // A frozen row found beforehand, for a caller that lists the rows of
    // features it will score again and again (the parser's labeller, see
    // DependencyParser::LabelScorer) instead of looking them up each time:
    // rowsOf() gives each feature's row (noRow for a feature the model
    // lacks), addRows() adds the steps of such rows to `sums` as addSteps()
    // adds those of their features.
    static constexpr quint64 noRow = 0;
    void rowsOf(const quint64 *features, qsizetype count, quint64 *rows) const;
    void addRows(const quint64 *rows, qsizetype count, qint32 *sums) const;
    // Asks for the memory where the features are looked up, for a caller
    // that then looks them up in several addSteps() calls: fetched side by
    // side, they do not wait for each other.
    void prefetch(const quint64 *features, qsizetype count) const
    {
        if (m_slots.empty())
            return;
        for (qsizetype f = 0; f < count; ++f)
            __builtin_prefetch(&m_slots[std::size_t(features[f]) & m_slotMask]);
    }

    // Drops the rows whose weights are all within `threshold` of zero:
    // features that training saw but that decide nothing.
    void prune(float threshold);

    // An order-independent digest of the features and weights.
    quint64 checksum() const;

    // Rows by ascending feature, so that equal models give equal bytes.
    // Compact: a weight is a 16-bit multiple of one scale per model, and a
    // row keeps only its non-zero weights (a perceptron row has non-zero
    // weights only for the classes its feature was updated for: three or
    // four of fifty labels). Trained models are already on that grid
    // (LinearModelTrainer::averaged() puts them there), so reading gives
    // back the very weights that were written.
    void write(QDataStream &out) const;

    // `what` names the model in messages ("the parser's label weights").
    static Result<LinearModel> read(QDataStream &in, const QString &what);

private:
    friend class LinearModelTrainer;

    // Open addressing with linear probing in Robin Hood order (Celis,
    // "Robin Hood Hashing", 1986): a key further from its home slot takes
    // the place of one nearer to its own, so a lookup for a feature the
    // model lacks, the common case when parsing, stops after a probe or
    // two even with the table three quarters full.
    //
    // A feature and what it leads to side by side, so that a lookup costs
    // one cache line. While training, the payload is the feature's row of
    // m_weights. Frozen, it is the row's steps themselves in a model of at
    // most four classes (the parser's moves), and where its non-zero steps
    // are in m_entries in another (see SparseStep).
    struct Slot
    {
        quint64 feature = 0; // 0: empty
        quint64 payload = 0;
    };
    static constexpr int inlineClassCount = 4;

    // A frozen row of many classes keeps only its non-zero steps, as
    // (class, step) pairs, which is also how files store it: a perceptron
    // row has a few (4.75 of the English labeller's 51 on average, 2.9 of
    // its tagger's 17), so scoring adds those few instead of whole rows,
    // and the rows take less memory (the English labeller's 1.8 MB instead
    // of 9.6).
    struct SparseStep
    {
        quint16 classIndex;
        qint16 step;
    };
    static quint64 sparsePayload(std::size_t first, std::size_t count) { return quint64(first) << 8 | quint64(count); }
    static std::size_t sparseFirst(quint64 payload) { return std::size_t(payload >> 8); }
    static std::size_t sparseCount(quint64 payload) { return std::size_t(payload & 0xFF); }

    // Calls found(f, slot) for each of the features the model has, looked
    // up a batch at a time after asking for their memory (prefetch()).
    template<typename Found>
    void forEachFound(const quint64 *features, qsizetype count, Found &&found) const;
    const Slot *findSlot(quint64 feature) const
    {
        if (m_slots.empty())
            return nullptr;
        std::size_t slot = std::size_t(feature) & m_slotMask;
        for (std::size_t distance = 0;; ++distance) {
            const Slot &candidate = m_slots[slot];
            if (candidate.feature == feature)
                return &candidate;
            // Robin Hood order: past a key nearer its home than we are
            // from ours, ours cannot be.
            if (candidate.feature == 0 || homeDistance(candidate, slot) < distance)
                return nullptr;
            slot = (slot + 1) & m_slotMask;
        }
    }
    std::size_t homeDistance(const Slot &slot, std::size_t index) const
    {
        return (index - (std::size_t(slot.feature) & m_slotMask)) & m_slotMask;
    }
    void insertSlot(Slot entry);
    bool storesRowsInline() const { return m_frozen && m_classCount <= inlineClassCount; }

    // The row of `feature`, made (all zeros) if it has none; training only.
    std::size_t rowFor(quint64 feature);
    // Rebuilds the slots from the row arrays (m_rowFeatures with m_weights
    // or m_rowPayloads); a frozen model then drops the arrays: its slots
    // (and m_entries) hold all there is of it.
    void rehash();
    // Brings the row arrays of such a model back from its slots (in slot
    // order), for pruning, writing and checksums.
    void restoreRows();
    // The payload of a frozen row given as its steps (classCount()
    // values); a sparse row's non-zero steps go to m_entries.
    quint64 frozenPayload(const qint16 *steps);
    // The step of class `c` in the payload of a frozen row.
    qint16 stepOf(quint64 payload, std::size_t c) const;
    // The weight of class `c` in `row`, whichever state the model is in.
    float weight(std::size_t row, std::size_t c) const;
    // Puts the averaged float weights on the 16-bit grid of m_scale (the
    // largest weight over 32767) and freezes the model: from then on it
    // scores in integer steps and takes no more training.
    void freeze();

    int m_classCount = 0;
    bool m_frozen = false;
    float m_scale = 0.0f; // frozen: a weight is its step times this
    HugePageVector<Slot> m_slots;
    std::size_t m_slotMask = 0;
    std::size_t m_rowCount = 0;
    std::vector<quint64> m_rowFeatures; // row -> feature
    std::vector<float> m_weights;       // training: rows × classes
    std::vector<quint64> m_rowPayloads; // frozen: row -> its slot's payload
    // Frozen, more than four classes: the rows' non-zero steps.
    HugePageVector<SparseStep> m_entries;
};

// Averaged perceptron training (Collins, "Discriminative Training Methods
// for Hidden Markov Models", EMNLP 2002) of a LinearModel. Averaging is lazy
// (Daumé, "Practical Structured Learning Techniques for Natural Language
// Processing", 2006): each weight keeps its running sum and when it last
// changed, so that an update costs the same at any time.
class LinearModelTrainer
{
public:
    explicit LinearModelTrainer(int classCount);

    // The current (not averaged) weights, for deciding during training.
    const LinearModel &current() const { return m_model; }

    // One training instance: moves the weights of `features` towards
    // `truth` and away from `guess` when they differ.
    void update(int truth, int guess, const quint64 *features, qsizetype count);
    void update(int truth, int guess, const std::vector<quint64> &features)
    {
        update(truth, guess, features.data(), qsizetype(features.size()));
    }

    // The model whose every weight is its average over all instances seen,
    // rounded to the 16-bit grid the model file stores.
    LinearModel averaged() const;

private:
    void change(std::size_t weight, float delta);

    LinearModel m_model;
    qint64 m_instances = 0;
    std::vector<double> m_totals;
    std::vector<qint64> m_stamps;
};

// Shuffles the order training visits its examples in: Fisher-Yates over
// std::mt19937, whose output the standard fixes (unlike std::shuffle's and
// the distributions'), so that training gives the same model everywhere.
void shuffleTrainingOrder(std::vector<qsizetype> &order, std::mt19937 &random);

// A feature key from a template number and up to four small integers (ids
// of words, tags, labels, distances): two rounds of the multiply-xorshift
// finaliser of SplitMix64 (Steele et al. 2014) over the template with `a`,
// then over `b`, `c` and `d` spread by odd constants; never 0. A parser
// state asks for a hundred keys, so two rounds, not five.
inline quint64 featureKey(quint32 featureTemplate, qint64 a = 0, qint64 b = 0, qint64 c = 0, qint64 d = 0)
{
    quint64 h = splitMix64Finalizer(quint64(featureTemplate) * 0x9e3779b97f4a7c15ULL + quint64(a));
    h = splitMix64Finalizer(h ^ (quint64(b) * 0xc2b2ae3d27d4eb4fULL + quint64(c) * 0x165667b19e3779f9ULL
                                 + quint64(d) * 0xd6e8feb86659fd93ULL));
    return h == 0 ? 1 : h;
}

// A feature key from a template (an enumerator of the model's templates)
// and the strings and small numbers it reads: FNV-1a (StringKeyHasher) over
// the template and the UTF-16 of each part, parts kept apart by a code unit
// no text contains.
class FeatureHash
{
public:
    template <typename Template>
        requires std::is_enum_v<Template>
    explicit FeatureHash(Template feature)
    {
        m_text.add(QChar(quint16(feature)));
    }

    FeatureHash &operator<<(QStringView part)
    {
        m_text.add(part).separate();
        return *this;
    }
    FeatureHash &operator<<(int number)
    {
        m_text.add(QChar(quint16(number & 0xFFFF))).add(QChar(0xFFFE));
        return *this;
    }
    // Mixed so that the low bits LinearModel's table indexes by are as
    // random as the high ones; never 0.
    quint64 value() const { return featureKey(0, qint64(m_text.state())); }

private:
    StringKeyHasher m_text;
};

} // namespace NewsGraph
