// TemplateSet: every reply template in a directory, and the choice of which to offer.
//
// Immutable after Load, so one set may be shared by all handler threads; share it as
// std::shared_ptr<const TemplateSet> and swap the pointer to reload. Pointers returned by
// Suggest and Find point into the set and stay valid while that set object lives.
//
// Example:
//   auto set = replies::TemplateSet::Load("templates");
//   if (!set.ok()) { core::LogError(set.status().message()); return set.status(); }
//   for (const replies::Template* t : set->Suggest(verdict, verdict.language, 3)) {
//     replies::Rendered r = replies::Render(*t, vars);
//     ...  // show t->id, t->title, r.text; run LintReply before sending
//   }
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/verdict.h"
#include "replies/template.h"

namespace turnaround::replies {

class TemplateSet {
 public:
  // Reads every "*.md" file in `dir` except README.md, in file-name order. kNotFound if
  // `dir` is not a readable directory; kInvalidArgument if any file is refused (the
  // message lists every problem as "file:line: reason", one per line), if two files share
  // an id, or if there is no template at all. Either the whole set loads or nothing does.
  static core::Result<TemplateSet> Load(const std::filesystem::path& dir);

  // Builds a set from parsed templates (tests, or templates kept elsewhere). kInvalidArgument
  // on a duplicate id or an empty list.
  static core::Result<TemplateSet> FromTemplates(std::vector<Template> templates);

  // Up to `max` templates for a comment with this verdict, best first. Only templates in
  // `language` are offered; if the set has none in that language at all, English ones are.
  // `platform` ("facebook", "instagram", ...; empty: unknown): a template restricted to
  // platforms is offered only on one of them, never when the platform is unknown.
  //
  // Eligibility: a template restricted to categories or severities must include the
  // verdict's; an urgent template must share an urgent reason with the verdict; a
  // complaint template needs a complaint or an urgent reason; a praise template needs a
  // praise match and no complaint; a question template needs a question match.
  // Ranking: urgent matches first, then category-specific complaint templates, then
  // praise and questions, then complaint templates for any category, then general ones;
  // within a tier a template restricted to the verdict's severity or platform comes
  // before an unrestricted one, then higher priority, then id (so the order is stable).
  std::vector<const Template*> Suggest(const model::Verdict& verdict, std::string_view language,
                                       std::size_t max, std::string_view platform = {}) const;

  // The template with this id, or nullptr.
  const Template* Find(std::string_view id) const;

  const std::vector<Template>& templates() const { return templates_; }

 private:
  explicit TemplateSet(std::vector<Template> templates) : templates_(std::move(templates)) {}

  std::vector<Template> templates_;  // sorted by id
};

}  // namespace turnaround::replies
