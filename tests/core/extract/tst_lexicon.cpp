#include "core/extract/Lexicon.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

using Category = Lexicon::Category;

Q_DECLARE_METATYPE(NewsGraph::EntityType)
Q_DECLARE_METATYPE(NewsGraph::Lexicon::Category)

namespace {

const QString bundled = u":/lexicon"_s;

// One line of a bundled name table, as written.
struct TableRow
{
    QString file;
    int line = 0;
    QString name;
    QString subtype;
    QStringList surfaces; // name and aliases
    QStringList demonyms;
};

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QList<TableRow> readTable(const QString &file)
{
    QList<TableRow> rows;
    int number = 0;
    const QString text = readAll(bundled + u'/' + file);
    for (QStringView line : QStringView(text).tokenize(u'\n')) {
        ++number;
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line = line.left(hash);
        if (line.trimmed().isEmpty())
            continue;
        const QList<QStringView> fields = line.split(u'\t');
        TableRow row;
        row.file = file;
        row.line = number;
        row.name = fields.value(0).trimmed().toString();
        row.subtype = fields.value(1).trimmed().toString();
        row.surfaces.append(row.name);
        for (QStringView alias : fields.value(2).split(u'|', Qt::SkipEmptyParts))
            row.surfaces.append(alias.trimmed().toString());
        for (QStringView demonym : fields.value(3).split(u'|', Qt::SkipEmptyParts))
            row.demonyms.append(demonym.trimmed().toString());
        rows.append(row);
    }
    return rows;
}

QList<TableRow> allTables()
{
    QList<TableRow> rows;
    for (const QString &file :
        {u"places.tsv"_s, u"organizations.tsv"_s, u"products.tsv"_s, u"events.tsv"_s})
        rows += readTable(file);
    return rows;
}

QStringList readWords(const QString &file)
{
    QStringList words;
    const QString text = readAll(bundled + u'/' + file);
    for (QStringView line : QStringView(text).tokenize(u'\n')) {
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line = line.left(hash);
        line = line.trimmed();
        if (!line.isEmpty())
            words.append(line.toString());
    }
    return words;
}

bool hasLowerCase(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLower(); });
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestLexicon : public QObject
{
    Q_OBJECT

private:
    Lexicon m_lexicon;

    QString canonical(const QString &surface) const
    {
        const KnownName *known = m_lexicon.findName(surface);
        return known ? known->name : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QElapsedTimer timer;
        timer.start();
        Result<Lexicon> lexicon = Lexicon::fromDirectory(bundled);
        QVERIFY2(lexicon.ok(), qPrintable(lexicon.error()));
        qDebug("Loaded the bundled lexicon (%lld known names) in %lld ms",
            qlonglong(lexicon->knownNameCount()), qlonglong(timer.elapsed()));
        m_lexicon = std::move(*lexicon);
    }

    void foldName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("case") << u"NVIDIA"_s << u"nvidia"_s;
        QTest::newRow("accents") << u"États-Unis"_s << u"etats-unis"_s;
        QTest::newRow("accents, lower") << u"Zürich Genève Ça"_s << u"zurich geneve ca"_s;
        QTest::newRow("periods") << u"U.S."_s << u"us"_s;
        QTest::newRow("periods inside") << u"Amazon.com Inc."_s << u"amazoncom inc"_s;
        QTest::newRow("right quote") << u"L’Oréal"_s << u"l'oreal"_s;
        QTest::newRow("left and right quotes") << u"‘Côte d’Ivoire’"_s << u"'cote d'ivoire'"_s;
        QTest::newRow("ascii apostrophe") << u"Côte d'Ivoire"_s << u"cote d'ivoire"_s;
        QTest::newRow("whitespace") << u"  Jensen \t  Huang\n"_s << u"jensen huang"_s;
        QTest::newRow("no-break space") << u"Le\u00a0Monde"_s << u"le monde"_s;
        QTest::newRow("ligature") << u"ﬁnance"_s << u"finance"_s;
        // Simple case folding (QString::toCaseFolded) keeps ß: names seldom
        // have one, and "STRASSE" for "Straße" is not worth a full folding.
        QTest::newRow("sharp s") << u"Straße"_s << u"straße"_s;
        QTest::newRow("Greek final sigma") << u"ΑΘΗΝΑ Αθήνας"_s << u"αθηνα αθηνασ"_s;
        QTest::newRow("hyphen kept") << u"Saint-Gobain"_s << u"saint-gobain"_s;
        QTest::newRow("already folded") << u"saint-gobain"_s << u"saint-gobain"_s;
        QTest::newRow("folded but for a period") << u"inc."_s << u"inc"_s;
        QTest::newRow("folded but for a space") << u"le monde "_s << u"le monde"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only periods and spaces") << u" . . "_s << QString();
    }

    void foldName()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(NewsGraph::foldName(text), folded);
        QCOMPARE(NewsGraph::foldName(QStringView(text)), folded);
    }

    void aFoldedWordIsNotCopied()
    {
        const QString word = u"partner"_s;
        QCOMPARE(NewsGraph::foldName(word).constData(), word.constData());
        const QString capitalised = u"Partner"_s;
        QVERIFY(NewsGraph::foldName(capitalised).constData() != capitalised.constData());
    }

    void everyCategoryLoaded_data()
    {
        QTest::addColumn<Category>("category");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("given names")
            << Category::GivenName
            << QStringList{u"Jensen"_s, u"Christine"_s, u"FRANÇOIS"_s, u"Francois"_s, u"Ngozi"_s,
                   u"Satya"_s, u"Jinping"_s, u"Ursula"_s}
            << QStringList{u"Will"_s, u"May"_s, u"June"_s, u"Grace"_s, u"Rose"_s, u"Paris"_s,
                   u"Florence"_s, u"Georgia"_s, u"Victoria"_s};
        QTest::newRow("stop capitals")
            << Category::StopCapital
            << QStringList{u"Monday"_s, u"janvier"_s, u"READ"_s, u"AI"_s, u"IA"_s, u"GPUs"_s,
                   u"PDG"_s, u"Q3"_s, u"R&D"_s, u"Mme"_s, u"Crédit"_s}
            << QStringList{u"Nvidia"_s, u"Parliament"_s, u"Senate"_s, u"Jan"_s};
        QTest::newRow("function words")
            << Category::FunctionWord << QStringList{u"the"_s, u"les"_s, u"dans"_s}
            << QStringList{u"Nvidia"_s};
        QTest::newRow("person titles")
            << Category::PersonTitle
            << QStringList{u"CEO"_s, u"chief executive"_s, u"co-founder"_s, u"Prime Minister"_s,
                   u"PDG"_s, u"directrice générale"_s, u"porte-parole"_s, u"Mme"_s, u"président"_s}
            << QStringList{u"company"_s};
        QTest::newRow("organisation suffixes")
            << Category::OrgSuffix
            << QStringList{u"Inc"_s, u"Inc."_s, u"Corp"_s, u"GmbH"_s, u"SA"_s, u"Group"_s,
                   u"Groupe"_s, u"AI"_s, u"Université"_s}
            << QStringList{u"the"_s};
        QTest::newRow("organisation nouns")
            << Category::OrgNoun
            << QStringList{u"chipmaker"_s, u"start-up"_s, u"regulator"_s, u"société"_s,
                   u"jeune pousse"_s, u"géant"_s}
            << QStringList{u"chip"_s};
        QTest::newRow("product nouns") << Category::ProductNoun
                                       << QStringList{u"chips"_s, u"superchips"_s, u"platform"_s,
                                              u"puce"_s, u"superpuces"_s, u"modèle"_s}
                                       << QStringList{u"chipmaker"_s};
        QTest::newRow("event nouns")
            << Category::EventNoun
            << QStringList{u"summit"_s, u"trade fair"_s, u"salon"_s, u"sommet"_s, u"congrès"_s}
            << QStringList{u"deal"_s, u"March"_s};
        QTest::newRow("speech verbs") << Category::SpeechVerb
                                      << QStringList{u"said"_s, u"told"_s, u"according to"_s,
                                             u"a déclaré"_s, u"selon"_s, u"estime"_s}
                                      << QStringList{u"called"_s};
        QTest::newRow("place prepositions")
            << Category::PlacePreposition
            << QStringList{u"in"_s, u"near"_s, u"à"_s, u"en"_s, u"près de"_s}
            << QStringList{u"from"_s, u"at"_s, u"chez"_s};
    }

    void everyCategoryLoaded()
    {
        QFETCH(Category, category);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        QVERIFY(m_lexicon.longestEntry(category) >= 1);
        for (const QString &word : std::as_const(present))
            QVERIFY2(m_lexicon.contains(category, word), qPrintable(word));
        for (const QString &word : std::as_const(absent))
            QVERIFY2(!m_lexicon.contains(category, word), qPrintable(word));
    }

    void listSizes()
    {
        // Rough floors: the lists are meant to be broad general knowledge.
        QVERIFY(readWords(u"given-names.txt"_s).size() >= 2500);
        QVERIFY(readTable(u"places.tsv"_s).size() >= 500);
        QVERIFY(readTable(u"organizations.tsv"_s).size() >= 400);
        QVERIFY(readTable(u"products.tsv"_s).size() >= 120);
        QVERIFY(readTable(u"events.tsv"_s).size() >= 70);
        QVERIFY(m_lexicon.knownNameCount() >= 1500);
    }

    void findName_data()
    {
        QTest::addColumn<QString>("surface");
        QTest::addColumn<QString>("name");
        QTest::addColumn<EntityType>("type");
        QTest::addColumn<QString>("subtype");
        const auto place = EntityType::Place;
        const auto org = EntityType::Organization;
        const auto product = EntityType::Product;
        const auto event = EntityType::Event;
        QTest::newRow("États-Unis")
            << u"États-Unis"_s << u"United States"_s << place << u"country"_s;
        QTest::newRow("Etats-Unis")
            << u"Etats-Unis"_s << u"United States"_s << place << u"country"_s;
        QTest::newRow("U.S.") << u"U.S."_s << u"United States"_s << place << u"country"_s;
        QTest::newRow("US") << u"US"_s << u"United States"_s << place << u"country"_s;
        QTest::newRow("usa") << u"usa"_s << u"United States"_s << place << u"country"_s;
        QTest::newRow("Royaume-Uni")
            << u"Royaume-Uni"_s << u"United Kingdom"_s << place << u"country"_s;
        QTest::newRow("U.K.") << u"U.K."_s << u"United Kingdom"_s << place << u"country"_s;
        QTest::newRow("Corée du Sud")
            << u"Corée du Sud"_s << u"South Korea"_s << place << u"country"_s;
        QTest::newRow("the Netherlands")
            << u"the Netherlands"_s << u"Netherlands"_s << place << u"country"_s;
        QTest::newRow("Pays-Bas") << u"PAYS-BAS"_s << u"Netherlands"_s << place << u"country"_s;
        QTest::newRow("Taïwan") << u"Taïwan"_s << u"Taiwan"_s << place << u"country"_s;
        QTest::newRow("Londres") << u"Londres"_s << u"London"_s << place << u"city"_s;
        QTest::newRow("Pékin") << u"Pékin"_s << u"Beijing"_s << place << u"city"_s;
        QTest::newRow("Washington") << u"Washington"_s << u"Washington"_s << place << u"city"_s;
        QTest::newRow("Union européenne")
            << u"Union européenne"_s << u"European Union"_s << place << u"union"_s;
        QTest::newRow("EU") << u"EU"_s << u"European Union"_s << place << u"union"_s;
        QTest::newRow("Europe") << u"Europe"_s << u"Europe"_s << place << u"continent"_s;
        QTest::newRow("Silicon Valley")
            << u"Silicon Valley"_s << u"Silicon Valley"_s << place << u"region"_s;
        QTest::newRow("Californie") << u"Californie"_s << u"California"_s << place << u"region"_s;
        QTest::newRow("Ile-de-France")
            << u"Ile-de-France"_s << u"Île-de-France"_s << place << u"region"_s;
        QTest::newRow("TSMC") << u"TSMC"_s << u"Taiwan Semiconductor Manufacturing Company"_s << org
                              << u"company"_s;
        QTest::newRow("Taiwan Semiconductor")
            << u"Taiwan Semiconductor"_s << u"Taiwan Semiconductor Manufacturing Company"_s << org
            << u"company"_s;
        QTest::newRow("NVIDIA") << u"NVIDIA"_s << u"Nvidia"_s << org << u"company"_s;
        QTest::newRow("nvidia corp.") << u"nvidia corp."_s << u"Nvidia"_s << org << u"company"_s;
        QTest::newRow("AWS") << u"AWS"_s << u"Amazon Web Services"_s << org << u"company"_s;
        QTest::newRow("Facebook") << u"Facebook"_s << u"Meta"_s << org << u"company"_s;
        QTest::newRow("Alphabet") << u"Alphabet"_s << u"Alphabet"_s << org << u"company"_s;
        QTest::newRow("Fed") << u"Fed"_s << u"Federal Reserve"_s << org << u"central-bank"_s;
        QTest::newRow("US Energy Department")
            << u"US Energy Department"_s << u"Department of Energy"_s << org << u"government"_s;
        QTest::newRow("Commission européenne")
            << u"Commission européenne"_s << u"European Commission"_s << org << u"government"_s;
        QTest::newRow("OTAN") << u"OTAN"_s << u"NATO"_s << org << u"international"_s;
        QTest::newRow("Nato") << u"Nato"_s << u"NATO"_s << org << u"international"_s;
        QTest::newRow("AFP") << u"AFP"_s << u"Agence France-Presse"_s << org << u"news-agency"_s;
        QTest::newRow("Les Échos") << u"Les Échos"_s << u"Les Echos"_s << org << u"media"_s;
        QTest::newRow("CNIL") << u"Cnil"_s << u"CNIL"_s << org << u"regulator"_s;
        QTest::newRow("ChatGPT") << u"ChatGPT"_s << u"ChatGPT"_s << product << u"ai-model"_s;
        QTest::newRow("GB200") << u"GB200"_s << u"Grace Blackwell"_s << product << u"chip"_s;
        QTest::newRow("iphone") << u"iphone"_s << u"iPhone"_s << product << u"device"_s;
        QTest::newRow("737 Max") << u"Boeing 737 Max"_s << u"Boeing 737 MAX"_s << product
                                 << u"aircraft"_s;
        QTest::newRow("MWC") << u"MWC"_s << u"Mobile World Congress"_s << event << u"trade-fair"_s;
        QTest::newRow("Davos") << u"Davos"_s << u"World Economic Forum"_s << event << u"summit"_s;
        QTest::newRow("Jeux olympiques")
            << u"Jeux olympiques"_s << u"Olympic Games"_s << event << u"sport"_s;
        QTest::newRow("Salon du Bourget")
            << u"Salon du Bourget"_s << u"Paris Air Show"_s << event << u"trade-fair"_s;
        QTest::newRow("Festival de Cannes")
            << u"Festival de Cannes"_s << u"Cannes Film Festival"_s << event << u"festival"_s;
    }

    void findName()
    {
        QFETCH(QString, surface);
        QFETCH(QString, name);
        QFETCH(EntityType, type);
        QFETCH(QString, subtype);
        const KnownName *known = m_lexicon.findName(surface);
        QVERIFY2(known, qPrintable(surface));
        QCOMPARE(known->name, name);
        QCOMPARE(known->type, type);
        QCOMPARE(known->subtype, subtype);
    }

    void findNameMisses()
    {
        for (const QString &surface : {u""_s, u"Acme Widgets"_s, u"The"_s, u"Monday"_s, u"Total"_s,
                 u"Target"_s, u"Time"_s, u"Euro"_s, u"LA"_s, u"Jordan Bardella"_s})
            QVERIFY2(!m_lexicon.findName(surface), qPrintable(surface));
    }

    // Acronyms that fold to a function word or a given name match only in
    // capitals, so that "Who", "Un", "Ces" or "Tim" at the start of a
    // sentence is not taken for the WHO, the UN, CES or Telecom Italia.
    void acronymsMatchOnlyInCapitals_data()
    {
        QTest::addColumn<QString>("acronym");
        QTest::addColumn<QString>("word");
        QTest::newRow("WHO") << u"WHO"_s << u"Who"_s;
        QTest::newRow("UN") << u"UN"_s << u"Un"_s;
        QTest::newRow("U.N.") << u"U.N."_s << u"un"_s;
        QTest::newRow("EU") << u"EU"_s << u"Eu"_s;
        QTest::newRow("CES") << u"CES"_s << u"Ces"_s;
        QTest::newRow("TIM") << u"TIM"_s << u"Tim"_s;
        QTest::newRow("ANA") << u"ANA"_s << u"Ana"_s;
    }

    void acronymsMatchOnlyInCapitals()
    {
        QFETCH(QString, acronym);
        QFETCH(QString, word);
        QVERIFY2(m_lexicon.findName(acronym), qPrintable(acronym));
        QVERIFY2(!m_lexicon.findName(word), qPrintable(word));
    }

    void demonyms_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("place");
        QTest::newRow("French") << u"French"_s << u"France"_s;
        QTest::newRow("française") << u"française"_s << u"France"_s;
        QTest::newRow("FRANÇAISES") << u"FRANÇAISES"_s << u"France"_s;
        QTest::newRow("Taiwanese") << u"Taiwanese"_s << u"Taiwan"_s;
        QTest::newRow("taïwanaise") << u"taïwanaise"_s << u"Taiwan"_s;
        QTest::newRow("américaines") << u"américaines"_s << u"United States"_s;
        QTest::newRow("Americans") << u"Americans"_s << u"United States"_s;
        QTest::newRow("allemand") << u"allemand"_s << u"Germany"_s;
        QTest::newRow("Chinese") << u"Chinese"_s << u"China"_s;
        QTest::newRow("sud-coréens") << u"sud-coréens"_s << u"South Korea"_s;
        QTest::newRow("Congolese") << u"Congolese"_s << u"Democratic Republic of the Congo"_s;
        QTest::newRow("European") << u"European"_s << u"Europe"_s;
        QTest::newRow("Parisian") << u"Parisian"_s << u"Paris"_s;
        QTest::newRow("californienne") << u"californienne"_s << u"California"_s;
        QTest::newRow("not a demonym") << u"Nvidia"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void demonyms()
    {
        QFETCH(QString, word);
        QFETCH(QString, place);
        QCOMPARE(m_lexicon.placeOfDemonym(word), place);
    }

    void multiWordEntries()
    {
        // "United Kingdom of Great Britain and Northern Ireland".
        QVERIFY(m_lexicon.longestName() >= 8);
        QCOMPARE(canonical(u"  united   kingdom of great britain and northern ireland "_s),
            u"United Kingdom"_s);
        QCOMPARE(canonical(u"Taiwan Semiconductor Manufacturing Co."_s),
            u"Taiwan Semiconductor Manufacturing Company"_s);
        QCOMPARE(canonical(u"Democratic Republic of the Congo"_s),
            u"Democratic Republic of the Congo"_s);
        QVERIFY(m_lexicon.contains(Category::PersonTitle, u"Chief  Executive Officer"));
        QVERIFY(m_lexicon.contains(Category::SpeechVerb, u"a-t-il déclaré"));
        // "président du conseil de surveillance"
        QVERIFY(m_lexicon.longestEntry(Category::PersonTitle) >= 5);
        QVERIFY(m_lexicon.longestEntry(Category::SpeechVerb) >= 3);
        QCOMPARE(m_lexicon.longestEntry(Category::FunctionWord), 1);

        // Every name and alias of the data files is found again, whatever
        // its words, and longestName() covers them all; each of its leading
        // parts begins a name, so a phrase-by-phrase search reaches it.
        for (const TableRow &row : allTables()) {
            for (const QString &surface : row.surfaces) {
                const QString key = NewsGraph::foldName(surface);
                const int words = int(key.count(u' ')) + 1;
                QVERIFY2(words <= m_lexicon.longestName(), qPrintable(surface));
                for (qsizetype length = 1; length <= key.size(); ++length)
                    QVERIFY2(m_lexicon.beginsName(key.left(length)), qPrintable(key.left(length)));
            }
        }
        QVERIFY(m_lexicon.beginsName(u"united kingdom of"_s));
        QVERIFY(!m_lexicon.beginsName(u"united kingdom of spain"_s));
        QVERIFY(!m_lexicon.beginsName(u"United"_s)); // keys are folded
    }

    // No name or alias of places, organisations, products and events may
    // stand for two different canonical names: findName() would silently
    // give the first. Documented exceptions go in `documented`, with the
    // reason; there are none today (the README and the table headers say
    // which clashes were resolved and how).
    void noAliasCollisions()
    {
        const QSet<QString> documented = {};
        std::map<QString, QStringList> owners; // folded key -> "name (file:line)"
        for (const TableRow &row : allTables()) {
            QSet<QString> keys;
            for (const QString &surface : row.surfaces) {
                const QString key = NewsGraph::foldName(surface);
                QVERIFY2(!key.isEmpty(), qPrintable(u"%1:%2"_s.arg(row.file).arg(row.line)));
                if (!keys.contains(key)) {
                    keys.insert(key);
                    owners[key].append(u"%1 (%2:%3)"_s.arg(row.name, row.file).arg(row.line));
                }
            }
        }
        QStringList collisions;
        for (const auto &[key, names] : owners) {
            if (names.size() > 1 && !documented.contains(key))
                collisions.append(u"“%1”: %2"_s.arg(key, names.join(u", "_s)));
        }
        QVERIFY2(collisions.isEmpty(), qPrintable(collisions.join(u'\n')));

        QStringList demonymCollisions;
        std::map<QString, QStringList> places;
        for (const TableRow &row : readTable(u"places.tsv"_s)) {
            for (const QString &demonym : row.demonyms) {
                QStringList &owner = places[NewsGraph::foldName(demonym)];
                if (!owner.contains(row.name))
                    owner.append(row.name);
            }
        }
        for (const auto &[key, names] : places) {
            if (names.size() > 1)
                demonymCollisions.append(u"“%1”: %2"_s.arg(key, names.join(u", "_s)));
        }
        QVERIFY2(demonymCollisions.isEmpty(), qPrintable(demonymCollisions.join(u'\n')));
    }

    // Clashes between lists that would mislead the extractor.
    void noHarmfulOverlaps()
    {
        QSet<QString> nameKeys;
        QSet<QString> lowerCaseKeys; // some spelling has lower-case letters
        for (const TableRow &row : allTables()) {
            for (const QString &surface : row.surfaces) {
                const QString key = NewsGraph::foldName(surface);
                nameKeys.insert(key);
                if (hasLowerCase(surface))
                    lowerCaseKeys.insert(key);
            }
        }

        // A known name written in lower case must not be a function word
        // ("The Information" is fine, "Who" is not); acronyms are protected
        // by the capitals-only rule of findName().
        QStringList functionWordNames;
        for (const QString &key : std::as_const(lowerCaseKeys)) {
            if (m_lexicon.contains(Category::FunctionWord, key))
                functionWordNames.append(key);
        }
        QVERIFY2(functionWordNames.isEmpty(), qPrintable(functionWordNames.join(u", "_s)));

        // A stop-capital is never a name, so it must be neither a known name
        // nor a given name.
        QStringList stopNames;
        for (const QString &word : readWords(u"stop-capitals.txt"_s)) {
            const QString key = NewsGraph::foldName(word);
            if (nameKeys.contains(key) || m_lexicon.contains(Category::GivenName, word))
                stopNames.append(word);
        }
        QVERIFY2(stopNames.isEmpty(), qPrintable(stopNames.join(u", "_s)));

        // Given names that are also known names, other than acronyms
        // matched only in capitals (ANA, TIM): documented in
        // given-names.txt and README.md.
        const QSet<QString> documented
            = {u"austin"_s, u"brittany"_s, u"claude"_s, u"santiago"_s, u"sofia"_s, u"virginie"_s};
        QStringList givenNames;
        for (const QString &word : readWords(u"given-names.txt"_s)) {
            const QString key = NewsGraph::foldName(word);
            if (lowerCaseKeys.contains(key) && !documented.contains(key))
                givenNames.append(word);
        }
        QVERIFY2(givenNames.isEmpty(), qPrintable(givenNames.join(u", "_s)));
    }

    void bundledSubtypes()
    {
        const std::map<QString, QSet<QString>> subtypes = {
            {u"places.tsv"_s, {u"country"_s, u"city"_s, u"region"_s, u"union"_s, u"continent"_s}},
            {u"organizations.tsv"_s,
                {u"company"_s, u"media"_s, u"news-agency"_s, u"international"_s, u"government"_s,
                    u"regulator"_s, u"central-bank"_s, u"court"_s, u"party"_s, u"university"_s,
                    u"research"_s, u"ngo"_s, u"club"_s}},
            {u"products.tsv"_s,
                {u"device"_s, u"software"_s, u"service"_s, u"ai-model"_s, u"chip"_s, u"vehicle"_s,
                    u"aircraft"_s, u"robot"_s, u"cryptocurrency"_s}},
            {u"events.tsv"_s,
                {u"trade-fair"_s, u"conference"_s, u"summit"_s, u"festival"_s, u"ceremony"_s,
                    u"sport"_s, u"election"_s, u"political-event"_s}},
        };
        int countries = 0;
        for (const auto &[file, allowed] : subtypes) {
            for (const TableRow &row : readTable(file)) {
                QVERIFY2(allowed.contains(row.subtype),
                    qPrintable(u"%1:%2: %3"_s.arg(row.file).arg(row.line).arg(row.subtype)));
                if (row.subtype == u"country"_s)
                    ++countries;
            }
        }
        QVERIFY2(countries >= 193, qPrintable(QString::number(countries)));
    }

    void extendFromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"user-lexicon.tsv"_s);
        QVERIFY(writeFile(path,
            "\xef\xbb\xbf# My project's names\r\n"
            "ORG\tAcme Robotics\tAcme|ACME Corp\r\n"
            "\r\n"
            "person\tJensen Huang\tHuang # the CEO\r\n"
            "PLACE\tStation F\n"
            "given-name\tZebulon\n"
            "stop-capital\tTL;DR\n"
            "Person-Title\tchief vibes officer\n"
            "PRODUCT\tFacebook\n"
            "ORG\tnvidia\tGreen Team\n"));
        Lexicon lexicon = m_lexicon;
        const qsizetype before = lexicon.knownNameCount();
        QVERIFY(!lexicon.contains(Category::GivenName, u"Zebulon"));

        const Result<void> result = lexicon.extendFromFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(lexicon.knownNameCount(), before + 4); // Nvidia was merged

        const KnownName *acme = lexicon.findName(u"acme corp");
        QVERIFY(acme);
        QCOMPARE(acme->name, u"Acme Robotics"_s);
        QCOMPARE(acme->type, EntityType::Organization);
        QCOMPARE(acme->aliases, (QStringList{u"Acme"_s, u"ACME Corp"_s}));
        QCOMPARE(lexicon.findName(u"Acme"), acme);
        QCOMPARE(lexicon.findName(u"Huang")->type, EntityType::Person);
        QCOMPARE(lexicon.findName(u"Jensen Huang")->name, u"Jensen Huang"_s);
        QCOMPARE(lexicon.findName(u"Station F")->type, EntityType::Place);
        QVERIFY(lexicon.beginsName(u"acme co"_s));
        QVERIFY(!m_lexicon.beginsName(u"acme co"_s));
        QVERIFY(lexicon.contains(Category::GivenName, u"Zebulon"));
        QVERIFY(lexicon.contains(Category::StopCapital, u"tl;dr"));
        QVERIFY(lexicon.contains(Category::PersonTitle, u"Chief Vibes Officer"));
        QCOMPARE(lexicon.longestEntry(Category::GivenName), 1);

        // User names win: "Facebook" is no longer Meta, but Meta is.
        QCOMPARE(lexicon.findName(u"Facebook")->type, EntityType::Product);
        QCOMPARE(lexicon.findName(u"Meta")->type, EntityType::Organization);
        QCOMPARE(lexicon.findName(u"Meta Platforms")->name, u"Meta"_s);
        // A known name gets the user's aliases.
        const KnownName *nvidia = lexicon.findName(u"Green Team");
        QVERIFY(nvidia);
        QCOMPARE(nvidia->name, u"Nvidia"_s);
        QCOMPARE(nvidia->type, EntityType::Organization);
        QCOMPARE(lexicon.findName(u"NVIDIA"), nvidia);

        // The bundled lexicon itself is untouched.
        QVERIFY(!m_lexicon.findName(u"Acme"));
        QCOMPARE(m_lexicon.findName(u"Facebook")->name, u"Meta"_s);
    }

    void extendFromFileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"broken.tsv"_s);
        QVERIFY(writeFile(path,
            "given-name\tZebulon\n" // 1: fine
            "# comment\n" // 2
            "ORG Acme Robotics\n" // 3: spaces, no TAB
            "ORG\tAcme\tA|B\tC\n" // 4: too many fields
            "COMPANY\tAcme\n" // 5: unknown type
            "PLACE\t\tSomewhere\n" // 6: empty name
            "stop-capital\tTL;DR\textra\n" // 7: too many fields
            "ORG\tFine Corp\n")); // 8: fine
        Lexicon lexicon = m_lexicon;
        const qsizetype before = lexicon.knownNameCount();
        const Result<void> result = lexicon.extendFromFile(path);
        QVERIFY(!result.ok());
        qDebug("%s", qPrintable(result.error()));
        for (int line : {3, 4, 5, 6, 7})
            QVERIFY2(result.error().contains(u"%1:%2:"_s.arg(path).arg(line)),
                qPrintable(result.error()));
        for (int line : {1, 2, 8})
            QVERIFY(!result.error().contains(u"%1:%2:"_s.arg(path).arg(line)));
        QVERIFY(result.error().contains(u"COMPANY"_s));
        // Nothing of a broken file is added.
        QCOMPARE(lexicon.knownNameCount(), before);
        QVERIFY(!lexicon.contains(Category::GivenName, u"Zebulon"));
        QVERIFY(!lexicon.findName(u"Fine Corp"));

        const QString missing = dir.filePath(u"missing.tsv"_s);
        const Result<void> notFound = lexicon.extendFromFile(missing);
        QVERIFY(!notFound.ok());
        QVERIFY(notFound.error().contains(missing));
    }

    void fromDirectoryErrors()
    {
        const Result<Lexicon> missing = Lexicon::fromDirectory(u"/no/such/lexicon"_s);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(u"/no/such/lexicon"_s));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Optional files: a folder with a single table loads.
        QVERIFY(writeFile(
            dir.filePath(u"organizations.tsv"_s), "# test\nAcme\tcompany\tACME|Acme Inc\n"));
        Result<Lexicon> small = Lexicon::fromDirectory(dir.path());
        QVERIFY2(small.ok(), qPrintable(small.error()));
        QCOMPARE(small->knownNameCount(), qsizetype(1));
        QCOMPARE(small->findName(u"acme inc.")->name, u"Acme"_s);
        QCOMPARE(small->longestEntry(Category::GivenName), 0);
        QVERIFY(!small->contains(Category::GivenName, u"Jensen"));

        // A malformed line names the file and the line.
        QVERIFY(writeFile(dir.filePath(u"places.tsv"_s),
            "France\tcountry\t\tFrench\n"
            "Atlantis country\n"
            "Paris\tCity\n"
            "Lyon\tcity\t\t\textra\n"));
        const Result<Lexicon> broken = Lexicon::fromDirectory(dir.path());
        QVERIFY(!broken.ok());
        qDebug("%s", qPrintable(broken.error()));
        const QString places = QDir(dir.path()).filePath(u"places.tsv"_s);
        for (int line : {2, 3, 4})
            QVERIFY2(broken.error().contains(u"%1:%2:"_s.arg(places).arg(line)),
                qPrintable(broken.error()));
        QVERIFY(!broken.error().contains(u"%1:1:"_s.arg(places)));
    }

    void loadTime()
    {
        constexpr int runs = 3;
        QElapsedTimer timer;
        timer.start();
        for (int run = 0; run < runs; ++run) {
            const Result<Lexicon> lexicon = Lexicon::fromDirectory(bundled);
            QVERIFY(lexicon.ok());
        }
        qDebug("Lexicon::fromDirectory(\":/lexicon\"): %.1f ms on average over %d runs",
            double(timer.elapsed()) / runs, runs);

        // And the cost of a lookup, for the record.
        const QStringList surfaces
            = {u"Nvidia"_s, u"États-Unis"_s, u"Jensen Huang"_s, u"Monday"_s, u"WHO"_s};
        constexpr int lookups = 100000;
        timer.restart();
        int found = 0;
        for (int i = 0; i < lookups; ++i)
            found += m_lexicon.findName(surfaces.at(i % surfaces.size())) ? 1 : 0;
        qDebug("findName: %.2f µs per lookup (%d found)", timer.nsecsElapsed() / 1000.0 / lookups,
            found);
    }
};

QTEST_GUILESS_MAIN(TestLexicon)
#include "tst_lexicon.moc"
