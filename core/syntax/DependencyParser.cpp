#include "core/syntax/DependencyParser.h"

#include "core/common/HugePageAllocator.h"
#include "core/syntax/ArcHybridState.h"
#include "core/syntax/ModelStreamReader.h"
#include "core/syntax/WordForms.h"

#include <QMap>

#include <algorithm>
#include <array>
#include <random>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Word ids: 0 for "no word here", then the unknown word, the root, and the
// vocabulary. Tag ids likewise: 0 none, 1 the root, then the tag set.
constexpr int noWord = 0;
constexpr int unknownWord = 1;
constexpr int rootWord = 2;
constexpr int firstVocabularyWord = 3;
constexpr int rootTag = 1;
constexpr int firstTag = 2;
const QString rootLabel = u"root"_s;

// Distances as Zhang & Nivre bucket them beyond a few words.
int distanceBucket(int a, int b)
{
    if (a < 0 || b < 0)
        return 0;
    const int d = std::abs(a - b);
    return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

} // namespace

// A sentence as ids, the root at index 0.
struct DependencyParser::Sentence
{
    std::vector<int> words;
    std::vector<int> tags;
    int wordCount() const { return int(words.size()) - 1; }
    int word(int i) const { return i < 0 ? noWord : words[std::size_t(i)]; }
    int tag(int i) const { return i < 0 ? 0 : tags[std::size_t(i)]; }
};

