// Detached signatures with the server's private key, verified against a certificate's
// public key, plus the strict base64 used to carry them.
#pragma once

#include "shared/domain/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace room::crypto {

/// A detached signature over some bytes.
struct Signature {
    /// "ecdsa-sha256" (EC keys, DER-encoded ECDSA signature), "rsa-pss-sha256" (RSA keys,
    /// PSS with MGF1-SHA256 and salt length = digest length) or "ed25519" (pure Ed25519).
    std::string algorithm;
    std::string valueBase64; ///< standard base64 with padding, no newlines
};

/// Signs `data` with the unencrypted private key in the PEM file `keyPem` (EC, RSA or
/// Ed25519). Errors: Internal naming the file when it cannot be read or parsed;
/// InvalidArgument for an unsupported key type.
Result<Signature> signWithPrivateKeyPem(const std::filesystem::path& keyPem,
                                        std::string_view data);

/// Verifies `sig` over `data` with the public key of the first certificate in `certPem`
/// (PEM text, not a path). All failures are InvalidArgument: the certificate does not
/// parse, the algorithm is unknown or does not match the key type, the value is not valid
/// base64, or the signature does not match the data.
Status verifyWithCertificatePem(std::string_view certPem, std::string_view data,
                                const Signature& sig);

/// The PEM text of the first certificate in a file; an Internal error naming the file if
/// it cannot be read or holds no certificate.
Result<std::string> readCertificatePem(const std::filesystem::path& certPem);

/// Standard base64 (RFC 4648, section 4) with padding and no line breaks.
std::string base64Encode(std::string_view bytes);
/// The inverse of base64Encode. Strict: InvalidArgument for characters outside the
/// alphabet (whitespace included), a length that is not a multiple of four, misplaced or
/// missing padding, and non-zero padding bits (so every value has exactly one encoding).
Result<std::string> base64Decode(std::string_view text);

} // namespace room::crypto
