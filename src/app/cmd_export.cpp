// turnaround export: every comment as JSON Lines on stdout.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "core/clock.h"
#include "store/comment_reader.h"
#include "store/sql/open.h"

namespace turnaround::app {
namespace {

constexpr const char* kExportUsage =
    "usage: turnaround export [--db PATH]\n\n"
    "Writes every stored comment as one JSON object per line (platform, ids, author, text,\n"
    "times, state, history, verdict) to stdout. Default db: var/turnaround.db\n"
    "--db also takes sqlite:PATH or postgresql://... (a shared PostgreSQL store).\n";

std::string Time(std::int64_t ms) { return ms ? core::FormatRfc3339(ms) : std::string(); }

nlohmann::json ToJson(const store::CommentRow& r) {
  nlohmann::json history = nlohmann::json::array();
  for (const auto& h : r.history) {
    nlohmann::json e = {{"action", h.action}, {"at", Time(h.at_ms)}};
    if (h.action == "edit") e["old_text"] = h.old_text;
    history.push_back(std::move(e));
  }
  nlohmann::json j = {{"id", r.id},
                      {"platform", r.platform},
                      {"external_id", r.external_id},
                      {"page_id", r.page_id},
                      {"post_id", r.post_id},
                      {"parent_id", r.parent_id},
                      {"author", {{"id", r.author_id}, {"name", r.author_name}}},
                      {"text", r.text},
                      {"url", r.url},
                      {"created_at", Time(r.created_at_ms)},
                      {"received_at", Time(r.received_at_ms)},
                      {"updated_at", Time(r.updated_at_ms)},
                      {"state", r.state},
                      {"is_ours", r.is_ours},
                      {"history", std::move(history)}};
  if (!r.verdict_json.empty()) {
    j["verdict"] = nlohmann::json::parse(r.verdict_json, nullptr, false);
  } else {
    j["verdict"] = nullptr;
  }
  return j;
}

}  // namespace

int RunExport(const Args& args) {
  std::string db = "var/turnaround.db";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kExportUsage, stdout);
      return 0;
    }
    if (args[i] == "--db" && i + 1 < args.size()) {
      db = args[++i];
      continue;
    }
    std::fprintf(stderr, "turnaround export: unknown option '%s'\n\n%s", args[i].c_str(), kExportUsage);
    return 2;
  }
  auto reader = store::CommentReader::OpenUrl(store::sql::DbUrl(db));
  if (!reader.ok()) {
    std::fprintf(stderr, "turnaround export: %s\n", reader.status().message().c_str());
    return 1;
  }
  core::Status s = reader.value()->ForEach([](const store::CommentRow& row) {
    std::string line = ToJson(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    return std::fwrite(line.data(), 1, line.size(), stdout) == line.size();
  });
  if (!s.ok()) {
    std::fprintf(stderr, "turnaround export: %s\n", s.message().c_str());
    return 1;
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace turnaround::app
