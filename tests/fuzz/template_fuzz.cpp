// Fuzzes reply templates end to end: ParseTemplate, then Render with untrusted
// values, then the PHI guard (LintReply) over the result.
// Input: "<author name>\n<original comment>\n<category>\n<template file text>".
// Invariants: nothing crashes; a rendered reply is valid UTF-8 when the template
// is; a greeting name is at most 30 code points of letters, ' and - only;
// findings lie inside the reply, in order; an unfilled placeholder is blocked;
// the configured contact number is never reported as a phone number.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "replies/lint.h"
#include "replies/render.h"
#include "replies/template.h"

namespace {

using namespace turnaround;

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The digits of a phone number, without a leading US "1".
std::string PhoneDigits(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d += c;
  }
  if (d.size() == 11 && d[0] == '1') d.erase(0, 1);
  return d;
}

void CheckFindings(std::string_view reply, const std::vector<replies::Finding>& findings) {
  std::size_t last_begin = 0;
  for (const replies::Finding& f : findings) {
    TA_FUZZ_CHECK(!f.code.empty() && !f.message.empty());
    TA_FUZZ_CHECK(f.begin <= f.end && f.end <= reply.size());
    TA_FUZZ_CHECK(f.begin >= last_begin);
    last_begin = f.begin;
    // The configured contact number is never blocked, however it is written.
    if (f.code == "phone_number") {
      TA_FUZZ_CHECK(PhoneDigits(reply.substr(f.begin, f.end - f.begin)) != "5550102000");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  std::string_view in = fuzz::AsText(data, size);
  const std::string_view author = fuzz::TakeLine(&in);
  const std::string_view comment = fuzz::TakeLine(&in);
  const std::string_view category = fuzz::TakeLine(&in);

  const std::string first = replies::SafeFirstName(author);
  TA_FUZZ_CHECK(core::IsValidUtf8(first));
  TA_FUZZ_CHECK(CodePoints(first) <= 30);
  TA_FUZZ_CHECK(first.find_first_of(" @/:.#0123456789") == std::string::npos);
  const std::string cleaned = replies::CleanValue(comment);
  TA_FUZZ_CHECK(core::IsValidUtf8(cleaned));
  for (char c : cleaned) TA_FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);

  auto tmpl = replies::ParseTemplate("fuzz.md", in);
  if (!tmpl.ok()) {
    TA_FUZZ_CHECK(!tmpl.status().message().empty());
    return 0;
  }
  replies::Variables vars;
  vars.author_name = std::string(author);
  vars.agent_name = std::string(comment);  // untrusted too, as far as Render knows
  vars.page_name = "St. Mary's Hospital";
  vars.contact_phone = size % 2 ? "(555) 010-2000" : "";  // sometimes missing
  vars.contact_email = "patient.relations@example.org";
  vars.category = std::string(category);
  const replies::Rendered r = replies::Render(*tmpl, vars);
  TA_FUZZ_CHECK(core::IsValidUtf8(r.text));

  replies::LintOptions opts;
  opts.allowed_phones = {"555-010-2000"};
  opts.max_chars = replies::PlatformMaxChars(size % 3 ? "facebook" : "instagram");
  const auto findings = replies::LintReply(r.text, comment, opts);
  CheckFindings(r.text, findings);
  if (!r.missing.empty()) {
    bool blocked = false;
    for (const auto& f : findings) blocked = blocked || f.code == "unfilled_placeholder";
    TA_FUZZ_CHECK(blocked && replies::HasBlocking(findings));
  }
  // The guard must also cope with arbitrary text, not only rendered templates.
  CheckFindings(tmpl->body, replies::LintReply(tmpl->body, comment, opts));
  return 0;
}
