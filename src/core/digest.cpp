#include "core/digest.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace turnaround::core {

namespace {

// OpenSSL 3's one-shot SHA256() looks the algorithm up and allocates a context
// on every call, which cost more than hashing an audit event itself. The
// algorithm is fetched once and each thread reuses one context.
const EVP_MD* Sha256Md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

struct ThreadContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~ThreadContext() { EVP_MD_CTX_free(ctx); }
};

void Sha256(std::string_view data, unsigned char* digest) {
  thread_local ThreadContext t;
  const EVP_MD* md = Sha256Md();
  unsigned int n = 0;
  if (md != nullptr && t.ctx != nullptr && EVP_DigestInit_ex2(t.ctx, md, nullptr) == 1 &&
      EVP_DigestUpdate(t.ctx, data.data(), data.size()) == 1 && EVP_DigestFinal_ex(t.ctx, digest, &n) == 1 &&
      n == SHA256_DIGEST_LENGTH) {
    return;
  }
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  Sha256(data, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string out(2 * SHA256_DIGEST_LENGTH, '0');
  for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    out[static_cast<size_t>(2 * i)] = kHex[digest[i] >> 4];
    out[static_cast<size_t>(2 * i + 1)] = kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace turnaround::core
