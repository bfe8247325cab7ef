#include "SyntheticNews.h"

#include <QStringList>

#include <array>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace NewsGraph::Testing {

namespace {

// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014): a stateless hash that makes every article's
// choices depend on its index alone.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

class Dice
{
public:
    explicit Dice(quint64 seed) : m_state(mix(seed)) {}
    quint64 next() { return mix(m_state++); }
    double uniform() { return double(next() >> 11) / double(1ULL << 53); }
    quint64 below(quint64 n) { return n == 0 ? 0 : next() % n; }

private:
    quint64 m_state;
};

template<typename List>
QString pick(const List &list, quint64 n)
{
    return list[n % std::size(list)].toString();
}

struct Person
{
    QString full;
    QString surname;
};

Person person(quint64 k)
{
    static constexpr std::array<QStringView, 32> given = {
        u"Adela", u"Boris", u"Corin", u"Dalia", u"Emrik", u"Fenna", u"Gideon", u"Halla",
        u"Ivo", u"Jora", u"Kasimir", u"Lisbet", u"Milo", u"Nerys", u"Otto", u"Perrin",
        u"Amélie", u"Bastien", u"Camille", u"Didier", u"Élodie", u"Florent", u"Gaëlle", u"Hugo",
        u"Inès", u"Julien", u"Laure", u"Mathis", u"Noémie", u"Olivier", u"Pauline", u"Romain"};
    // Three syllables give 13,824 surnames; four keep later ones distinct.
    const QString surname = inventedWord(quint32(k), k < 24 * 24 * 24 ? 3 : 4);
    return {pick(given, mix(k)) + u' ' + surname, surname};
}

struct Company
{
    QString full;  // "Kalomirex Systems"
    QString name;  // "Kalomirex"
};

Company company(quint64 k)
{
    static constexpr std::array<QStringView, 4> endings = {u"ex", u"ora", u"ium", u"tech"};
    static constexpr std::array<QStringView, 8> suffixes = {u"Systems", u"Group", u"Holdings", u"Labs",
                                                            u"Energy", u"Pharma", u"Motors", u"Bank"};
    const quint32 n = quint32(k * 13 + 5);
    const QString name = inventedWord(n, k < 24 * 24 * 24 / 13 ? 3 : 4) + pick(endings, k);
    return {name + u' ' + pick(suffixes, k / 4), name};
}

QString town(quint64 k, bool french)
{
    // Real places the lexicon knows, and invented towns.
    static constexpr std::array<QStringView, 16> known = {
        u"Paris", u"London", u"Berlin", u"Madrid", u"Toronto", u"Nairobi", u"Singapore", u"Lyon",
        u"Rotterdam", u"Osaka", u"Lisbon", u"Bergen", u"Marseille", u"Montreal", u"Geneva", u"Dakar"};
    static constexpr std::array<QStringView, 4> endings = {u"burg", u"port", u"vale", u"field"};
    if (k % 4 == 0)
        return pick(known, k / 4);
    return inventedWord(quint32(k * 31 + 11), 2) + (french ? u"ville"_s : pick(endings, k));
}

QString country(quint64 k, bool french)
{
    static constexpr std::array<QStringView, 8> english = {u"France", u"Germany", u"Brazil", u"Kenya",
                                                           u"Japan", u"Canada", u"Spain", u"Norway"};
    static constexpr std::array<QStringView, 8> inFrench = {u"France", u"Allemagne", u"Brésil", u"Kenya",
                                                            u"Japon", u"Canada", u"Espagne", u"Norvège"};
    return french ? pick(inFrench, k) : pick(english, k);
}

// An actor of a pool of `size` for article `index`: a third of the time one of
// the newest (the actors of the day), otherwise skewed towards the first
// ones, who recur in many articles as the well-known actors of real news do.
quint64 actor(Dice &dice, double size)
{
    if (dice.uniform() < 0.35) {
        const double recent = std::max(1.0, size * 0.05);
        return quint64(size - 1 - std::floor(dice.uniform() * recent));
    }
    const double u = dice.uniform();
    return quint64(std::floor(size * u * u * u));
}

struct Cast
{
    Person p1, p2, p3, p4;
    Company c1, c2, c3;
    QString town, otherTown, country;
};

Cast castOf(Dice &dice, quint64 index, bool french)
{
    // The pools grow with the stream: new people and companies keep appearing.
    const double people = 40.0 + 2.0 * double(index);
    const double companies = 30.0 + 1.2 * double(index);
    const double towns = 20.0 + 0.2 * double(index);
    Cast cast;
    cast.p1 = person(actor(dice, people));
    cast.p2 = person(actor(dice, people));
    cast.p3 = person(actor(dice, people));
    cast.p4 = person(actor(dice, people));
    cast.c1 = company(actor(dice, companies));
    cast.c2 = company(actor(dice, companies));
    cast.c3 = company(actor(dice, companies));
    cast.town = town(actor(dice, towns), french);
    cast.otherTown = town(actor(dice, towns), french);
    cast.country = country(dice.next(), french);
    return cast;
}

QString englishSentence(int which, const Cast &c, Dice &dice)
{
    static constexpr std::array<QStringView, 5> weekdays = {u"Monday", u"Tuesday", u"Wednesday", u"Thursday",
                                                            u"Friday"};
    static constexpr std::array<QStringView, 6> months = {u"January", u"March", u"May", u"June", u"September",
                                                          u"November"};
    static constexpr std::array<QStringView, 5> products = {u"battery", u"cloud", u"chip", u"satellite",
                                                            u"vaccine"};
    const QString money = u"$%1 million"_s.arg(10 + dice.below(990));
    const QString number = QString::number(2 + dice.below(90));
    const QString date = u"%1 %2"_s.arg(pick(months, dice.next())).arg(1 + dice.below(28));
    switch (which) {
    case 0:
        return u"%1, the chief executive of %2, said on %3 that the company would invest %4 in a new plant in %5."_s
            .arg(c.p1.full, c.c1.full, pick(weekdays, dice.next()), money, c.town);
    case 1:
        return u"%1 agreed to buy %2 for %3, the two companies said in a statement."_s.arg(c.c1.name, c.c2.full, money);
    case 2:
        return u"%1 and %2 announced a partnership to develop %3 technology."_s
            .arg(c.c2.name, c.c3.full, pick(products, dice.next()));
    case 3:
        return u"%1, who founded %2 in %3, will join the board of %4."_s
            .arg(c.p2.full, c.c2.name, QString::number(1970 + dice.below(50)), c.c1.name);
    case 4:
        return u"“We are ready to grow,” %1 told reporters in %2."_s.arg(c.p1.surname, c.town);
    case 5:
        return u"Shares of %1 rose %2 percent after the announcement."_s.arg(c.c1.name, number);
    case 6:
        return u"%1, a supplier based in %2, will supply %3 modules to %4 under a %5-year contract."_s
            .arg(c.c3.name, c.otherTown, pick(products, dice.next()), c.c1.name, number);
    case 7:
        return u"%1 met %2 in %3 on %4 to discuss the deal."_s.arg(c.p2.surname, c.p1.surname, c.otherTown, date);
    case 8:
        return u"Regulators in %1 fined %2 %3 for breaching competition rules, and %4 said the company would appeal."_s
            .arg(c.country, c.c2.name, money, c.p2.surname);
    case 9:
        return u"%1 appointed %2 as chief financial officer, replacing %3."_s.arg(c.c1.name, c.p3.full, c.p4.full);
    case 10:
        return u"%1, an analyst at %2, said the deal made sense for both companies."_s.arg(c.p4.full, c.c3.name);
    default:
        return u"%1 is headquartered in %2 and employs %3 people."_s.arg(c.c2.name, c.otherTown, number);
    }
}

QString frenchSentence(int which, const Cast &c, Dice &dice)
{
    static constexpr std::array<QStringView, 5> weekdays = {u"lundi", u"mardi", u"mercredi", u"jeudi",
                                                            u"vendredi"};
    static constexpr std::array<QStringView, 6> months = {u"janvier", u"mars", u"mai", u"juin", u"septembre",
                                                          u"novembre"};
    static constexpr std::array<QStringView, 5> products = {u"des batteries", u"un service de cloud",
                                                            u"des puces", u"des satellites", u"un vaccin"};
    const QString money = u"%1 millions d'euros"_s.arg(10 + dice.below(990));
    const QString number = QString::number(2 + dice.below(90));
    const QString date = u"%1 %2"_s.arg(1 + dice.below(28)).arg(pick(months, dice.next()));
    switch (which) {
    case 0:
        return u"%1, le directeur général de %2, a annoncé %3 que le groupe investirait %4 dans une nouvelle usine à %5."_s
            .arg(c.p1.full, c.c1.full, pick(weekdays, dice.next()), money, c.town);
    case 1:
        return u"%1 va racheter %2 pour %3, ont indiqué les deux entreprises dans un communiqué."_s
            .arg(c.c1.name, c.c2.full, money);
    case 2:
        return u"%1 et %2 ont annoncé un partenariat pour développer %3."_s
            .arg(c.c2.name, c.c3.full, pick(products, dice.next()));
    case 3:
        return u"%1, qui a fondé %2 en %3, rejoindra le conseil d'administration de %4."_s
            .arg(c.p2.full, c.c2.name, QString::number(1970 + dice.below(50)), c.c1.name);
    case 4:
        return u"« Nous sommes prêts à grandir », a déclaré %1 à la presse à %2."_s.arg(c.p1.surname, c.town);
    case 5:
        return u"L'action %1 a gagné %2 % après l'annonce."_s.arg(c.c1.name, number);
    case 6:
        return u"%1, un fournisseur basé à %2, fournira %3 à %4 dans le cadre d'un contrat de %5 ans."_s
            .arg(c.c3.name, c.otherTown, pick(products, dice.next()), c.c1.name, number);
    case 7:
        return u"%1 a rencontré %2 à %3 le %4 pour discuter de l'accord."_s
            .arg(c.p2.surname, c.p1.surname, c.otherTown, date);
    case 8:
        return u"Les autorités de la concurrence en %1 ont infligé une amende de %2 à %3, et %4 a indiqué que l'entreprise ferait appel."_s
            .arg(c.country, money, c.c2.name, c.p2.surname);
    case 9:
        return u"%1 a nommé %2 directeur financier, en remplacement de %3."_s.arg(c.c1.name, c.p3.full, c.p4.full);
    case 10:
        return u"%1, analyste chez %2, estime que l'opération a du sens pour les deux groupes."_s
            .arg(c.p4.full, c.c3.name);
    default:
        return u"Le siège de %1 est situé à %2, où l'entreprise emploie %3 personnes."_s
            .arg(c.c2.name, c.otherTown, number);
    }
}

// One story: its first sentence names the lead person and company in full,
// the others follow in an order of the article's own.
QString story(const Cast &cast, bool french, Dice &dice)
{
    std::array<int, 11> order = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    for (std::size_t i = order.size() - 1; i > 0; --i)
        std::swap(order[i], order[dice.below(i + 1)]);
    // Two or three paragraphs of three to five sentences.
    QStringList paragraphs;
    QStringList sentences{french ? frenchSentence(0, cast, dice) : englishSentence(0, cast, dice)};
    for (std::size_t i = 0; i < order.size(); ++i) {
        sentences.append(french ? frenchSentence(order[i], cast, dice) : englishSentence(order[i], cast, dice));
        if (sentences.size() >= 3 + int(dice.below(3))) {
            paragraphs.append(sentences.join(u' '));
            sentences.clear();
        }
    }
    if (!sentences.isEmpty())
        paragraphs.append(sentences.join(u' '));
    return paragraphs.join(u"\n\n"_s);
}

} // namespace

