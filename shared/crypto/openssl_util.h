// Internal to room_crypto: RAII for OpenSSL objects, its error queue, and reading PEM files.
#pragma once

#include "shared/domain/result.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace room::crypto::detail {

/// Certificates and keys are a few kilobytes; anything much larger is not one of ours.
inline constexpr std::uintmax_t kMaxPemBytes = 1 << 20;

template <auto FreeFn>
struct Freer {
    template <class T>
    void operator()(T* p) const { FreeFn(p); }
};

using BioPtr = std::unique_ptr<BIO, Freer<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Freer<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY_free>>;

/// Empties this thread's OpenSSL error queue and returns its entries joined by "; ", so stale
/// entries never leak into the next, unrelated failure report.
std::string takeOpensslError();
/// Internal, with the queue's entries appended to `what`.
Error opensslError(std::string what);

/// Never prompt on the terminal for an encrypted key: the server runs unattended.
int refusePassphrase(char*, int, int, void*);

/// A memory BIO over `text` (BIO_new_mem_buf rejects the null pointer an empty view may carry).
BioPtr memoryBio(std::string_view text);

/// A PEM file of at most 1 MiB (certificates and keys are a few kilobytes). Errors name the file:
/// Internal when it cannot be read, `badContent` when it is too large.
Result<std::string> readPemFile(const std::filesystem::path& path, ErrorCode badContent);
/// The first certificate in a PEM file; `badContent` when there is none.
Result<X509Ptr> loadCertificateFile(const std::filesystem::path& path, ErrorCode badContent);
/// An unencrypted private key from a PEM file (the file's bytes are wiped after parsing);
/// `badContent` when there is none.
Result<KeyPtr> loadPrivateKeyFile(const std::filesystem::path& path, ErrorCode badContent);

} // namespace room::crypto::detail
