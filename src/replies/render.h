// Filling a template's placeholders. Pure functions, thread-safe.
//
// Values are inserted as plain text in one pass: a value that itself contains "{{...}}"
// is never expanded. Every value is cleaned (control and bidi-override characters
// removed, whitespace collapsed); the author's display name is further reduced to a
// first name (SafeFirstName) so a reply cannot be made to carry an @mention, a link or
// someone's full name.
//
// Missing values: a placeholder whose value is empty uses its fallback
// ({{author.first_name|there}}); with no fallback the placeholder is left in the text as
// written ({{contact.phone}}) and its name is listed in Rendered::missing. LintReply
// blocks such a reply (unfilled_placeholder), so an agent cannot send it by accident.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "replies/template.h"

namespace turnaround::replies {

// What the caller knows when rendering. Empty means unknown.
struct Variables {
  std::string author_name;    // display name from the platform, untrusted
  std::string agent_name;     // the signed-in agent's full name ({{agent.first_name}} is word 1)
  std::string page_name;      // e.g. "St. Mary's Hospital"
  std::string contact_phone;  // patient relations phone, from the config
  std::string contact_email;  // patient relations e-mail, from the config
  std::string contact_url;    // patient relations web form, from the config
  std::string category;       // verdict category id; {{category.label}} is its label
};

struct Rendered {
  std::string text;
  std::vector<std::string> missing;  // placeholders left unfilled, in order of appearance
};

Rendered Render(const Template& tmpl, const Variables& vars);

// A display name reduced to something safe to greet in public: the first word that is a
// name (titles such as "Dr." or "Mrs." skipped), keeping letters (any script), apostrophes
// and hyphens only, at most 30 characters. "" when nothing usable remains (e.g. "@@@",
// "www.example.com", "12345"), so the fallback is used.
std::string SafeFirstName(std::string_view display_name);

// `value` with invalid UTF-8, C0/C1 controls, bidi overrides and zero-width characters
// removed, and runs of whitespace collapsed to one space, trimmed.
std::string CleanValue(std::string_view value);

// A category id as words for a reply in `language` ("wait_time" -> "wait times" / "tiempos
// de espera"). Unknown ids give "".
std::string CategoryLabel(std::string_view category, std::string_view language);

}  // namespace turnaround::replies
