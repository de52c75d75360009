// Meeting packages: a folder with meeting.json and its PDFs, prepared elsewhere and imported here.
#pragma once

#include <filesystem>
#include <vector>

#include "room-server/src/core/engine.h"

namespace room::storage {
class DocumentStore;
}

namespace room::app {

inline constexpr std::string_view kPackageFormat = "phonghop.meeting/1";

struct IssuedPin {
    ParticipantId participant;
    std::string fullName;
    std::string role;
    std::string seat;
    std::string pin;
};

struct ImportReport {
    int participants = 0;
    int items = 0;
    int documentsAdded = 0;
    int documentsAlreadyPresent = 0;
    std::vector<IssuedPin> pins; ///< PINs set by this import (given in the package or generated)
};

/// Imports a package through the engine, as the administrator: the meeting definition, each
/// document (validated with MuPDF, stored by content) and the participants' PINs. Participants
/// who already have a PIN keep it unless the package gives one. Any error stops the import with
/// a message naming the file and field; what was committed before stays (each step is a command).
Result<ImportReport> importPackage(const std::filesystem::path& dir, core::Engine& engine, storage::Database& db,
                                   storage::DocumentStore& docs);

/// Writes the current meeting as a package (no PINs) into an empty or new folder.
Status exportPackage(const std::filesystem::path& dir, const State& state, storage::DocumentStore& docs);

/// Writes the PIN slips as a UTF-8 text table, one participant per line, mode 0600.
Status writePinSlips(const std::filesystem::path& file, const std::string& meetingTitle, const std::vector<IssuedPin>& pins);

} // namespace room::app
