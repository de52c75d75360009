// Numbers for the benchmark report: percentiles, the machine, process memory, and the markdown table.
#pragma once

#include <nlohmann/json.hpp>
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace room::bench {

/// Percentiles of a set of samples (nearest rank); all zero with count 0 when there are none.
struct Distribution {
    std::size_t count = 0;
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;
};

Distribution distribution(std::vector<double> samples);
nlohmann::json toJson(const Distribution& d);

/// What the numbers were measured on.
struct MachineInfo {
    std::string cpuModel;
    int cores = 0;
    std::int64_t memoryKb = 0;
    std::string kernel;
    std::string loadAverage; ///< /proc/loadavg when asked: other work on the machine skews the numbers
};

MachineInfo machineInfo();
nlohmann::json toJson(const MachineInfo& m);

/// VmRSS of a process in KB from /proc/PID/status; -1 if it cannot be read.
std::int64_t residentKb(pid_t pid);

/// VmHWM (the peak of VmRSS) of a process in KB; -1 if it cannot be read.
std::int64_t peakResidentKb(pid_t pid);
/// Resets a process's VmHWM to its current VmRSS (/proc/PID/clear_refs); false if that is not allowed.
bool resetPeakResident(pid_t pid);
/// User + system CPU time a process has used, in ms (clock-tick resolution); -1 if it cannot be read.
double cpuMs(pid_t pid);

/// a / b, or null when b is not positive (a ratio to a baseline that measured nothing).
nlohmann::json ratio(double a, double b);

/// The results as a markdown report: the machine, then one row per measure with the baseline and the ratio.
std::string markdownReport(const nlohmann::json& results);

} // namespace room::bench
