#include "auth/password.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <charconv>
#include <optional>
#include <vector>

#include "auth/encoding.h"

namespace turnaround::auth {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kMaxSaltBytes = 64;
constexpr std::size_t kHashBytes = 32;

struct ParsedHash {
  std::uint32_t iterations = 0;
  std::string salt;
  std::string hash;
};

std::optional<std::string> Pbkdf2(std::string_view password, std::string_view salt,
                                  std::uint32_t iterations) {
  std::string out(kHashBytes, '\0');
  int rc = PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                             reinterpret_cast<const unsigned char*>(salt.data()),
                             static_cast<int>(salt.size()), static_cast<int>(iterations),
                             EVP_sha256(), static_cast<int>(out.size()),
                             reinterpret_cast<unsigned char*>(out.data()));
  if (rc != 1) return std::nullopt;
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

core::Result<ParsedHash> Parse(std::string_view stored) {
  auto bad = [](const char* why) {
    return core::InvalidArgument(std::string("malformed password hash: ") + why);
  };
  std::vector<std::string_view> parts = Split(stored, '$');
  if (parts.size() != 4) return bad("expected scheme$iterations$salt$hash");
  if (parts[0] != kScheme) return bad("unknown scheme");
  std::string_view count = parts[1];
  if (count.empty() || count.size() > 9 || count[0] == '0') return bad("bad iteration count");
  ParsedHash parsed;
  auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), parsed.iterations);
  if (ec != std::errc() || end != count.data() + count.size()) return bad("bad iteration count");
  if (parsed.iterations < kMinPbkdf2Iterations || parsed.iterations > kMaxPbkdf2Iterations) {
    return bad("iteration count out of range");
  }
  std::optional<std::string> salt = Base64Decode(parts[2]);
  if (!salt || salt->size() < kSaltBytes || salt->size() > kMaxSaltBytes) return bad("bad salt");
  std::optional<std::string> hash = Base64Decode(parts[3]);
  if (!hash || hash->size() != kHashBytes) return bad("bad hash");
  parsed.salt = std::move(*salt);
  parsed.hash = std::move(*hash);
  return parsed;
}

}  // namespace

core::Result<std::string> HashPassword(std::string_view password, std::uint32_t iterations) {
  if (password.empty()) return core::InvalidArgument("password is empty");
  if (password.size() > kMaxPasswordBytes) return core::InvalidArgument("password is too long");
  if (iterations < kMinPbkdf2Iterations || iterations > kMaxPbkdf2Iterations) {
    return core::InvalidArgument("iteration count out of range");
  }
  core::Result<std::string> salt = RandomBytes(kSaltBytes);
  if (!salt.ok()) return salt.status();
  std::optional<std::string> hash = Pbkdf2(password, *salt, iterations);
  if (!hash) return core::Internal("PKCS5_PBKDF2_HMAC failed");
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + Base64Encode(*salt) +
         "$" + Base64Encode(*hash);
}

core::Result<bool> VerifyPassword(std::string_view password, std::string_view stored) {
  core::Result<ParsedHash> parsed = Parse(stored);
  if (!parsed.ok()) return parsed.status();
  if (password.empty() || password.size() > kMaxPasswordBytes) return false;
  std::optional<std::string> hash = Pbkdf2(password, parsed->salt, parsed->iterations);
  if (!hash) return core::Internal("PKCS5_PBKDF2_HMAC failed");
  return CRYPTO_memcmp(hash->data(), parsed->hash.data(), kHashBytes) == 0;
}

core::Result<std::uint32_t> PasswordHashIterations(std::string_view stored) {
  core::Result<ParsedHash> parsed = Parse(stored);
  if (!parsed.ok()) return parsed.status();
  return parsed->iterations;
}

bool NeedsRehash(std::string_view stored, std::uint32_t iterations) {
  core::Result<std::uint32_t> have = PasswordHashIterations(stored);
  return !have.ok() || *have < iterations;
}

std::string_view DummyPasswordHash() {
  // PBKDF2 of 24 random bytes that were then thrown away; generated once, offline.
  return "pbkdf2-sha256$600000$71eyfSR2nbPDIU/dlU2+qA$AfAUM+/v9xHbpIvbJ5IOaYVT7y2siY+UaGEhmstaCzE";
}

core::Result<std::string> GeneratePassword(std::size_t length) {
  if (length < kMinGeneratedPasswordLength) length = kMinGeneratedPasswordLength;
  if (length > kMaxPasswordBytes) return core::InvalidArgument("password length too large");
  core::Result<std::string> bytes = RandomBytes((length * 3 + 3) / 4);
  if (!bytes.ok()) return bytes.status();
  std::string password = Base64UrlEncode(*bytes);
  password.resize(length);
  return password;
}

}  // namespace turnaround::auth
