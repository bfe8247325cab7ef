#include "core/syntax/SyntaxModel.h"

#include "core/common/WholeFile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QFileInfo>

#include <type_traits>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr char magic[] = "NGSYNTAX";
constexpr qsizetype magicSize = sizeof(magic) - 1;
// BLAKE2b-256: as safe a check as SHA-256 and four times faster here (25
// against 107 ms for the English model), which is most of loading time.
constexpr QCryptographicHash::Algorithm digestAlgorithm = QCryptographicHash::Blake2b_256;
constexpr qsizetype digestSize = 32;
constexpr qsizetype headerSize = magicSize + 4 + 8 + digestSize;

// One fixed stream version, so the bytes do not change with Qt's default.
constexpr QDataStream::Version streamVersion = QDataStream::Qt_6_4;

// A model built into the program is read once, from the program's own
// mapped file; afterwards its pages only count against the process's
// resident memory (27 MB for both models). Tells the kernel it may drop
// them: they are clean, read-only file pages, read again from the program
// file should anything touch them. Only whole pages inside the data.
void releaseResourcePages(const uchar *data, qint64 size)
{
#ifdef Q_OS_LINUX
    const auto pageSize = quintptr(sysconf(_SC_PAGESIZE));
    const quintptr first = (quintptr(data) + pageSize - 1) / pageSize * pageSize;
    const quintptr end = (quintptr(data) + quintptr(size)) / pageSize * pageSize;
    if (end > first)
        madvise(reinterpret_cast<void *>(first), end - first, MADV_DONTNEED);
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

} // namespace

QByteArray serializeSyntaxModel(const SyntaxModel &model)
{
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(streamVersion);
        out << model.language << model.attribution;
        model.segmenter.write(out);
        model.fineTags.write(out);
        model.tagger.write(out);
        model.lemmatizer.write(out);
        model.parser.write(out);
    }
    QByteArray bytes(magic, magicSize);
    QDataStream header(&bytes, QIODevice::Append);
    header.setVersion(streamVersion);
    header << syntaxModelFormatVersion << quint64(payload.size());
    bytes += QCryptographicHash::hash(payload, digestAlgorithm);
    bytes += payload;
    return bytes;
}

Result<SyntaxModel> parseSyntaxModel(const QByteArray &bytes, const QString &name)
{
    if (bytes.size() < magicSize || !bytes.startsWith(QByteArrayView(magic, magicSize)))
        return Error{u"%1 is not a NewsGraph syntax model"_s.arg(name)};
    if (bytes.size() < headerSize)
        return Error{u"%1 is cut short: %2 bytes, not even its header"_s.arg(name).arg(bytes.size())};
    QDataStream header(bytes.mid(magicSize, 12));
    header.setVersion(streamVersion);
    quint32 version = 0;
    quint64 length = 0;
    header >> version >> length;
    if (version > syntaxModelFormatVersion)
        return Error{u"%1 is a syntax model of format %2, made by a newer NewsGraph; this one reads "
                     "format %3"_s.arg(name)
                         .arg(version)
                         .arg(syntaxModelFormatVersion)};
    if (version < 1)
        return Error{u"%1 is damaged: its format version is %2"_s.arg(name).arg(version)};
    if (version < syntaxModelFormatVersion)
        return Error{u"%1 is a syntax model of format %2, made by an older NewsGraph; train it again "
                     "(newsgraph-cli train-syntax)"_s.arg(name)
                         .arg(version)};
    const quint64 present = quint64(bytes.size() - headerSize);
    if (length != present)
        return Error{u"%1 is %2: its model data should be %3 bytes and is %4"_s.arg(
                         name, present < length ? u"cut short"_s : u"damaged"_s)
                         .arg(length)
                         .arg(present)};
    // A view, not a copy: the English model is 19 MB.
    const QByteArray payload = QByteArray::fromRawData(bytes.constData() + headerSize, bytes.size() - headerSize);
    if (QCryptographicHash::hash(payload, digestAlgorithm) != bytes.mid(headerSize - digestSize, digestSize))
        return Error{u"%1 is damaged: its checksum does not match its contents"_s.arg(name)};

    QDataStream in(payload);
    in.setVersion(streamVersion);
    SyntaxModel model;
    in >> model.language >> model.attribution;
    // Each part in turn; the first that cannot be read names the problem.
    QString problem;
    const auto readPart = [&](auto &part) {
        if (!problem.isEmpty())
            return;
        auto read = std::remove_reference_t<decltype(part)>::read(in);
        if (read)
            part = std::move(read).value();
        else
            problem = read.error();
    };
    readPart(model.segmenter);
    readPart(model.fineTags);
    readPart(model.tagger);
    readPart(model.lemmatizer);
    readPart(model.parser);
    if (!problem.isEmpty())
        return Error{u"%1: %2"_s.arg(name, problem)};
    if (!in.atEnd())
        return Error{u"%1 is damaged: it has data past its model"_s.arg(name)};
    return model;
}

Result<SyntaxModel> readSyntaxModelFile(const QString &path)
{
    // Mapped where the file allows it (a plain file, or an uncompressed
    // resource in the program itself): no 19 MB copy to parse from.
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.size() > 0) {
        if (const uchar *mapped = file.map(0, file.size())) {
            const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), file.size());
            Result<SyntaxModel> model = parseSyntaxModel(bytes, QFileInfo(path).fileName());
            if (path.startsWith(u':'))
                releaseResourcePages(mapped, file.size());
            return model;
        }
    }
    const Result<QByteArray> bytes = readWholeFile(path);
    if (!bytes)
        return Error{bytes.error()};
    return parseSyntaxModel(*bytes, QFileInfo(path).fileName());
}

void analyseSentence(const SyntaxModel &model, ConlluSentence &sentence, const QStringList &givenTags)
{
    // The parser learnt on the fine tags ("VERB|VerbForm=Part"), so it
    // reads them before they are split into UPOS and FEATS.
    const QStringList tags = model.tagger.tag(sentence.forms(), givenTags);
    for (qsizetype i = 0; i < sentence.words.size(); ++i)
        sentence.words[i].upos = tags.value(i);
    model.parser.parse(sentence);
    for (qsizetype i = 0; i < sentence.words.size(); ++i) {
        ConlluWord &word = sentence.words[i];
        FineTags::apply(tags.value(i), word);
        word.lemma = model.lemmatizer.lemma(word.form, word.upos);
    }
}

ConlluSentence analyseTokens(const SyntaxModel &model, const QList<SurfaceToken> &tokens, QList<int> *tokenOfWord,
                             const QList<bool> &properNames)
{
    QList<int> ownTokenOfWord;
    QList<int> &wordTokens = tokenOfWord ? *tokenOfWord : ownTokenOfWord;
    ConlluSentence sentence = model.segmenter.segment(tokens, &wordTokens);
    QStringList givenTags;
    if (properNames.contains(true)) {
        givenTags.resize(sentence.words.size());
        for (qsizetype w = 0; w < sentence.words.size(); ++w) {
            if (properNames.value(wordTokens.value(w, -1)))
                givenTags[w] = QStringLiteral("PROPN");
        }
    }
    analyseSentence(model, sentence, givenTags);
    return sentence;
}

} // namespace NewsGraph
