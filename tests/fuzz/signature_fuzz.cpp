// Fuzzes the webhook signature check (VerifySha256Signature).
// Input: "<secret>\n<header>\n<body>" (missing parts are empty).
// Invariants: it never crashes; a header only verifies when it is exactly
// "sha256=" + the HMAC in hex (any case) and the secret is non-empty; the
// correct header always verifies and a header with one digit changed never does.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "ingest/signature.h"

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool SameHexIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace turnaround;
  if (size > fuzz::kMaxInput) return 0;
  std::string_view in = fuzz::AsText(data, size);
  const std::string_view secret = fuzz::TakeLine(&in);
  const std::string_view header = fuzz::TakeLine(&in);
  const std::string_view body = in;

  const std::string correct = "sha256=" + ingest::HmacSha256Hex(secret, body);
  const bool verified = ingest::VerifySha256Signature(secret, body, header).ok();
  const bool should = !secret.empty() && header.size() == correct.size() &&
                      header.substr(0, 7) == "sha256=" && SameHexIgnoringCase(header, correct);
  TA_FUZZ_CHECK(verified == should);

  // The correct header verifies (unless there is no secret: then nothing does).
  TA_FUZZ_CHECK(ingest::VerifySha256Signature(secret, body, correct).ok() == !secret.empty());

  // Changing any one digit of it (position and new digit chosen by the input) fails.
  const std::size_t pos = 7 + (size % 64);
  const char digit = "0123456789abcdef"[(size / 64 + (size ? data[0] : 0)) % 16];
  std::string flipped = correct;
  flipped[pos] = digit == correct[pos] ? (digit == '0' ? '1' : '0') : digit;
  TA_FUZZ_CHECK(!ingest::VerifySha256Signature(secret, body, flipped).ok());

  // The same header against a body with one byte changed fails.
  if (!body.empty() && !secret.empty()) {
    std::string other(body);
    other[size % other.size()] ^= 0x01;
    TA_FUZZ_CHECK(!ingest::VerifySha256Signature(secret, other, correct).ok());
  }
  return 0;
}
