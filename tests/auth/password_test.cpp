#include "auth/password.h"

#include <catch2/catch.hpp>

#include <set>

#include "auth/encoding.h"

using namespace turnaround::auth;
using turnaround::core::Code;

namespace {
// Tests hash at the minimum cost; one test checks the 600,000 default.
constexpr std::uint32_t kFast = kMinPbkdf2Iterations;
// PBKDF2-HMAC-SHA256("correct horse battery staple", "0123456789abcdef", 1000), computed
// independently with Python's hashlib.pbkdf2_hmac.
constexpr const char* kKnownHash =
    "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$yqSq2SygY1sB4EcH9f2FG0JTMES+wqLsOT5YmiRBplI";
}  // namespace

TEST_CASE("[auth] password hash uses 600,000 iterations by default", "[auth]") {
  CHECK(kDefaultPbkdf2Iterations == 600000);
  auto stored = HashPassword("default cost");
  REQUIRE(stored.ok());
  CHECK(stored->rfind("pbkdf2-sha256$600000$", 0) == 0);
  CHECK(*PasswordHashIterations(*stored) == 600000);
  CHECK_FALSE(NeedsRehash(*stored));
  CHECK(*VerifyPassword("default cost", *stored));
}

TEST_CASE("[auth] password hash round trip", "[auth]") {
  const char* kPasswords[] = {"p", "correct horse battery staple", "ünïcödé pässwörd ✓",
                              "with$dollar$signs", "trailing space "};
  for (const char* password : kPasswords) {
    CAPTURE(password);
    auto stored = HashPassword(password, kFast);
    REQUIRE(stored.ok());
    CHECK(stored->rfind("pbkdf2-sha256$1000$", 0) == 0);
    CHECK(*VerifyPassword(password, *stored));
    CHECK_FALSE(*VerifyPassword(std::string(password) + "x", *stored));
    CHECK_FALSE(*VerifyPassword("", *stored));
    CHECK(NeedsRehash(*stored));  // below the default cost
  }
}

TEST_CASE("[auth] password hash matches an independent implementation", "[auth]") {
  CHECK(*VerifyPassword("correct horse battery staple", kKnownHash));
  CHECK_FALSE(*VerifyPassword("Correct horse battery staple", kKnownHash));
  CHECK(*PasswordHashIterations(kKnownHash) == 1000);
}

TEST_CASE("[auth] same password gets a different salt each time", "[auth]") {
  auto a = HashPassword("same", kFast);
  auto b = HashPassword("same", kFast);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a != *b);
}

TEST_CASE("[auth] hashing refuses bad input", "[auth]") {
  CHECK(HashPassword("", kFast).status().code() == Code::kInvalidArgument);
  CHECK(HashPassword(std::string(kMaxPasswordBytes + 1, 'a'), kFast).status().code() ==
        Code::kInvalidArgument);
  CHECK(HashPassword("x", kMinPbkdf2Iterations - 1).status().code() == Code::kInvalidArgument);
  CHECK(HashPassword("x", kMaxPbkdf2Iterations + 1).status().code() == Code::kInvalidArgument);
  CHECK_FALSE(*VerifyPassword(std::string(kMaxPasswordBytes + 1, 'a'), kKnownHash));
}

TEST_CASE("[auth] malformed stored hashes are errors, not crashes", "[auth]") {
  const char* kSalt = "MDEyMzQ1Njc4OWFiY2RlZg";
  const char* kHash = "yqSq2SygY1sB4EcH9f2FG0JTMES+wqLsOT5YmiRBplI";
  auto make = [&](std::string scheme, std::string iters, std::string salt, std::string hash) {
    return scheme + "$" + iters + "$" + salt + "$" + hash;
  };
  const std::string kBad[] = {
      "",
      "$$$",
      "plaintext-password",
      make("pbkdf2-sha1", "1000", kSalt, kHash),
      make("pbkdf2-sha256", "", kSalt, kHash),
      make("pbkdf2-sha256", "01000", kSalt, kHash),
      make("pbkdf2-sha256", "-1000", kSalt, kHash),
      make("pbkdf2-sha256", "1000x", kSalt, kHash),
      make("pbkdf2-sha256", "1", kSalt, kHash),                      // too cheap
      make("pbkdf2-sha256", "4294967296", kSalt, kHash),             // overflow
      make("pbkdf2-sha256", "999999999", kSalt, kHash),              // would stall login
      make("pbkdf2-sha256", "1000", "", kHash),
      make("pbkdf2-sha256", "1000", "c2hvcnQ", kHash),               // 5-byte salt
      make("pbkdf2-sha256", "1000", kSalt, ""),
      make("pbkdf2-sha256", "1000", kSalt, std::string(kHash) + "A"),  // 33 bytes
      make("pbkdf2-sha256", "1000", kSalt, std::string(kHash).substr(1)),
      make("pbkdf2-sha256", "1000", kSalt, std::string(kHash) + "=="),
      std::string(kKnownHash) + "$extra",
  };
  for (const std::string& stored : kBad) {
    CAPTURE(stored);
    auto verdict = VerifyPassword("correct horse battery staple", stored);
    REQUIRE_FALSE(verdict.ok());
    CHECK(verdict.status().code() == Code::kInvalidArgument);
    CHECK(NeedsRehash(stored));
  }
}

TEST_CASE("[auth] any changed character of a stored hash fails verification", "[auth]") {
  // Property test: every single-character change either breaks the format (error) or
  // changes salt/hash/count (false). It must never verify.
  const std::string known = kKnownHash;
  const std::string kReplacements = "A0+/$z";
  for (std::size_t i = 0; i < known.size(); ++i) {
    for (char r : kReplacements) {
      if (known[i] == r) continue;
      std::string tampered = known;
      tampered[i] = r;
      CAPTURE(tampered);
      auto verdict = VerifyPassword("correct horse battery staple", tampered);
      CHECK((!verdict.ok() || !*verdict));
    }
  }
}

TEST_CASE("[auth] the dummy hash is well formed and matches nothing easy", "[auth]") {
  CHECK(*PasswordHashIterations(DummyPasswordHash()) == kDefaultPbkdf2Iterations);
}

TEST_CASE("[auth] generated passwords are long, URL-safe and distinct", "[auth]") {
  std::set<std::string> seen;
  for (std::size_t length : {0, 5, 20, 21, 22, 24, 40}) {
    auto password = GeneratePassword(length);
    REQUIRE(password.ok());
    CHECK(password->size() == std::max<std::size_t>(length, 20));
    for (char c : *password) {
      CAPTURE(c);
      CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'));
    }
    CHECK(seen.insert(*password).second);
  }
  auto default_length = GeneratePassword();
  REQUIRE(default_length.ok());
  CHECK(default_length->size() == 24);
}
