#include "core/text/HtmlToText.h"

#include "core/text/IsoDate.h"
#include "core/text/TextDecoder.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <QStringList>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <iconv.h>

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

struct ParserContextDeleter
{
    void operator()(htmlParserCtxt *context) const { htmlFreeParserCtxt(context); }
};
using ParserContext = std::unique_ptr<htmlParserCtxt, ParserContextDeleter>;

// XML_PARSE_HUGE lifts libxml2's hard-coded limits, which drop everything
// after the point where they are hit: 256 levels of nesting (nodePush() in
// parser.c; libxml2 2.9's HTMLparser.h has no HTML_PARSE_HUGE of its own,
// but htmlCtxtUseOptions() keeps the XML flag and the HTML parser builds its
// tree through the same SAX2 functions), 10 MB text nodes, 50,000-byte names.
// Nesting is bounded by maxDepth instead (see guardedStartElement()).
constexpr int parseOptions = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
    | HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;

// How deep elements may nest. libxml2 looks up every end tag in its whole
// stack of open elements, so stray end tags under deep nesting cost depth x
// tags: with this bound, 50 MB of them under 1021 <div>s take about 40 s of
// CPU, without it a 1 MB page can take minutes. Real pages stay far below
// (browsers flatten trees past 512 levels); past the bound the parser stops
// and the document says where.
constexpr int maxDepth = 1024;

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

// HTML5's void elements (and the obsolete ones its parser treats alike):
// they never have content. libxml2 2.9 knows the HTML 4 ones; the others
// (embed, source, track, wbr, keygen, menuitem, bgsound, image) it opens as
// containers, so whatever follows an unclosed <embed src=x> becomes its
// content, up to the end of the enclosing element.
constexpr auto voidTags = std::to_array<std::string_view>({
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
    "img", "input", "keygen", "link", "menuitem", "meta", "param", "source", "track", "wbr",
});

// Elements whose end tag closes them in HTML5 whatever is open inside: their
// content is raw text there (iframe, noscript, textarea, ...), or the end tag
// pops the stack (template, select, foreign content). libxml2 instead
// ignores an end tag when an element of higher "end priority" (div, table
// parts) is open inside, so "<noscript><div>...</noscript>" keeps the
// noscript open and everything after it becomes page furniture.
constexpr auto endTagAlwaysCloses = std::to_array<std::string_view>({
    "iframe", "math", "noembed", "noframes", "noscript", "script", "select", "style", "svg",
    "template", "textarea", "title", "xmp",
});

// Elements HTML5 closes on their end tag when they are "in scope": when no
// scope boundary (scopeBoundaryTags) is open between them and the current
// element. libxml2's priorities ignore these end tags in more cases, e.g.
// "</nav>" while a <div> inside the nav is still open.
constexpr auto endTagClosesInScope = std::to_array<std::string_view>({
    "address", "applet", "article", "aside", "blockquote", "button", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "li",
    "listing", "main", "marquee", "menu", "nav", "object", "ol", "p", "pre", "search",
    "section", "summary", "ul",
});

// Elements that hide everything after them, in browsers too, when their end
// tag never comes: raw text (script, textarea, ...) or content nobody sees.
constexpr auto hidesRestWhenUnclosed = std::to_array<std::string_view>({
    "iframe", "noembed", "noframes", "noscript", "script", "select", "style", "template",
    "textarea",
});

constexpr auto scopeBoundaryTags = std::to_array<std::string_view>({
    "applet", "caption", "html", "marquee", "object", "table", "td", "template", "th",
});

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

// What a visit of one element in forEachElement() says to do next.
enum class Visit { Enter, Skip, Stop };

// Calls `visit` on every element below `root` in document order, entering
// an element's content when `visit` says so. Iterative, using the tree's
// parent links instead of the call stack: trees are up to maxDepth deep, and
// documents are read on QtConcurrent's worker threads, whose stacks are
// smaller than the main thread's. `visit` may move the element's children
// elsewhere as long as it returns Skip.
template<typename Node, typename Function>
void forEachElement(Node *root, Function visit)
{
    Node *node = root->children;
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            const Visit next = visit(node);
            if (next == Visit::Stop)
                return;
            if (next == Visit::Enter && node->children) {
                node = node->children;
                continue;
            }
        }
        while (node != root && !node->next)
            node = node->parent;
        node = node == root ? nullptr : node->next;
    }
}

