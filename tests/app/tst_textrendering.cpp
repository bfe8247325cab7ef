#include <QApplication>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QtTest>

// Offscreen rendering without any font installed draws every character as the
// same empty box ("tofu"), and widget tests that only look at models still
// pass. These checks fail in that case, so a machine without fonts is caught.
class TestTextRendering : public QObject
{
    Q_OBJECT

private:
    static QImage render(const QString &text)
    {
        QImage image(600, 80, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QFont font = QApplication::font();
        font.setPixelSize(40);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(image.rect().adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
        return image;
    }

    // Width of the inked area, in pixels.
    static int inkWidth(const QImage &image)
    {
        int left = image.width(), right = -1;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (qGray(image.pixel(x, y)) < 128) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                }
            }
        }
        return right < left ? 0 : right - left + 1;
    }

private Q_SLOTS:
    void fontsAreInstalled()
    {
        QVERIFY2(!QFontDatabase::families().isEmpty(), "no font family is installed (install fonts-dejavu-core)");
        const QFontMetrics metrics(QApplication::font());
        QVERIFY2(metrics.inFont(QLatin1Char('A')), "the default font has no glyph for 'A'");
        QVERIFY2(metrics.inFont(QChar(0x00E9)), "the default font has no glyph for 'é'");
    }

    void glyphsHaveTheirOwnShapes()
    {
        // In a real font eight W are far wider than eight i; eight boxes are
        // as wide as eight boxes.
        const int narrow = inkWidth(render(QStringLiteral("iiiiiiii")));
        const int wide = inkWidth(render(QStringLiteral("WWWWWWWW")));
        QVERIFY2(narrow > 0, "nothing was drawn");
        QVERIFY2(wide > 2 * narrow, qPrintable(QStringLiteral("'i' and 'W' have the same width (%1 vs %2 px): "
                                                              "text renders as boxes")
                                                   .arg(narrow)
                                                   .arg(wide)));
    }

    void labelsShowTheirText()
    {
        QLabel first(QStringLiteral("Jensen Huang"));
        QLabel second(QStringLiteral("Mistral AI"));
        for (QLabel *label : {&first, &second}) {
            label->setFixedSize(240, 40);
            label->setStyleSheet(QStringLiteral("background: white; color: black;"));
        }
        const QImage a = first.grab().toImage();
        const QImage b = second.grab().toImage();
        QVERIFY(inkWidth(a) > 0);
        QVERIFY(inkWidth(b) > 0);
        QVERIFY2(a != b, "two different labels look the same");
    }
};

QTEST_MAIN(TestTextRendering)
#include "tst_textrendering.moc"
