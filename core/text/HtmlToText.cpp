#include "core/text/HtmlToText.h"

#include "core/text/IsoDate.h"
#include "core/text/TextDecoder.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <QStringList>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

struct XmlDocDeleter
{
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

struct XmlStringDeleter
{
    void operator()(xmlChar *string) const { xmlFree(string); }
};
using XmlString = std::unique_ptr<xmlChar, XmlStringDeleter>;

constexpr int parseOptions = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
    | HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;

// Never content: code, embedded media, and page furniture around the article.
constexpr auto boilerplateTags = std::to_array<std::string_view>({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "map", "head", "nav", "header", "footer", "aside", "form",
    "button", "menu", "menuitem", "select", "textarea", "input", "label", "dialog", "datalist",
});

constexpr auto boilerplateRoles = std::to_array<std::string_view>({
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
    "dialog", "alertdialog", "toolbar",
});

// Whole words of class and id attributes that mark page furniture inside an
// article (cookie banners, share bars, ads). Deliberately short: a false
// match loses article text, a miss only keeps a line of noise.
constexpr auto boilerplateClassWords = std::to_array<std::string_view>({
    "cookie", "cookies", "consent", "gdpr", "newsletter", "share", "sharing", "social",
    "advert", "advertisement", "ads", "promo", "paywall", "breadcrumb", "breadcrumbs",
});

constexpr auto blockTags = std::to_array<std::string_view>({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
});

constexpr auto headingTags = std::to_array<std::string_view>({"h1", "h2", "h3", "h4", "h5", "h6"});

template<std::size_t N>
bool isOneOf(std::string_view name, const std::array<std::string_view, N> &names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string_view nameOf(const xmlNode *node)
{
    return node->name ? std::string_view(reinterpret_cast<const char *>(node->name)) : std::string_view();
}

QString attribute(const xmlNode *node, const char *name)
{
    const XmlString value(xmlGetProp(node, reinterpret_cast<const xmlChar *>(name)));
    return value ? QString::fromUtf8(reinterpret_cast<const char *>(value.get())) : QString();
}

bool hasAttribute(const xmlNode *node, const char *name)
{
    return xmlHasProp(node, reinterpret_cast<const xmlChar *>(name)) != nullptr;
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool hasBoilerplateClass(const xmlNode *element)
{
    for (const char *attributeName : {"class", "id"}) {
        const QString value = attribute(element, attributeName).toLower();
        if (value.isEmpty())
            continue;
        for (QStringView token : QStringView(value).tokenize(u' ', Qt::SkipEmptyParts)) {
            for (QStringView part : token.tokenize(u'-', Qt::SkipEmptyParts)) {
                for (QStringView word : part.tokenize(u'_', Qt::SkipEmptyParts)) {
                    const QByteArray latin1 = word.toLatin1();
                    if (isOneOf(std::string_view(latin1.constData(), latin1.size()), boilerplateClassWords))
                        return true;
                }
            }
        }
    }
    return false;
}

bool isHidden(const xmlNode *element)
{
    if (hasAttribute(element, "hidden"))
        return true;
    if (attribute(element, "aria-hidden").trimmed().compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    QString style = attribute(element, "style");
    style.remove(u' ');
    return style.contains(u"display:none"_s, Qt::CaseInsensitive)
        || style.contains(u"visibility:hidden"_s, Qt::CaseInsensitive);
}

bool isBoilerplate(const xmlNode *element)
{
    const std::string_view name = nameOf(element);
    if (isOneOf(name, boilerplateTags))
        return true;
    const QByteArray role = attribute(element, "role").trimmed().toLower().toLatin1();
    if (!role.isEmpty() && isOneOf(std::string_view(role.constData(), role.size()), boilerplateRoles))
        return true;
    if (isHidden(element))
        return true;
    // The containers we pick the article from are never furniture themselves,
    // whatever their classes say ("has-sidebar", "single-post social").
    if (name == "html" || name == "body" || name == "article" || name == "main")
        return false;
    return hasBoilerplateClass(element);
}

// Accumulates text with HTML whitespace rules: runs of spaces collapse, block
// elements become paragraph breaks, <br> a line break; breaks are only
// written between two pieces of text, so the result is trimmed.
class TextBuilder
{
public:
    enum Break { None, Space, Line, Paragraph };

    void requestBreak(Break kind) { m_pending = std::max(m_pending, kind); }

    void appendText(QStringView text, bool preformatted)
    {
        for (const QChar c : text) {
            if (preformatted && (c == u'\n' || c == u'\r')) {
                if (c == u'\n')
                    m_pending = m_lastWasPreNewline ? Paragraph : std::max(m_pending, Line);
                m_lastWasPreNewline = c == u'\n';
                continue;
            }
            m_lastWasPreNewline = false;
            if (isHtmlSpace(c)) {
                requestBreak(Space);
                continue;
            }
            // Soft hyphens and zero-width spaces are invisible line-break
            // hints; left in, they would split words for every later stage.
            if (c == QChar(0x00AD) || c == QChar(0x200B))
                continue;
            flushBreak();
            m_text.append(c);
        }
    }

    QString take() { return std::move(m_text); }
    qsizetype size() const { return m_text.size(); }

private:
    void flushBreak()
    {
        if (!m_text.isEmpty()) {
            switch (m_pending) {
            case None:
                break;
            case Space:
                m_text.append(u' ');
                break;
            case Line:
                m_text.append(u'\n');
                break;
            case Paragraph:
                m_text.append(u"\n\n");
                break;
            }
        }
        m_pending = None;
    }

    QString m_text;
    Break m_pending = None;
    bool m_lastWasPreNewline = false;
};

class TextExtractor
{
public:
    explicit TextExtractor(bool keepHeaderHeadings)
        : m_keepHeaderHeadings(keepHeaderHeadings)
    {
    }

    QString extract(const xmlNode *root)
    {
        walk(root, false, false);
        return m_builder.take();
    }

private:
    void walk(const xmlNode *node, bool preformatted, bool headingsOnly)
    {
        for (const xmlNode *child = node->children; child; child = child->next) {
            switch (child->type) {
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
                if (!headingsOnly && child->content)
                    m_builder.appendText(QString::fromUtf8(reinterpret_cast<const char *>(child->content)), preformatted);
                break;
            case XML_ELEMENT_NODE:
                element(child, preformatted, headingsOnly);
                break;
            default: // comments, processing instructions, DTD nodes
                break;
            }
        }
    }

    void element(const xmlNode *node, bool preformatted, bool headingsOnly)
    {
        const std::string_view name = nameOf(node);
        if (name == "br") {
            if (!headingsOnly)
                m_builder.requestBreak(TextBuilder::Line);
            return;
        }
        if (name == "header" && m_keepHeaderHeadings && !isHidden(node)) {
            // An article's own <header> holds its headline next to bylines and
            // share links: keep the headline only.
            walk(node, preformatted, true);
            return;
        }
        if (isBoilerplate(node))
            return;
        if (headingsOnly && isOneOf(name, headingTags))
            headingsOnly = false;
        const bool block = isOneOf(name, blockTags);
        const bool cell = name == "td" || name == "th";
        if (block)
            m_builder.requestBreak(TextBuilder::Paragraph);
        walk(node, preformatted || name == "pre", headingsOnly);
        if (block)
            m_builder.requestBreak(TextBuilder::Paragraph);
        else if (cell)
            m_builder.requestBreak(TextBuilder::Space);
    }

    TextBuilder m_builder;
    bool m_keepHeaderHeadings;
};

void collectElements(const xmlNode *node, std::string_view name, QList<const xmlNode *> &found, bool skipBoilerplate)
{
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (skipBoilerplate && isBoilerplate(child))
            continue;
        if (nameOf(child) == name)
            found.append(child);
        collectElements(child, name, found, skipBoilerplate);
    }
}

const xmlNode *firstElement(const xmlNode *node, std::string_view name)
{
    QList<const xmlNode *> found;
    collectElements(node, name, found, false);
    return found.isEmpty() ? nullptr : found.first();
}

QString collapsedText(const xmlNode *node)
{
    const XmlString content(xmlNodeGetContent(node));
    if (!content)
        return {};
    return QString::fromUtf8(reinterpret_cast<const char *>(content.get())).simplified();
}

// Metadata from <head> (and anywhere else pages put it): what the page says
// about itself rather than what it shows.
struct PageMetadata
{
    QString title;
    QString ogTitle;
    QString canonicalUrl;
    QString ogUrl;
    QDate publishedDate; // article:published_time, itemprop=datePublished
    QDate otherDate;     // name=date, pubdate, DC.date, ...
    QString charset;
};

QString charsetFromContentType(const QString &contentType)
{
    const qsizetype at = contentType.indexOf(u"charset"_s, 0, Qt::CaseInsensitive);
    if (at < 0)
        return {};
    qsizetype pos = at + 7;
    while (pos < contentType.size() && contentType[pos].isSpace())
        ++pos;
    if (pos >= contentType.size() || contentType[pos] != u'=')
        return {};
    ++pos;
    while (pos < contentType.size() && (contentType[pos].isSpace() || contentType[pos] == u'"' || contentType[pos] == u'\''))
        ++pos;
    qsizetype end = pos;
    while (end < contentType.size() && !contentType[end].isSpace() && contentType[end] != u';'
           && contentType[end] != u'"' && contentType[end] != u'\'')
        ++end;
    return contentType.mid(pos, end - pos);
}

void readMetadata(const xmlNode *node, PageMetadata &meta)
{
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const std::string_view name = nameOf(child);
        if (name == "title" && meta.title.isEmpty()) {
            meta.title = collapsedText(child);
        } else if (name == "meta") {
            const QString content = attribute(child, "content");
            const QString property = attribute(child, "property").trimmed().toLower();
            const QString metaName = attribute(child, "name").trimmed().toLower();
            const QString itemprop = attribute(child, "itemprop").trimmed();
            const QString httpEquiv = attribute(child, "http-equiv").trimmed().toLower();
            if (meta.charset.isEmpty() && hasAttribute(child, "charset"))
                meta.charset = attribute(child, "charset").trimmed();
            if (meta.charset.isEmpty() && httpEquiv == u"content-type"_s)
                meta.charset = charsetFromContentType(content);
            if (property == u"og:title"_s && meta.ogTitle.isEmpty())
                meta.ogTitle = content.simplified();
            if (property == u"og:url"_s && meta.ogUrl.isEmpty())
                meta.ogUrl = content.trimmed();
            if (!meta.publishedDate.isValid()
                && (property == u"article:published_time"_s || metaName == u"article:published_time"_s
                    || itemprop == u"datePublished"_s))
                meta.publishedDate = parseIsoDate(content);
            if (!meta.otherDate.isValid()
                && (metaName == u"date"_s || metaName == u"pubdate"_s || metaName == u"publishdate"_s
                    || metaName == u"publish-date"_s || metaName == u"dc.date"_s
                    || metaName == u"dc.date.issued"_s || metaName == u"dcterms.date"_s
                    || metaName == u"dcterms.issued"_s))
                meta.otherDate = parseIsoDate(content);
        } else if (name == "link") {
            const QStringList rel = attribute(child, "rel").toLower().split(u' ', Qt::SkipEmptyParts);
            if (meta.canonicalUrl.isEmpty() && rel.contains(u"canonical"_s))
                meta.canonicalUrl = attribute(child, "href").trimmed();
        } else if (name == "time" && !meta.publishedDate.isValid()
                   && attribute(child, "itemprop").trimmed() == u"datePublished"_s) {
            meta.publishedDate = parseIsoDate(attribute(child, "datetime"));
        }
        readMetadata(child, meta);
    }
}

QDate firstTimeDate(const xmlNode *root)
{
    QList<const xmlNode *> times;
    collectElements(root, "time", times, false);
    for (const xmlNode *time : std::as_const(times)) {
        const QDate date = parseIsoDate(attribute(time, "datetime"));
        if (date.isValid())
            return date;
    }
    return {};
}

enum class Charset { Undeclared, Utf8, Windows1252, Other };

Charset classifyCharset(const QString &label)
{
    const QString name = label.trimmed().toLower();
    if (name.isEmpty())
        return Charset::Undeclared;
    if (name == u"utf-8"_s || name == u"utf8"_s || name == u"unicode-1-1-utf-8"_s)
        return Charset::Utf8;
    // The WHATWG Encoding Standard decodes all of these as windows-1252, and
    // so do browsers: pages labelled Latin-1 routinely contain 0x80–0x9F quotes.
    static constexpr std::array<std::u16string_view, 13> windows1252Labels = {
        u"windows-1252", u"cp1252", u"x-cp1252", u"iso-8859-1", u"iso8859-1", u"iso_8859-1",
        u"iso88591", u"latin1", u"l1", u"us-ascii", u"ascii", u"ansi_x3.4-1968", u"cp819",
    };
    const std::u16string_view view(reinterpret_cast<const char16_t *>(name.utf16()), name.size());
    if (std::find(windows1252Labels.begin(), windows1252Labels.end(), view) != windows1252Labels.end())
        return Charset::Windows1252;
    return Charset::Other;
}

bool libxmlSupports(const QByteArray &encoding)
{
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding.constData());
    if (!handler)
        return false;
    xmlCharEncCloseFunc(handler); // frees iconv/ICU handlers, no-op for built-in ones
    return true;
}

bool isAscii(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

XmlDocPtr parse(const QByteArray &bytes, const char *encoding)
{
    return XmlDocPtr(htmlReadMemory(bytes.constData(), int(bytes.size()), nullptr, encoding, parseOptions));
}

void initLibxml()
{
    // libxml2 wants its global tables set up once before threads parse
    // concurrently (documents are analysed in parallel).
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

const xmlNode *chooseContentRoot(const xmlNode *root, bool &isArticleOrMain)
{
    QList<const xmlNode *> articles;
    collectElements(root, "article", articles, true);
    isArticleOrMain = true;
    if (!articles.isEmpty()) {
        // Pages list teasers of other stories as <article>s too; the story
        // itself is the one with the most text.
        const xmlNode *best = nullptr;
        qsizetype bestSize = -1;
        for (const xmlNode *article : std::as_const(articles)) {
            const qsizetype size = TextExtractor(true).extract(article).size();
            if (size > bestSize) {
                best = article;
                bestSize = size;
            }
        }
        return best;
    }
    QList<const xmlNode *> mains;
    collectElements(root, "main", mains, true);
    if (!mains.isEmpty())
        return mains.first();
    isArticleOrMain = false;
    if (const xmlNode *body = firstElement(root, "body"))
        return body;
    return root;
}

} // namespace

Result<HtmlContent> htmlToText(const QByteArray &html, const QString &fileName)
{
    if (html.size() > INT_MAX)
        return Error{u"“%1” is too large to be parsed as HTML."_s.arg(fileName)};
    initLibxml();

    QByteArray bytes = html;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);

    HtmlContent content;
    Charset declared = Charset::Undeclared;
    QByteArray declaredName;
    if (!isAscii(bytes)) {
        // Any ASCII-compatible charset reads the markup alike, so a first
        // parse as ISO-8859-1 (which accepts every byte) finds the
        // declaration without the bytes having to be valid in it.
        const XmlDocPtr probe = parse(bytes, "ISO-8859-1");
        if (probe) {
            PageMetadata meta;
            readMetadata(reinterpret_cast<const xmlNode *>(probe.get()), meta);
            declared = classifyCharset(meta.charset);
            declaredName = meta.charset.trimmed().toLatin1();
            if (declared == Charset::Other && !libxmlSupports(declaredName))
                declared = Charset::Undeclared;
        }
    }

    XmlDocPtr doc;
    if (declared == Charset::Other) {
        doc = parse(bytes, declaredName.constData());
    } else if (declared == Charset::Windows1252) {
        doc = parse(decodeWindows1252(bytes).toUtf8(), "UTF-8");
    } else if (isValidUtf8(bytes)) {
        doc = parse(bytes, "UTF-8");
    } else {
        content.usedFallbackEncoding = true;
        doc = parse(decodeWindows1252(bytes).toUtf8(), "UTF-8");
    }
    if (!doc)
        return Error{u"“%1” could not be parsed as HTML."_s.arg(fileName)};

    const xmlNode *docNode = reinterpret_cast<const xmlNode *>(doc.get());
    PageMetadata meta;
    readMetadata(docNode, meta);
    content.title = !meta.title.isEmpty() ? meta.title : meta.ogTitle;
    content.sourceUrl = !meta.canonicalUrl.isEmpty() ? meta.canonicalUrl : meta.ogUrl;

    bool isArticleOrMain = false;
    const xmlNode *contentRoot = chooseContentRoot(docNode, isArticleOrMain);
    content.text = normalizeLineBreaks(TextExtractor(isArticleOrMain).extract(contentRoot));

    // Explicit publication metadata first: a <time> in the article may also
    // be an update time or the date of a quoted event.
    content.date = meta.publishedDate;
    if (!content.date.isValid())
        content.date = meta.otherDate;
    if (!content.date.isValid())
        content.date = firstTimeDate(contentRoot);
    return content;
}

} // namespace NewsGraph
