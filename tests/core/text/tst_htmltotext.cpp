#include "core/text/HtmlToText.h"

#include <QFile>
#include <QTest>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(NEWSGRAPH_TEST_DATA "/text/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(name));
    return file.readAll();
}

HtmlContent convert(const QByteArray &html)
{
    Result<HtmlContent> content = htmlToText(html, u"test.html"_s);
    if (!content)
        qFatal("htmlToText failed: %s", qPrintable(content.error()));
    return *content;
}

} // namespace

class TestHtmlToText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedPageKeepsOnlyTheArticle()
    {
        const HtmlContent content = convert(readFixture(u"article-saved.html"_s));
        const QString expected = u"Nvidia and Mistral AI team up on a European cloud\n\n"
                                 u"French president Emmanuel Macron backed the partnership between Nvidia and Mistral AI at VivaTech in Paris.\n\n"
                                 u"The deal covers 18,000 Grace\u00a0Blackwell chips & a new data centre near Paris.\n"
                                 u"It was announced on Wednesday.\n\n"
                                 u"Emmanuel Macron at VivaTech 2025.\n\n"
                                 u"“This is a game changer,” Macron said."_s;
        QCOMPARE(content.text, expected);
        QCOMPARE(content.title, u"Nvidia and Mistral AI team up on a European cloud | Example News"_s);
        QCOMPARE(content.date, QDate(2025, 6, 11));
        QCOMPARE(content.sourceUrl, u"https://news.example.com/tech/nvidia-mistral"_s);
        QVERIFY(!content.usedFallbackEncoding);
        for (const QString &noise : {u"cookies"_s, u"Tracking"_s, u"World"_s, u"Jane Doe"_s, u"Share on X"_s,
                                     u"Advertisement"_s, u"Hidden paragraph"_s, u"Related stories"_s,
                                     u"Another story"_s, u"Copyright"_s, u"Most read"_s, u"Privacy"_s,
                                     u"Subscribe"_s, u"JavaScript"_s, u"saved from"_s, u"font-family"_s})
            QVERIFY2(!content.text.contains(noise), qPrintable(noise));
    }

    void declaredWindows1252()
    {
        const HtmlContent content = convert(readFixture(u"windows-1252.html"_s));
        QCOMPARE(content.text, u"L’été a coûté 100\u00a0€ & plus.\n\n“Café” écrit «\u00a0ici\u00a0» – ’fin’."_s);
        QCOMPARE(content.title, u"L’été de Mistral"_s);
        QCOMPARE(content.date, QDate(2025, 6, 12));
        QVERIFY(!content.usedFallbackEncoding); // declared, so no guess was needed
    }

    void encoding_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("usedFallback");

        QTest::newRow("utf-8 undeclared") << QByteArray("<p>Caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d</p>") << u"Café “ok”"_s << false;
        QTest::newRow("utf-8 declared") << QByteArray("<meta charset=\"UTF-8\"><p>Caf\xc3\xa9</p>") << u"Café"_s << false;
        QTest::newRow("utf-8 with BOM") << QByteArray("\xef\xbb\xbf<p>Caf\xc3\xa9</p>") << u"Café"_s << false;
        QTest::newRow("undeclared, not utf-8") << QByteArray("<p>Caf\xe9 \x93ok\x94</p>") << u"Café “ok”"_s << true;
        QTest::newRow("declared iso-8859-1 read as windows-1252") << QByteArray("<meta charset=iso-8859-1><p>\x80 5</p>") << u"€ 5"_s << false;
        QTest::newRow("declared iso-8859-15") << QByteArray("<meta charset=iso-8859-15><p>\xa4 5</p>") << u"€ 5"_s << false;
        QTest::newRow("declared utf-8 but broken") << QByteArray("<meta charset=utf-8><p>Caf\xe9</p>") << u"Café"_s << true;
        QTest::newRow("unknown charset, valid utf-8") << QByteArray("<meta charset=x-no-such-charset><p>Caf\xc3\xa9</p>") << u"Café"_s << false;
        QTest::newRow("declared utf-16, but ascii-compatible") << QByteArray("<meta charset=utf-16><p>Caf\xc3\xa9</p>") << u"Café"_s << false;
        QTest::newRow("declared iso-2022-jp, all 7-bit") << QByteArray("<meta charset=iso-2022-jp><p>\x1B$BF|K\\8l\x1B(B</p>") << u"日本語"_s << false;
        QTest::newRow("declared shift_jis") << QByteArray("<meta charset=shift_jis><p>\x82\xa0\x82\xa2</p>") << u"あい"_s << false;
        QTest::newRow("ascii with entities") << QByteArray("<p>&eacute;t&eacute; &#x20AC; &#8217; &lt;b&gt; &amp;&nbsp;co</p>") << u"été € ’ <b> &\u00a0co"_s << false;
    }

    void encoding()
    {
        QFETCH(QByteArray, html);
        QFETCH(QString, text);
        QFETCH(bool, usedFallback);
        const HtmlContent content = convert(html);
        QCOMPARE(content.text, text);
        QCOMPARE(content.usedFallbackEncoding, usedFallback);
    }

    void structure_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("text");

        QTest::newRow("paragraphs and line breaks")
            << QByteArray("<body><p>One\n   two</p><p>Three<br>four<br/>five</p></body>") << u"One two\n\nThree\nfour\nfive"_s;
        QTest::newRow("inline elements do not break words")
            << QByteArray("<p>Mis<b>tral</b> <i>AI</i>, <a href=x>Nvidia</a>.</p>") << u"Mistral AI, Nvidia."_s;
        QTest::newRow("headings and lists")
            << QByteArray("<h2>Key points</h2><ul><li>First</li><li>Second</li></ul><div>After</div>")
            << u"Key points\n\nFirst\n\nSecond\n\nAfter"_s;
        QTest::newRow("table rows and cells")
            << QByteArray("<table><tr><td>Nvidia</td><td>18,000</td></tr><tr><th>Mistral</th><td>Paris</td></tr></table>")
            << u"Nvidia 18,000\n\nMistral Paris"_s;
        QTest::newRow("comments, scripts and styles dropped")
            << QByteArray("<p>Before<!-- hidden --> after</p><script>var x = 1;</script><style>p{}</style><template><p>T</p></template><p>End</p>")
            << u"Before after\n\nEnd"_s;
        QTest::newRow("preformatted text keeps its lines")
            << QByteArray("<pre>line one\nline two\n\nline four</pre>") << u"line one\nline two\n\nline four"_s;
        QTest::newRow("hidden elements dropped")
            << QByteArray("<p>Seen</p><p style=\"display: none\">Unseen</p><div aria-hidden=\"true\">Icon</div><p hidden>Gone</p>")
            << u"Seen"_s;
        QTest::newRow("roles dropped")
            << QByteArray("<div role=\"navigation\">Menu</div><div role=\"banner\">Logo</div><p>Text</p><div role=\"contentinfo\">Legal</div>")
            << u"Text"_s;
        QTest::newRow("soft hyphen and zero-width space removed")
            << QByteArray("<p>semi\xc2\xad" "conductor\xe2\x80\x8bs</p>") << u"semiconductors"_s;
        QTest::newRow("main used without article")
            << QByteArray("<body><nav>Home</nav><div>Teaser</div><main><p>Main text.</p></main></body>") << u"Main text."_s;
        QTest::newRow("body used without article or main")
            << QByteArray("<body><header>Site</header><div><p>Body text.</p></div><footer>Legal</footer></body>") << u"Body text."_s;
        QTest::newRow("largest article wins")
            << QByteArray("<body><article><p>Short teaser.</p></article><article><p>The real story is much longer than the teaser.</p></article></body>")
            << u"The real story is much longer than the teaser."_s;
        QTest::newRow("fragment without html or body")
            << QByteArray("Just some <em>text</em>") << u"Just some text"_s;
    }

    void structure()
    {
        QFETCH(QByteArray, html);
        QFETCH(QString, text);
        QCOMPARE(convert(html).text, text);
    }

    void metadata_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("sourceUrl");

        QTest::newRow("title whitespace collapsed")
            << QByteArray("<title>\n  Macron   backs\n Mistral </title><p>x</p>") << u"Macron backs Mistral"_s << QDate() << QString();
        QTest::newRow("og:title and og:url as fallbacks")
            << QByteArray("<meta property=\"og:title\" content=\"OG title\"><meta property=\"og:url\" content=\"https://ex.com/a\"><p>x</p>")
            << u"OG title"_s << QDate() << u"https://ex.com/a"_s;
        QTest::newRow("time inside the article")
            << QByteArray("<article><p>Posted <time datetime=\"2025-06-11\">Wednesday</time></p><p>x</p></article>")
            << QString() << QDate(2025, 6, 11) << QString();
        QTest::newRow("published_time with zone")
            << QByteArray("<meta property=\"article:published_time\" content=\"2024-12-31T23:30:00-05:00\"><p>x</p>")
            << QString() << QDate(2024, 12, 31) << QString();
        QTest::newRow("meta name=date")
            << QByteArray("<meta name=\"date\" content=\"2025-01-02\"><p>x</p>") << QString() << QDate(2025, 1, 2) << QString();
        QTest::newRow("meta DC.date")
            << QByteArray("<meta name=\"DC.date\" content=\"2025-03-04 10:00\"><p>x</p>") << QString() << QDate(2025, 3, 4) << QString();
        QTest::newRow("meta pubdate")
            << QByteArray("<meta name=\"pubdate\" content=\"2025-05-06T08:00Z\"><p>x</p>") << QString() << QDate(2025, 5, 6) << QString();
        QTest::newRow("itemprop datePublished")
            << QByteArray("<meta itemprop=\"datePublished\" content=\"2025-07-08\"><p>x</p>") << QString() << QDate(2025, 7, 8) << QString();
        QTest::newRow("published metadata beats a time element")
            << QByteArray("<meta property=\"article:published_time\" content=\"2025-06-11\"><article><time datetime=\"2025-06-20\">updated</time><p>x</p></article>")
            << QString() << QDate(2025, 6, 11) << QString();
        QTest::newRow("invalid dates ignored")
            << QByteArray("<meta name=\"date\" content=\"June 11, 2025\"><article><time datetime=\"2025-13-40\">?</time><p>x</p></article>")
            << QString() << QDate() << QString();
        QTest::newRow("canonical beats og:url")
            << QByteArray("<link rel=\"canonical\" href=\" https://ex.com/c \"><meta property=\"og:url\" content=\"https://ex.com/og\"><p>x</p>")
            << QString() << QDate() << u"https://ex.com/c"_s;
    }

    void metadata()
    {
        QFETCH(QByteArray, html);
        QFETCH(QString, title);
        QFETCH(QDate, date);
        QFETCH(QString, sourceUrl);
        const HtmlContent content = convert(html);
        QCOMPARE(content.title, title);
        QCOMPARE(content.date, date);
        QCOMPARE(content.sourceUrl, sourceUrl);
    }

    void noText()
    {
        const HtmlContent content = convert("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>");
        QCOMPARE(content.text, QString());
        QCOMPARE(content.title, u"Only a title"_s);
    }

    // --- Nothing lost where libxml2 and HTML5 part ways ------------------------------

    void deepNestingKeepsAllText_data()
    {
        QTest::addColumn<int>("depth");
        QTest::newRow("300 levels") << 300;
        QTest::newRow("1000 levels") << 1000;
    }

    void deepNestingKeepsAllText()
    {
        QFETCH(int, depth);
        QByteArray html = "<html><body><p>Before the deep part.</p>";
        for (int level = 0; level < depth; ++level)
            html += level % 3 == 2 ? "<section>" : "<div class=\"level\">";
        html += "<p>Deep text.</p>";
        for (int level = depth - 1; level >= 0; --level)
            html += level % 3 == 2 ? "</section>" : "</div>";
        html += "<p>After the deep part.</p></body></html>";

        // On a thread with a small stack: walking the tree must not take
        // stack space per level.
        std::optional<Result<HtmlContent>> result;
        QThread *thread = QThread::create([&] { result = htmlToText(html, u"deep.html"_s); });
        thread->setStackSize(128 * 1024);
        thread->start();
        QVERIFY(thread->wait());
        delete thread;
        QVERIFY(result.has_value() && result->ok());
        const HtmlContent &content = result->value();
        QCOMPARE(content.text, u"Before the deep part.\n\nDeep text.\n\nAfter the deep part."_s);
        QCOMPARE(content.warnings, QStringList());
    }

    void nestingPastTheLimitIsReported()
    {
        QByteArray html = "<html><body><p>Before the deep part.</p>";
        for (int level = 0; level < 5000; ++level)
            html += "<div>";
        html += "<p>Too deep.</p>";
        const Result<HtmlContent> content = htmlToText(html, u"news/too-deep.html"_s);
        QVERIFY(content.ok());
        QCOMPARE(content->text, u"Before the deep part."_s);
        QCOMPARE(content->warnings.size(), 1);
        QVERIFY2(content->warnings.first().contains(u"news/too-deep.html"_s) && content->warnings.first().contains(u"levels deep"_s),
                 qPrintable(content->warnings.first()));
    }

    void html5VoidElements_data()
    {
        QTest::addColumn<QByteArray>("element");

        QTest::newRow("embed") << QByteArray("<embed src=\"clip.swf\" type=\"application/x-shockwave-flash\">");
        QTest::newRow("source") << QByteArray("<source src=\"clip.mp4\" type=\"video/mp4\">");
        QTest::newRow("track") << QByteArray("<track kind=\"subtitles\" src=\"clip.vtt\" srclang=\"en\">");
        QTest::newRow("wbr") << QByteArray("<wbr>");
        QTest::newRow("menuitem") << QByteArray("<menuitem label=\"Share\" icon=\"share.png\">");
        QTest::newRow("keygen") << QByteArray("<keygen name=\"key\">");
        QTest::newRow("param") << QByteArray("<param name=\"autoplay\" value=\"true\">");
        QTest::newRow("bgsound") << QByteArray("<bgsound src=\"tune.mid\">");
        QTest::newRow("image") << QByteArray("<image src=\"photo.jpg\">");
    }

    void html5VoidElements()
    {
        QFETCH(QByteArray, element);
        // Inside a paragraph: the rest of it follows the element.
        const HtmlContent inline_ = convert("<html><body><article><p>First paragraph " + element
                                            + " goes on.</p><p>Second paragraph.</p></article></body></html>");
        QCOMPARE(inline_.text, u"First paragraph goes on.\n\nSecond paragraph."_s);
        QCOMPARE(inline_.warnings, QStringList());
        // Between blocks: the rest of the article follows it.
        const HtmlContent block = convert("<html><body><article><h1>Headline</h1>" + element
                                          + "<p>One.</p><div><p>Two.</p></div></article></body></html>");
        QCOMPARE(block.text, u"Headline\n\nOne.\n\nTwo."_s);
        // Many in one paragraph: libxml2 nests each in the one before, which
        // made a few hundred of them deeper than its nesting limit.
        QByteArray many = "<p>";
        for (int i = 0; i < 300; ++i)
            many += "w" + element;
        const HtmlContent nested = convert(many + "end.</p><p>Next.</p>");
        QCOMPARE(nested.text, u"w"_s.repeated(300) + u"end.\n\nNext."_s);
        QCOMPARE(nested.warnings, QStringList());
    }

    void wordBreakOpportunityJoinsTheWord()
    {
        QCOMPARE(convert("<p>Anti<wbr>dis<wbr>establishment<wbr>arianism</p><p>Next.</p>").text,
                 u"Antidisestablishmentarianism\n\nNext."_s);
    }

    void scriptsAndFramesBeforeTheStory_data()
    {
        QTest::addColumn<QByteArray>("page");

        QTest::newRow("noscript with an open div")
            << QByteArray("<html><body>\n<script>var a = \"<p>\";</script>\n"
                          "<noscript><div style=\"display:inline\"><img src=\"https://t.example/pixel.gif\"></noscript>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("noscript in a wrapper")
            << QByteArray("<html><head><title>T</title></head><body><div id=\"wrap\">\n"
                          "<noscript><div class=\"warning\">Please enable JavaScript.</noscript>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</div></body></html>\n");
        QTest::newRow("iframe with fallback markup")
            << QByteArray("<html><body>\n<iframe src=\"https://video.example/embed/1\"><div>Your browser cannot show frames.</iframe>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("iframe with a table inside")
            << QByteArray("<html><body>\n<iframe src=\"https://ads.example/slot\"><table><tr><td>Ad</iframe>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("scripts and iframes in the head")
            << QByteArray("<!DOCTYPE html><html><head><title>T</title>\n<script async src=\"https://x.example/gtag.js\"></script>\n"
                          "<iframe src=\"https://x.example\" style=\"display:none\"></iframe>\n<noscript><iframe src=\"https://x.example/ns\">"
                          "</iframe></noscript></head>\n<body>\n<p>First real paragraph of the story.</p>\n"
                          "<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("script with markup and end tags in strings")
            << QByteArray("<html><body>\n<script>if (a </ b) { x = \"</div>\"; document.write('<iframe src=\"x\"></iframe>'); }</script>\n"
                          "<script type=\"text/template\"><div class=\"card\"><p>Template</p></script>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("commented-out script")
            << QByteArray("<html><body>\n<!-- <script> --><!--[if lt IE 9]><script src=\"html5shiv.js\"></script><![endif]-->\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("empty comments")
            << QByteArray("<html><body>\n<!--> <p>First real paragraph of the story.</p>\n<!--->\n"
                          "<p>Second real paragraph of the story.</p>\n<!-- a real comment -->\n</body></html>\n");
        QTest::newRow("object with fallback markup")
            << QByteArray("<html><body>\n<object data=\"player.swf\"><param name=\"movie\" value=\"player.swf\"><embed src=\"player.swf\">"
                          "<div>Flash is needed.</object>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("navigation with an open div")
            << QByteArray("<html><body>\n<nav><div class=\"menu\"><ul><li><a href=\"/\">Home</a></ul></nav>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("search form with an open div")
            << QByteArray("<html><body>\n<form action=\"/search\"><div class=\"field\"><input name=\"q\"></form>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("textarea with markup")
            << QByteArray("<html><body>\n<textarea><div>Write a comment</textarea>\n"
                          "<p>First real paragraph of the story.</p>\n<p>Second real paragraph of the story.</p>\n</body></html>\n");
        QTest::newRow("everything at once, upper case")
            << QByteArray("<HTML><BODY>\n<SCRIPT>var s = '</DIV>';</SCRIPT >\n<NOSCRIPT><DIV><IMG SRC=p.gif></NOSCRIPT>\n"
                          "<IFRAME SRC=x><DIV></IFRAME>\n<ASIDE><DIV>Related</ASIDE>\n"
                          "<P>First real paragraph of the story.</P>\n<P>Second real paragraph of the story.</P>\n</BODY></HTML>\n");
    }

    void scriptsAndFramesBeforeTheStory()
    {
        QFETCH(QByteArray, page);
        const Result<HtmlContent> content = htmlToText(page, u"story.html"_s);
        QVERIFY(content.ok());
        QCOMPARE(content->text, u"First real paragraph of the story.\n\nSecond real paragraph of the story."_s);
        QCOMPARE(content->warnings, QStringList());
    }

    void textLossIsReported_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");

        QTest::newRow("comment never closed")
            << QByteArray("<p>Kept.</p><!-- note <p>Hidden.</p>") << u"Kept."_s << u"comment"_s;
        QTest::newRow("attribute quote never closed")
            << QByteArray("<p>Kept.</p><p title=\"open>Hidden.</p>") << u"Kept."_s << u"quote"_s;
        QTest::newRow("processing instruction never closed")
            << QByteArray("<p>Kept.</p><?php echo $hidden") << u"Kept."_s << u"<?"_s;
        QTest::newRow("iframe never closed")
            << QByteArray("<body><p>Kept.</p>\n<iframe src=x>\n<p>Hidden.</p></body>") << u"Kept."_s << u"<iframe> opened on line 2"_s;
        QTest::newRow("noscript never closed")
            << QByteArray("<body><p>Kept.</p><noscript><p>Hidden.</p></body>") << u"Kept."_s << u"<noscript>"_s;
        QTest::newRow("script never closed")
            << QByteArray("<body><p>Kept.</p><script>var x;\n<p>Hidden.</p>") << u"Kept."_s << u"<script>"_s;
        QTest::newRow("textarea never closed")
            << QByteArray("<body><p>Kept.</p><textarea>\n<p>Hidden.</p></body>") << u"Kept."_s << u"<textarea>"_s;
        QTest::newRow("bytes invalid in the declared charset")
            << QByteArray("<html><head><meta charset=\"shift_jis\"></head><body><p>A \x82\xa0 B</p>"
                          "<p>Broken \x82\x20 byte.</p><p>After.</p></body></html>")
            << u"A あ B\n\nBroken \uFFFD byte.\n\nAfter."_s << u"shift_jis"_s;
    }

    void textLossIsReported()
    {
        QFETCH(QByteArray, page);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const Result<HtmlContent> content = htmlToText(page, u"news/lossy.html"_s);
        QVERIFY(content.ok());
        QCOMPARE(content->text, text);
        QCOMPARE(content->warnings.size(), 1);
        QVERIFY2(content->warnings.first().contains(u"“news/lossy.html”"_s) && content->warnings.first().contains(reason),
                 qPrintable(content->warnings.first()));
    }

    void nothingLostNoWarning()
    {
        QCOMPARE(convert(readFixture(u"article-saved.html"_s)).warnings, QStringList());
        QCOMPARE(convert(readFixture(u"windows-1252.html"_s)).warnings, QStringList());
        // Closed oddly, but closed: "--!>" ends a comment, end tags in any case.
        const HtmlContent odd = convert("<p>A</p><!-- c --!><p>B</p><SCRIPT>x</SCRIPT\n><TEXTAREA>t</textarea ><p>C</p>");
        QCOMPARE(odd.text, u"A\n\nB\n\nC"_s);
        QCOMPARE(odd.warnings, QStringList());
    }
};

QTEST_GUILESS_MAIN(TestHtmlToText)
#include "tst_htmltotext.moc"
