#include "core/pipeline/SyntaxAnalyzer.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;

namespace NewsGraph {

Result<SyntaxAnalyzer> SyntaxAnalyzer::fromDirectory(const QString &directory, const QStringList &languages)
{
    // Loading is mostly checking and parsing bytes: the two models load in
    // the time of the larger one.
    const QList<Result<SyntaxModel>> models = QtConcurrent::blockingMapped(languages, [&](const QString &language) {
        return readSyntaxModelFile(QDir(directory).filePath(language + u".model"_s));
    });
    SyntaxAnalyzer analyzer;
    for (qsizetype i = 0; i < languages.size(); ++i) {
        if (!models.at(i))
            return Error{models.at(i).error()};
        analyzer.m_models.insert(languages.at(i), std::make_shared<const SyntaxModel>(models.at(i).value()));
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
