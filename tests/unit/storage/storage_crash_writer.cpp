// Test helper for crash_test.cpp: appends events to a database in transactions of random size
// (1–20) as fast as it can and, after each commit, prints the committed head seq on its own line.
// It never stops by itself; the test kills it with SIGKILL.
//
// Usage: storage_crash_writer <database-file> [seed]
// Every event's payload carries its own seq ("seq"), so a reader can tell each event is intact.
#include "room-server/src/storage/database.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

using namespace room;

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: %s <database-file> [seed]\n", argv[0]);
        return 2;
    }
    const unsigned seed = argc == 3 ? static_cast<unsigned>(std::stoul(argv[2])) : std::random_device{}();
    auto opened = storage::Database::open(argv[1]);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return 1;
    }
    auto& db = **opened;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> batchSize(1, 20);
    for (;;) {
        if (auto st = db.begin(); !st) {
            std::fprintf(stderr, "%s\n", st.error().message.c_str());
            return 1;
        }
        const int n = batchSize(rng);
        const TimeMs now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
        for (int i = 0; i < n; ++i) {
            const Seq seq = db.headSeq() + 1;
            auto e = db.appendEvent(now, "crash_writer", "test.appended",
                                    Json{{"seq", seq}, {"text", "Biểu quyết thông qua Nghị quyết số " + std::to_string(seq)}});
            if (!e) {
                std::fprintf(stderr, "%s\n", e.error().message.c_str());
                return 1;
            }
        }
        if (auto st = db.commit(); !st) {
            std::fprintf(stderr, "%s\n", st.error().message.c_str());
            return 1;
        }
        // Only now is the batch durable, so only now may it be acknowledged.
        std::printf("%lld\n", static_cast<long long>(db.headSeq()));
        if (std::fflush(stdout) != 0) return 0; // the reader is gone
    }
}
