#pragma once

// News-like articles about invented actors, for tests and benchmarks that
// need many distinct documents (the store deduplicates identical content):
// article `index` is the same text on every run, and different indexes give
// different texts and, as real news does, partly different actors. Nothing
// here is the sample corpus or any real article.

#include <QString>
#include <QStringList>

#include <array>
#include <string_view>

namespace NewsGraph::Testing {

inline QString inventedArticle(int index)
{
    static constexpr std::array<std::u16string_view, 16> givenNames = {
        u"Ingrid", u"Tomas", u"Leila", u"Marcus", u"Amara", u"Henrik", u"Sofia", u"Rafael",
        u"Yuki", u"Daniel", u"Claire", u"Omar", u"Helena", u"Victor", u"Nadia", u"Pieter"};
    static constexpr std::array<std::u16string_view, 16> surnames = {
        u"Varnholt", u"Quesnel", u"Okafor", u"Lindqvist", u"Brambilla", u"Adeyemi", u"Marchetti",
        u"Holloway", u"Tanaka", u"Ferreira", u"Novak", u"Castellane", u"Oyelaran", u"Strand",
        u"Vidal", u"Kowalczyk"};
    static constexpr std::array<std::u16string_view, 20> companies = {
        u"Norvane", u"Brightfold", u"Kestrel Dynamics", u"Altamira Foods", u"Corvex",
        u"Halden Steel", u"Lumora", u"Pyxis Logistics", u"Tessaro", u"Vantablu",
        u"Orrin Energy", u"Sable Maritime", u"Quillon", u"Ferrowind", u"Marlow Bank",
        u"Zephyrine", u"Ostara Rail", u"Calder Mining", u"Nimbra", u"Vireo Pharma"};
    static constexpr std::array<std::u16string_view, 10> cities = {
        u"Lyon", u"Rotterdam", u"Toronto", u"Nairobi", u"Osaka", u"Lisbon", u"Gdansk",
        u"Perth", u"Monterrey", u"Bergen"};

    const auto pick = [](const auto &list, int k) {
        return QString::fromRawData(reinterpret_cast<const QChar *>(list[std::size_t(k) % list.size()].data()),
                                    qsizetype(list[std::size_t(k) % list.size()].size()));
    };
    const int i = index < 0 ? -index : index;
    const QString person1 = pick(givenNames, i) + u' ' + pick(surnames, i / 3 + 1);
    const QString person2 = pick(givenNames, i / 5 + 7) + u' ' + pick(surnames, i + 5);
    const QString surname1 = pick(surnames, i / 3 + 1);
    const QString company1 = pick(companies, i);
    const QString company2 = pick(companies, i / 2 + 3);
    const QString company3 = pick(companies, i / 7 + 11);
    const QString city = pick(cities, i / 4);
    const int amount = 100 + (i * 37) % 900;
    const int year = 1990 + i % 30;

    QStringList sentences = {
        QStringLiteral("%1, chief executive of %2, said on Tuesday that the company would buy %3 for %4 million euros.")
            .arg(person1, company1, company2)
            .arg(amount),
        QStringLiteral("The deal, announced in %1, is the largest in the history of %2.").arg(city, company1),
        QStringLiteral("%1 and %2 also signed a partnership to build a plant near %3.").arg(company2, company3, city),
        QStringLiteral("%1, who founded %2 in %3, will join the board of %4.").arg(person2, company3).arg(year).arg(company1),
        QStringLiteral("\"We are building something that lasts,\" %1 told reporters.").arg(surname1),
        QStringLiteral("Shares of %1 rose %2 percent after the announcement (article %3).")
            .arg(company1)
            .arg(1 + i % 9)
            .arg(index),
    };
    return QStringLiteral("%1 to buy %2\n\n").arg(company1, company2) + sentences.join(u' ') + u'\n';
}

} // namespace NewsGraph::Testing
