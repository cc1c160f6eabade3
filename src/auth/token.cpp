#include "auth/token.h"

#include <openssl/evp.h>

#include "auth/encoding.h"

namespace turnaround::auth {
namespace {

constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kSecretChars = 43;  // unpadded base64url of 32 bytes

core::Result<std::string> RandomSecret() {
  core::Result<std::string> bytes = RandomBytes(kSecretBytes);
  if (!bytes.ok()) return bytes.status();
  return Base64UrlEncode(*bytes);
}

}  // namespace

core::Result<std::string> GenerateToken() {
  core::Result<std::string> secret = RandomSecret();
  if (!secret.ok()) return secret.status();
  return std::string(kTokenPrefix) + *secret;
}

bool LooksLikeToken(std::string_view text) {
  if (text.size() != kTokenPrefix.size() + kSecretChars) return false;
  if (text.substr(0, kTokenPrefix.size()) != kTokenPrefix) return false;
  std::optional<std::string> bytes = Base64UrlDecode(text.substr(kTokenPrefix.size()));
  return bytes && bytes->size() == kSecretBytes;
}

std::string HashToken(std::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(token.data(), token.size(), digest, &len, EVP_sha256(), nullptr) != 1) {
    // SHA-256 of an in-memory buffer fails only if OpenSSL itself is broken; an empty hash
    // matches no stored row, so the request is refused rather than wrongly accepted.
    return std::string();
  }
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), len));
}

core::Result<std::string> GenerateSessionId() { return RandomSecret(); }

core::Result<std::string> GenerateCsrfToken() { return RandomSecret(); }

bool CsrfTokenMatches(std::string_view expected, std::string_view presented) {
  if (expected.empty()) return false;
  return ConstantTimeEquals(expected, presented);
}

}  // namespace turnaround::auth