class TextExtractor
{
public:
    explicit TextExtractor(bool keepHeaderHeadings)
        : m_keepHeaderHeadings(keepHeaderHeadings)
    {
    }

    // The text below `root`. An explicit stack of open elements rather than
    // recursion, for the reason given at forEachElement().
    QString extract(const xmlNode *root)
    {
        std::vector<Frame> open{{root->children, false, false, TextBuilder::None}};
        while (!open.empty()) {
            Frame &frame = open.back();
            const xmlNode *node = frame.next;
            if (!node) {
                const TextBuilder::Break after = frame.after;
                open.pop_back();
                m_builder.requestBreak(after);
                continue;
            }
            frame.next = node->next;
            const bool preformatted = frame.preformatted;
            const bool headingsOnly = frame.headingsOnly;
            switch (node->type) {
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
                if (!headingsOnly && node->content)
                    m_builder.appendText(QString::fromUtf8(reinterpret_cast<const char *>(node->content)), preformatted);
                break;
            case XML_ELEMENT_NODE:
                if (const std::optional<Frame> content = enter(node, preformatted, headingsOnly))
                    open.push_back(*content); // `frame` is not used after this
                break;
            default: // comments, processing instructions, DTD nodes
                break;
            }
        }
        return m_builder.take();
    }

private:
    // An element whose content is being read.
    struct Frame
    {
        const xmlNode *next; // the next child to read
        bool preformatted;
        bool headingsOnly;
        TextBuilder::Break after; // requested once the content is read
    };

    // What to do with an element: nothing (boilerplate, <br>) or read its
    // content as the returned frame says.
    std::optional<Frame> enter(const xmlNode *node, bool preformatted, bool headingsOnly)
    {
        const std::string_view name = nameOf(node);
        if (name == "br") {
            if (!headingsOnly)
                m_builder.requestBreak(TextBuilder::Line);
            return std::nullopt;
        }
        if (name == "header" && m_keepHeaderHeadings && !isHidden(node)) {
            // An article's own <header> holds its headline next to bylines and
            // share links: keep the headline only.
            return Frame{node->children, preformatted, true, TextBuilder::None};
        }
        if (isBoilerplate(node))
            return std::nullopt;
        if (headingsOnly && isOneOf(name, headingTags))
            headingsOnly = false;
        const bool block = isOneOf(name, blockTags);
        const bool cell = name == "td" || name == "th";
        if (block)
            m_builder.requestBreak(TextBuilder::Paragraph);
        return Frame{node->children, preformatted || name == "pre", headingsOnly,
                     block ? TextBuilder::Paragraph : cell ? TextBuilder::Space : TextBuilder::None};
    }

    TextBuilder m_builder;
    bool m_keepHeaderHeadings;
};

// The elements named `name` below `node`, in document order; with
// `outermostOnly`, not those inside another one.
void collectElements(const xmlNode *node, std::string_view name, QList<const xmlNode *> &found,
                     bool skipBoilerplate, bool outermostOnly = false)
{
    forEachElement(node, [&](const xmlNode *element) {
        if (skipBoilerplate && isBoilerplate(element))
            return Visit::Skip;
        if (nameOf(element) == name) {
            found.append(element);
            if (outermostOnly)
                return Visit::Skip;
        }
        return Visit::Enter;
    });
}

const xmlNode *firstElement(const xmlNode *node, std::string_view name)
{
    const xmlNode *first = nullptr;
    forEachElement(node, [&](const xmlNode *element) {
        if (nameOf(element) != name)
            return Visit::Enter;
        first = element;
        return Visit::Stop;
    });
    return first;
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
    forEachElement(node, [&meta](const xmlNode *child) {
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
        return Visit::Enter;
    });
}

QDate firstTimeDate(const xmlNode *root)
{
    QDate date;
    forEachElement(root, [&date](const xmlNode *element) {
        if (nameOf(element) == "time")
            date = parseIsoDate(attribute(element, "datetime"));
        return date.isValid() ? Visit::Stop : Visit::Enter;
    });
    return date;
}

enum class Charset { Undeclared, Utf8, Windows1252, Other };

