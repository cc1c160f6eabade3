#include "core/digest.h"

#include <openssl/sha.h>

namespace turnaround::core {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  static const char kHex[] = "0123456789abcdef";
  std::string out(2 * SHA256_DIGEST_LENGTH, '0');
  for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    out[static_cast<size_t>(2 * i)] = kHex[digest[i] >> 4];
    out[static_cast<size_t>(2 * i + 1)] = kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace turnaround::core
