#include "ExtractionTestSupport.h"

#include "core/extract/DependencyRules.h"
#include "core/extract/EntityExtractor.h"
#include "core/extract/Lexicon.h"
#include "core/extract/RelationExtractor.h"
#include "core/extract/SyntaxAnalyzer.h"
#include "core/text/SentenceSplitter.h"

#include <QtTest>

#include <optional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

// Rules over dependency trees: the rule language on trees written by hand
// (so the figures do not depend on the parser), then the bundled rules on
// sentences of our own, parsed by the bundled models. No actor here appears
// in a bundled article.
class TestDependencyRules : public QObject
{
    Q_OBJECT

private:
    std::optional<Lexicon> m_lexicon;
    std::optional<SentenceSplitter> m_splitter;
    std::optional<RelationExtractor> m_relations;

    // A tree written "form lemma UPOS head deprel" per word, words joined
    // by " ; ", and which words name which entity ("1-2=0": words 1 and 2
    // name entity 0; 1-based like the heads).
    struct HandTree
    {
        ConlluSentence sentence;
        QList<int> entityOfWord;
    };

    static HandTree tree(const QString &words, const QString &entities)
    {
        HandTree hand;
        hand.sentence.words = Test::handWords(words);
        hand.entityOfWord.fill(-1, hand.sentence.words.size());
        for (const QString &span : entities.split(u' ', Qt::SkipEmptyParts)) {
            const QStringList parts = span.split(u'=');
            const QStringList range = parts[0].split(u'-');
            for (int w = range.first().toInt(); w <= range.last().toInt(); ++w)
                hand.entityOfWord[w - 1] = parts[1].toInt();
        }
        return hand;
    }

    static Result<DependencyRules> rulesFrom(const QByteArray &text, const Lexicon &lexicon, QTemporaryDir &dir)
    {
        QFile file(dir.filePath(u"relation-rules.tsv"_s));
        if (!file.open(QIODevice::WriteOnly))
            return Error{file.errorString()};
        file.write(text);
        file.close();
        return DependencyRules::fromFile(file.fileName(), lexicon);
    }

    // "subject predicate object" of each statement, entities named by
    // their index.
    static QStringList describe(const DependencyRules &rules, const HandTree &hand, const QList<EntityType> &types)
    {
        QStringList found;
        for (const DependencyRules::Statement &s : rules.apply(hand.sentence, hand.entityOfWord, types))
            found.append(u"%1 %2 %3"_s.arg(s.subject).arg(rules.rules()[s.rule].predicate).arg(s.object));
        found.sort();
        return found;
    }

    using Found = Test::FoundRelations;

    Found extract(const QString &text, const QString &language) const
    {
        Found found;
        const QList<Sentence> sentences = m_splitter->split(text);
        found.entities = EntityExtractor(*m_lexicon).extract(text, sentences, language);
        found.relations = m_relations->extract(text, sentences, found.entities, language);
        return found;
    }

