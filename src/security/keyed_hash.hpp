#pragma once
// HMAC-SHA256 (RFC 2104, FIPS 180-4) through OpenSSL: the keyed hash that
// replaces personal data in `assay pii --redact --mode hash`. With the same
// key the same value gets the same token in every file, so joins on a
// redacted column still work; without the key the token cannot be reversed
// or recomputed from a guess.

#include <string>
#include <string_view>

namespace assay::security {

// The 64 lower-case hex digits of HMAC-SHA256(key, message).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// The shortest key accepted, in bytes (docs/pii.md).
inline constexpr std::size_t kMinKeyBytes = 16;

}  // namespace assay::security