namespace {

// Feature keys are what model files store: a change to these functions or
// tables (a template, its order, the ids) needs syntaxModelFormatVersion
// raised and the bundled models trained again, or old models would read
// wrong.
//
// The features for choosing the next move: Zhang & Nivre's (2011) table,
// with arc-hybrid's s1 and s2 where arc-eager has s0's head and
// grandparent, and a few of s1's own (arc-hybrid attaches s0 to s1). A
// template combines up to four of the values below, its "atomic features",
// read once per state.
enum Atom : quint8 {
    Nothing, // an argument the template leaves out: 0
    // The stack's top three words and the buffer's first three: word and
    // tag ids.
    S0Word, S0Tag, N0Word, N0Tag, N1Word, N1Tag, N2Word, N2Tag, S1Word, S1Tag, S2Word, S2Tag,
    // Their dependents so far: s0's leftmost and rightmost, n0's leftmost,
    // s1's rightmost, the second ones and s1's leftmost; word and tag ids
    // and labels (0 for none, else the label's id + 1).
    S0LWord, S0LTag, S0LLabel,
    S0RWord, S0RTag, S0RLabel,
    N0LWord, N0LTag, N0LLabel,
    S1RWord, S1RTag, S1RLabel,
    S0L2Word, S0L2Tag, S0L2Label,
    S0R2Word, S0R2Tag, S0R2Label,
    N0L2Word, N0L2Tag, N0L2Label,
    S1LWord, S1LTag, S1LLabel,
    // Bucketed distances from s0 to n0 and from s1 to s0.
    Distance, StackDistance,
    // How many dependents a word has on a side (-1: no word).
    S0RightValency, S0LeftValency, N0LeftValency, S1RightValency, S1LeftValency,
    // The labels of a word's dependents on a side, as a bit set (-1: no word).
    S0RightLabels, S0LeftLabels, N0LeftLabels, S1RightLabels, S1LeftLabels,
    AtomCount
};
using Atoms = std::array<qint64, AtomCount>;

template<typename Sentence>
void readAtoms(const Sentence &sentence, const ArcHybridState &state, Atoms &atoms)
{
    const int s0 = state.stack(0), s1 = state.stack(1), s2 = state.stack(2);
    const int n0 = state.buffer(0), n1 = state.buffer(1), n2 = state.buffer(2);
    const auto child = [&](int word, bool left, int rank) {
        if (word < 0)
            return -1;
        return left ? state.leftmostChild(word, rank) : state.rightmostChild(word, rank);
    };
    const auto wordAndTag = [&](Atom first, int i) {
        atoms[first] = sentence.word(i);
        atoms[std::size_t(first) + 1] = sentence.tag(i);
    };
    const auto dependent = [&](Atom first, int i) {
        wordAndTag(first, i);
        atoms[std::size_t(first) + 2] = i < 0 ? 0 : state.label(i) + 1;
    };
    const auto valency = [&](int i, bool left) -> qint64 {
        return i < 0 ? -1 : left ? state.leftChildCount(i) : state.rightChildCount(i);
    };
    const auto labelSet = [&](int i, bool left) -> qint64 {
        return i < 0 ? -1 : qint64(left ? state.leftLabels(i) : state.rightLabels(i));
    };
    atoms[Nothing] = 0;
    wordAndTag(S0Word, s0);
    wordAndTag(N0Word, n0);
    wordAndTag(N1Word, n1);
    wordAndTag(N2Word, n2);
    wordAndTag(S1Word, s1);
    wordAndTag(S2Word, s2);
    dependent(S0LWord, child(s0, true, 0));
    dependent(S0RWord, child(s0, false, 0));
    dependent(N0LWord, child(n0, true, 0));
    dependent(S1RWord, child(s1, false, 0));
    dependent(S0L2Word, child(s0, true, 1));
    dependent(S0R2Word, child(s0, false, 1));
    dependent(N0L2Word, child(n0, true, 1));
    dependent(S1LWord, child(s1, true, 0));
    atoms[Distance] = distanceBucket(s0, n0);
    atoms[StackDistance] = distanceBucket(s1, s0);
    atoms[S0RightValency] = valency(s0, false);
    atoms[S0LeftValency] = valency(s0, true);
    atoms[N0LeftValency] = valency(n0, true);
    atoms[S1RightValency] = valency(s1, false);
    atoms[S1LeftValency] = valency(s1, true);
    atoms[S0RightLabels] = labelSet(s0, false);
    atoms[S0LeftLabels] = labelSet(s0, true);
    atoms[N0LeftLabels] = labelSet(n0, true);
    atoms[S1RightLabels] = labelSet(s1, false);
    atoms[S1LeftLabels] = labelSet(s1, true);
}

// The move templates, numbered by their place here: the atoms they
// combine, in order.
using MoveTemplate = std::array<Atom, 4>;
constexpr MoveTemplate moveTemplates[] = {
    {}, // the bias
    // Single words.
    {S0Word, S0Tag}, {S0Word}, {S0Tag},
    {N0Word, N0Tag}, {N0Word}, {N0Tag},
    {N1Word, N1Tag}, {N1Word}, {N1Tag},
    {N2Word, N2Tag}, {N2Word}, {N2Tag},
    {S1Word, S1Tag}, {S1Word}, {S1Tag},
    {S2Word, S2Tag}, {S2Word}, {S2Tag},
    // Pairs.
    {S0Word, S0Tag, N0Word, N0Tag},
    {S0Word, S0Tag, N0Word},
    {S0Word, N0Word, N0Tag},
    {S0Word, S0Tag, N0Tag},
    {S0Tag, N0Word, N0Tag},
    {S0Word, N0Word},
    {S0Tag, N0Tag},
    {N0Tag, N1Tag},
    {S1Word, S1Tag, S0Word, S0Tag},
    {S1Word, S0Word},
    {S1Tag, S0Tag},
    {S1Word, S1Tag, S0Tag},
    {S1Tag, S0Word, S0Tag},
    {S1Word, N0Tag},
    {S1Tag, N0Word},
    // Triples of tags.
    {N0Tag, N1Tag, N2Tag},
    {S0Tag, N0Tag, N1Tag},
    {S1Tag, S0Tag, N0Tag},
    {S0Tag, S0LTag, N0Tag},
    {S0Tag, S0RTag, N0Tag},
    {S0Tag, N0Tag, N0LTag},
    {S2Tag, S1Tag, S0Tag},
    {S1Tag, S1RTag, S0Tag},
    {S1Tag, S0Tag, S0LTag},
    {S1Tag, S0Tag, S0RTag},
    // Distance.
    {S0Word, Distance},
    {S0Tag, Distance},
    {N0Word, Distance},
    {N0Tag, Distance},
    {S0Word, N0Word, Distance},
    {S0Tag, N0Tag, Distance},
    {S1Tag, S0Tag, StackDistance},
    {S1Word, S0Word, StackDistance},
    // Valency.
    {S0Word, S0RightValency},
    {S0Tag, S0RightValency},
    {S0Word, S0LeftValency},
    {S0Tag, S0LeftValency},
    {N0Word, N0LeftValency},
    {N0Tag, N0LeftValency},
    {S1Tag, S1RightValency},
    {S1Tag, S1LeftValency},
    // Dependents so far: words, tags, labels.
    {S0LWord}, {S0LTag}, {S0LLabel},
    {S0RWord}, {S0RTag}, {S0RLabel},
    {N0LWord}, {N0LTag}, {N0LLabel},
    {S1RWord}, {S1RTag}, {S1RLabel},
    {S0L2Word}, {S0L2Tag}, {S0L2Label},
    {S0R2Word}, {S0R2Tag}, {S0R2Label},
    {N0L2Word}, {N0L2Tag}, {N0L2Label},
    {S1LWord}, {S1LTag}, {S1LLabel},
    {S0Tag, S0LTag, S0L2Tag},
    {S0Tag, S0RTag, S0R2Tag},
    {N0Tag, N0LTag, N0L2Tag},
    {S1Tag, S1LTag, S1RTag},
    {S0Tag, S0LLabel, S0RLabel},
    {N0Tag, N0LLabel, S0Tag},
    // Label sets.
    {S0Word, S0RightLabels},
    {S0Tag, S0RightLabels},
    {S0Word, S0LeftLabels},
    {S0Tag, S0LeftLabels},
    {N0Word, N0LeftLabels},
    {N0Tag, N0LeftLabels},
    {S1Tag, S1RightLabels},
    {S1Tag, S1LeftLabels},
};
constexpr quint32 moveTemplateCount = quint32(std::size(moveTemplates));

// A template's atoms come first, so that its table (see MoveScorer) reads
// them in the order of the key's arguments.
constexpr bool atomsComeFirst()
{
    for (const MoveTemplate &atoms : moveTemplates) {
        for (std::size_t a = 1; a < atoms.size(); ++a) {
            if (atoms[a - 1] == Nothing && atoms[a] != Nothing)
                return false;
        }
    }
    return true;
}
static_assert(atomsComeFirst());

quint64 moveFeature(quint32 feature, const Atoms &atoms)
{
    const MoveTemplate &atomsOf = moveTemplates[feature];
    return featureKey(feature, atoms[atomsOf[0]], atoms[atomsOf[1]], atoms[atomsOf[2]], atoms[atomsOf[3]]);
}

template<typename Sentence>
void moveFeatures(const Sentence &sentence, const ArcHybridState &state, std::vector<quint64> &out)
{
    Atoms atoms;
    readAtoms(sentence, state, atoms);
    out.clear();
    for (quint32 feature = 0; feature < moveTemplateCount; ++feature)
        out.push_back(moveFeature(feature, atoms));
}

// What values an atom takes, for listing a template's weights.
enum class AtomKind { Word, Tag, Label, Distance, Flag, Unbounded };
constexpr AtomKind kindOf(Atom atom)
{
    if (atom >= S0Word && atom <= S2Tag)
        return (atom - S0Word) % 2 == 0 ? AtomKind::Word : AtomKind::Tag;
    if (atom >= S0LWord && atom <= S1LLabel) {
        constexpr AtomKind dependent[] = {AtomKind::Word, AtomKind::Tag, AtomKind::Label};
        return dependent[(atom - S0LWord) % 3];
    }
    if (atom == Distance || atom == StackDistance)
        return AtomKind::Distance;
    return AtomKind::Unbounded;
}

// How many values an atom of `kind` takes with a model of `words` words,
// `tags` tags and `labels` labels; 0 for none listable (valencies, label sets).
std::size_t valueCount(AtomKind kind, qsizetype words, qsizetype tags, qsizetype labels)
{
    switch (kind) {
    case AtomKind::Word:
        return std::size_t(firstVocabularyWord + words);
    case AtomKind::Tag:
        return std::size_t(firstTag + tags);
    case AtomKind::Label:
        return std::size_t(labels + 1);
    case AtomKind::Distance:
        return 8;
    case AtomKind::Flag:
        return 2;
    case AtomKind::Unbounded:
        break;
    }
    return 0;
}

// The tables that list a template's weights by the values of its atoms
// (MoveScorer, LabelScorer) number a combination in mixed radix, the first
// atom's value varying slowest: the values at place `index` of a table of
// `sizes`. (The scorers compute a place inline, in their inner loops.)
std::array<qint64, 4> tableValues(std::size_t index, const quint32 *sizes, std::size_t count)
{
    std::array<qint64, 4> values{};
    for (std::size_t a = count; a-- > 0;) {
        values[a] = qint64(index % sizes[a]);
        index /= sizes[a];
    }
    return values;
}

// Which part of a state an atom reads, for the partial sums a parse keeps
// per word (see MoveScorer). While a word is s0, the words beneath it on
// the stack stay (the stack changes at its top only), and so do its left
// dependents (attached before it was shifted) and those of the words
// beneath it (s1 takes a dependent only by Right, which pops s0 for good);
// s0's right dependents may grow, when a word above it is attached to it.
// While a word is n0, the two after it stay, with no dependents, and its
// left dependents may grow. A dependent's label never changes.
enum class Side { None, Stack, StackRight, Buffer, BufferLeft, Both };
constexpr Side sideOf(Atom atom)
{
    switch (atom) {
    case Nothing:
        return Side::None;
    case S0RWord: case S0RTag: case S0RLabel: case S0R2Word: case S0R2Tag: case S0R2Label:
    case S0RightValency: case S0RightLabels:
        return Side::StackRight;
    case N0Word: case N0Tag: case N1Word: case N1Tag: case N2Word: case N2Tag:
        return Side::Buffer;
    case N0LWord: case N0LTag: case N0LLabel: case N0L2Word: case N0L2Tag: case N0L2Label:
    case N0LeftValency: case N0LeftLabels:
        return Side::BufferLeft;
    case Distance:
        return Side::Both;
    default:
        return Side::Stack;
    }
}

// The features for labelling the arc head -> dependent, read as the move
// templates are: atoms read once per arc, then templates combining up to
// four of them (the arc's direction always last). Numbered from 1000 (see
// labelFeature()).
enum LabelAtom : quint8 {
    NoLabelAtom,
    Direction,      // 0: the dependent is left of its head, 1: right
    ArcDistance,    // bucketed, see distanceBucket()
    DependentWord, DependentTag, HeadWord, HeadTag,
    // The head's labels so far on the dependent's side, as a bit set, and
    // how many dependents it has there.
    HeadSideLabels, HeadSideValency,
    // The dependent's own dependents: its case marker, determiner,
    // auxiliaries and their labels (0 for none, else the label's id + 1).
    LeftWord, LeftLabel, Left2Word, Left2Label, RightWord, RightLabel, Right2Label,
    DependentLeftLabels, DependentRightLabels, // bit sets
    // Around the dependent.
    BeforeTag, AfterTag, BeforeWord,
    FirstWord, // whether the dependent is the sentence's first word
    LabelAtomCount
};
using LabelAtoms = std::array<qint64, LabelAtomCount>;

using LabelTemplate = std::array<LabelAtom, 4>;
constexpr LabelTemplate labelTemplates[] = {
    {Direction},
    {DependentWord, Direction},
    {DependentTag, Direction},
    {DependentWord, DependentTag, Direction},
    {HeadWord, Direction},
    {HeadTag, Direction},
    {DependentTag, HeadTag, Direction},
    {DependentWord, HeadTag, Direction},
    {DependentTag, HeadWord, Direction},
    {DependentWord, HeadWord, Direction},
    {DependentTag, HeadTag, ArcDistance, Direction},
    {DependentTag, HeadTag, HeadSideLabels, Direction},
    {DependentTag, HeadSideLabels, Direction},
    {HeadTag, HeadSideValency, Direction},
    {LeftWord, DependentTag, Direction},
    {LeftWord, DependentTag, HeadTag, Direction},
    {LeftLabel, DependentTag, Direction},
    {Left2Word, DependentTag, Direction},
    {Left2Label, LeftLabel, DependentTag, Direction},
    {RightWord, DependentTag, Direction},
    {RightLabel, DependentTag, Direction},
    {Right2Label, RightLabel, DependentTag, Direction},
    {DependentLeftLabels, DependentTag, Direction},
    {DependentRightLabels, DependentTag, Direction},
    {DependentLeftLabels, DependentTag, HeadTag, Direction},
    {LeftWord, DependentWord, Direction},
    {BeforeTag, DependentTag, HeadTag, Direction},
    {DependentTag, AfterTag, HeadTag, Direction},
    {BeforeWord, DependentTag, Direction},
    {FirstWord, DependentTag, HeadTag, Direction},
};
constexpr quint32 labelTemplateCount = quint32(std::size(labelTemplates));

constexpr AtomKind kindOf(LabelAtom atom)
{
    switch (atom) {
    case Direction: case FirstWord:
        return AtomKind::Flag;
    case ArcDistance:
        return AtomKind::Distance;
    case DependentWord: case HeadWord: case LeftWord: case Left2Word: case RightWord: case BeforeWord:
        return AtomKind::Word;
    case DependentTag: case HeadTag: case BeforeTag: case AfterTag:
        return AtomKind::Tag;
    case LeftLabel: case Left2Label: case RightLabel: case Right2Label:
        return AtomKind::Label;
    default:
        return AtomKind::Unbounded; // label sets and valencies
    }
}
constexpr quint32 firstLabelTemplate = 1000;

template<typename Sentence>
void readLabelAtoms(const Sentence &sentence, const ArcHybridState &state, int head, int dependent,
                    LabelAtoms &atoms)
{
    const int h = head, d = dependent;
    const int dir = d < h ? 0 : 1;
    const auto l = [&](int i) { return i < 0 ? 0 : state.label(i) + 1; };
    const int dl = state.leftmostChild(d), dl2 = state.leftmostChild(d, 1);
    const int dr = state.rightmostChild(d), dr2 = state.rightmostChild(d, 1);
    const int before = d - 1 >= 1 ? d - 1 : -1;
    const int after = d + 1 <= sentence.wordCount() ? d + 1 : -1;
    atoms[NoLabelAtom] = 0;
    atoms[Direction] = dir;
    atoms[ArcDistance] = distanceBucket(h, d);
    atoms[DependentWord] = sentence.word(d);
    atoms[DependentTag] = sentence.tag(d);
    atoms[HeadWord] = sentence.word(h);
    atoms[HeadTag] = sentence.tag(h);
    atoms[HeadSideLabels] = qint64(dir == 0 ? state.leftLabels(h) : state.rightLabels(h));
    atoms[HeadSideValency] = dir == 0 ? state.leftChildCount(h) : state.rightChildCount(h);
    atoms[LeftWord] = sentence.word(dl);
    atoms[LeftLabel] = l(dl);
    atoms[Left2Word] = sentence.word(dl2);
    atoms[Left2Label] = l(dl2);
    atoms[RightWord] = sentence.word(dr);
    atoms[RightLabel] = l(dr);
    atoms[Right2Label] = l(dr2);
    atoms[DependentLeftLabels] = qint64(state.leftLabels(d));
    atoms[DependentRightLabels] = qint64(state.rightLabels(d));
    atoms[BeforeTag] = sentence.tag(before);
    atoms[AfterTag] = sentence.tag(after);
    atoms[BeforeWord] = sentence.word(before);
    atoms[FirstWord] = d == 1;
}

quint64 labelFeature(quint32 feature, const LabelAtoms &atoms)
{
    const LabelTemplate &atomsOf = labelTemplates[feature];
    return featureKey(firstLabelTemplate + feature, atoms[atomsOf[0]], atoms[atomsOf[1]], atoms[atomsOf[2]],
                      atoms[atomsOf[3]]);
}

template<typename Sentence>
void labelFeatures(const Sentence &sentence, const ArcHybridState &state, int head, int dependent,
                   std::vector<quint64> &out)
{
    LabelAtoms atoms;
    readLabelAtoms(sentence, state, head, dependent, atoms);
    out.clear();
    for (quint32 feature = 0; feature < labelTemplateCount; ++feature)
        out.push_back(labelFeature(feature, atoms));
}

int bestLegalMove(const ArcHybridState &state, const std::array<float, 3> &scores)
{
    int best = -1;
    for (int m = 0; m < ArcHybridState::moveCount; ++m) {
        if (state.isLegal(ArcHybridState::Move(m)) && (best < 0 || scores[std::size_t(m)] > scores[std::size_t(best)]))
            best = m;
    }
    return best;
}

int bestLabel(const std::vector<float> &scores, int excluded)
{
    int best = -1;
    for (int c = 0; c < int(scores.size()); ++c) {
        if (c != excluded && (best < 0 || scores[std::size_t(c)] > scores[std::size_t(best)]))
            best = c;
    }
    return best;
}

// The label `labeller` gives the arc head -> dependent: "root" for an arc
// from the root, otherwise the best other label. Leaves the arc's label
// features in `features` (empty for the root), for training to learn from.
template<typename Sentence>
int chooseLabel(const LinearModel &labeller, const Sentence &sentence, const ArcHybridState &state, int head,
                int dependent, int rootLabelId, std::vector<quint64> &features, std::vector<float> &scores)
{
    if (head == 0) {
        features.clear();
        return rootLabelId;
    }
    labelFeatures(sentence, state, head, dependent, features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    labeller.addScores(features.data(), qsizetype(features.size()), scores.data());
    return bestLabel(scores, rootLabelId);
}

} // namespace

// Scores moves with two precomputations, both exact (integer steps add up
// the same in any grouping, so the scores are the very ones
// m_moves.addScores() gives for moveFeatures()):
//
// - The precomputation trick of Chen & Manning ("A Fast and Accurate
//   Dependency Parser using Neural Networks", EMNLP 2014), for a linear
//   model: a template whose atoms take few values (tags, labels,
//   distances, or one word) has its weights listed for every combination
//   of those, once, when the model is read or trained; scoring reads them
//   from a small table by index instead of making a key and probing the
//   big table. With the bundled models, 62 of the 98 templates are
//   listed; the others, which pair words or read valencies and label sets,
//   are looked up.
// - Most templates read only the stack side of a state or only the buffer
//   side, which stay the same over several moves (see Side): their sums are
//   kept per word for the parse, made when a word first needs them and
//   again when its dependents change. Only the 21 templates that pair s0
//   or s1 with n0 are summed for every move.
struct DependencyParser::MoveScorer
{
    // At most this many combinations a listed template: word and tag pairs
    // (195k for the English model) stay out.
    static constexpr std::size_t largestTable = 1 << 17;
    static constexpr std::size_t classes = ArcHybridState::moveCount;
    using Sums = std::array<qint32, classes>;

