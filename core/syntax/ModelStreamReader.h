#pragma once

#include <QBuffer>
#include <QByteArrayView>
#include <QDataStream>
#include <QString>
#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace NewsGraph {

// Reads the numbers and strings of a model file as QDataStream wrote them
// (big-endian numbers; a QString as its byte count, 0xFFFFFFFF for a null
// one, then UTF-16), straight from the bytes under the stream when it reads
// a QByteArray, as parseSyntaxModel()'s does: QDataStream goes through
// QIODevice::read() for every number and string, which took a third of the
// instructions of reading a model with its hundreds of thousands of short
// strings (the lemmatiser's, the tagger's dictionary).
//
// Gives what the stream would give, its status included (ReadPastEnd for
// data cut short, ReadCorruptData for a string of an odd byte count), and
// leaves the stream where it would be; falls back on the stream for any
// other device or byte order.
class ModelStreamReader
{
public:
    explicit ModelStreamReader(QDataStream &in)
        : m_in(in)
    {
        auto *buffer = qobject_cast<QBuffer *>(in.device());
        // Streams of later versions may write long strings otherwise.
        if (!buffer || in.byteOrder() != QDataStream::BigEndian || in.version() < QDataStream::Qt_4_0
            || in.version() > QDataStream::Qt_6_4)
            return;
        m_buffer = buffer;
        const QByteArray &bytes = buffer->data();
        m_at = bytes.constData() + buffer->pos();
        m_end = bytes.constData() + bytes.size();
    }
    ~ModelStreamReader() { finish(); }
    ModelStreamReader(const ModelStreamReader &) = delete;
    ModelStreamReader &operator=(const ModelStreamReader &) = delete;

    // Moves the stream past what was read; afterwards the stream reads on.
    void finish()
    {
        if (!m_buffer)
            return;
        m_buffer->seek(m_buffer->size() - (m_end - m_at));
        m_buffer = nullptr;
    }

    template<typename Number>
        requires std::is_arithmetic_v<Number>
    ModelStreamReader &operator>>(Number &value)
    {
        if (!m_buffer) {
            m_in >> value;
            return *this;
        }
        value = Number(0);
        if (!take(sizeof(Number)))
            return *this;
        if constexpr (std::is_same_v<Number, bool>)
            value = m_at[-1] != 0;
        else
            value = qFromBigEndian<Number>(m_at - sizeof(Number));
        return *this;
    }

    // As Qt 6.4's operator>>(QDataStream &, QString &), step by step.
    ModelStreamReader &operator>>(QString &string)
    {
        if (!m_buffer) {
            m_in >> string;
            return *this;
        }
        quint32 bytes = 0;
        *this >> bytes;
        if (bytes == 0xFFFFFFFF) {
            string.clear();
        } else if (bytes == 0) {
            string = QString(QLatin1StringView("")); // empty, not null
        } else if (bytes & 1) {
            string.clear();
            m_in.setStatus(QDataStream::ReadCorruptData);
        } else if (!take(bytes)) {
            string.clear();
        } else {
            // Made at its size: resize() of an empty string costs a
            // reallocation and a fill more.
            string = QString(qsizetype(bytes / 2), Qt::Uninitialized);
            qFromBigEndian<char16_t>(m_at - bytes, qsizetype(bytes / 2), string.data());
        }
        return *this;
    }

    // As QDataStream reads a QStringList (Qt 6.4's readArrayBasedContainer()):
    // the stream's status set aside meanwhile, an empty list for one cut short.
    ModelStreamReader &operator>>(QStringList &list)
    {
        if (!m_buffer) {
            m_in >> list;
            return *this;
        }
        const QDataStream::Status statusBefore = m_in.status();
        m_in.resetStatus();
        list.clear();
        quint32 count = 0;
        *this >> count;
        // A string takes 4 bytes at least: a damaged count asks for no more.
        list.reserve(qsizetype(std::min<qint64>(count, bytesAvailable() / 4)));
        for (quint32 i = 0; i < count; ++i) {
            QString string;
            *this >> string;
            if (m_in.status() != QDataStream::Ok) {
                list.clear();
                break;
            }
            list.append(string);
        }
        if (statusBefore != QDataStream::Ok) {
            m_in.resetStatus();
            m_in.setStatus(statusBefore);
        }
        return *this;
    }

    // A QByteArray as QDataStream wrote it, seen where it lies, without a
    // copy; read into `copy` (and seen there) from another device.
    QByteArrayView byteArray(QByteArray &copy)
    {
        if (!m_buffer) {
            m_in >> copy;
            return copy;
        }
        quint32 size = 0;
        *this >> size;
        if (size == 0xFFFFFFFF || size == 0 || !take(size))
            return {};
        return QByteArrayView(m_at - size, qsizetype(size));
    }

    // What the device has left, as QIODevice::bytesAvailable() gives it.
    qint64 bytesAvailable() const
    {
        if (m_buffer)
            return m_end - m_at;
        return m_in.device() ? m_in.device()->bytesAvailable() : 0;
    }

private:
    // Moves past `count` bytes if they are there; if not, past what is
    // left, and the stream has read past its end (as QDataStream, which
    // reads on after a failure, until its status is reset).
    bool take(std::size_t count)
    {
        if (std::size_t(m_end - m_at) < count) {
            m_at = m_end;
            m_in.setStatus(QDataStream::ReadPastEnd);
            return false;
        }
        m_at += count;
        return true;
    }

    QDataStream &m_in;
    QBuffer *m_buffer = nullptr;
    const char *m_at = nullptr;
    const char *m_end = nullptr;
};

} // namespace NewsGraph