    const QByteArray m_handRules = "negation\tnot|pas\n"
                                   "modal\tcould\n"
                                   "holding\tstake|cent\n"
                                   "example\tsuch as|such\n"
                                   "demoting\tvice\n"
                                   "@acquire\tacquire|buy|take over\n"
                                   "acquire.verb\tinvests_in\t0.9\t@acquire/VERB\tagent:ORG\tpatient:ORG\n"
                                   "merge.pair\tdeal_with\t0.8\tmerge/VERB\tagent:ORG\t-\n"
                                   "ceo.appos\tceo_of\t0.9\tchief executive|president/NOUN\t^appos:PERSON\tprep[of]:ORG\n";
    const QList<EntityType> m_types{EntityType::Organization, EntityType::Organization, EntityType::Person,
                                    EntityType::Organization};

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
        Result<SyntaxAnalyzer> syntax = SyntaxAnalyzer::fromDirectory(u":/models"_s);
        QVERIFY2(syntax.ok(), qPrintable(syntax.error()));
        m_relations->setSyntaxAnalyzer(std::move(syntax).value());
    }

    void handTrees_data()
    {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QString>("entities");
        QTest::addColumn<QStringList>("expected");

        // The subject of the verb that controls the trigger.
        QTest::newRow("agreed to acquire")
            << u"Kestrel Kestrel PROPN 2 nsubj ; agreed agree VERB 0 root ; to to PART 4 mark ; "
               "acquire acquire VERB 2 xcomp ; Brantwood Brantwood PROPN 4 obj"_s
            << u"1=0 5=1"_s << QStringList{u"0 invests_in 1"_s};
        // Passive: the by-phrase is the agent, the subject the patient.
        QTest::newRow("passive")
            << u"Brantwood Brantwood PROPN 3 nsubj:pass ; was be AUX 3 aux:pass ; bought buy VERB 0 root ; "
               "by by ADP 5 case ; Kestrel Kestrel PROPN 3 obl:agent"_s
            << u"1=1 5=0"_s << QStringList{u"0 invests_in 1"_s};
        // A relative clause: the noun it describes.
        QTest::newRow("relative clause")
            << u"Kestrel Kestrel PROPN 0 root ; , , PUNCT 3 punct ; which which PRON 4 nsubj ; "
               "bought buy VERB 1 acl:relcl ; Brantwood Brantwood PROPN 4 obj"_s
            << u"1=0 5=1"_s << QStringList{u"0 invests_in 1"_s};
        // Coordination spreads an argument; a stake reaches what it is in.
        QTest::newRow("conjuncts and holding")
            << u"Kestrel Kestrel PROPN 2 nsubj ; bought buy VERB 0 root ; a a DET 4 det ; stake stake NOUN 2 obj ; "
               "in in ADP 6 case ; Brantwood Brantwood PROPN 4 nmod ; and and CCONJ 8 cc ; Ostrava Ostrava PROPN 6 conj"_s
            << u"1=0 6=1 8=3"_s << QStringList{u"0 invests_in 1"_s, u"0 invests_in 3"_s};
        // A phrase trigger: "take" with "over" below it.
        QTest::newRow("phrase trigger")
            << u"Kestrel Kestrel PROPN 2 nsubj ; took take VERB 0 root ; over over ADP 2 compound:prt ; "
               "Brantwood Brantwood PROPN 2 obj"_s
            << u"1=0 4=1"_s << QStringList{u"0 invests_in 1"_s};
        QTest::newRow("take without over")
            << u"Kestrel Kestrel PROPN 2 nsubj ; took take VERB 0 root ; Brantwood Brantwood PROPN 2 obj"_s
            << u"1=0 3=1"_s << QStringList{};
        // A negated trigger states nothing.
        QTest::newRow("negation")
            << u"Kestrel Kestrel PROPN 4 nsubj ; did do AUX 4 aux ; not not PART 4 advmod ; "
               "buy buy VERB 0 root ; Brantwood Brantwood PROPN 4 obj"_s
            << u"1=0 5=1"_s << QStringList{};
        // Pairwise: the members of the subject.
        QTest::newRow("pairwise")
            << u"Kestrel Kestrel PROPN 4 nsubj ; and and CCONJ 3 cc ; Brantwood Brantwood PROPN 1 conj ; "
               "merge merge VERB 0 root"_s
            << u"1=0 3=1"_s << QStringList{u"0 deal_with 1"_s};
        // A title in apposition; "vice president" is another title.
        QTest::newRow("apposition")
            << u"Ada Ada PROPN 0 root ; Wren Wren PROPN 1 flat ; , , PUNCT 4 punct ; president president NOUN 1 appos ; "
               "of of ADP 6 case ; Kestrel Kestrel PROPN 4 nmod"_s
            << u"1-2=2 6=0"_s << QStringList{u"2 ceo_of 0"_s};
        QTest::newRow("demoted title")
            << u"Ada Ada PROPN 0 root ; , , PUNCT 4 punct ; vice vice NOUN 4 compound ; president president NOUN 1 appos ; "
               "of of ADP 6 case ; Kestrel Kestrel PROPN 4 nmod"_s
            << u"1=2 6=0"_s << QStringList{};
        // Types are checked: a person is not bought here.
        QTest::newRow("wrong type")
            << u"Kestrel Kestrel PROPN 2 nsubj ; bought buy VERB 0 root ; Ada Ada PROPN 2 obj"_s
            << u"1=0 3=2"_s << QStringList{};
    }

    void handTrees()
    {
        QFETCH(QString, words);
        QFETCH(QString, entities);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const Result<DependencyRules> rules = rulesFrom(m_handRules, *m_lexicon, dir);
        QVERIFY2(rules.ok(), qPrintable(rules.error()));
        QCOMPARE(describe(rules.value(), tree(words, entities), m_types), expected);
    }

    void aModalTriggerIsDownWeighted()
    {
        QTemporaryDir dir;
        const Result<DependencyRules> rules = rulesFrom(m_handRules, *m_lexicon, dir);
        QVERIFY2(rules.ok(), qPrintable(rules.error()));
        const HandTree sure = tree(u"Kestrel Kestrel PROPN 2 nsubj ; bought buy VERB 0 root ; Brantwood Brantwood PROPN 2 obj"_s,
                                   u"1=0 3=1"_s);
        const HandTree maybe = tree(u"Kestrel Kestrel PROPN 3 nsubj ; could could AUX 3 aux ; buy buy VERB 0 root ; "
                                    "Brantwood Brantwood PROPN 3 obj"_s,
                                    u"1=0 4=1"_s);
        const QList<DependencyRules::Statement> a = rules->apply(sure.sentence, sure.entityOfWord, m_types);
        const QList<DependencyRules::Statement> b = rules->apply(maybe.sentence, maybe.entityOfWord, m_types);
        QCOMPARE(a.size(), 1);
        QCOMPARE(b.size(), 1);
        QVERIFY(b[0].confidence < a[0].confidence);
    }

    void badRuleFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("fields") << QByteArray("a.rule\tinvests_in\t0.9\tbuy/VERB\tagent\n") << u"relation-rules.tsv:1"_s;
        QTest::newRow("confidence") << QByteArray("# c\na.rule\tinvests_in\t2\tbuy/VERB\tagent\tpatient\n")
                                    << u"relation-rules.tsv:2: confidence"_s;
        QTest::newRow("type") << QByteArray("a.rule\tinvests_in\t0.9\tbuy/VERB\tagent:COMPANY\tpatient\n")
                              << u"unknown entity type"_s;
        QTest::newRow("list") << QByteArray("a.rule\tinvests_in\t0.9\t@buy/VERB\tagent\tpatient\n") << u"unknown word list"_s;
        QTest::newRow("bracket") << QByteArray("a.rule\tinvests_in\t0.9\tbuy/VERB\tprep[by\tpatient\n") << u"unclosed"_s;
        QTest::newRow("pairwise subject") << QByteArray("a.rule\tdeal_with\t0.9\tmerge/VERB\t-\tagent\n") << u"pairwise"_s;
        QTest::newRow("no pos") << QByteArray("a.rule\tinvests_in\t0.9\tbuy\tagent\tpatient\n") << u"LEMMAS/POS"_s;
    }

    void badRuleFilesAreRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const Result<DependencyRules> rules = rulesFrom(text, *m_lexicon, dir);
        QVERIFY(!rules.ok());
        QVERIFY2(rules.error().contains(message), qPrintable(rules.error()));
        QVERIFY2(rules.error().contains(u"relation-rules.tsv:"_s), qPrintable(rules.error()));
    }

    void aMissingRuleFileIsAnError()
    {
        const Result<DependencyRules> rules = DependencyRules::fromFile(u"/nonexistent/relation-rules.tsv"_s, *m_lexicon);
        QVERIFY(!rules.ok());
        QVERIFY2(rules.error().contains(u"/nonexistent/relation-rules.tsv"_s), qPrintable(rules.error()));
    }

    // The bundled rules and models on news sentences of our own.
    void bundledRules_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("predicate");
        QTest::addColumn<QString>("object");

        QTest::newRow("agreed to acquire")
            << u"en"_s << u"Orvane Logistics Inc. has agreed to acquire Tellmark Freight Inc. for $2.1 billion."_s
            << u"Orvane Logistics Inc."_s << u"invests_in"_s << u"Tellmark Freight Inc."_s;
        QTest::newRow("passive")
            << u"en"_s << u"Tellmark Freight Inc. was bought by Orvane Logistics Inc. last year."_s
            << u"Orvane Logistics Inc."_s << u"invests_in"_s << u"Tellmark Freight Inc."_s;
        QTest::newRow("pronoun")
            << u"en"_s << u"Orvane Logistics Inc. reported higher sales. It said it would buy Tellmark Freight Inc. in March."_s
            << u"Orvane Logistics Inc."_s << u"invests_in"_s << u"Tellmark Freight Inc."_s;
        QTest::newRow("relative and stake")
            << u"en"_s << u"Kivu Resources Ltd, which owns 40 per cent of Lakeshore Copper Corp., backed the plan."_s
            << u"Kivu Resources Ltd"_s << u"invests_in"_s << u"Lakeshore Copper Corp."_s;
        QTest::newRow("merger pair")
            << u"en"_s << u"Halvard Bank Corp. and Merrow Financial Inc. will merge in an all-stock deal."_s
            << u"Halvard Bank Corp."_s << u"deal_with"_s << u"Merrow Financial Inc."_s;
        QTest::newRow("competition from")
            << u"en"_s << u"Halvard Bank Corp. was fined by the regulator after it limited competition from Merrow Financial Inc. in Ohio."_s
            << u"Halvard Bank Corp."_s << u"competes_with"_s << u"Merrow Financial Inc."_s;
        QTest::newRow("adviser")
            << u"en"_s << u"Brookline Partners LLC advised Merrow Financial Inc. on the sale of its insurance unit."_s
            << u"Brookline Partners LLC"_s << u"supplies"_s << u"Merrow Financial Inc."_s;
        QTest::newRow("reported speech")
            << u"en"_s << u"Halvard Bank Corp. said Merrow Financial Inc. had misled its investors."_s
            << u"Halvard Bank Corp."_s << u"says_about"_s << u"Merrow Financial Inc."_s;
        QTest::newRow("accusation")
            << u"en"_s << u"Tellmark Freight Inc. accused Orvane Logistics Inc. of copying its software."_s
            << u"Tellmark Freight Inc."_s << u"says_about"_s << u"Orvane Logistics Inc."_s;
        // A description stands for the last organisation named that is not
        // the subject of its own clause.
        QTest::newRow("description, not the subject")
            << u"en"_s << u"Kestrel Foods Inc. sold its stake in Brantwood Dairy Ltd to Ostrava Holdings SA, which bought the whole company."_s
            << u"Ostrava Holdings SA"_s << u"invests_in"_s << u"Brantwood Dairy Ltd"_s;
        QTest::newRow("french description and auprès de")
            << u"fr"_s << u"Vantrel SA emploie 500 salariés à Lyon. La société Ostrande SAS a passé une commande auprès du constructeur."_s
            << u"Ostrande SAS"_s << u"customer_of"_s << u"Vantrel SA"_s;
        QTest::newRow("french board")
            << u"fr"_s << u"Selon Jeanne Morvan, présidente du directoire de Vantrel SA, les ventes progressent."_s
            << u"Jeanne Morvan"_s << u"leader_of"_s << u"Vantrel SA"_s;
        QTest::newRow("french participle")
            << u"fr"_s << u"Ostrande SAS, fondée en 2009 par Jeanne Morvan, emploie 300 personnes."_s
            << u"Jeanne Morvan"_s << u"founder_of"_s << u"Ostrande SAS"_s;
        QTest::newRow("french possessive")
            << u"fr"_s << u"Vantrel SA a vendu sa filiale Ostrande SAS l'an dernier."_s
            << u"Ostrande SAS"_s << u"part_of"_s << u"Vantrel SA"_s;
        QTest::newRow("selected supplier")
            << u"en"_s << u"Halvard Bank Corp. selected Brookline Partners LLC to run its payments."_s
            << u"Halvard Bank Corp."_s << u"customer_of"_s << u"Brookline Partners LLC"_s;
        QTest::newRow("french acquisition")
            << u"fr"_s << u"Le groupe Vantrel SA a racheté la société Ostrande SAS en 2019."_s
            << u"Vantrel SA"_s << u"invests_in"_s << u"Ostrande SAS"_s;
        QTest::newRow("french subsidiary")
            << u"fr"_s << u"Ostrande SAS, filiale de Vantrel SA, emploie 300 personnes à Lyon."_s
            << u"Ostrande SAS"_s << u"part_of"_s << u"Vantrel SA"_s;
    }

    void bundledRules()
    {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(QString, subject);
        QFETCH(QString, predicate);
        QFETCH(QString, object);
        const Found found = extract(text, language);
        QVERIFY2(found.relation(subject, predicate, object), qPrintable(found.describe()));
    }

    void negatedStatementsStayOut()
    {
        const Found found = extract(u"Orvane Logistics Inc. did not buy Tellmark Freight Inc. after all."_s, u"en"_s);
        QVERIFY2(!found.relation(u"Orvane Logistics Inc."_s, u"invests_in"_s, u"Tellmark Freight Inc."_s), qPrintable(found.describe()));
        // A negated verb of which the trigger noun is the object.
        const Found takeover = extract(u"Orvane Logistics Inc. did not complete its takeover of Tellmark Freight Inc. last year."_s, u"en"_s);
        QVERIFY2(!takeover.relation(u"Orvane Logistics Inc."_s, u"invests_in"_s, u"Tellmark Freight Inc."_s), qPrintable(takeover.describe()));
        const Found rachat = extract(u"Orvane Logistique SA n'a pas finalisé son rachat de Tellmark Fret SA."_s, u"fr"_s);
        QVERIFY2(!rachat.relation(u"Orvane Logistique SA"_s, u"invests_in"_s, u"Tellmark Fret SA"_s), qPrintable(rachat.describe()));
        const Found done = extract(u"Orvane Logistics Inc. completed its takeover of Tellmark Freight Inc. last year."_s, u"en"_s);
        QVERIFY2(done.relation(u"Orvane Logistics Inc."_s, u"invests_in"_s, u"Tellmark Freight Inc."_s), qPrintable(done.describe()));
    }

    void aTitleIsNotSharedWithAConjunctThatHasItsOwn()
    {
        const Found found = extract(u"\"We are ready,\" said Kelpwise chief executive Maren Oddvik and vice chairman "
                                    "Idris Okonkwo in a statement."_s,
                                    u"en"_s);
        QVERIFY2(found.relation(u"Maren Oddvik"_s, u"ceo_of"_s, u"Kelpwise"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Idris Okonkwo"_s, u"ceo_of"_s, u"Kelpwise"_s), qPrintable(found.describe()));
    }

    void aRegionInBracketsBelongsToItsOwnPlace()
    {
        const Found found = extract(u"Les deux parcs éoliens de Saint-Quivel (Vendée) et de Port-Marvel (Gironde) "
                                    "seront mis en service en 2031."_s,
                                    u"fr"_s);
        QVERIFY2(found.relation(u"Saint-Quivel"_s, u"located_in"_s, u"Vendée"_s), qPrintable(found.describe()));
        QVERIFY2(found.relation(u"Port-Marvel"_s, u"located_in"_s, u"Gironde"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Port-Marvel"_s, u"located_in"_s, u"Vendée"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Port-Marvel"_s, u"located_in"_s, u"Saint-Quivel"_s), qPrintable(found.describe()));
    }

    void anOrganisationAnnouncingItsOwnNewsTalksAboutNobody()
    {
        const Found found = extract(u"Orvane Logistics Inc. said it would buy Tellmark Freight Inc. next year."_s, u"en"_s);
        QVERIFY2(found.relation(u"Orvane Logistics Inc."_s, u"invests_in"_s, u"Tellmark Freight Inc."_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Orvane Logistics Inc."_s, u"says_about"_s, u"Tellmark Freight Inc."_s), qPrintable(found.describe()));
    }

    void aRemarkIsNotAboutWhereThingsAre()
    {
        const Found found = extract(u"Idris Okonkwo said Kelpwise Inc. would build a plant in Peru with U.S. partners."_s, u"en"_s);
        QVERIFY2(found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Kelpwise Inc."_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"Peru"_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Idris Okonkwo"_s, u"says_about"_s, u"U.S."_s), qPrintable(found.describe()));
    }

    void aSpeakerAfterTheRemark()
    {
        // No quotation marks: the tree alone says what the remark is.
        const Found found = extract(u"Tellmark Freight Inc. will grow fast, said Ada Wren, chair of Kelpwise Inc."_s, u"en"_s);
        QVERIFY2(found.relation(u"Ada Wren"_s, u"says_about"_s, u"Tellmark Freight Inc."_s), qPrintable(found.describe()));
        QVERIFY2(!found.relation(u"Ada Wren"_s, u"says_about"_s, u"Kelpwise Inc."_s), qPrintable(found.describe()));
    }

    void resolvedPronounsAndDescriptionsAreListed()
    {
        // What the relations were read through: "the shipowner" and "its"
        // stand for Orvane Logistics, each with its span in the text.
        const QString text = u"Orvane Logistics Inc. reported a profit. The shipowner agreed to acquire "
                             "Tellmark Freight Inc. to grow its fleet."_s;
        const QList<Sentence> sentences = m_splitter->split(text);
        const QList<ExtractedEntity> entities = EntityExtractor(*m_lexicon).extract(text, sentences, u"en"_s);
        QList<ResolvedMention> references;
        const QList<ExtractedRelation> relations = m_relations->extract(text, sentences, entities, u"en"_s, &references);
        QStringList found;
        for (const ResolvedMention &reference : std::as_const(references)) {
            QCOMPARE(text.mid(reference.mention.start, reference.mention.end - reference.mention.start),
                     reference.mention.surface);
            QCOMPARE(reference.mention.sentence, 1);
            found.append(reference.mention.surface + u" = "_s + entities[reference.entity].name);
        }
        QCOMPARE(found, (QStringList{u"The shipowner = Orvane Logistics"_s, u"its = Orvane Logistics"_s}));
        // The same relations as without the list.
        QCOMPARE(relations, m_relations->extract(text, sentences, entities, u"en"_s));
    }

    void withoutAModelOnlyThePatternsRun()
    {
        // The same sentence, and the language has no model: no tree rule
        // fires, and nothing fails.
        const QString text = u"Orvane Logistics Inc. has agreed to acquire Tellmark Freight Inc. for $2.1 billion."_s;
        const QList<Sentence> sentences = m_splitter->split(text);
        const QList<ExtractedEntity> entities = EntityExtractor(*m_lexicon).extract(text, sentences, u"en"_s);
        const QList<ExtractedRelation> relations = m_relations->extract(text, sentences, entities, u"de"_s);
        QVERIFY(std::none_of(relations.cbegin(), relations.cend(),
                             [](const ExtractedRelation &r) { return r.rule == u"acquire.verb"_s; }));
    }
};

QTEST_GUILESS_MAIN(TestDependencyRules)
#include "tst_dependencyrules.moc"
