#include "ingest/signature.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace turnaround::ingest {

std::string HmacSha256Hex(std::string_view secret, std::string_view body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &len);
  static const char kHex[] = "0123456789abcdef";
  std::string out(len * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return out;
}

core::Status VerifySha256Signature(std::string_view secret, std::string_view body,
                                   std::string_view header_value) {
  if (header_value.empty()) return core::Unauthenticated("missing signature header");
  constexpr std::string_view kPrefix = "sha256=";
  if (header_value.substr(0, kPrefix.size()) != kPrefix || header_value.size() != kPrefix.size() + 64) {
    return core::Unauthenticated("malformed signature header: expected sha256=<64 hex digits>");
  }
  if (secret.empty()) return core::Unauthenticated("no secret configured for this webhook");
  std::string given(header_value.substr(kPrefix.size()));
  for (char& c : given) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');  // hex is case-insensitive
  }
  const std::string expected = HmacSha256Hex(secret, body);
  if (CRYPTO_memcmp(expected.data(), given.data(), expected.size()) != 0) {
    return core::Unauthenticated("signature does not match the body");
  }
  return core::Status::Ok();
}

}  // namespace turnaround::ingest
