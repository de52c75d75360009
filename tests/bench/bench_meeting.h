// The benchmark's meeting: a chair and N delegates with known PINs, written as a package and imported.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace room::bench {

/// A participant the load generator logs in as.
struct Seat {
    std::string participant;
    std::string pin;
};

/// The benchmark meeting: who is in it and with which PIN.
struct BenchMeeting {
    Seat chair;
    Seat secretary;              ///< uploads the document of the document distribution scenario
    Seat display;                ///< the wall display (role display: sees what the room sees, sends no commands)
    std::vector<Seat> delegates; ///< voting members (role delegate)
};

/// A meeting with a chair, a secretary, a wall display and `delegates` delegates (d0001 …).
BenchMeeting makeBenchMeeting(int delegates);

/// The meeting package's meeting.json (format phonghop.meeting/1, PINs included, no documents).
nlohmann::json packageJson(const BenchMeeting& meeting);

/// Runs a program with arguments, waits for it and returns its exit status (-1 if it did not
/// exit normally); its standard output and error are collected in `output`.
int runProgram(const std::vector<std::string>& argv, std::string* output);

/// Writes the package into `packageDir` and imports it with `room-server import` into `dataDir`.
/// Returns false with the reason (including the importer's output) in `error`.
bool importBenchMeeting(const std::string& serverBinary, const BenchMeeting& meeting,
                        const std::filesystem::path& packageDir, const std::filesystem::path& dataDir,
                        std::string* error);

} // namespace room::bench