    // The templates by the side of a state they read.
    enum Group { StackWords, StackRight, BufferWords, BufferLeft, Pairs, GroupCount };
    struct Table
    {
        quint32 feature;
        std::array<quint8, 3> atoms;
        std::array<quint32, 3> sizes; // how many values each atom takes
        std::size_t first;            // where its entries start in `steps`
    };
    struct Templates
    {
        std::array<std::vector<Table>, 3> listed; // by how many atoms they read
        std::vector<quint32> lookedUp;
    };
    Sums constant{}; // templates of no atoms: the bias
    std::array<Templates, GroupCount> groups;
    HugePageVector<qint16> steps; // the tables' entries, `classes` steps each

    // The sums a parse keeps for a word, with what they were made for: the
    // word's dependents on the side that may change (-1: not made yet).
    struct WordSums
    {
        Sums sums{};
        int dependents = -1;
    };
    struct Word
    {
        WordSums stack, stackRight, buffer, bufferLeft;
    };

    // Adds the steps of a group's listed templates for a state with
    // `atoms` to `sums`, and the keys of the others to `features`.
    void add(Group group, const Atoms &atoms, Sums &sums, std::vector<quint64> &features) const
    {
        const Templates &templates = groups[group];
        addListed<1>(templates, atoms, sums, features);
        addListed<2>(templates, atoms, sums, features);
        addListed<3>(templates, atoms, sums, features);
        for (const quint32 feature : templates.lookedUp)
            features.push_back(moveFeature(feature, atoms));
    }

