#include "core/extract/SyntaxAnalyzer.h"

#include "core/extract/Lexicon.h"

#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

bool isNameMention(const QString &surface, const Lexicon &lexicon)
{
    return !lexicon.containsKey(Lexicon::Category::Determiner, foldName(surface.section(u' ', 0, 0)));
}

Result<SyntaxAnalyzer> SyntaxAnalyzer::fromDirectory(const QString &directory, const QStringList &languages)
{
    // One after the other: side by side on two threads took as long here
    // (loading is parsing bytes and faulting pages in) and left a second
    // malloc arena holding up to 45 MB more.
    SyntaxAnalyzer analyzer;
    for (const QString &language : languages) {
        Result<SyntaxModel> model = readSyntaxModelFile(QDir(directory).filePath(language + u".model"_s));
        if (!model)
            return Error{model.error()};
        analyzer.m_models.insert(language, std::make_shared<const SyntaxModel>(std::move(model).value()));
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
