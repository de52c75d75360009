#include "shared/crypto/aead.h"

#include <openssl/evp.h>

#include <memory>

#include "shared/crypto/hash.h"

namespace room::crypto {

namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

Error badKey() {
    return Error::make(ErrorCode::InvalidArgument, "an AES-256-GCM key has 32 bytes", "khóa AES-256-GCM phải có 32 byte");
}

Error tampered() {
    return Error::make(ErrorCode::BadDocument, "the encrypted data was changed or belongs to another key",
                       "dữ liệu mã hóa đã bị thay đổi hoặc thuộc về khóa khác");
}

} // namespace

std::string newAeadKey() { return randomBytes(kAeadKeyBytes); }

Result<std::string> seal(std::string_view key, std::string_view plaintext, std::string_view context) {
    if (key.size() != kAeadKeyBytes) return badKey();
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    std::string out = randomBytes(kAeadNonceBytes);
    out.resize(kAeadNonceBytes + plaintext.size() + kAeadTagBytes);
    int len = 0;
    const bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(out)) == 1 &&
        (context.empty() ||
         EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(context), static_cast<int>(context.size())) == 1) &&
        EVP_EncryptUpdate(ctx.get(), bytes(out) + kAeadNonceBytes, &len, bytes(plaintext),
                          static_cast<int>(plaintext.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), bytes(out) + kAeadNonceBytes + len, &len) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kAeadTagBytes),
                            bytes(out) + kAeadNonceBytes + plaintext.size()) == 1;
    if (!ok) return Error::make(ErrorCode::Internal, "encryption failed", "mã hóa không thành công");
    return out;
}

Result<std::string> open(std::string_view key, std::string_view sealed, std::string_view context) {
    if (key.size() != kAeadKeyBytes) return badKey();
    if (sealed.size() < kAeadNonceBytes + kAeadTagBytes) return tampered();
    const std::size_t n = sealed.size() - kAeadNonceBytes - kAeadTagBytes;
    std::string tag(sealed.substr(kAeadNonceBytes + n));
    std::string out(n, '\0');
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(sealed)) == 1 &&
        (context.empty() ||
         EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(context), static_cast<int>(context.size())) == 1) &&
        EVP_DecryptUpdate(ctx.get(), bytes(out), &len, bytes(sealed) + kAeadNonceBytes, static_cast<int>(n)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kAeadTagBytes), bytes(tag)) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), bytes(out) + len, &len) == 1;
    if (!ok) return tampered();
    return out;
}

} // namespace room::crypto
