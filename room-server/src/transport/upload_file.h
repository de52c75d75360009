// A POST body being spooled to a private file in the upload directory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "shared/domain/result.h"

namespace room::transport {

/// Owns a new, exclusively created file (mode 0600). The file is deleted when the object is
/// destroyed or discarded, unless release() handed it over first. Move-only.
class UploadFile {
public:
    UploadFile() = default;
    ~UploadFile();
    UploadFile(UploadFile&& other) noexcept;
    UploadFile& operator=(UploadFile&& other) noexcept;
    UploadFile(const UploadFile&) = delete;
    UploadFile& operator=(const UploadFile&) = delete;

    /// Creates "upload-<tag>-<random>.part" in dir with O_EXCL; fails if dir is not writable.
    static room::Result<UploadFile> create(const std::filesystem::path& dir, std::uint64_t tag);

    bool isOpen() const { return m_fd >= 0; }
    const std::filesystem::path& path() const { return m_path; }
    std::int64_t size() const { return m_size; }

    /// Appends all of data (retrying short writes).
    room::Status append(const void* data, std::size_t len);
    /// Closes the file and gives up ownership: the caller now deletes it. Returns its path.
    std::filesystem::path release();
    /// Closes and deletes the file now.
    void discard();

private:
    int m_fd = -1;
    std::filesystem::path m_path;
    std::int64_t m_size = 0;
};

} // namespace room::transport