QString inventedWord(quint32 n, int syllables)
{
    static constexpr std::array<QStringView, 24> parts = {u"ka",  u"lo", u"mir", u"van", u"del", u"tor", u"bri", u"sun",
                                                          u"dax", u"mer", u"sol", u"quin", u"zor", u"pel", u"nat", u"ris",
                                                          u"gor", u"hal", u"ven", u"tik", u"bo",  u"shu", u"lam", u"fe"};
    constexpr quint32 base = parts.size();
    QString word;
    for (int i = 0; i < syllables; ++i) {
        word += parts[n % base];
        n /= base;
    }
    word[0] = word[0].toUpper();
    return word;
}

SyntheticNews::SyntheticNews(double frenchShare)
    : m_frenchShare(frenchShare)
{
}

SyntheticArticle SyntheticNews::article(quint64 index) const
{
    Dice dice(index);
    SyntheticArticle article;
    article.french = dice.uniform() < m_frenchShare;
    const Cast lead = castOf(dice, index, article.french);
    // A second story in the same article shares its lead company.
    Cast second = castOf(dice, index, article.french);
    second.c1 = lead.c1;
    const QString headline = article.french
        ? u"%1 s'allie à %2"_s.arg(lead.c1.name, lead.c3.name)
        : u"%1 to buy %2"_s.arg(lead.c1.name, lead.c2.name);
    article.text = headline + u"\n\n"_s + story(lead, article.french, dice) + u"\n\n"_s
        + story(second, article.french, dice) + u'\n';
    article.fileName = u"article-%1-%2.txt"_s.arg(index, 7, 10, QChar(u'0')).arg(article.french ? u"fr"_s : u"en"_s);
    return article;
}

} // namespace NewsGraph::Testing
