// turnaround reconcile --once: one reconciliation pass over every configured
// page, for operators after an outage (the server runs the same pass on a
// timer). It opens the database beside a running server (SQLite WAL; the
// writes wait for the server's writer between its commits).
#include <algorithm>
#include <cstdio>

#include "app/commands.h"
#include "app/config.h"
#include "app/service.h"
#include "classify/classifier.h"
#include "core/clock.h"
#include "graph/http_graph_client.h"
#include "reconcile/reconciler.h"
#include "store/delivery_writer.h"
#include "store/item_store.h"
#include "store/sql/open.h"

namespace turnaround::app {
namespace {

constexpr const char* kReconcileUsage =
    R"(usage: turnaround reconcile --once [--config FILE] [--db PATH] [--rules DIR]

Reads the recent posts' comments of every page in the config's "pages" through
the Graph API and stores, classifies and queues any comment the webhooks missed
(the same pass `serve` runs every reconcile.interval_minutes). Prints
  pages=N posts=N seen=N recovered=N
(pages read, posts read, comments seen that are not the page's own, comments
new to the store). Exits 1 when a page failed (backed off, blocked, not stored).

  --config FILE  JSON config with "pages" (and "graph", "reconcile"); see README
  --db URL|PATH  the store: sqlite:PATH, postgresql://... or a SQLite file
                 (default var/turnaround.db, or the config's)
  --rules DIR    rule packs (default rules, or the config's)
)";

int Usage(const std::string& problem) {
  std::fprintf(stderr, "turnaround reconcile: %s\n\n%s", problem.c_str(), kReconcileUsage);
  return 2;
}

int Fail(const std::string& problem) {
  std::fprintf(stderr, "turnaround reconcile: %s\n", problem.c_str());
  return 1;
}

// Flags override the file. Returns -1 to go on, or an exit code.
int Parse(const Args& args, Config* config) {
  bool once = false;
  std::string file, db, rules;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kReconcileUsage, stdout);
      return 0;
    }
    if (a == "--once") {
      once = true;
      continue;
    }
    std::string* target = a == "--config" ? &file : a == "--db" ? &db : a == "--rules" ? &rules : nullptr;
    if (!target) return Usage("unknown option '" + a + "'");
    if (i + 1 >= args.size()) return Usage("missing value for " + a);
    *target = args[++i];
  }
  if (!once) return Usage("only --once is supported here; `serve` runs the poll on its timer");
  if (!file.empty()) {
    core::Status s = LoadConfigFile(file, config);
    if (!s.ok()) return Usage(s.message());
  }
  if (!db.empty()) {
    if (core::Status s = CheckDb("--db", db); !s.ok()) return Usage(s.message());
    config->db = db;
  }
  if (!rules.empty()) config->rules_dir = rules;
  return -1;
}

}  // namespace

int RunReconcile(const Args& args) {
  Config config;
  if (int rc = Parse(args, &config); rc >= 0) return rc;
  if (config.pages.empty()) return Fail("no pages configured: add a \"pages\" list to the config");
  auto rules = classify::Classifier::Load(config.rules_dir, {.run_examples = false});
  if (!rules.ok()) return Fail("rules in " + config.rules_dir + " did not load:\n" + rules.status().message());
  classify::ClassifierHolder classifier(std::move(rules).value());
  const core::Clock& clock = core::SystemClock::Instance();
  const std::string db_url = store::sql::DbUrl(config.db);
  auto writer = store::DeliveryWriter::OpenUrl(db_url, clock, WriterOptionsFrom(config));
  if (!writer.ok()) return Fail(writer.status().message());
  auto pool = store::sql::OpenPool(db_url);
  if (!pool.ok()) return Fail(pool.status().message());
  store::ItemStore items(std::move(pool).value());
  graph::HttpGraphClient client({config.graph.base_url, config.graph.version, config.graph.timeout_s});

  reconcile::Reconciler reconciler(client, *writer.value(), classifier, clock, ReconcileTargets(config),
                                   config.reconcile,
                                   [&items](const model::Event& e) { return items.Record(e); });
  reconcile::RunReport run = reconciler.RunOnce();
  writer.value()->Shutdown();
  std::printf("pages=%d posts=%d seen=%d recovered=%d\n", run.PagesRead(), run.Posts(), run.Seen(),
              run.Recovered());
  return run.AnyFailed() ? 1 : 0;
}

}  // namespace turnaround::app