Charset classifyCharset(const QString &label)
{
    const QString name = label.trimmed().toLower();
    if (name.isEmpty())
        return Charset::Undeclared;
    // A page that can declare itself in ASCII is not UTF-16 or UTF-32, whatever
    // it says: the WHATWG Encoding Standard reads such a declaration as UTF-8.
    if (name == u"utf-8"_s || name == u"utf8"_s || name == u"unicode-1-1-utf-8"_s || name.startsWith(u"utf-16"_s)
        || name.startsWith(u"utf-32"_s) || name == u"unicode"_s || name == u"ucs-2"_s)
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

// Whether any charset the page may declare reads it alike: ASCII without the
// escape sequences of ISO-2022-JP, the one 7-bit charset pages use.
bool readsAlikeInAnyCharset(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\x1B'; });
}

// HTML5 ends a comment written "<!-->" or "<!--->" right there (an empty
// comment); libxml2 2.9 reads on to the next "-->", silently hiding the text
// in between. Written as "<!---->" they mean the same to both.
QByteArray closeEmptyComments(const QByteArray &html)
{
    QByteArray out;
    const char *const begin = html.constData();
    const char *const end = begin + html.size();
    const char *copied = begin;
    // memchr() for the '<': QByteArray::indexOf() is several times slower.
    for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '<', size_t(end - p))));) {
        const std::string_view rest(p, size_t(std::min<std::ptrdiff_t>(end - p, 6)));
        const char *insert = rest.starts_with("<!-->") ? "--" : rest.starts_with("<!--->") ? "-" : nullptr;
        p += rest.starts_with("<!--") ? 4 : 1;
        if (!insert)
            continue;
        if (out.isEmpty())
            out.reserve(html.size() + 16);
        out.append(copied, p - copied);
        out.append(insert);
        copied = p;
    }
    if (copied == begin)
        return html;
    out.append(copied, end - copied);
    return out;
}

class Iconv
{
public:
    Iconv(const char *to, const char *from)
        : m_handle(::iconv_open(to, from))
    {
    }
    ~Iconv()
    {
        if (isValid())
            ::iconv_close(m_handle);
    }
    Iconv(const Iconv &) = delete;
    Iconv &operator=(const Iconv &) = delete;