    // A feature whose atom is past its table's values (no model's atoms
    // are) goes to `unlisted` instead.
    template<int arity>
    void addListed(const Templates &templates, const Atoms &atoms, Sums &sums, std::vector<quint64> &unlisted) const
    {
        for (const Table &table : templates.listed[arity - 1]) {
            std::size_t index = 0;
            bool inTable = true;
            for (std::size_t a = 0; a < arity; ++a) {
                const quint64 value = quint64(atoms[table.atoms[a]]);
                inTable = inTable && value < table.sizes[a];
                index = index * table.sizes[a] + std::size_t(value);
            }
            if (!inTable) {
                unlisted.push_back(moveFeature(table.feature, atoms));
                continue;
            }
            const qint16 *entry = &steps[table.first + index * classes];
            for (std::size_t c = 0; c < classes; ++c)
                sums[c] += entry[c];
        }
    }

    // The scores of the moves from `state`, whose atoms are `atoms`;
    // `words` holds the parse's partial sums, one entry per word.
    void score(const LinearModel &moves, const ArcHybridState &state, const Atoms &atoms, std::vector<Word> &words,
               std::vector<quint64> &features, std::array<float, classes> &scores) const
    {
        // The groups to sum for this move, each into its own sums, their
        // keys looked up together at the end.
        Sums sums = constant;
        std::array<std::pair<Sums *, qsizetype>, GroupCount> lookups;
        std::size_t groupsToLookUp = 0;
        features.clear();
        const auto addGroup = [&](Group group, Sums &into) {
            add(group, atoms, into, features);
            lookups[groupsToLookUp++] = {&into, qsizetype(features.size())};
        };
        std::array<WordSums *, 4> kept{};
        const auto keep = [&](WordSums &word, Group group, int dependents) {
            if (word.dependents != dependents) {
                word.sums = {};
                word.dependents = dependents;
                addGroup(group, word.sums);
            }
            kept[std::size_t(group)] = &word;
        };
        const int s0 = state.stack(0), n0 = state.buffer(0);
        Word &top = words[std::size_t(s0)];
        keep(top.stack, StackWords, 0);
        keep(top.stackRight, StackRight, state.rightChildCount(s0));
        if (n0 >= 0) {
            Word &front = words[std::size_t(n0)];
            keep(front.buffer, BufferWords, 0);
            keep(front.bufferLeft, BufferLeft, state.leftChildCount(n0));
        } else {
            addGroup(BufferWords, sums);
            addGroup(BufferLeft, sums);
        }
        addGroup(Pairs, sums);
        moves.prefetch(features.data(), qsizetype(features.size()));
        for (std::size_t g = 0, from = 0; g < groupsToLookUp; ++g) {
            const auto [into, to] = lookups[g];
            moves.addSteps(features.data() + from, to - qsizetype(from), into->data());
            from = std::size_t(to);
        }
        for (const WordSums *word : kept) {
            if (word) {
                for (std::size_t c = 0; c < classes; ++c)
                    sums[c] += word->sums[c];
            }
        }
        moves.addScaled(sums.data(), scores.data());
    }
};

// Scores labels with the first of MoveScorer's precomputations (Chen &
// Manning 2014): a label template whose atoms take few values (tags,
// labels, distances, the direction, or one word) has the row of each
// combination of those found once, when the model is read or trained, so
// that labelling an arc reads it from a small table by index instead of
// making a key and probing the big table. With the bundled models, 14 of
// the 30 templates are listed for English, 12 for French (five of them in
// one dense table, see mergedAtoms). The rows' steps (LinearModel::rowsOf()) add
// up to the very sums addSteps() gives for labelFeatures(): exact.
struct DependencyParser::LabelScorer
{
    // At most this many combinations a listed template (its table takes 8
    // bytes each): a word with a tag (390k for the English model) stays out.
    static constexpr std::size_t largestTable = 1 << 17;

