#include "GuiTestSupport.h"

#include "app/gui/DetailsPanel.h"
#include "app/gui/DocumentPanel.h"
#include "app/gui/DocumentView.h"
#include "app/gui/EvidenceListModel.h"
#include "app/gui/EvidenceLoader.h"
#include "app/gui/GraphSession.h"
#include "app/gui/PathModel.h"
#include "app/gui/RelationTableModel.h"
#include "app/gui/SearchResultModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include <algorithm>

using namespace NewsGraph;
using namespace NewsGraph::Test;

namespace {

bool mentionsEntity(const EvidenceItem &item, qint64 entityId)
{
    return std::any_of(item.highlights.cbegin(), item.highlights.cend(),
                       [&](const EvidenceHighlight &h) { return h.entityId == entityId; });
}

} // namespace

class TestEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void sentencesNamingAnEntityAreMarked()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        const QStringList names = session.node(huang)->aliases + QStringList{session.node(huang)->name};
        EvidenceLoader loader(session);
        const Result<QList<EvidenceItem>> items = loader.forEntity(huang);
        QVERIFY2(items.ok(), qPrintable(items.error()));
        QVERIFY(items->size() >= 5);
        for (const EvidenceItem &item : *items) {
            QVERIFY(!item.highlights.isEmpty());
            QVERIFY(!item.fileName.isEmpty());
            QVERIFY(!item.title.isEmpty());
            for (const EvidenceHighlight &highlight : item.highlights) {
                QCOMPARE(highlight.entityId, huang);
                QCOMPARE(highlight.type, EntityType::Person);
                const QString marked = item.sentence.mid(highlight.start, highlight.end - highlight.start);
                QVERIFY2(names.contains(marked), qPrintable(marked));
            }
        }
    }

    void sentencesOfALinkMarkBothEnds()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        const qint64 nvidia = entityNamed(session, QStringLiteral("Nvidia"));
        const qint64 mistral = entityNamed(session, QStringLiteral("Mistral AI"));
        QVERIFY(session.graph().edgeBetween(nvidia, mistral));
        EvidenceLoader loader(session);
        const Result<QList<EvidenceItem>> items = loader.forEdge(mistral, nvidia);
        QVERIFY2(items.ok(), qPrintable(items.error()));
        QCOMPARE(items->size(), session.graph().edgeBetween(nvidia, mistral)->evidenceCount);
        for (const EvidenceItem &item : *items) {
            QVERIFY2(mentionsEntity(item, nvidia), qPrintable(item.sentence));
            QVERIFY2(mentionsEntity(item, mistral), qPrintable(item.sentence));
        }
        // Each sentence of a typed relation says how it states it: the
        // predicate, the rule and its confidence ("partner_of by ...").
        const auto explained = std::find_if(items->cbegin(), items->cend(),
                                            [](const EvidenceItem &item) { return !item.explanations.isEmpty(); });
        QVERIFY(explained != items->cend());
        for (const QString &line : explained->explanations)
            QVERIFY2(line.contains(QRegularExpression(QStringLiteral("^[a-z_]+ by [a-z.\\-]+ \\(\\d\\.\\d\\d\\)"))), qPrintable(line));
        // No link, no evidence.
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        const qint64 taiwan = entityNamed(session, QStringLiteral("Taiwan"));
        if (!session.graph().edgeBetween(huang, taiwan))
            QVERIFY(loader.forEdge(huang, taiwan)->isEmpty());
    }

    void detailsPanelShowsAnEntityAndALink()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        DetailsPanel panel(&session);
        QAbstractItemModelTester tester(panel.evidenceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(400, 700);
        panel.show();
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        panel.showEntity(huang);
        QVERIFY(panel.heading()->text().contains(QStringLiteral("Jensen Huang")));
        QVERIFY(panel.heading()->text().contains(QStringLiteral("Person")));
        QVERIFY(panel.heading()->text().contains(QStringLiteral("Huang")));
        QVERIFY(panel.evidenceModel()->rowCount() >= 5);
        QVERIFY(panel.relationModel()->rowCount() >= 1);
        const QModelIndex first = panel.evidenceModel()->index(0);
        QVERIFY(!first.data(EvidenceListModel::HighlightedTextsRole).toStringList().isEmpty());

        // A link of his, from the relation list.
        QSignalSpy edgeActivated(&panel, &DetailsPanel::edgeActivated);
        const QRect cell = panel.relationView()->visualRect(panel.relationModel()->index(0, 0));
        QTest::mouseClick(panel.relationView()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(edgeActivated.count(), 1);
        const qint64 other = edgeActivated.first().at(1).toLongLong();
        panel.showEdge(huang, other);
        QCOMPARE(panel.shownEdge(), (std::pair<qint64, qint64>{huang, other}));
        QVERIFY(panel.evidenceModel()->rowCount() >= 1);

        // Clicking a sentence asks for its document, Copy copies it with its source.
        QSignalSpy sentenceActivated(&panel, &DetailsPanel::sentenceActivated);
        const QRect row = panel.evidenceView()->visualRect(panel.evidenceModel()->index(0));
        QVERIFY(row.isValid());
        QTest::mouseClick(panel.evidenceView()->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(sentenceActivated.count(), 1);
        QCOMPARE(sentenceActivated.first().at(0).toLongLong(),
                 panel.evidenceModel()->item(0).documentId);
        QTest::keyClick(panel.evidenceView(), Qt::Key_C, Qt::ControlModifier);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(panel.evidenceModel()->item(0).sentence.simplified()), qPrintable(copied));
        QVERIFY2(copied.contains(panel.evidenceModel()->item(0).fileName), qPrintable(copied));

        panel.clear();
        QCOMPARE(panel.evidenceModel()->rowCount(), 0);
        QVERIFY(panel.heading()->text().contains(QStringLiteral("Sample")));
    }

    void documentViewTintsMentionsAndReportsClicks()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        DocumentPanel panel(&session);
        panel.resize(1000, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const qint64 document = session.documents().first().id;
        const QList<SentenceRecord> sentences = session.repository().sentences(document).value();
        const SentenceRecord &sentence = sentences.at(1);
        panel.showDocument(document, sentence.start, sentence.end);
        DocumentView *view = panel.documentView();
        QCOMPARE(view->documentId(), document);
        QVERIFY(view->mentions().size() > 5);
        // The sentence, then one tint per mention.
        const QList<QTextEdit::ExtraSelection> selections = view->extraSelections();
        QCOMPARE(selections.size(), view->mentions().size() + 1);
        QCOMPARE(selections.first().cursor.selectionStart(), sentence.start);
        QCOMPARE(selections.first().cursor.selectionEnd(), sentence.end);
        const MentionRecord &mention = view->mentions().first();
        QCOMPARE(selections.at(1).cursor.selectionStart(), mention.start);
        QCOMPARE(view->toPlainText().mid(mention.start, mention.end - mention.start), mention.surface);
        QCOMPARE(panel.documentList()->selectionModel()->selectedRows().size(), 1);

        QSignalSpy clicked(&panel, &DocumentPanel::entityClicked);
        view->verticalScrollBar()->setValue(0);
        const QRect rect = view->mentionRect(0);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().at(0).toLongLong(), mention.entityId);
        // Between two words is no mention.
        QCOMPARE(view->mentionAt(QPoint(view->viewport()->width() - 2, rect.center().y() + 200)), -1);
    }

    // A long document is tinted where it is in view, and again where it is
    // scrolled to; its mentions there are found and clicked as in a short one.
    void documentViewTintsALongDocumentWhereItIsShown()
    {
        QString text;
        QList<MentionRecord> mentions;
        constexpr int lines = 6000;
        for (int i = 0; i < lines; ++i) {
            const QString line = QStringLiteral("Tug %1 of Marlow Towage berthed at Quay %2.\n").arg(i).arg(i % 41);
            MentionRecord mention;
            mention.entityId = 1 + i % 7;
            mention.entityName = QStringLiteral("Marlow Towage");
            mention.type = QStringLiteral("ORG");
            mention.surface = QStringLiteral("Marlow Towage");
            mention.start = int(text.size() + line.indexOf(mention.surface));
            mention.end = mention.start + int(mention.surface.size());
            mentions.append(mention);
            text += line;
        }
        DocumentView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showDocument(42, text, mentions);
        const auto tintedFrom = [&](int mention) {
            const QList<QTextEdit::ExtraSelection> selections = view.extraSelections();
            return std::any_of(selections.cbegin(), selections.cend(), [&](const QTextEdit::ExtraSelection &s) {
                return s.cursor.selectionStart() == mentions.at(mention).start;
            });
        };
        QVERIFY(!view.extraSelections().isEmpty());
        QVERIFY(view.extraSelections().size() < 200); // what is in view and a screen around it
        QVERIFY(tintedFrom(0));
        QVERIFY(!tintedFrom(lines - 1));

        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QVERIFY(tintedFrom(lines - 1));
        QVERIFY(!tintedFrom(0));
        QSignalSpy clicked(&view, &DocumentView::entityClicked);
        const QRect rect = view.mentionRect(lines - 1);
        QVERIFY(view.viewport()->rect().contains(rect.center()));
        QCOMPARE(view.mentionAt(rect.center()), lines - 1);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().at(0).toLongLong(), mentions.at(lines - 1).entityId);

        // A sentence highlighted far away is scrolled to, and tinted there.
        const int middle = lines / 2;
        view.highlightRange(mentions.at(middle).start - 4, mentions.at(middle).end + 20);
        QVERIFY(tintedFrom(middle));
    }

    void searchFindsEntitiesByAliasAndSentencesByWords()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        SearchResultModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.search(QStringLiteral("tsmc")).ok());
        QVERIFY(model.entityCount() >= 1);
        const QModelIndex first = model.firstResult();
        QCOMPARE(first.data(SearchResultModel::KindRole).toInt(), int(SearchResultModel::EntityKind));
        QCOMPARE(first.data(SearchResultModel::EntityIdRole).toLongLong(), entityCalled(session, QStringLiteral("TSMC")));
        QVERIFY(model.sentenceCount() >= 1);
        const QModelIndex sentence = model.index(0, 0, model.index(SearchResultModel::SentenceGroup, 0));
        QCOMPARE(sentence.data(SearchResultModel::KindRole).toInt(), int(SearchResultModel::SentenceKind));
        QVERIFY(sentence.data(EvidenceListModel::DocumentIdRole).toLongLong() > 0);
        const QVariantList marks = sentence.data(EvidenceListModel::HighlightsRole).toList();
        QVERIFY(!marks.isEmpty());
        const QVariantMap mark = marks.first().toMap();
        const QString text = sentence.data(EvidenceListModel::SentenceRole).toString();
        QCOMPARE(text.mid(mark.value(QStringLiteral("start")).toInt(),
                          mark.value(QStringLiteral("end")).toInt() - mark.value(QStringLiteral("start")).toInt())
                     .toLower(),
                 QStringLiteral("tsmc"));

        // A misspelt name gets the close ones.
        QVERIFY(model.search(QStringLiteral("Jensen Haung")).ok());
        QVERIFY(model.entityCount() >= 1);
        QVERIFY(model.firstResult().data(SearchResultModel::SuggestionRole).toBool());
        QVERIFY(model.search(QString()).ok());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestEvidence)
#include "tst_evidence.moc"
