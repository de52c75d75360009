#include "shared/crypto/openssl_util.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstdint>
#include <fstream>
#include <system_error>
#include <utility>

namespace room::crypto::detail {

namespace fs = std::filesystem;

namespace {
std::string withDetail(std::string what, const std::string& detail) {
    return detail.empty() ? what : what + " (" + detail + ")";
}
} // namespace

std::string takeOpensslError() {
    std::string text;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!text.empty()) text += "; ";
        text += buf;
    }
    return text;
}

Error opensslError(std::string what) {
    return Error::make(ErrorCode::Internal, withDetail(std::move(what), takeOpensslError()), "Lỗi thư viện mật mã OpenSSL");
}

int refusePassphrase(char*, int, int, void*) { return -1; }

BioPtr memoryBio(std::string_view text) {
    return BioPtr(BIO_new_mem_buf(text.empty() ? "" : text.data(), static_cast<int>(text.size())));
}

Result<std::string> readPemFile(const fs::path& path, ErrorCode badContent) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        return Error::make(ErrorCode::Internal, "cannot read " + path.string() + ": " + ec.message(),
                           "Không đọc được tệp " + path.string());
    if (size > kMaxPemBytes)
        return Error::make(badContent, "file too large for PEM: " + path.string(), "Tệp quá lớn, không phải PEM: " + path.string());
    std::string data(static_cast<std::size_t>(size), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (!in || in.gcount() != static_cast<std::streamsize>(data.size())) {
        OPENSSL_cleanse(data.data(), data.size());
        return Error::make(ErrorCode::Internal, "cannot read " + path.string(), "Không đọc được tệp " + path.string());
    }
    return data;
}

Result<X509Ptr> loadCertificateFile(const fs::path& path, ErrorCode badContent) {
    auto data = readPemFile(path, badContent);
    if (!data) return data.error();
    BioPtr bio = memoryBio(*data);
    if (!bio) return opensslError("out of memory");
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, refusePassphrase, nullptr));
    if (!cert)
        return Error::make(badContent, withDetail("not a PEM certificate: " + path.string(), takeOpensslError()),
                           "Tệp không phải chứng chỉ PEM hợp lệ: " + path.string());
    return cert;
}

Result<KeyPtr> loadPrivateKeyFile(const fs::path& path, ErrorCode badContent) {
    auto data = readPemFile(path, badContent);
    if (!data) return data.error();
    BioPtr bio = memoryBio(*data);
    KeyPtr key;
    if (bio) key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr));
    OPENSSL_cleanse(data->data(), data->size());
    if (!bio) return opensslError("out of memory");
    if (!key)
        return Error::make(badContent, withDetail("not an unencrypted PEM private key: " + path.string(), takeOpensslError()),
                           "Tệp không phải khóa riêng PEM hợp lệ (không mã hóa): " + path.string());
    return key;
}

} // namespace room::crypto::detail
