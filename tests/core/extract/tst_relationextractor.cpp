#include "ExtractionTestSupport.h"

#include "core/extract/EntityExtractor.h"
#include "core/extract/Lexicon.h"
#include "core/extract/RelationExtractor.h"
#include "core/text/SentenceSplitter.h"

#include <QtTest>

#include <optional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

// Relation rules on sentences written for these tests, about actors that
// appear in no bundled article.
class TestRelationExtractor : public QObject
{
    Q_OBJECT

private:
    std::optional<Lexicon> m_lexicon;
    std::optional<SentenceSplitter> m_splitter;
    std::optional<RelationExtractor> m_relations;

    using Found = Test::FoundRelations;

    Found extract(const QString &text, const QString &language = u"en"_s) const
    {
        Found found;
        found.text = text;
        found.sentences = m_splitter->split(text);
        found.entities = EntityExtractor(*m_lexicon).extract(text, found.sentences, language);
        found.relations = m_relations->extract(text, found.sentences, found.entities, language);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<Lexicon> lexicon = Lexicon::fromDirectory(u":/lexicon"_s);
        QVERIFY2(lexicon.ok(), qPrintable(lexicon.error()));
        m_lexicon.emplace(std::move(lexicon).value());
        Result<SentenceSplitter> splitter = SentenceSplitter::fromDirectory(u":/lexicon"_s);
        QVERIFY2(splitter.ok(), qPrintable(splitter.error()));
        m_splitter.emplace(std::move(splitter).value());
        Result<RelationExtractor> relations = RelationExtractor::fromDirectory(u":/lexicon"_s, *m_lexicon);
        QVERIFY2(relations.ok(), qPrintable(relations.error()));
        m_relations.emplace(std::move(relations).value());
        QVERIFY(m_relations->ruleCount() > 40);
    }

    void rules_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("predicate");
        QTest::addColumn<QString>("object");

