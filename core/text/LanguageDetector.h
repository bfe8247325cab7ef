#pragma once

#include "core/common/Result.h"
#include "core/text/WordList.h"

#include <QHash>
#include <QString>

namespace NewsGraph {

// Guesses the language of a text from the share of its words that are
// function words (stop words) of each known language: a small, fast and
// robust method for news-length texts (Grefenstette, "Comparing two language
// identification schemes", 1995). Languages come from data files
// resources/lexicon/stopwords-<code>.txt, so adding one is adding a file.
class LanguageDetector
{
public:
    LanguageDetector() = default;
    explicit LanguageDetector(QHash<QString, WordList> stopwordsByLanguage);

    // Loads every stopwords-<code>.txt in `directory` (":/lexicon" for the
    // bundled data).
    static Result<LanguageDetector> fromDirectory(const QString &directory);

    // ISO 639-1 code, or "und" when the text has too few known words to tell.
    QString detect(QStringView text) const;

    QStringList languages() const;

private:
    QHash<QString, WordList> m_stopwords;
    QStringList m_codes; // m_stopwords' keys, sorted
    // Every stop word with the indexes in m_codes of the languages that
    // list it: one lookup per word of the text instead of one per language.
    QHash<QString, QList<qsizetype>> m_languagesOfWord;
};

} // namespace NewsGraph
