#include "ExtractionTestSupport.h"

#include "core/extract/Anaphora.h"
#include "core/extract/Lexicon.h"

#include <QtTest>

#include <optional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

// Pronouns and descriptions resolved on trees written by hand ("form lemma
// UPOS head deprel" per word), so the cases do not depend on the parser.
class TestAnaphora : public QObject
{
    Q_OBJECT

private:
    std::optional<Lexicon> m_lexicon;
    // Entities 0 and 1 are organisations, 2 a person.
    const QList<EntityType> m_types{EntityType::Organization, EntityType::Organization, EntityType::Person};

    static QList<ConlluWord> words(const QString &text) { return Test::handWords(text); }

private Q_SLOTS:
    void initTestCase()
    {
        Result<Lexicon> lexicon = Lexicon::fromDirectory(u":/lexicon"_s);
        QVERIFY2(lexicon.ok(), qPrintable(lexicon.error()));
        m_lexicon.emplace(std::move(lexicon).value());
    }

    void cases_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QList<int>>("named");    // the entity each word names
        QTest::addColumn<int>("organisationBefore");
        QTest::addColumn<int>("personBefore");
        QTest::addColumn<QList<int>>("expected");

        // "Kestrel said it would buy Brantwood": it = Kestrel.
        QTest::newRow("pronoun, same sentence")
            << u"Kestrel Kestrel PROPN 2 nsubj ; said say VERB 0 root ; it it PRON 5 nsubj ; would would AUX 5 aux ; "
               "buy buy VERB 2 ccomp ; Brantwood Brantwood PROPN 5 obj"_s
            << QList<int>{0, -1, -1, -1, -1, 1} << -1 << -1 << QList<int>{0, -1, 0, -1, -1, 1};
        // "He" takes a person, from the sentences before when none is named.
        QTest::newRow("person from before")
            << u"He he PRON 2 nsubj ; joined join VERB 0 root ; Brantwood Brantwood PROPN 2 obj"_s
            << QList<int>{-1, -1, 1} << 0 << 2 << QList<int>{2, -1, 1};
        // "It" never takes a person.
        QTest::newRow("it is no person")
            << u"Ada Ada PROPN 2 nsubj ; said say VERB 0 root ; it it PRON 4 nsubj ; grew grow VERB 2 ccomp"_s
            << QList<int>{2, -1, -1, -1} << 1 << -1 << QList<int>{2, -1, 1, -1};
        // "Brantwood placed an order with the company": not Brantwood (the
        // subject of its clause) but the organisation before it.
        QTest::newRow("description past the subject")
            << u"Kestrel Kestrel PROPN 2 nsubj ; grew grow VERB 0 root ; and and CCONJ 5 cc ; Brantwood Brantwood PROPN 5 nsubj ; "
               "placed place VERB 2 conj ; an a DET 7 det ; order order NOUN 5 obj ; with with ADP 10 case ; "
               "the the DET 10 det ; company company NOUN 5 obl"_s
            << QList<int>{0, -1, -1, 1, -1, -1, -1, -1, -1, -1} << -1 << -1
            << QList<int>{0, -1, -1, 1, -1, -1, -1, -1, -1, 0};
        // A noun with a name of its own describes that name, nothing else.
        QTest::newRow("description with a name")
            << u"the the DET 2 det ; company company NOUN 4 nsubj ; Brantwood Brantwood PROPN 2 appos ; grew grow VERB 0 root"_s
            << QList<int>{-1, -1, 1, -1} << 0 << -1 << QList<int>{-1, -1, 1, -1};
        // An indefinite noun is no description of anyone.
        QTest::newRow("indefinite")
            << u"a a DET 2 det ; company company NOUN 3 nsubj ; grew grow VERB 0 root"_s
            << QList<int>{-1, -1, -1} << 0 << -1 << QList<int>{-1, -1, -1};
        // "Kestrel grew and the union protested": a union is no company, and
        // the text called no organisation so.
        QTest::newRow("institution noun")
            << u"Kestrel Kestrel PROPN 2 nsubj ; grew grow VERB 0 root ; and and CCONJ 6 cc ; the the DET 5 det ; "
               "union union NOUN 6 nsubj ; protested protest VERB 2 conj"_s
            << QList<int>{0, -1, -1, -1, -1, -1} << 0 << -1 << QList<int>{0, -1, -1, -1, -1, -1};
        QTest::newRow("institution noun, french")
            << u"le le DET 2 det ; gouvernement gouvernement NOUN 3 nsubj ; proteste protester VERB 0 root"_s
            << QList<int>{-1, -1, -1} << 0 << -1 << QList<int>{-1, -1, -1};
        // "the companies" are several: no one organisation.
        QTest::newRow("plural description")
            << u"the the DET 2 det ; companies company NOUN 3 nsubj ; grew grow VERB 0 root"_s
            << QList<int>{-1, -1, -1} << 0 << -1 << QList<int>{-1, -1, -1};
        // "Kestrel agreed to buy Brantwood to grow its fleet": the
        // possessive of an object is its clause's subject's, not the closest.
        QTest::newRow("possessive of an object")
            << u"Kestrel Kestrel PROPN 2 nsubj ; agreed agree VERB 0 root ; to to PART 4 mark ; buy buy VERB 2 xcomp ; "
               "Brantwood Brantwood PROPN 4 obj ; to to PART 7 mark ; grow grow VERB 4 advcl ; "
               "its its PRON 9 nmod:poss ; fleet fleet NOUN 7 obj"_s
            << QList<int>{0, -1, -1, -1, 1, -1, -1, -1, -1} << -1 << -1
            << QList<int>{0, -1, -1, -1, 1, -1, -1, 0, -1};
        // "Kestrel was fined by Brantwood after it limited ...": a subject
        // pronoun takes the subject, not the closer name after "by".
        QTest::newRow("subject over an oblique")
            << u"Kestrel Kestrel PROPN 3 nsubj:pass ; was be AUX 3 aux:pass ; fined fine VERB 0 root ; by by ADP 5 case ; "
               "Brantwood Brantwood PROPN 3 obl:agent ; after after SCONJ 8 mark ; it it PRON 8 nsubj ; "
               "limited limit VERB 3 advcl"_s
            << QList<int>{0, -1, -1, -1, 1, -1, -1, -1} << -1 << -1 << QList<int>{0, -1, -1, -1, 1, -1, 0, -1};
        // "Kestrel advised Brantwood when it teamed up ...": an object is as
        // salient as a subject, and closer.
        QTest::newRow("object is closer")
            << u"Kestrel Kestrel PROPN 2 nsubj ; advised advise VERB 0 root ; Brantwood Brantwood PROPN 2 obj ; "
               "when when ADV 6 advmod ; it it PRON 6 nsubj ; teamed team VERB 2 advcl"_s
            << QList<int>{0, -1, 1, -1, -1, -1} << -1 << -1 << QList<int>{0, -1, 1, -1, 1, -1};
        // French: "sa filiale" — sa takes a person or an organisation.
        QTest::newRow("french possessive")
            << u"Vantrel Vantrel PROPN 2 nsubj ; vend vendre VERB 0 root ; sa son DET 4 det ; filiale filiale NOUN 2 obj"_s
            << QList<int>{0, -1, -1, -1} << -1 << -1 << QList<int>{0, -1, 0, -1};
    }

    void cases()
    {
        QFETCH(QString, tree);
        QFETCH(QList<int>, named);
        QFETCH(int, organisationBefore);
        QFETCH(int, personBefore);
        QFETCH(QList<int>, expected);
        QCOMPARE(resolveAnaphora(words(tree), named, m_types, *m_lexicon, organisationBefore, personBefore), expected);
    }

    // What the document called each organisation decides for a specific
    // noun: "the airline" is the one airline named so, nobody when two were.
    void descriptionsTheTextGave_data()
    {
        QTest::addColumn<QString>("noun");
        QTest::addColumn<QList<int>>("describedAs"); // organisations the text called so
        QTest::addColumn<int>("expected");

        QTest::newRow("one airline") << u"airline"_s << QList<int>{0} << 0; // though Brantwood (1) is closer
        QTest::newRow("two airlines") << u"airline"_s << QList<int>{0, 1} << -1;
        QTest::newRow("never said") << u"airline"_s << QList<int>{} << 1; // the closest
        // Every company is "the company": the closest, whatever was said.
        QTest::newRow("generic noun") << u"company"_s << QList<int>{0, 1} << 1;
        // A body that is no company: the one the text called so, else none.
        QTest::newRow("union said") << u"union"_s << QList<int>{0} << 0;
        QTest::newRow("union never said") << u"union"_s << QList<int>{} << -1;
    }

    void descriptionsTheTextGave()
    {
        QFETCH(QString, noun);
        QFETCH(QList<int>, describedAs);
        QFETCH(int, expected);
        // "Kestrel and Brantwood talked; the airline grew."
        const QList<ConlluWord> tree = words(u"Kestrel Kestrel PROPN 4 nsubj ; and and CCONJ 3 cc ; "
                                             "Brantwood Brantwood PROPN 1 conj ; talked talk VERB 0 root ; "
                                             "the the DET 6 det ; %1 %1 NOUN 7 nsubj ; grew grow VERB 4 parataxis"_s.arg(noun));
        Descriptions descriptions;
        if (!describedAs.isEmpty())
            descriptions.insert(noun, describedAs);
        const QList<int> resolved = resolveAnaphora(tree, {0, -1, 1, -1, -1, -1, -1}, m_types, *m_lexicon, -1, -1, descriptions);
        QCOMPARE(resolved[5], expected);
    }

    void descriptionsAreCollected()
    {
        // "Aerolux, the airline, and the airline Skyvance": both described.
        const QList<ConlluWord> tree = words(u"Aerolux Aerolux PROPN 0 root ; the the DET 3 det ; airline airline NOUN 1 appos ; "
                                             "and and CCONJ 6 cc ; the the DET 6 det ; airline airline NOUN 1 conj ; "
                                             "Skyvance Skyvance PROPN 6 appos"_s);
        Descriptions descriptions;
        collectDescriptions(tree, {0, -1, -1, -1, -1, -1, 1}, *m_lexicon, descriptions);
        QCOMPARE(descriptions.value(u"airline"_s), (QList<int>{0, 1}));
    }

    void anaphors()
    {
        QVERIFY(isAnaphor(u"its"_s));
        QVERIFY(isAnaphor(u"elle"_s));
        QVERIFY(!isAnaphor(u"company"_s));
    }
};

QTEST_GUILESS_MAIN(TestAnaphora)
#include "tst_anaphora.moc"
