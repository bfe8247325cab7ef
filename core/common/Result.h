#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace NewsGraph {

// What went wrong, worded for the person who gave the input: it names the file
// (or database) and the problem. Exceptions never cross module boundaries;
// functions that can fail on input return a Result instead.
struct Error
{
    QString message;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    // A temporary's value is handed over by value, not by reference: a
    // reference into a dying Result (`for (x : repo.entities().value())`,
    // `f(repo.entities().value())` kept past the statement) would dangle.
    T value() && { return std::get<0>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T operator*() && { return std::get<0>(std::move(m_state)); }

    // Empty when ok(), so that `QVERIFY2(r.ok(), qPrintable(r.error()))`,
    // which evaluates the message either way, is safe.
    const QString &error() const
    {
        if (const Error *failure = std::get_if<1>(&m_state))
            return failure->message;
        static const QString none;
        return none;
    }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error.message))
        , m_ok(false)
    {
    }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    QString m_error;
    bool m_ok = true;
};

} // namespace NewsGraph