        // Roles.
        QTest::newRow("org title person") << u"Shares of Zorvex rose. Zorvex CEO Idris Okonkwo said sales doubled."_s << u"Idris Okonkwo"_s
                                          << u"ceo_of"_s << u"Zorvex"_s;
        QTest::newRow("person, title of org") << u"Maren Oddvik, chief executive of Kelpwise, opened the session."_s
                                              << u"Maren Oddvik"_s << u"ceo_of"_s << u"Kelpwise"_s;
        QTest::newRow("french pdg de") << u"Paulin Ferrandou, PDG de Bricomax, a présenté le plan."_s
                                       << u"Paulin Ferrandou"_s << u"ceo_of"_s << u"Bricomax"_s;
        QTest::newRow("surname with a particle") << u"Lancée en 2014 par Quentin Le Brouster, Kelpwise SAS emploie 40 personnes."_s
                                                 << u"Quentin Le Brouster"_s << u"founder_of"_s << u"Kelpwise SAS"_s;
        QTest::newRow("hyphenated title") << u"Maren Oddvik, co-founder of Kelpwise, opened the session."_s
                                          << u"Maren Oddvik"_s << u"founder_of"_s << u"Kelpwise"_s;
        QTest::newRow("french hyphenated title") << u"Paulin Ferrandou, président-directeur général de Bricomax, a parlé."_s
                                                 << u"Paulin Ferrandou"_s << u"ceo_of"_s << u"Bricomax"_s;
        QTest::newRow("facility at a place of an org") << u"Le site de Brest de Thales emploie 900 salariés."_s
                                                       << u"Thales"_s << u"located_in"_s << u"Brest"_s;
        QTest::newRow("its acquisition of") << u"When Kelpwise Corp. closes its acquisition of Brivalto Inc. later this year, it will grow."_s
                                            << u"Kelpwise Corp."_s << u"invests_in"_s << u"Brivalto Inc."_s;
        QTest::newRow("under the brands") << u"The group Kelpwise sells audio products under the Tidelune, Vartex and Solbrio brands."_s
                                          << u"Kelpwise"_s << u"manufactures"_s << u"Solbrio"_s;
        QTest::newRow("sous les marques") << u"Le groupe Bricomax vend ses outils sous les marques Tidelune et Vartex."_s
                                          << u"Bricomax"_s << u"manufactures"_s << u"Vartex"_s;
        QTest::newRow("managing director of") << u"Maren Oddvik, managing director of the consultancy Brivalto Partners, spoke."_s
                                              << u"Maren Oddvik"_s << u"ceo_of"_s << u"Brivalto Partners"_s;
        QTest::newRow("org chair person") << u"Kelpwise Chair Laura Oddvik will step down next year."_s
                                          << u"Laura Oddvik"_s << u"leader_of"_s << u"Kelpwise"_s;
        QTest::newRow("french président de org, person") << u"Le président de Bricomax, Jean Ferrandou, a signé."_s
                                                         << u"Jean Ferrandou"_s << u"leader_of"_s << u"Bricomax"_s;
        QTest::newRow("fronted founded by") << u"Lancée en 2019 par Laura Oddvik et Marc Okonkwo, Kelpwise SAS emploie 40 personnes."_s
                                            << u"Marc Okonkwo"_s << u"founder_of"_s << u"Kelpwise SAS"_s;
        QTest::newRow("investors of, listed") << u"Elle rejoint les investisseurs de Kelpwise SAS : Zorvex Capital, Bricomax et Quarnell Ventures."_s
                                              << u"Quarnell Ventures"_s << u"invests_in"_s << u"Kelpwise SAS"_s;
        QTest::newRow("at the expense of, each") << u"Le groupe Zorvex et Kelpwise ont remporté le marché, au détriment de Bricomax et de Quarnell."_s
                                                 << u"Zorvex"_s << u"competes_with"_s << u"Quarnell"_s;
        QTest::newRow("founded by") << u"Investors backed Kelpwise, a seaweed start-up founded by Laura Oddvik, on Monday."_s
                                    << u"Laura Oddvik"_s << u"founder_of"_s << u"Kelpwise"_s;
        QTest::newRow("head of state") << u"Chilean president Gabriela Montoya opened the fair in Chile."_s
                                       << u"Gabriela Montoya"_s << u"leader_of"_s << u"Chile"_s;
        QTest::newRow("head of government epithet")
            << u"La Belgique a voté. Le Premier ministre belge Paul Dumont a signé. Le premier ministre belge a salué l'accord."_s
            << u"Paul Dumont"_s << u"leader_of"_s << u"Belgium"_s;
        // Partnerships and deals, lists included.
        QTest::newRow("partnership between") << u"They hailed a partnership between Zorvex and Kelpwise."_s
                                             << u"Zorvex"_s << u"partner_of"_s << u"Kelpwise"_s;
        QTest::newRow("partners with") << u"The chipmaker Zorvex partners with Kelpwise on seaweed batteries."_s << u"Kelpwise"_s
                                       << u"partner_of"_s << u"Zorvex"_s;
        QTest::newRow("partnership in quotation marks") << u"The chipmaker Zorvex signed a multi-year “global partnership” with Kelpwise."_s
                                                        << u"Zorvex"_s << u"partner_of"_s << u"Kelpwise"_s;
        QTest::newRow("french partenariat") << u"Le groupe Bricomax annonce un partenariat avec Zorvex pour 2026."_s
                                            << u"Bricomax"_s << u"partner_of"_s << u"Zorvex"_s;
        QTest::newRow("merge") << u"Denver-based Kelpwise Bank and Brivalto Financial will combine in an all-stock deal."_s
                               << u"Kelpwise Bank"_s << u"deal_with"_s << u"Brivalto Financial"_s;
        QTest::newRow("deal list pairwise") << u"The minister praised a deal between Zorvex, Kelpwise and Bricomax."_s
                                            << u"Kelpwise"_s << u"deal_with"_s << u"Bricomax"_s;
        // Supply chain and places.
        QTest::newRow("powered by") << u"The chipmaker Zorvex is growing. The start-up Kelpwise said its cloud will be powered by Zorvex."_s << u"Zorvex"_s
                                    << u"supplies"_s << u"Kelpwise"_s;
        QTest::newRow("owner of brands") << u"Le nouveau patron de Bricomax, propriétaire des marques Tidelune ou Marvello, arrive."_s
                                         << u"Bricomax"_s << u"manufactures"_s << u"Marvello"_s;
        QTest::newRow("made by") << u"The Tidewatch XR9 chips are manufactured by the chipmaker Zorvex in Malaysia."_s << u"Zorvex"_s
                                 << u"manufactures"_s << u"Tidewatch XR9"_s;
        QTest::newRow("possessive place") << u"Investors praised Chile's Brivalto on Monday."_s << u"Brivalto"_s
                                          << u"located_in"_s << u"Chile"_s;
        QTest::newRow("nationality") << u"The Chilean startup Brivalto expands in Peru. Chile welcomed it."_s
                                     << u"Brivalto"_s << u"located_in"_s << u"Chile"_s;
        QTest::newRow("headquartered") << u"The start-up Kelpwise, headquartered in Bergen, hired 40 engineers."_s << u"Kelpwise"_s
                                       << u"headquartered_in"_s << u"Bergen"_s;
        QTest::newRow("invests") << u"The chipmaker Zorvex will invest $2 billion in Kelpwise Inc. over five years."_s << u"Zorvex"_s
                                 << u"invests_in"_s << u"Kelpwise Inc."_s;
        QTest::newRow("formerly") << u"Quarnell Systems, now known as Quarnell Group, cut jobs."_s << u"Quarnell Group"_s
                                  << u"formerly"_s << u"Quarnell Systems"_s;
        QTest::newRow("supports") << u"Senator Ann Lee expressed support for the merger of Zorvex and Kelpwise."_s
                                  << u"Ann Lee"_s << u"supports"_s << u"Kelpwise"_s;
        QTest::newRow("order from") << u"The planemaker Aerolux won an order for 40 jets from the airline Skyvance."_s
                                    << u"Skyvance"_s << u"customer_of"_s << u"Aerolux"_s;
        QTest::newRow("possessive rival") << u"The planemaker Aerolux grew. The planemaker Boreal, Aerolux's American rival, struggled."_s
                                          << u"Boreal"_s << u"competes_with"_s << u"Aerolux"_s;
        QTest::newRow("person, org's title") << u"Laura Oddvik, Kelpwise's chief financial officer, spoke."_s
                                             << u"Laura Oddvik"_s << u"works_for"_s << u"Kelpwise"_s;
        QTest::newRow("headline buys") << u"The chipmaker Zorvex buys Kelpwise Inc. in a bid to grow"_s << u"Zorvex"_s
                                       << u"invests_in"_s << u"Kelpwise Inc."_s;
        QTest::newRow("which owns per cent of") << u"Quarnell Holdings, which owns 11.7 per cent of Kelpwise Inc., backed the deal."_s
                                                << u"Quarnell Holdings"_s << u"invests_in"_s << u"Kelpwise Inc."_s;
        QTest::newRow("site of org in place") << u"Les salariés du site Airbus de Lyon ont voté."_s << u"Airbus"_s
                                              << u"located_in"_s << u"Lyon"_s;
        QTest::newRow("org's place mines") << u"The miner Brivalto Resources said Brivalto Resources's Chile mines were closed."_s
                                           << u"Brivalto Resources"_s << u"located_in"_s << u"Chile"_s;
        QTest::newRow("advised") << u"Last month the bank Quarnell Partners advised Chile's Brivalto Resources on the sale."_s
                                 << u"Quarnell Partners"_s << u"supplies"_s << u"Brivalto Resources"_s;
        QTest::newRow("adviser to") << u"The bank Quarnell Partners is exclusive financial adviser to Kelpwise Inc. in the deal."_s
                                    << u"Quarnell Partners"_s << u"supplies"_s << u"Kelpwise Inc."_s;
        QTest::newRow("org's advisers were") << u"The start-up Kelpwise's financial advisers were Quarnell Partners and Zorvex Capital."_s
                                             << u"Zorvex Capital"_s << u"supplies"_s << u"Kelpwise"_s;
        QTest::newRow("funding from, listed") << u"Kelpwise SAS obtient 40 millions d'euros d'apport financier de Zorvex Capital, du Crédit Agricole et de Bpifrance."_s
                                              << u"Bpifrance"_s << u"invests_in"_s << u"Kelpwise SAS"_s;
        QTest::newRow("raised from") << u"The start-up Kelpwise raised $40 million from Zorvex Capital and Quarnell Ventures."_s
                                     << u"Quarnell Ventures"_s << u"invests_in"_s << u"Kelpwise"_s;
        QTest::newRow("round led by") << u"The start-up Kelpwise closed a $40 million Series B round led by Zorvex Capital."_s
                                      << u"Zorvex Capital"_s << u"invests_in"_s << u"Kelpwise"_s;
        QTest::newRow("consortium of") << u"Le contrat revient à un groupement constitué de Bricomax, Zorvex et Kelpwise SAS."_s
                                       << u"Zorvex"_s << u"partner_of"_s << u"Kelpwise SAS"_s;
        QTest::newRow("investment noun") << u"Le groupe Bricomax a annoncé un investissement de 2 milliards d'euros dans Kelpwise SAS."_s
                                         << u"Bricomax"_s << u"invests_in"_s << u"Kelpwise SAS"_s;
        // Quotations: the speaker talks about whom the quotation names.
        QTest::newRow("quote") << u"Idris Okonkwo met the start-up Kelpwise. “Kelpwise will grow fast,” Idris Okonkwo said."_s << u"Idris Okonkwo"_s
                               << u"says_about"_s << u"Kelpwise"_s;
        QTest::newRow("quote runs on") << u"Idris Okonkwo visited the start-up Kelpwise. “We met them,” Okonkwo said. “Kelpwise will grow fast.”"_s
                                       << u"Idris Okonkwo"_s << u"says_about"_s << u"Kelpwise"_s;
        QTest::newRow("name alone after the quote") << u"« Le contrat avec Bricomax nous rassure », Jean Ferrandou."_s
                                                    << u"Jean Ferrandou"_s << u"says_about"_s << u"Bricomax"_s;
        QTest::newRow("pour X, view") << u"Pour Jean Ferrandou, il faut surveiller le contrat avec la ville de Winnipeg."_s
                                      << u"Jean Ferrandou"_s << u"says_about"_s << u"Winnipeg"_s;
        QTest::newRow("french quote") << u"Le groupe Bricomax recrute. « Bricomax doit accélérer », a déclaré Paulin Ferrandou."_s
                                      << u"Paulin Ferrandou"_s << u"says_about"_s << u"Bricomax"_s;
    }

    void rules()
    {
        QFETCH(QString, text);
        QFETCH(QString, subject);
        QFETCH(QString, predicate);
        QFETCH(QString, object);
        const Found found = extract(text);
        const ExtractedRelation *relation = found.relation(subject, predicate, object);
        QVERIFY2(relation, qPrintable(found.describe()));
        QVERIFY(relation->confidence > 0.0 && relation->confidence <= 1.0);
        QVERIFY(!relation->rule.isEmpty());
        QVERIFY(!relation->sentences.isEmpty());
    }

    void negationAndHypotheticals()
    {
        const Found negated = extract(u"The chipmaker Zorvex did not partner with Kelpwise, the company said."_s);
        QVERIFY2(!negated.relation(u"Zorvex"_s, u"partner_of"_s, u"Kelpwise"_s), qPrintable(negated.describe()));
        const Found french = extract(u"Le groupe Bricomax n'a pas signé de partenariat avec Zorvex."_s);
        QVERIFY2(!french.relation(u"Bricomax"_s, u"partner_of"_s, u"Zorvex"_s), qPrintable(french.describe()));

        const Found certain = extract(u"The chipmaker Zorvex partners with Kelpwise."_s);
        const Found hedged = extract(u"The chipmaker Zorvex could partner with Kelpwise."_s);
        const ExtractedRelation *sure = certain.relation(u"Zorvex"_s, u"partner_of"_s, u"Kelpwise"_s);
        const ExtractedRelation *maybe = hedged.relation(u"Zorvex"_s, u"partner_of"_s, u"Kelpwise"_s);
        QVERIFY2(sure, qPrintable(certain.describe()));
        if (maybe)
            QVERIFY(maybe->confidence < sure->confidence);
    }

    void listsShareOnlyWhatTheyShare()
    {
        // The place before the list belongs to its first member only when
        // the next one has words of its own.
        const Found found = extract(
            u"Chilean miner Brivalto and Peruvian retailer Quellca signed a deal. Chile and Peru agreed."_s);
        QVERIFY2(found.relation(u"Brivalto"_s, u"located_in"_s, u"Chile"_s), qPrintable(found.describe()));
        QVERIFY2(found.relation(u"Quellca"_s, u"located_in"_s, u"Peru"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Quellca"_s, u"located_in"_s, u"Chile"_s), qPrintable(found.describe()));
        QVERIFY2(found.relation(u"Brivalto"_s, u"deal_with"_s, u"Quellca"_s), qPrintable(found.describe()));
    }

    void gapsStopAtANewClause()
    {
        const Found found = extract(
            u"The chipmaker Zorvex announced large investments, as regulators in Portugal watched."_s);
        QVERIFY2(!found.relation(u"Zorvex"_s, u"invests_in"_s, u"Portugal"_s), qPrintable(found.describe()));
    }

    void listenerIsNotTalkedAbout()
    {
        const Found found = extract(u"Idris Okonkwo runs the start-up Kelpwise. “Kelpwise is ready,” Idris Okonkwo told Reuters on Friday."_s);
        QVERIFY2(found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Kelpwise"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Reuters"_s), qPrintable(found.describe()));
    }

    void evidenceIsTheStatingSentence()
    {
        const Found found = extract(u"The chipmaker Zorvex reported a loss. Zorvex CEO Idris Okonkwo resigned on Friday. Kelpwise grew."_s);
        const ExtractedRelation *relation = found.relation(u"Idris Okonkwo"_s, u"ceo_of"_s, u"Zorvex"_s);
        QVERIFY2(relation, qPrintable(found.describe()));
        QCOMPARE(relation->sentences, QList<int>{1});
        const Sentence &sentence = found.sentences.at(1);
        QCOMPARE(found.text.mid(sentence.start, sentence.length()), u"Zorvex CEO Idris Okonkwo resigned on Friday."_s);
    }

    void cooccurrenceIsKeptApart()
    {
        const Found found = extract(u"Zorvex and Kelpwise exhibited in Oslo. Kelpwise and Zorvex left early."_s);
        int cooccurrences = 0;
        for (const ExtractedRelation &r : found.relations) {
            if (r.predicate == QStringView(cooccurrencePredicate)) {
                ++cooccurrences;
                QVERIFY(r.subject < r.object);
                if (r.subject == found.entity(u"Zorvex"_s) || r.object == found.entity(u"Zorvex"_s)) {
                    if (r.subject == found.entity(u"Kelpwise"_s) || r.object == found.entity(u"Kelpwise"_s))
                        QCOMPARE(r.sentences, (QList<int>{0, 1}));
                }
            }
        }
        QCOMPARE(cooccurrences, 3); // Zorvex-Kelpwise, Zorvex-Oslo, Kelpwise-Oslo
        // Typed relations come first.
        bool seenCooccurrence = false;
        for (const ExtractedRelation &r : found.relations) {
            const bool weak = r.predicate == QStringView(cooccurrencePredicate);
            QVERIFY(!seenCooccurrence || weak);
            seenCooccurrence = seenCooccurrence || weak;
        }
    }

    void cooccurrencesCanBeLeftOut()
    {
        // What the store does not keep (it reads co-occurrences from the
        // mentions) need not be listed: the typed relations stay the same.
        const Found found = extract(u"Brivalto will partner with Kelpwise in Oslo. "
                                    "Kelpwise CEO Maren Dahl met Zorvex in Bergen."_s);
        RelationExtractor typedOnly = *m_relations;
        QVERIFY(typedOnly.listsCooccurrences());
        typedOnly.setListsCooccurrences(false);
        QList<ExtractedRelation> typed;
        for (const ExtractedRelation &r : found.relations) {
            if (r.predicate != QStringView(cooccurrencePredicate))
                typed.append(r);
        }
        QVERIFY2(!typed.isEmpty() && typed.size() < found.relations.size(), qPrintable(found.describe()));
        QCOMPARE(typedOnly.extract(found.text, found.sentences, found.entities), typed);
    }

    void sentenceAtATimeTokensGiveTheSameRelations()
    {
        // Relation extraction tokenises one sentence at a time unless given
        // the tokens of the whole document: the relations are the same.
        const QString text = u"Zorvex CEO Idris Okonkwo said the chipmaker Zorvex would partner with Kelpwise. "
                             "“We are ready,” Okonkwo said. It also signed a deal with Brivalto in Oslo, "
                             "Kelpwise and Zorvex said."_s;
        const Found found = extract(text);
        QVERIFY(found.relations.size() > 3);
        QCOMPARE(m_relations->extract(text, found.sentences, tokenizeSentences(text, found.sentences), found.entities),
                 found.relations);
    }

    void titleDescriptionsStandForThePersonNamedBefore()
    {
        // "Le P-DG de X" opening a sentence, with no name beside it, is the
        // person the sentence before named.
        const Found french = extract(u"« La marge reste belle », insiste Paulin Ferrandou. "
                                     "Le P-DG de Bricomax a mis l'accent sur l'emploi."_s, u"fr"_s);
        QVERIFY2(french.relation(u"Paulin Ferrandou"_s, u"ceo_of"_s, u"Bricomax"_s), qPrintable(french.describe()));
        const Found english = extract(u"Maren Oddvik said she was proud. The chief executive of Kelpwise said sales rose."_s);
        QVERIFY2(english.relation(u"Maren Oddvik"_s, u"ceo_of"_s, u"Kelpwise"_s), qPrintable(english.describe()));
        // A description that names its person is that person's.
        const Found named = extract(u"Maren Oddvik said she was proud. The chief executive of Kelpwise, Idris Okonkwo, "
                                    "said sales rose."_s);
        QVERIFY2(named.relation(u"Idris Okonkwo"_s, u"ceo_of"_s, u"Kelpwise"_s), qPrintable(named.describe()));
        QVERIFY2(!named.relation(u"Maren Oddvik"_s, u"ceo_of"_s, u"Kelpwise"_s), qPrintable(named.describe()));
        // No one named before: no one to stand for.
        const Found nobody = extract(u"Kelpwise grew. The chief executive of Kelpwise said sales rose."_s);
        for (const ExtractedRelation &r : nobody.relations)
            QVERIFY2(r.predicate != u"ceo_of"_s, qPrintable(nobody.describe()));
    }

    void placesInsideOtherPlaces()
    {
        // "City, State-based X": the city is in the state, and X is based in both.
        const Found based = extract(u"On Monday, Denver, Colo.-based Brivalto Energy cut 300 jobs."_s);
        QVERIFY2(based.relation(u"Denver"_s, u"located_in"_s, u"Colorado"_s), qPrintable(based.describe()));
        QVERIFY2(based.relation(u"Brivalto Energy"_s, u"headquartered_in"_s, u"Colorado"_s), qPrintable(based.describe()));
        QVERIFY2(based.relation(u"Brivalto Energy"_s, u"headquartered_in"_s, u"Denver"_s), qPrintable(based.describe()));
        // A département in brackets, and "ville, au pays".
        const Found french = extract(u"Le chantier se trouve à Tarbes (Hautes-Pyrénées). "
                                     "Bricomax vise aussi la ville de Winnipeg, au Canada."_s, u"fr"_s);
        QVERIFY2(french.relation(u"Tarbes"_s, u"located_in"_s, u"Hautes-Pyrénées"_s), qPrintable(french.describe()));
        QVERIFY2(french.relation(u"Winnipeg"_s, u"located_in"_s, u"Canada"_s), qPrintable(french.describe()));
        // A list of places is not a chain, and a country is in no city.
        const Found list = extract(u"Brivalto has offices in Oslo, Bergen, Lyon and Porto. "
                                   "It invested in the largest port in Norway, Stavanger."_s);
        for (const ExtractedRelation &r : list.relations)
            QVERIFY2(r.predicate != u"located_in"_s || r.rule != u"place.chain"_s, qPrintable(list.describe()));
    }

    void unitsNamedAfterTheirParent()
    {
        // The parent's name and words of the unit's own; not a kind of
        // company ("Electronics") nor a second company's name ("Suez").
        const Found found = extract(u"Le groupe Bricomax et Bricomax Fondations ont signé le contrat. "
                                    "Kelpwise Electronics et Kelpwise ont signé. Zorvex Suez et Zorvex aussi."_s,
                                    u"fr"_s);
        QVERIFY2(found.relation(u"Bricomax Fondations"_s, u"part_of"_s, u"Bricomax"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Kelpwise Electronics"_s, u"part_of"_s, u"Kelpwise"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Zorvex Suez"_s, u"part_of"_s, u"Zorvex"_s), qPrintable(found.describe()));
        const ExtractedRelation *unit = found.relation(u"Bricomax Fondations"_s, u"part_of"_s, u"Bricomax"_s);
        QCOMPARE(unit->sentences, QList<int>{0});
        QCOMPARE(unit->rule, u"name.parent"_s);
    }

    void quotationsTalkAboutPlacesButNotWhereThingsAre()
    {
        const Found found = extract(u"“Brazil and Chile are watching this closely, and we will build the plant in Peru,” "
                                    "said Idris Okonkwo."_s);
        QVERIFY2(found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Brazil"_s), qPrintable(found.describe()));
        QVERIFY2(found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Chile"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Peru"_s), qPrintable(found.describe()));
    }

    void quotationsOverSeveralSentencesBelongToTheirSpeaker()
    {
        // The speaker named after the quotation's last sentence said its
        // earlier sentences too; the attribution sentence is the evidence.
        const Found english = extract(u"Profits fell. “Our rival Kelpwise has been tough. Our team will win it back,” "
                                      "said Idris Okonkwo."_s);
        const ExtractedRelation *relation = english.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Kelpwise"_s);
        QVERIFY2(relation, qPrintable(english.describe()));
        QCOMPARE(relation->sentences, QList<int>{2});

        const Found french = extract(u"Le chiffre a baissé. « Le partenariat avec Bricomax est solide. Nous irons plus "
                                     "loin », insiste Paulin Ferrandou."_s,
                                     u"fr"_s);
        QVERIFY2(french.relation(u"Paulin Ferrandou"_s, u"says_about"_s, u"Bricomax"_s), qPrintable(french.describe()));

        // A quotation that ends without saying who spoke is nobody's.
        const Found unattributed = extract(u"“Our rival Kelpwise has been tough. We will win.” Idris Okonkwo said nothing "
                                           "else on Friday."_s);
        QVERIFY2(!unattributed.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Kelpwise"_s),
                 qPrintable(unattributed.describe()));

        // Nor does a quotation run on into the next paragraph.
        const Found paragraphs = extract(u"“Our rival Kelpwise has been tough.\n\nWe will win,” said Idris Okonkwo."_s);
        QVERIFY2(!paragraphs.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Kelpwise"_s),
                 qPrintable(paragraphs.describe()));
    }

    void badPatternFilesAreRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"relation-patterns.tsv"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ok.rule\tpartner_of\t0.8\t{S} partners with {O}\nbad.rule\tpartner_of\t0.8\t((a|b) c)\n");
        file.close();
        const Result<RelationExtractor> loaded = RelationExtractor::fromDirectory(dir.path(), *m_lexicon);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(u"relation-patterns.tsv:2"_s), qPrintable(loaded.error()));
    }
};

QTEST_GUILESS_MAIN(TestRelationExtractor)
#include "tst_relationextractor.moc"
