// Content-addressed store of uploaded document bytes (PDFs) in a local directory.
#pragma once

#include "shared/domain/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace room::storage {

/// Keeps each document under its lowercase SHA-256 hex id as `dir/ab/abcdef…` (the first two hex
/// digits fan the files out over 256 subdirectories). Writes are atomic and durable: a document
/// is either completely present or absent after a crash. The store keeps bytes only; callers
/// validate PDFs (room::pdf::inspectPdf) before put(). Files are created readable by the server's
/// user only. All methods may be called from several threads at once.
class DocumentStore {
public:
    /// Opens (creating if needed) the store in `dir`. Removes temporary files older than an hour
    /// that a crash may have left behind. Errors: InvalidArgument (empty path), Internal (cannot
    /// create or write the directory).
    static Result<DocumentStore> open(const std::filesystem::path& dir);

    /// Stores `bytes` and returns their id. Storing the same bytes again is a no-op returning the
    /// same id. Errors: Internal (I/O failure; a partial file never appears under the id).
    Result<std::string> put(std::string_view bytes);

    /// True when `id` is a well-formed id of a stored document.
    bool contains(std::string_view id) const;

    /// Path of the stored file. Only exactly 64 lowercase hex digits are accepted as an id, so
    /// no id can name anything outside the store. Errors: InvalidArgument (malformed id),
    /// NotFound (well-formed but not stored).
    Result<std::filesystem::path> pathOf(std::string_view id) const;

    /// Size in bytes. Errors as pathOf.
    Result<std::int64_t> size(std::string_view id) const;

    /// Up to `length` bytes starting at `offset` (for HTTP Range requests); fewer when the file
    /// ends first, none when `offset` equals the size. Errors as pathOf, plus InvalidArgument
    /// when offset or length is negative or offset is past the end.
    Result<std::string> read(std::string_view id, std::int64_t offset, std::int64_t length) const;

    /// The whole document. Errors as pathOf.
    Result<std::string> read(std::string_view id) const;

    /// Deletes the document. Errors as pathOf (NotFound when it is not stored), Internal.
    Status remove(std::string_view id);

    /// The store's directory (absolute).
    const std::filesystem::path& dir() const { return m_dir; }

private:
    explicit DocumentStore(std::filesystem::path dir) : m_dir(std::move(dir)) {}
    std::filesystem::path fanoutDir(std::string_view id) const;

    std::filesystem::path m_dir;
};

} // namespace room::storage
