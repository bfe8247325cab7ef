#include "core/pipeline/SyntaxAnalyzer.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace NewsGraph {

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

SentenceSyntax SyntaxAnalyzer::analyse(const QString &text, const Sentence &sentence, const QString &language) const
{
    SentenceSyntax result;
    result.tokens = tokenize(text, sentence.start, sentence.end);
    const SyntaxModel *languageModel = model(language);
    if (!languageModel)
        return result;
    QList<SurfaceToken> surface;
    surface.reserve(result.tokens.size());
    for (const Token &token : std::as_const(result.tokens))
        surface.append(SurfaceToken{token.text(text).toString(), token.spaceBefore});
    result.words = analyseTokens(*languageModel, surface, &result.tokenOfWord);
    return result;
}

} // namespace NewsGraph