    struct Table
    {
        quint32 feature;
        int arity;
        std::array<quint8, 4> atoms;
        std::array<quint32, 4> sizes; // how many values each atom takes
        std::size_t first;            // where its rows start in `rows`
    };
    std::vector<Table> listed;
    std::vector<quint32> lookedUp;
    HugePageVector<quint64> rows; // the tables' rows, LinearModel::noRow for combinations the model lacks

    // The templates of the tags and the direction alone, whose rows have
    // steps for most labels (adding the English labeller's 14 listed rows
    // took 2,000 instructions an arc): summed into one dense table over
    // these atoms, which an arc adds as one row of `classes` sums instead
    // of five rows step by step. 290 kB for English, 630 kB for French.
    static constexpr std::array<LabelAtom, 4> mergedAtoms{FirstWord, DependentTag, HeadTag, Direction};
    std::array<quint32, 4> mergedSizes{};
    std::vector<quint32> merged; // the templates summed there
    HugePageVector<qint32> mergedSums; // combinations × classes
    std::size_t classes = 0;

    // Adds the steps of the labels for an arc whose atoms are `atoms` to
    // `sums`; `features` and `found` are room for the keys looked up and
    // the rows listed.
    void addSteps(const LinearModel &labeller, const LabelAtoms &atoms, std::vector<quint64> &features,
                  std::vector<quint64> &found, qint32 *sums) const
    {
        features.clear();
        found.clear();
        if (!merged.empty()) {
            std::size_t index = 0;
            bool inTable = true;
            for (std::size_t a = 0; a < mergedAtoms.size(); ++a) {
                const quint64 value = quint64(atoms[mergedAtoms[a]]);
                inTable = inTable && value < mergedSizes[a];
                index = index * mergedSizes[a] + std::size_t(value);
            }
            if (inTable) {
                const qint32 *row = &mergedSums[index * classes];
                for (std::size_t c = 0; c < classes; ++c)
                    sums[c] += row[c];
            } else {
                for (const quint32 feature : merged)
                    features.push_back(labelFeature(feature, atoms));
            }
        }
        for (const quint32 feature : lookedUp)
            features.push_back(labelFeature(feature, atoms));
        for (const Table &table : listed) {
            std::size_t index = 0;
            bool inTable = true;
            for (int a = 0; a < table.arity; ++a) {
                const quint64 value = quint64(atoms[table.atoms[std::size_t(a)]]);
                inTable = inTable && value < table.sizes[std::size_t(a)];
                index = index * table.sizes[std::size_t(a)] + std::size_t(value);
            }
            if (inTable)
                found.push_back(rows[table.first + index]);
            else
                features.push_back(labelFeature(table.feature, atoms));
        }
        // The big table's lines asked for first, fetched while the listed
        // rows are added.
        labeller.prefetch(features.data(), qsizetype(features.size()));
        labeller.addRows(found.data(), qsizetype(found.size()), sums);
        labeller.addSteps(features.data(), qsizetype(features.size()), sums);
    }
};

void DependencyParser::prepareLabelScorer()
{
    m_labelScorer.reset();
    if (!m_labeller.isFrozen() || m_labeller.classCount() == 0)
        return;
    auto scorer = std::make_shared<LabelScorer>();
    const auto valuesOf = [&](LabelAtom atom) {
        return valueCount(kindOf(atom), m_words.size(), m_tags.size(), m_labels.size());
    };
    std::vector<quint64> keys;
    scorer->classes = std::size_t(m_labeller.classCount());
    std::size_t mergedCombinations = 1;
    for (std::size_t a = 0; a < LabelScorer::mergedAtoms.size(); ++a) {
        scorer->mergedSizes[a] = quint32(valuesOf(LabelScorer::mergedAtoms[a]));
        mergedCombinations *= scorer->mergedSizes[a];
    }
    std::vector<qint16> steps;
    for (quint32 feature = 0; feature < labelTemplateCount; ++feature) {
        const LabelTemplate &atoms = labelTemplates[feature];
        const bool mergeable = std::all_of(atoms.cbegin(), atoms.cend(), [](LabelAtom atom) {
            return atom == NoLabelAtom
                || std::find(LabelScorer::mergedAtoms.cbegin(), LabelScorer::mergedAtoms.cend(), atom)
                != LabelScorer::mergedAtoms.cend();
        });
        if (!mergeable)
            continue;
        // Each combination of the merged atoms, as this template's key.
        keys.resize(mergedCombinations);
        for (std::size_t index = 0; index < mergedCombinations; ++index) {
            const std::array<qint64, 4> mergedValues
                = tableValues(index, scorer->mergedSizes.data(), LabelScorer::mergedAtoms.size());
            std::array<qint64, 4> values{};
            for (std::size_t a = 0; a < atoms.size() && atoms[a] != NoLabelAtom; ++a) {
                const auto at = std::find(LabelScorer::mergedAtoms.cbegin(), LabelScorer::mergedAtoms.cend(), atoms[a]);
                values[a] = mergedValues[std::size_t(at - LabelScorer::mergedAtoms.cbegin())];
            }
            keys[index] = featureKey(firstLabelTemplate + feature, values[0], values[1], values[2], values[3]);
        }
        steps.resize(mergedCombinations * scorer->classes);
        m_labeller.stepsOf(keys.data(), qsizetype(mergedCombinations), steps.data());
        scorer->mergedSums.resize(steps.size(), 0);
        for (std::size_t i = 0; i < steps.size(); ++i)
            scorer->mergedSums[i] += steps[i];
        scorer->merged.push_back(feature);
    }
    for (quint32 feature = 0; feature < labelTemplateCount; ++feature) {
        if (std::find(scorer->merged.cbegin(), scorer->merged.cend(), feature) != scorer->merged.cend())
            continue;
        const LabelTemplate &atoms = labelTemplates[feature];
        LabelScorer::Table table{feature, 0, {}, {}, scorer->rows.size()};
        std::size_t combinations = 1;
        for (const LabelAtom atom : atoms) {
            if (atom == NoLabelAtom || combinations > LabelScorer::largestTable)
                break;
            const std::size_t values = valuesOf(atom);
            combinations = values == 0 ? LabelScorer::largestTable + 1 : combinations * values;
            table.atoms[std::size_t(table.arity)] = atom;
            table.sizes[std::size_t(table.arity)] = quint32(values);
            ++table.arity;
        }
        if (combinations > LabelScorer::largestTable) {
            scorer->lookedUp.push_back(feature);
            continue;
        }
        // The keys in index order: the first atom's value varies slowest.
        keys.resize(combinations);
        for (std::size_t index = 0; index < combinations; ++index) {
            const std::array<qint64, 4> values = tableValues(index, table.sizes.data(), std::size_t(table.arity));
            keys[index] = featureKey(firstLabelTemplate + feature, values[0], values[1], values[2], values[3]);
        }
        scorer->rows.resize(table.first + combinations);
        m_labeller.rowsOf(keys.data(), qsizetype(combinations), &scorer->rows[table.first]);
        scorer->listed.push_back(table);
    }
    m_labelScorer = std::move(scorer);
}

void DependencyParser::prepareMoveScorer()
{
    m_moveScorer.reset();
    if (!m_moves.isFrozen() || m_moves.classCount() != ArcHybridState::moveCount)
        return;
    auto scorer = std::make_shared<MoveScorer>();
    const auto valuesOf = [&](Atom atom) {
        return valueCount(kindOf(atom), m_words.size(), m_tags.size(), m_labels.size());
    };
    std::vector<quint64> keys;
    for (quint32 feature = 0; feature < moveTemplateCount; ++feature) {
        const MoveTemplate &atoms = moveTemplates[feature];
        int arity = 0;
        bool stack = false, stackRight = false, buffer = false, bufferLeft = false;
        for (const Atom atom : atoms) {
            arity += atom != Nothing;
            const Side side = sideOf(atom);
            stack = stack || side == Side::Stack || side == Side::Both;
            stackRight = stackRight || side == Side::StackRight;
            buffer = buffer || side == Side::Buffer || side == Side::Both;
            bufferLeft = bufferLeft || side == Side::BufferLeft;
        }
        const bool stackSide = stack || stackRight, bufferSide = buffer || bufferLeft;
        const MoveScorer::Group group = stackSide && bufferSide ? MoveScorer::Pairs
            : stackRight                                       ? MoveScorer::StackRight
            : stack                                            ? MoveScorer::StackWords
            : bufferLeft                                       ? MoveScorer::BufferLeft
                                                               : MoveScorer::BufferWords;
        MoveScorer::Templates &templates = scorer->groups[group];

        MoveScorer::Table table{feature, {}, {}, scorer->steps.size()};
        std::size_t combinations = arity <= 3 ? 1 : MoveScorer::largestTable + 1;
        for (int a = 0; a < arity && combinations <= MoveScorer::largestTable; ++a) {
            const std::size_t values = valuesOf(atoms[std::size_t(a)]);
            combinations = values == 0 ? MoveScorer::largestTable + 1 : combinations * values;
            table.atoms[std::size_t(a)] = atoms[std::size_t(a)];
            table.sizes[std::size_t(a)] = quint32(values);
        }
        if (combinations > MoveScorer::largestTable) {
            templates.lookedUp.push_back(feature);
            continue;
        }
        // The keys in index order: the first atom's value varies slowest.
        keys.resize(combinations);
        for (std::size_t index = 0; index < combinations; ++index) {
            const std::array<qint64, 4> values = tableValues(index, table.sizes.data(), std::size_t(arity));
            keys[index] = featureKey(feature, values[0], values[1], values[2], values[3]);
        }
        if (arity == 0) {
            std::array<qint16, MoveScorer::classes> steps{};
            m_moves.stepsOf(keys.data(), 1, steps.data());
            for (std::size_t c = 0; c < MoveScorer::classes; ++c)
                scorer->constant[c] += steps[c];
            continue;
        }
        scorer->steps.resize(table.first + combinations * MoveScorer::classes);
        m_moves.stepsOf(keys.data(), qsizetype(combinations), &scorer->steps[table.first]);
        templates.listed[std::size_t(arity - 1)].push_back(table);
    }
    m_moveScorer = std::move(scorer);
}

void DependencyParser::indexTags()
{
    m_tagIds.clear();
    for (int i = 0; i < m_tags.size(); ++i)
        m_tagIds.insert(m_tags.at(i), firstTag + i);
}

DependencyParser::Sentence DependencyParser::encode(const ConlluSentence &sentence) const
{
    Sentence encoded;
    encoded.words.reserve(std::size_t(sentence.words.size()) + 1);
    encoded.tags.reserve(std::size_t(sentence.words.size()) + 1);
    encoded.words.push_back(rootWord);
    encoded.tags.push_back(rootTag);
    for (const ConlluWord &word : sentence.words) {
        encoded.words.push_back(m_words.value(normalisedWord(word.form), unknownWord));
        encoded.tags.push_back(m_tagIds.value(word.upos, 0));
    }
    return encoded;
}

DependencyParser DependencyParser::train(const QList<ConlluSentence> &sentences, const TrainingOptions &options)
{
    DependencyParser parser;
    QMap<QString, int> tagSet, labelSet, wordCounts;
    QList<const ConlluSentence *> usable;
    for (const ConlluSentence &sentence : sentences) {
        const bool hasTree = !sentence.words.isEmpty()
            && std::all_of(sentence.words.cbegin(), sentence.words.cend(), [](const ConlluWord &word) {
                   return word.head >= 0 && !word.deprel.isEmpty();
               });
        if (!hasTree)
            continue;
        usable.append(&sentence);
        for (const ConlluWord &word : sentence.words) {
            if (!word.upos.isEmpty())
                tagSet.insert(word.upos, 0);
            labelSet.insert(word.deprel, 0);
            ++wordCounts[normalisedWord(word.form)];
        }
    }
    if (usable.isEmpty())
        return parser;
    labelSet.insert(rootLabel, 0);
    parser.m_tags = tagSet.keys();
    parser.indexTags();
    parser.m_labels = labelSet.keys();
    for (auto it = wordCounts.cbegin(); it != wordCounts.cend(); ++it) {
        if (it.value() >= options.minimumWordCount)
            parser.m_words.insert(it.key(), firstVocabularyWord + int(parser.m_words.size()));
    }
    const int rootLabelId = int(parser.m_labels.indexOf(rootLabel));

    struct Example
    {
        Sentence sentence;
        std::vector<int> heads;
        std::vector<int> labels;
    };
    std::vector<Example> examples;
    examples.reserve(std::size_t(usable.size()));
    for (const ConlluSentence *sentence : std::as_const(usable)) {
        Example example{parser.encode(*sentence), {-1}, {-1}};
        for (const ConlluWord &word : sentence->words) {
            example.heads.push_back(word.head);
            example.labels.push_back(int(parser.m_labels.indexOf(word.deprel)));
        }
        examples.push_back(std::move(example));
    }

    LinearModelTrainer moves(ArcHybridState::moveCount);
    LinearModelTrainer labeller(int(parser.m_labels.size()));
    std::mt19937 random(options.seed);
    std::vector<qsizetype> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = qsizetype(i);
    std::vector<quint64> features;
    std::vector<float> labelScores(std::size_t(parser.m_labels.size()));
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        const bool explore = iteration >= options.exploreFromIteration;
        for (const qsizetype e : order) {
            const Example &example = examples[std::size_t(e)];
            ArcHybridState state(example.sentence.wordCount());
            while (!state.isTerminal()) {
                moveFeatures(example.sentence, state, features);
                std::array<float, 3> scores{};
                moves.current().addScores(features.data(), qsizetype(features.size()), scores.data());
                std::array<int, 3> costs{};
                int minimumCost = std::numeric_limits<int>::max();
                for (int m = 0; m < ArcHybridState::moveCount; ++m) {
                    const auto move = ArcHybridState::Move(m);
                    costs[std::size_t(m)] = state.isLegal(move) ? state.cost(move, example.heads)
                                                                : std::numeric_limits<int>::max();
                    minimumCost = std::min(minimumCost, costs[std::size_t(m)]);
                }
                const int guess = bestLegalMove(state, scores);
                int best = -1;
                for (int m = 0; m < ArcHybridState::moveCount; ++m) {
                    if (costs[std::size_t(m)] == minimumCost && (best < 0 || scores[std::size_t(m)] > scores[std::size_t(best)]))
                        best = m;
                }
                moves.update(best, guess, features);
                // A uniform draw from the generator's own output, which
                // the standard fixes.
                const bool followGuess = explore && costs[std::size_t(guess)] > minimumCost
                    && double(random()) / 4294967296.0 < options.exploreProbability;
                const auto move = ArcHybridState::Move(followGuess ? guess : best);
                int label = -1;
                if (move != ArcHybridState::Shift) {
                    const auto [head, dependent] = state.arcOf(move);
                    label = chooseLabel(labeller.current(), example.sentence, state, head, dependent, rootLabelId,
                                        features, labelScores);
                    if (head != 0 && example.heads[std::size_t(dependent)] == head)
                        labeller.update(example.labels[std::size_t(dependent)], label, features);
                }
                state.apply(move, label);
            }
        }
        shuffleTrainingOrder(order, random);
    }
    parser.m_moves = moves.averaged();
    parser.m_labeller = labeller.averaged();
    parser.prepareMoveScorer();
    parser.prepareLabelScorer();
    return parser;
}

