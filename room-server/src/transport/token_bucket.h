// Per-connection message rate limiting: a token bucket plus a one-second flood counter.
#pragma once

#include <algorithm>
#include <chrono>

namespace room::transport {

/// Classic token bucket. Time is passed in so tests can drive it without sleeping.
/// Not thread-safe: each instance belongs to one connection on the transport thread.
class TokenBucket {
public:
    using Clock = std::chrono::steady_clock;

    /// ratePerSecond <= 0 disables limiting (every take succeeds). Starts full.
    TokenBucket(double ratePerSecond, double burst, Clock::time_point now)
        : m_rate(ratePerSecond), m_burst(std::max(burst, 1.0)), m_tokens(m_burst), m_last(now) {}

    /// Takes one token if there is one.
    bool tryTake(Clock::time_point now) {
        if (m_rate <= 0)
            return true;
        const std::chrono::duration<double> elapsed = now - m_last;
        if (elapsed.count() > 0) {
            m_tokens = std::min(m_burst, m_tokens + elapsed.count() * m_rate);
            m_last = now;
        }
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    Clock::time_point m_last;
};

/// Counts events in fixed one-second windows; tells when a window holds more than `limit`.
/// Not thread-safe, like TokenBucket.
class FloodCounter {
public:
    using Clock = TokenBucket::Clock;

    /// limit <= 0 disables the check.
    explicit FloodCounter(long limit) : m_limit(limit) {}

    /// Records one event; true when the current window is over the limit.
    bool addAndCheck(Clock::time_point now) {
        if (m_limit <= 0)
            return false;
        if (m_count == 0 || now - m_windowStart >= std::chrono::seconds(1)) {
            m_windowStart = now;
            m_count = 0;
        }
        return ++m_count > m_limit;
    }

private:
    long m_limit;
    long m_count = 0;
    Clock::time_point m_windowStart{};
};

} // namespace room::transport
