#include "room-server/src/docstore/document_store.h"

#include "shared/crypto/hash.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <optional>
#include <system_error>

namespace room::storage {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTmpDir = "tmp";
// A put() in progress never takes this long; older temporary files are leftovers of a crash.
constexpr auto kStaleTmpAge = std::chrono::hours(1);

Error ioError(const std::string& what, const fs::path& path, int err) {
    return Error::make(ErrorCode::Internal,
                       "Document store: cannot " + what + " " + path.string() + ": " +
                           std::strerror(err),
                       "Kho tài liệu: lỗi đọc/ghi tệp " + path.string() + ": " + std::strerror(err));
}

Error badId() {
    return Error::make(ErrorCode::InvalidArgument,
                       "A document id is 64 lowercase hexadecimal digits.",
                       "Mã tài liệu phải gồm 64 chữ số thập lục phân viết thường.");
}

Error notFound() {
    return Error::make(ErrorCode::NotFound, "The document is not in the store.",
                       "Không tìm thấy tài liệu trong kho.");
}

// Closes the descriptor on every path out of a function.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    int release() {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

// A rename or unlink is durable only once the directory holding the entry is synced.
std::optional<Error> syncDir(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) return ioError("sync directory", dir, errno);
    return std::nullopt;
}

std::optional<Error> writeAll(int fd, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return ioError("write", path, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return std::nullopt;
}

void removeStaleTemporaries(const fs::path& tmp) {
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(tmp, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code entryEc;
        const auto written = it->last_write_time(entryEc);
        if (!entryEc && now - written > kStaleTmpAge) fs::remove(it->path(), entryEc);
    }
}

} // namespace

Result<DocumentStore> DocumentStore::open(const fs::path& dir) {
    if (dir.empty())
        return Error::make(ErrorCode::InvalidArgument, "The document store needs a directory.",
                           "Chưa chỉ định thư mục kho tài liệu.");
    std::error_code ec;
    const fs::path absolute = fs::absolute(dir, ec).lexically_normal();
    if (ec) return ioError("resolve", dir, ec.value());
    const fs::path tmp = absolute / kTmpDir;
    fs::create_directories(tmp, ec);
    if (ec) return ioError("create", tmp, ec.value());
    if (::access(absolute.c_str(), W_OK | X_OK) != 0 || ::access(tmp.c_str(), W_OK | X_OK) != 0)
        return ioError("write to", absolute, errno);
    removeStaleTemporaries(tmp);
    return DocumentStore(absolute);
}

fs::path DocumentStore::fanoutDir(std::string_view id) const {
    return m_dir / std::string(id.substr(0, 2));
}

Result<std::string> DocumentStore::put(std::string_view bytes) {
    std::string id = crypto::sha256Hex(bytes);
    const fs::path dir = fanoutDir(id);
    const fs::path target = dir / id;

    // Files appear only through rename, so one of the right size is the complete document.
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::uint64_t>(st.st_size) == bytes.size())
        return id;

    if (::mkdir(dir.c_str(), 0700) == 0) {
        if (auto e = syncDir(m_dir)) return *e;
    } else if (errno != EEXIST) {
        return ioError("create", dir, errno);
    }

    std::string pattern = (m_dir / kTmpDir / (id + ".XXXXXX")).string();
    Fd fd(::mkostemp(pattern.data(), O_CLOEXEC));
    const fs::path tmp = pattern;
    if (fd.get() < 0) return ioError("create", tmp, errno);

    auto fail = [&](Error e) {
        ::unlink(tmp.c_str());
        return e;
    };
    if (auto e = writeAll(fd.get(), bytes, tmp)) return fail(*e);
    if (::fsync(fd.get()) != 0) return fail(ioError("sync", tmp, errno));
    if (::close(fd.release()) != 0) return fail(ioError("close", tmp, errno));
    if (::rename(tmp.c_str(), target.c_str()) != 0) return fail(ioError("rename", target, errno));
    if (auto e = syncDir(dir)) return *e;
    // The temporary's name left the tmp directory; syncing it is not needed for the document.
    return id;
}

Result<fs::path> DocumentStore::pathOf(std::string_view id) const {
    if (!crypto::isSha256Hex(id)) return badId();
    fs::path path = fanoutDir(id) / std::string(id);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return notFound();
    return path;
}

bool DocumentStore::contains(std::string_view id) const {
    return pathOf(id).ok();
}

Result<std::int64_t> DocumentStore::size(std::string_view id) const {
    auto path = pathOf(id);
    if (!path) return path.error();
    struct stat st {};
    if (::stat(path->c_str(), &st) != 0) return errno == ENOENT ? notFound() : ioError("stat", *path, errno);
    return static_cast<std::int64_t>(st.st_size);
}

Result<std::string> DocumentStore::read(std::string_view id, std::int64_t offset,
                                        std::int64_t length) const {
    auto path = pathOf(id);
    if (!path) return path.error();
    if (offset < 0 || length < 0)
        return Error::make(ErrorCode::InvalidArgument, "Negative byte range.",
                           "Khoảng byte không hợp lệ (số âm).");
    // Opened once and sized through the descriptor, so a concurrent remove() cannot make the
    // size and the bytes disagree.
    Fd fd(::open(path->c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return errno == ENOENT ? notFound() : ioError("open", *path, errno);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return ioError("stat", *path, errno);
    const std::int64_t total = st.st_size;
    if (offset > total)
        return Error::make(ErrorCode::InvalidArgument,
                           "The byte range starts after the end of the document.",
                           "Khoảng byte bắt đầu sau cuối tài liệu.");
    const std::int64_t count = std::min(length, total - offset);
    std::string out(static_cast<std::size_t>(count), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::pread(fd.get(), out.data() + done, out.size() - done,
                                  static_cast<off_t>(offset) + static_cast<off_t>(done));
        if (n < 0) {
            if (errno == EINTR) continue;
            return ioError("read", *path, errno);
        }
        if (n == 0) break; // the file cannot shrink (it is never rewritten), but do not spin
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
}

Result<std::string> DocumentStore::read(std::string_view id) const {
    return read(id, 0, std::numeric_limits<std::int64_t>::max());
}

Status DocumentStore::remove(std::string_view id) {
    auto path = pathOf(id);
    if (!path) return path.error();
    if (::unlink(path->c_str()) != 0)
        return errno == ENOENT ? notFound() : ioError("remove", *path, errno);
    if (auto e = syncDir(path->parent_path())) return *e;
    return Ok{};
}

} // namespace room::storage
