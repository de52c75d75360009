// The server's TLS identity: a self-signed certificate created on first start, and the
// SHA-256 fingerprint that tablets pin.
#pragma once

#include "shared/domain/result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace room::crypto {

/// Makes sure `certPem` and `keyPem` hold a matching certificate and private key.
/// - Both exist and match: nothing is changed (any key type is accepted).
/// - Neither exists: creates an ECDSA P-256 key and a self-signed X.509 v3 certificate
///   (SHA-256, valid ten years, CN `commonName`, SANs: IP literals as IP, others as DNS,
///   CA:FALSE, digitalSignature, serverAuth). Missing parent directories are created; the
///   key is written with mode 0600; each file appears atomically.
/// - Only one exists, a file does not parse, or the pair does not match: an Error whose
///   message names the file at fault.
Status ensureSelfSignedCertificate(const std::filesystem::path& certPem,
                                   const std::filesystem::path& keyPem,
                                   const std::string& commonName,
                                   const std::vector<std::string>& subjectAltNames);

/// SHA-256 over the DER encoding of the first certificate in a PEM file, as uppercase
/// colon-separated hex ("AB:CD:…", 95 characters).
Result<std::string> certificateFingerprintSha256(const std::filesystem::path& certPem);

/// The same fingerprint for a DER-encoded certificate; InvalidArgument if `der` is not
/// exactly one certificate.
Result<std::string> fingerprintOfDer(std::string_view der);

/// The same fingerprint for the first certificate in PEM text; InvalidArgument if there is none.
Result<std::string> fingerprintOfPem(std::string_view pem);

} // namespace room::crypto