void DependencyParser::parse(ConlluSentence &sentence) const
{
    if (isEmpty() || sentence.words.isEmpty())
        return;
    const Sentence encoded = encode(sentence);
    const int rootLabelId = int(m_labels.indexOf(rootLabel));
    ArcHybridState state(encoded.wordCount());
    std::vector<quint64> features;
    features.reserve(128);
    Atoms atoms;
    std::vector<MoveScorer::Word> wordSums(m_moveScorer ? encoded.words.size() : 0);
    std::vector<float> labelScores(std::size_t(m_labels.size()));
    std::vector<qint32> labelSums(std::size_t(m_labels.size()));
    std::vector<quint64> labelRows;
    labelRows.reserve(labelTemplateCount);
    LabelAtoms labelAtoms;
    while (!state.isTerminal()) {
        // A move that is the only legal one (a shift off the root, the
        // reductions once the buffer is empty) needs no scoring: about one
        // move in ten.
        std::array<float, 3> scores{};
        int legal = 0;
        for (int m = 0; m < ArcHybridState::moveCount; ++m)
            legal += state.isLegal(ArcHybridState::Move(m));
        if (legal > 1 && m_moveScorer) {
            readAtoms(encoded, state, atoms);
            m_moveScorer->score(m_moves, state, atoms, wordSums, features, scores);
        } else if (legal > 1) {
            moveFeatures(encoded, state, features);
            m_moves.addScores(features.data(), qsizetype(features.size()), scores.data());
        }
        const auto move = ArcHybridState::Move(bestLegalMove(state, scores));
        int label = -1;
        if (move != ArcHybridState::Shift) {
            const auto [head, dependent] = state.arcOf(move);
            if (!m_labelScorer || head == 0) {
                label = chooseLabel(m_labeller, encoded, state, head, dependent, rootLabelId, features, labelScores);
            } else {
                // As chooseLabel() does, with the listed rows.
                readLabelAtoms(encoded, state, head, dependent, labelAtoms);
                std::fill(labelSums.begin(), labelSums.end(), 0);
                m_labelScorer->addSteps(m_labeller, labelAtoms, features, labelRows, labelSums.data());
                // The best of the sums is the best of their scores (one
                // row a template at most), found without making them: 3%
                // of parsing a text's instructions went to making and
                // comparing floats.
                static_assert(labelTemplateCount <= LinearModel::maximumSummedRows);
                label = m_labeller.bestClass(labelSums.data(), rootLabelId);
            }
        }
        state.apply(move, label);
    }
    for (int i = 0; i < sentence.words.size(); ++i) {
        ConlluWord &word = sentence.words[i];
        word.head = state.head(i + 1);
        word.deprel = m_labels.at(state.label(i + 1));
    }
}

