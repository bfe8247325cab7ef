#include "core/extract/SyntaxAnalyzer.h"

#include "core/extract/Lexicon.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

bool isNameMention(const QString &surface, const Lexicon &lexicon)
{
    return !lexicon.containsKey(Lexicon::Category::Determiner, foldName(surface.section(u' ', 0, 0)));
}

Result<SyntaxAnalyzer> SyntaxAnalyzer::fromDirectory(const QString &directory, const QStringList &languages)
{
    // Side by side: reading a model is parsing its bytes and building its
    // tables, and nothing else runs while an ingest starts. The French model
    // read on another thread while this one reads the English took 0.08 s
    // off an article's ingest (0.38 -> 0.30 s, Release, eight runs each,
    // 2026-12-07), for 19 MB more at its peak (that thread's malloc arena).
    const QString folder = directory;
    const auto read = [folder](const QString &language) {
        return readSyntaxModelFile(QDir(folder).filePath(language + u".model"_s));
    };
    QList<QFuture<Result<SyntaxModel>>> others;
    for (qsizetype i = 1; i < languages.size(); ++i)
        others.append(QtConcurrent::run(read, languages[i]));
    QList<Result<SyntaxModel>> models;
    if (!languages.isEmpty())
        models.append(read(languages.constFirst()));
    for (QFuture<Result<SyntaxModel>> &other : others)
        models.append(other.takeResult());

    // The first that cannot be read, in the order asked, names the problem.
    SyntaxAnalyzer analyzer;
    for (qsizetype i = 0; i < languages.size(); ++i) {
        if (!models[i])
            return Error{models[i].error()};
        analyzer.m_models.insert(languages[i], std::make_shared<const SyntaxModel>(std::move(models[i]).value()));
    }
    return analyzer;
}

SyntaxAnalyzer SyntaxAnalyzer::withModel(SyntaxModel model)
{
    SyntaxAnalyzer analyzer;
    analyzer.m_anyLanguage = std::make_shared<const SyntaxModel>(std::move(model));
    return analyzer;
}

const SyntaxModel *SyntaxAnalyzer::model(const QString &language) const
{
    if (m_anyLanguage)
        return m_anyLanguage.get();
    const auto found = m_models.constFind(language);
    return found == m_models.cend() ? nullptr : found->get();
}

SentenceSyntax SyntaxAnalyzer::analyse(const QString &text, const Sentence &sentence, const QString &language,
                                       const QList<std::pair<int, int>> &names) const
{
    return analyse(text, tokenize(text, sentence.start, sentence.end), language, names);
}

SentenceSyntax SyntaxAnalyzer::analyse(const QString &text, QList<Token> tokens, const QString &language,
                                       const QList<std::pair<int, int>> &names) const
{
    SentenceSyntax result;
    result.tokens = std::move(tokens);
    const SyntaxModel *languageModel = model(language);
    if (!languageModel)
        return result;
    QList<SurfaceToken> surface;
    surface.reserve(result.tokens.size());
    QList<bool> properNames;
    for (const Token &token : std::as_const(result.tokens)) {
        surface.append(SurfaceToken{token.text(text).toString(), token.spaceBefore});
        // "Bank of America", "Société du Grand Paris": the small words of
        // a name keep the tags the tagger gives them.
        const bool inName = std::any_of(names.cbegin(), names.cend(), [&](const std::pair<int, int> &name) {
            return token.start >= name.first && token.end <= name.second;
        });
        const QString &form = surface.constLast().text;
        properNames.append(inName && std::any_of(form.cbegin(), form.cend(), [](QChar c) { return c.isUpper() || c.isDigit(); }));
    }
    result.words = analyseTokens(*languageModel, surface, &result.tokenOfWord, properNames);
    return result;
}

QString SyntaxAnalyzer::firstPartOfSpeech(const QString &text, TokenSpan tokens, const QString &language) const
{
    const SyntaxModel *languageModel = model(language);
    if (!languageModel || tokens.size() == 0)
        return {};
    QList<SurfaceToken> surface;
    surface.reserve(tokens.size());
    for (const Token &token : tokens)
        surface.append(SurfaceToken{token.text(text).toString(), token.spaceBefore});
    // The fine tag's UPOS part ("VERB|VerbForm=Part"): see FineTags.
    return languageModel->tagger.firstTag(languageModel->segmenter.segment(surface).forms()).section(u'|', 0, 0);
}

} // namespace NewsGraph
