// Password hashing and generation for Turnaround accounts.
//
// Stored form (one string, in model::User::password_hash):
//   pbkdf2-sha256$<iterations>$<salt>$<hash>
// where salt is 16 random bytes and hash the 32-byte PBKDF2-HMAC-SHA256 output, both in
// unpadded standard base64. The iteration count is read back from the string, so raising
// kDefaultPbkdf2Iterations later keeps old hashes verifiable; NeedsRehash() tells the login
// path when to store a fresh hash.
//
// All functions are thread-safe. Hashing at the default cost takes ~0.3 s of one core:
// run it off latency-sensitive threads and rate-limit logins.
//
// Example:
//   auto stored = auth::HashPassword(password);            // at `user add`
//   if (!stored.ok()) return stored.status();
//   auto ok = auth::VerifyPassword(attempt, user.password_hash);  // at login
//   if (!ok.ok()) return ok.status();     // corrupt stored hash: kInvalidArgument
//   if (!*ok) return core::Unauthenticated("wrong name or password");
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace turnaround::auth {

// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
inline constexpr std::uint32_t kDefaultPbkdf2Iterations = 600'000;
// Bounds accepted from a caller or a stored string. The lower bound exists only so tests can
// hash quickly; the upper bound stops a tampered count from stalling a login thread.
inline constexpr std::uint32_t kMinPbkdf2Iterations = 1'000;
inline constexpr std::uint32_t kMaxPbkdf2Iterations = 10'000'000;
// Longer passwords are refused rather than silently truncated.
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kMinGeneratedPasswordLength = 20;

// Hashes `password` with a fresh 16-byte salt. `iterations` is for tests only; production
// code passes nothing. kInvalidArgument for an empty or over-long password or iterations
// outside [kMin, kMax]; kInternal if the random generator or OpenSSL fails.
core::Result<std::string> HashPassword(std::string_view password,
                                       std::uint32_t iterations = kDefaultPbkdf2Iterations);

// true if `password` matches `stored`, false if it does not (including an empty or
// over-long password). kInvalidArgument if `stored` is not a well-formed hash string:
// wrong scheme, count out of bounds or with leading zeros, bad base64, salt shorter than 16
// bytes, hash not 32 bytes. The comparison is constant-time (CRYPTO_memcmp).
core::Result<bool> VerifyPassword(std::string_view password, std::string_view stored);

// Iteration count of a stored hash, or kInvalidArgument if it is malformed.
core::Result<std::uint32_t> PasswordHashIterations(std::string_view stored);

// true when `stored` is malformed or was made with fewer than `iterations`: after a
// successful login, re-hash the password and store the new string.
bool NeedsRehash(std::string_view stored, std::uint32_t iterations = kDefaultPbkdf2Iterations);

// A well-formed hash of a random password nobody knows. Verify against it when the user
// name does not exist, so a failed login takes as long for unknown as for known names.
std::string_view DummyPasswordHash();

// A random password of `length` characters (raised to at least 20) from the URL-safe
// base64 alphabet: 6 bits of entropy per character. kInternal if randomness fails.
core::Result<std::string> GeneratePassword(std::size_t length = 24);

}  // namespace turnaround::auth