void DependencyParser::prune(float threshold)
{
    m_moves.prune(threshold);
    m_labeller.prune(threshold);
    prepareMoveScorer();
    prepareLabelScorer();
}

quint64 DependencyParser::weightsChecksum() const
{
    quint64 hash = featureKey(0, qint64(m_moves.checksum()), qint64(m_labeller.checksum()));
    for (const QStringList &names : {m_tags, m_labels}) {
        for (const QString &name : names)
            hash = featureKey(1, qint64(hash), qint64(qHash(name, 0)));
    }
    QStringList words = m_words.keys();
    words.sort();
    for (const QString &word : std::as_const(words))
        hash = featureKey(2, qint64(hash), qint64(qHash(word, 0)), m_words.value(word));
    return hash;
}

void DependencyParser::write(QDataStream &out) const
{
    out << m_tags << m_labels;
    // The vocabulary in id order, so that reading it back gives the ids.
    QStringList byId(m_words.size());
    for (auto it = m_words.cbegin(); it != m_words.cend(); ++it)
        byId[it.value() - firstVocabularyWord] = it.key();
    out << byId;
    m_moves.write(out);
    m_labeller.write(out);
}

Result<DependencyParser> DependencyParser::read(QDataStream &in)
{
    DependencyParser parser;
    QStringList words;
    in >> parser.m_tags >> parser.m_labels;
    // Tens of thousands of words: read in place (see ModelStreamReader).
    ModelStreamReader(in) >> words;
    parser.indexTags();
    if (in.status() != QDataStream::Ok)
        return Error{u"the parser's word lists are cut short or damaged"_s};
    if (!parser.m_labels.isEmpty() && !parser.m_labels.contains(rootLabel))
        return Error{u"the parser's relations lack \"root\""_s};
    for (int i = 0; i < words.size(); ++i)
        parser.m_words.insert(words.at(i), firstVocabularyWord + i);
    Result<LinearModel> moves = LinearModel::read(in, u"the parser's move weights"_s);
    if (!moves)
        return Error{moves.error()};
    Result<LinearModel> labeller = LinearModel::read(in, u"the parser's label weights"_s);
    if (!labeller)
        return Error{labeller.error()};
    if (moves->classCount() != ArcHybridState::moveCount || labeller->classCount() != parser.m_labels.size())
        return Error{u"the parser's weights do not fit its moves and relations"_s};
    parser.m_moves = std::move(moves).value();
    parser.m_labeller = std::move(labeller).value();
    parser.prepareMoveScorer();
    parser.prepareLabelScorer();
    return parser;
}

AttachmentScores attachmentScores(const QList<ConlluSentence> &parsed, const QList<ConlluSentence> &gold)
{
    AttachmentScores scores;
    const auto universal = [](const QString &deprel) { return QStringView(deprel).left(deprel.indexOf(u':')); };
    for (qsizetype s = 0; s < std::min(parsed.size(), gold.size()); ++s) {
        const QList<ConlluWord> &ours = parsed.at(s).words;
        const QList<ConlluWord> &theirs = gold.at(s).words;
        for (qsizetype i = 0; i < theirs.size(); ++i) {
            ++scores.words;
            if (i >= ours.size() || ours.at(i).head != theirs.at(i).head)
                continue;
            ++scores.rightHeads;
            scores.rightHeadsAndLabels += universal(ours.at(i).deprel) == universal(theirs.at(i).deprel);
        }
    }
    return scores;
}

} // namespace NewsGraph
