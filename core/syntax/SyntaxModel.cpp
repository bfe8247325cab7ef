#include "core/syntax/SyntaxModel.h"

#include "core/common/ModelFile.h"
#include "core/common/WholeFile.h"

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

const ModelFileFormat fileFormat{"NGSYNTAX", syntaxModelFormatVersion, QStringLiteral("syntax model"),
                                 QStringLiteral("newsgraph-cli train-syntax")};

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
    return frameModelFile(fileFormat, [&model](QDataStream &out) {
        out << model.language << model.attribution;
        model.segmenter.write(out);
        model.fineTags.write(out);
        model.tagger.write(out);
        model.lemmatizer.write(out);
        model.parser.write(out);
    });
}

Result<SyntaxModel> parseSyntaxModel(const QByteArray &bytes, const QString &name)
{
    const Result<QByteArray> payload = modelFilePayload(bytes, fileFormat, name);
    if (!payload)
        return Error{payload.error()};

    QDataStream in(*payload);
    in.setVersion(modelStreamVersion);
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
