// A POST body being spooled to a private file in the upload directory.
#include "room-server/src/transport/upload_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <utility>

namespace room::transport {

namespace {

std::string randomSuffix() {
    // Only the transport thread creates uploads, so a thread_local engine needs no locking; the
    // name is not a secret (the directory is private), it just has to be hard to collide with.
    thread_local std::mt19937_64 engine{std::random_device{}()};
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(engine()));
    return buf;
}

} // namespace

UploadFile::~UploadFile() { discard(); }

UploadFile::UploadFile(UploadFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path)),
      m_size(std::exchange(other.m_size, 0)) {
    other.m_path.clear();
}

UploadFile& UploadFile::operator=(UploadFile&& other) noexcept {
    if (this != &other) {
        discard();
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
        other.m_path.clear();
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

room::Result<UploadFile> UploadFile::create(const std::filesystem::path& dir, std::uint64_t tag) {
    int lastErrno = 0;
    // O_EXCL makes a collision an error instead of a silent overwrite; a few retries with fresh
    // random names make that error practically impossible.
    for (int attempt = 0; attempt < 8; ++attempt) {
        std::filesystem::path path = dir / ("upload-" + std::to_string(tag) + "-" + randomSuffix() + ".part");
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            UploadFile file;
            file.m_fd = fd;
            file.m_path = std::move(path);
            return file;
        }
        lastErrno = errno;
        if (lastErrno != EEXIST)
            break;
    }
    return room::Error::make(room::ErrorCode::Internal,
                             "cannot create upload file in " + dir.string() + ": " + std::strerror(lastErrno));
}

room::Status UploadFile::append(const void* data, std::size_t len) {
    if (m_fd < 0)
        return room::Error::make(room::ErrorCode::Internal, "upload file is closed");
    const auto* p = static_cast<const char*>(data);
    while (len > 0) {
        const ssize_t n = ::write(m_fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return room::Error::make(room::ErrorCode::Internal,
                                     "cannot write upload file " + m_path.string() + ": " + std::strerror(errno));
        }
        p += n;
        len -= static_cast<std::size_t>(n);
        m_size += n;
    }
    return room::Ok{};
}

std::filesystem::path UploadFile::release() {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    std::filesystem::path out = std::move(m_path);
    m_path.clear();
    return out;
}

void UploadFile::discard() {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_path.empty()) {
        ::unlink(m_path.c_str());
        m_path.clear();
    }
    m_size = 0;
}

} // namespace room::transport