    bool isValid() const { return m_handle != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const { return m_handle; }

private:
    iconv_t m_handle;
};

struct Transcoded
{
    QByteArray utf8;
    qsizetype replaced = 0; // invalid or incomplete sequences, each now U+FFFD
};

// `bytes` in the declared `charset` as UTF-8, with iconv (which libxml2
// would use too). Done here rather than by libxml2 because libxml2 stops at
// the first byte that is not valid in the charset, dropping the rest of the
// page, and prints to stderr. Nothing when the charset is unknown.
std::optional<Transcoded> transcodeToUtf8(const QByteArray &bytes, const QByteArray &charset)
{
    const Iconv converter("UTF-8", charset.constData());
    if (!converter.isValid())
        return std::nullopt;
    Transcoded result;
    QByteArray &out = result.utf8;
    out.resize(bytes.size() * 2 + 16);
    char *in = const_cast<char *>(bytes.constData()); // iconv's signature; it does not write
    size_t inLeft = size_t(bytes.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    const auto grow = [&] {
        const qsizetype used = outPtr - out.data();
        out.resize(out.size() * 2 + 64);
        outPtr = out.data() + used;
        outLeft = size_t(out.size() - used);
    };
    while (inLeft > 0) {
        if (::iconv(converter.get(), &in, &inLeft, &outPtr, &outLeft) != size_t(-1))
            continue;
        const int error = errno;
        if (error == E2BIG) {
            grow();
            continue;
        }
        if (error != EILSEQ && error != EINVAL)
            return std::nullopt;
        // An invalid sequence, or an incomplete one at the end: one byte
        // becomes U+FFFD, as decoders of the WHATWG Encoding Standard do.
        if (outLeft < 3)
            grow();
        std::memcpy(outPtr, "\xEF\xBF\xBD", 3);
        outPtr += 3;
        outLeft -= 3;
        ++in;
        --inLeft;
        ++result.replaced;
        ::iconv(converter.get(), nullptr, nullptr, nullptr, nullptr); // back to the initial shift state
    }
    // Stateful charsets (ISO-2022-JP) may end with a shift sequence.
    while (::iconv(converter.get(), nullptr, nullptr, &outPtr, &outLeft) == size_t(-1) && errno == E2BIG)
        grow();
    out.truncate(outPtr - out.data());
    return result;
}

// --- Parsing -------------------------------------------------------------------------

// What one parse met that the tree alone does not show.
struct ParseState
{
    // An end tag libxml2 ignored where HTML5 closes `element`: what libxml2
    // put after `marker` (an empty comment it added where the end tag was)
    // inside `element` belongs after `element`.
    struct IgnoredEnd
    {
        xmlNode *marker;
        xmlNode *element;
    };
    std::vector<IgnoredEnd> ignoredEnds;

    // The first reason some text was not read; empty when all was read.
    QString lostBecause;

    void noteLoss(const QString &reason)
    {
        if (lostBecause.isEmpty())
            lostBecause = reason;
    }
};

ParseState &stateOf(xmlParserCtxtPtr context)
{
    return *static_cast<ParseState *>(context->_private);
}

bool isScopeBoundary(std::string_view name, std::string_view endTag)
{
    // HTML5's "list item scope" and "button scope" add to the default one.
    return isOneOf(name, scopeBoundaryTags) || (endTag == "li" && (name == "ol" || name == "ul"))
        || (endTag == "p" && name == "button");
}

// libxml2 reported an end tag that did not close the current element
// ("Opening and ending tag mismatch: noscript and div"). When HTML5 would
// have closed the element of that name, a marker records where: the tree
// is put right once parsed (moveIgnoredEndContent()). The same message
// comes while libxml2 does close elements on an end tag; the marker is then
// last in elements about to be closed, and moves nothing.
void noteIgnoredEndTag(xmlParserCtxtPtr context, std::string_view endTag)
{
    xmlNode *current = context->node;
    if (!current || !context->myDoc)
        return;
    const bool alwaysCloses = isOneOf(endTag, endTagAlwaysCloses);
    if (!alwaysCloses && !isOneOf(endTag, endTagClosesInScope))
        return;
    for (xmlNode *node = current; node && node->type == XML_ELEMENT_NODE; node = node->parent) {
        const std::string_view name = nameOf(node);
        if (name == endTag) {
            if (node == current)
                return;
            // A comment, so that text libxml2 adds next is not merged into a
            // text node that precedes the end tag.
            xmlNode *marker = xmlNewDocComment(context->myDoc, reinterpret_cast<const xmlChar *>(""));
            if (marker && xmlAddChild(current, marker))
                stateOf(context).ignoredEnds.push_back({marker, node});
            return;
        }
        if (!alwaysCloses && isScopeBoundary(name, endTag))
            return; // HTML5 ignores this end tag too
    }
}

// libxml2's errors, through the parser context (printing nothing): the ones
// that mean text was lost, and the ignored end tags.
void onParserError(void *, xmlErrorPtr error)
{
    auto *context = static_cast<xmlParserCtxtPtr>(error->ctxt);
    if (!context || !context->_private)
        return;
    ParseState &state = stateOf(context);
    switch (error->code) {
    case XML_ERR_TAG_NAME_MISMATCH:
        // Both names are given only for "Opening and ending tag mismatch";
        // "Unexpected end tag" (nothing of that name is open) and "Element
        // script embeds close tag" give one.
        if (error->str1 && error->str2)
            noteIgnoredEndTag(context, error->str1);
        return;
    case XML_ERR_COMMENT_NOT_FINISHED:
        // Also raised, without the comment's text, for a comment closed by
        // "--!>", which loses nothing.
        if (error->str1)
            state.noteLoss(u"a comment (“<!--”) is never closed, which hides the rest of the file"_s);
        return;
    case XML_ERR_ATTRIBUTE_NOT_FINISHED: // the value runs to the end of the file
        state.noteLoss(u"an attribute value lacks its closing quote, which hides the rest of the file"_s);
        return;
    case XML_ERR_PI_NOT_FINISHED:
        state.noteLoss(u"a processing instruction (“<?”) is never closed, which hides the rest of the file"_s);
        return;
    default:
        if (error->level == XML_ERR_FATAL)
            state.noteLoss(u"the HTML parser stopped at line %1 (%2)"_s.arg(error->line).arg(
                QString::fromUtf8(error->message).trimmed()));
        return;
    }
}

// The tree builder's startElement (xmlSAX2StartElement, as libxml2's HTML
// default handler has it), refusing to nest deeper than maxDepth.
void guardedStartElement(void *userData, const xmlChar *name, const xmlChar **attributes)
{
    auto *context = static_cast<xmlParserCtxtPtr>(userData);
    if (context->nodeNr >= maxDepth) {
        const int line = context->input ? context->input->line : 0;
        stateOf(context).noteLoss(
            u"its elements nest more than %1 levels deep at line %2, where reading stopped"_s.arg(maxDepth).arg(line));
        xmlStopParser(context);
        return;
    }
    xmlSAX2StartElement(userData, name, attributes);
}

// Whether the input just before the parser's position is the end tag of
// `name` ("</name>" in any case, blanks allowed before the '>'): libxml2 calls
// endElement() right after reading it when the end tag closes the element,
// and elsewhere when it closes the element implicitly. libxml2 keeps at least
// 80 bytes before the position when it discards consumed input.
bool justReadEndTagOf(xmlParserCtxtPtr context, std::string_view name)
{
    const xmlParserInputPtr input = context->input;
    if (!input || !input->base || !input->cur || input->cur <= input->base)
        return false;
    const char *const base = reinterpret_cast<const char *>(input->base);
    const char *p = reinterpret_cast<const char *>(input->cur);
    if (*--p != '>')
        return false;
    while (p > base && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r' || p[-1] == '\f'))
        --p;
    const auto length = std::ptrdiff_t(name.size());
    if (p - base < length + 2)
        return false;
    p -= length;
    return qstrnicmp(p, name.data(), qsizetype(length)) == 0 && p[-1] == '/' && p[-2] == '<';
}

// The tree builder's endElement (xmlSAX2EndElement), noting elements that
// hide the rest of the page because their end tag never came.
void checkedEndElement(void *userData, const xmlChar *name)
{
    auto *context = static_cast<xmlParserCtxtPtr>(userData);
    const std::string_view tag = context->node && name ? nameOf(context->node) : std::string_view();
    if (!tag.empty() && tag == reinterpret_cast<const char *>(name) && isOneOf(tag, hidesRestWhenUnclosed)
        && !justReadEndTagOf(context, tag)) {
        ParseState &state = stateOf(context);
        const bool endTagSeen = std::any_of(
            state.ignoredEnds.begin(), state.ignoredEnds.end(),
            [context](const ParseState::IgnoredEnd &end) { return end.element == context->node; });
        if (!endTagSeen)
            state.noteLoss(u"the <%1> opened on line %2 is never closed, which hides the rest of the file"_s
                               .arg(QLatin1StringView(tag.data(), qsizetype(tag.size())))
                               .arg(xmlGetLineNo(context->node)));
    }
    xmlSAX2EndElement(userData, name);
}

// A parser context set up for htmlToText(); reusable for several parses,
// which then share libxml2's string dictionary.
ParserContext newParserContext()
{
    ParserContext context(htmlNewParserCtxt());
    if (!context)
        return context;
    htmlSAXHandler *sax = context->sax;
    sax->startElement = guardedStartElement;
    sax->endElement = checkedEndElement;
    // libxml2 2.9 hands errors to `serror` only in SAX2 handlers; the HTML
    // parser's calls are the same either way.
    sax->initialized = XML_SAX2_MAGIC;
    sax->serror = onParserError;
    return context;
}

XmlDocPtr parse(htmlParserCtxt *context, const QByteArray &bytes, const char *encoding, ParseState &state)
{
    context->_private = &state;
    XmlDocPtr doc(htmlCtxtReadMemory(context, bytes.constData(), int(bytes.size()), nullptr, encoding, parseOptions));
    // xmlHaltParser() (memory, libxml2's own limits) leaves this state.
    if (state.lostBecause.isEmpty() && (context->instate == XML_PARSER_EOF || context->disableSAX))
        state.noteLoss(u"the HTML parser stopped at line %1"_s.arg(context->input ? context->input->line : 0));
    context->_private = nullptr;
    return doc;
}

// --- Putting the tree right -------------------------------------------------------------

// Moves `first` and its following siblings to follow `after`, in order, and
// returns the last one moved (or `after` when there were none).
xmlNode *moveSiblingsAfter(xmlNode *first, xmlNode *after)
{
    if (!first)
        return after;
    xmlNode *const oldParent = first->parent;
    xmlNode *const last = oldParent->last;
    if (first->prev)
        first->prev->next = nullptr;
    else
        oldParent->children = nullptr;
    oldParent->last = first->prev;
    for (xmlNode *node = first; node; node = node->next)
        node->parent = after->parent;
    last->next = after->next;
    if (after->next)
        after->next->prev = last;
    else
        after->parent->last = last;
    after->next = first;
    first->prev = after;
    return last;
}

// What followed an ignored end tag goes after the element it should have
// closed: the marker's following siblings, then those of each of its
// ancestors up to the element, in document order.
void moveIgnoredEndContent(const std::vector<ParseState::IgnoredEnd> &ignoredEnds)
{
    for (const ParseState::IgnoredEnd &end : ignoredEnds) {
        // An earlier move can have taken the marker out of the element.
        bool inside = false;
        for (const xmlNode *node = end.marker->parent; node && !inside; node = node->parent)
            inside = node == end.element;
        if (inside) {
            xmlNode *after = end.element;
            for (xmlNode *level = end.marker; level != end.element; level = level->parent)
                after = moveSiblingsAfter(level->next, after);
        }
        xmlUnlinkNode(end.marker);
        xmlFreeNode(end.marker);
    }
}

// Void elements have no content: what libxml2 put inside one follows it.
void moveVoidElementContent(xmlNode *root)
{
    forEachElement(root, [](xmlNode *element) {
        if (!element->children || !isOneOf(nameOf(element), voidTags))
            return Visit::Enter;
        moveSiblingsAfter(element->children, element); // visited next, as the element's siblings
        return Visit::Skip;
    });
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
    // An <article> inside another never has more text than it (its text is
    // part of the outer one's) and comes after it, so it never wins: only
    // outermost ones are measured, and each part of the page once.
    QList<const xmlNode *> articles;
    collectElements(root, "article", articles, true, true);
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
    const ParserContext context = newParserContext();
    if (!context)
        return Error{u"“%1” could not be parsed as HTML: out of memory."_s.arg(fileName)};

    QByteArray bytes = html;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    bytes = closeEmptyComments(bytes);

    HtmlContent content;
    Charset declared = Charset::Undeclared;
    QByteArray declaredName;
    if (!readsAlikeInAnyCharset(bytes)) {
        // Any ASCII-compatible charset reads the markup alike, so a first
        // parse as ISO-8859-1 (which accepts every byte) finds the
        // declaration without the bytes having to be valid in it.
        ParseState probeState;
        const XmlDocPtr probe = parse(context.get(), bytes, "ISO-8859-1", probeState);
        if (probe) {
            PageMetadata meta;
            readMetadata(reinterpret_cast<const xmlNode *>(probe.get()), meta);
            declared = classifyCharset(meta.charset);
            declaredName = meta.charset.trimmed().toLatin1();
        }
    }

    // Everything is parsed as UTF-8, converted here if need be, so libxml2
    // never converts (see transcodeToUtf8()).
    QByteArray utf8;
    if (declared == Charset::Other) {
        if (std::optional<Transcoded> transcoded = transcodeToUtf8(bytes, declaredName)) {
            utf8 = std::move(transcoded->utf8);
            if (transcoded->replaced > 0)
                content.warnings.append(
                    u"“%1” is declared as %2, but some of its bytes (%3) are not valid %2; they were read as “\uFFFD”."_s
                        .arg(fileName, QString::fromLatin1(declaredName))
                        .arg(transcoded->replaced));
        } else {
            declared = Charset::Undeclared; // a charset iconv does not know
        }
    }
    if (declared == Charset::Windows1252) {
        utf8 = decodeWindows1252(bytes).toUtf8();
    } else if (declared != Charset::Other) {
        if (isValidUtf8(bytes)) {
            utf8 = bytes;
        } else {
            content.usedFallbackEncoding = true;
            utf8 = decodeWindows1252(bytes).toUtf8();
        }
    }

    ParseState state;
    XmlDocPtr doc = parse(context.get(), utf8, "UTF-8", state);
    if (!doc)
        return Error{u"“%1” could not be parsed as HTML."_s.arg(fileName)};
    moveIgnoredEndContent(state.ignoredEnds);
    moveVoidElementContent(reinterpret_cast<xmlNode *>(doc.get()));
    if (!state.lostBecause.isEmpty())
        content.warnings.append(u"Part of “%1” was not read: %2."_s.arg(fileName, state.lostBecause));

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
