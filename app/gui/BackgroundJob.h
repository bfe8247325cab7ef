#pragma once

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace NewsGraph {

// One computation at a time on a worker thread (QtConcurrent), its result
// handed to `done` on the owner's thread, unless a later start() or cancel()
// came first: then the work is told to stop (the `cancelled` predicate it is
// given turns true) and whatever it returns is dropped. A superseded run is
// not waited for, so that a filter change never blocks on a stale
// computation; it reads only what its closure copied.
template<typename T>
class BackgroundJob
{
public:
    using Cancelled = std::function<bool()>;
    using Work = std::function<T(const Cancelled &cancelled)>;
    using Done = std::function<void(T result)>;

    BackgroundJob()
    {
        QObject::connect(&m_watcher, &QFutureWatcher<Outcome>::finished, &m_watcher, [this] { deliver(); });
    }
    ~BackgroundJob()
    {
        cancel();
        m_watcher.waitForFinished();
    }
    BackgroundJob(const BackgroundJob &) = delete;
    BackgroundJob &operator=(const BackgroundJob &) = delete;

    void start(Work work, Done done)
    {
        cancel();
        auto flag = std::make_shared<std::atomic_bool>(false);
        m_cancel = flag;
        m_done = std::move(done);
        const quint64 ticket = ++m_ticket;
        m_running = true;
        m_watcher.setFuture(QtConcurrent::run([work = std::move(work), flag, ticket] {
            const Cancelled cancelled = [flag] { return flag->load(std::memory_order_relaxed); };
            return Outcome{ticket, work(cancelled)};
        }));
    }

    // The running computation, if any, stops and its result is dropped.
    void cancel()
    {
        if (m_cancel)
            m_cancel->store(true, std::memory_order_relaxed);
        m_cancel.reset();
        m_done = nullptr;
        m_running = false;
    }

    bool isRunning() const { return m_running; }

    // Blocks until the running computation ends and delivers its result now
    // rather than from the event loop.
    void wait()
    {
        if (!m_running)
            return;
        m_watcher.waitForFinished();
        deliver();
    }

private:
    struct Outcome
    {
        quint64 ticket = 0;
        std::optional<T> value;
    };

    void deliver()
    {
        if (!m_running || !m_watcher.future().isFinished())
            return;
        Outcome outcome = m_watcher.result();
        if (outcome.ticket != m_ticket || !outcome.value)
            return; // superseded
        m_running = false;
        m_cancel.reset();
        const Done done = std::exchange(m_done, nullptr);
        done(std::move(*outcome.value));
    }

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    Done m_done;
    quint64 m_ticket = 0;
    bool m_running = false;
};

} // namespace NewsGraph
