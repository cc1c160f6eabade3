// Template: one reply template file from templates/, parsed and validated.
//
// File format (full description in templates/README.md):
//
//   ---
//   id: wait_time_apology
//   title: Long wait - apology, take it offline
//   kind: complaint
//   language: en
//   categories: wait_time
//   severities: any
//   priority: 60
//   ---
//   Hi {{author.first_name|there}}, we're sorry ... {{contact.phone}} ...
//
// A placeholder is {{name}} or {{name|fallback}}; the names are KnownPlaceholders().
// Parsing is pure and thread-safe; a Template is immutable plain data.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/verdict.h"

namespace turnaround::replies {

// When a template is offered (see TemplateSet::Suggest for the ranking).
enum class TemplateKind {
  kComplaint,  // an apology for a complaint (default)
  kUrgent,     // answers one of `urgent_reasons`; offered first when the verdict has one
  kPraise,     // a thank-you for praise
  kQuestion,   // an answer to a plain question
  kGeneral,    // fits anything; offered last
};

const char* TemplateKindName(TemplateKind kind);  // "complaint", "urgent", ...

// A piece of a template body: literal text, or a placeholder to fill.
struct Segment {
  bool is_placeholder = false;
  std::string text;      // literal text, or the placeholder name ("author.first_name")
  bool has_fallback = false;
  std::string fallback;  // used when the variable is empty ("there")
};

struct Template {
  std::string id;     // unique in a set; [a-z0-9_-]+
  std::string title;  // shown to the agent
  std::string file;   // file name it came from, for messages
  TemplateKind kind = TemplateKind::kComplaint;
  std::string language;                    // "en" or "es"
  std::vector<std::string> categories;     // empty: any category
  std::vector<model::Severity> severities; // empty: any severity
  std::vector<std::string> urgent_reasons; // non-empty exactly when kind == kUrgent
  std::vector<std::string> platforms;      // empty: any platform
  int priority = 50;                       // 0..100; higher ranks first among equals
  std::string body;                        // the raw body, as written
  std::vector<Segment> segments;           // the body split into literals and placeholders
};

// The placeholder names a body may use:
//   author.first_name  agent.first_name  agent.name  page.name
//   contact.phone  contact.email  contact.url  category.label
const std::vector<std::string_view>& KnownPlaceholders();

// Parses one template file. `file_name` is used in messages only. On failure returns
// kInvalidArgument whose message has one line per problem, each "file:line: reason"
// (unknown or duplicate key, bad value, missing id/title/language, front matter not
// opened or closed, missing body, unknown or unclosed placeholder, invalid UTF-8).
core::Result<Template> ParseTemplate(std::string_view file_name, std::string_view text);

}  // namespace turnaround::replies
