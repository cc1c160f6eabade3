#include "reconcile/reconciler.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <nlohmann/json.hpp>

#include "classify/verdict_json.h"
#include "core/log.h"
#include "reconcile/page_pass.h"

namespace turnaround::reconcile {
namespace {

constexpr core::TimeMs kMinuteMs = 60 * 1000;

std::string Key(const graph::Target& page) { return page.platform + ":" + page.page_id; }

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Ids and counts only: the log never carries comment text or author names.
void LogPage(const PageReport& r) {
  std::string line = "reconcile " + r.platform + ":" + r.page_id + " outcome=" + PageOutcomeName(r.outcome) +
                     " posts=" + std::to_string(r.posts) + " seen=" + std::to_string(r.seen) +
                     " ours=" + std::to_string(r.ours) + " recovered=" + std::to_string(r.recovered) +
                     " calls=" + std::to_string(r.calls) + " duration_ms=" + std::to_string(r.duration_ms);
  if (!r.detail.empty()) line += " (" + r.detail + ")";
  switch (r.outcome) {
    case PageOutcome::kOk:
    case PageOutcome::kBudget:
    case PageOutcome::kStopped:
      return core::LogInfo(line);
    case PageOutcome::kSkipped:
      return core::Log(core::LogLevel::kDebug, line);
    case PageOutcome::kBackedOff:
      return core::LogWarn(line);
    case PageOutcome::kBlocked:
    case PageOutcome::kStoreFailed:
      return core::LogError(line);
  }
}

}  // namespace

const char* PageOutcomeName(PageOutcome o) {
  switch (o) {
    case PageOutcome::kOk: return "ok";
    case PageOutcome::kBudget: return "budget";
    case PageOutcome::kBackedOff: return "backed_off";
    case PageOutcome::kBlocked: return "blocked";
    case PageOutcome::kSkipped: return "skipped";
    case PageOutcome::kStoreFailed: return "store_failed";
    case PageOutcome::kStopped: return "stopped";
  }
  return "unknown";
}

int RunReport::PagesRead() const {
  return static_cast<int>(std::count_if(pages.begin(), pages.end(),
                                        [](const PageReport& p) { return p.outcome != PageOutcome::kSkipped; }));
}
int RunReport::Posts() const {
  int n = 0;
  for (const PageReport& p : pages) n += p.posts;
  return n;
}
int RunReport::Seen() const {
  int n = 0;
  for (const PageReport& p : pages) n += p.seen;
  return n;
}
int RunReport::Recovered() const {
  int n = 0;
  for (const PageReport& p : pages) n += p.recovered;
  return n;
}
bool RunReport::AnyFailed() const {
  return std::any_of(pages.begin(), pages.end(), [](const PageReport& p) {
    return p.outcome == PageOutcome::kBackedOff || p.outcome == PageOutcome::kBlocked ||
           p.outcome == PageOutcome::kStoreFailed;
  });
}

Reconciler::Reconciler(graph::GraphClient& graph, ingest::DeliverySink& sink,
                       const classify::ClassifierHolder& classifier, const core::Clock& clock,
                       std::vector<graph::Target> pages, Settings settings, AuditFn audit)
    : graph_(graph),
      sink_(sink),
      classifier_(classifier),
      clock_(clock),
      pages_(std::move(pages)),
      settings_(settings),
      audit_(std::move(audit)),
      timer_(settings_.tick_ms > 0 ? std::chrono::milliseconds(settings_.tick_ms)
                                   : std::chrono::minutes(std::max(settings_.interval_minutes, 1)),
             [this] {
        // The timer fires at once when started; the first pass waits one
        // interval (webhooks redelivered after a restart come first, and a
        // start-up costs no Graph calls).
        if (!ticked_.exchange(true)) return;
        // The worker loop's backstop: a pass that throws is logged and the timer goes on.
        try {
          (void)RunOnce();
        } catch (const std::exception& e) {
          core::LogError(std::string("reconcile pass failed: ") + e.what());
        }
      }) {}

Reconciler::~Reconciler() { Stop(); }

void Reconciler::Start() {
  if (settings_.interval_minutes > 0 && !pages_.empty()) timer_.Start();
}

void Reconciler::Stop() {
  stopping_ = true;  // ends a pass in progress at its next Graph call
  timer_.Stop();
}

RunReport Reconciler::RunOnce() {
  RunReport out;
  if (running_.exchange(true)) {
    out.busy = true;
    return out;
  }
  struct Done {
    std::atomic<bool>& running;
    ~Done() { running = false; }
  } done{running_};
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++counters_.runs;
  }
  for (const graph::Target& page : pages_) {
    if (stopping_.load()) break;
    bool open = false;
    std::string detail;
    {
      std::lock_guard<std::mutex> lock(mu_);
      const PageGate& gate = gates_[Key(page)];
      open = gate.Open(clock_.NowMs());
      if (!open) {
        detail = (gate.blocked() ? "blocked: " + gate.reason() : std::string("backing off")) + " until " +
                 core::FormatRfc3339(gate.until_ms());
      }
    }
    if (open) {
      out.pages.push_back(RunPage(page, clock_.NowMs()));
    } else {
      PageReport skipped;
      skipped.platform = page.platform;
      skipped.page_id = page.page_id;
      skipped.outcome = PageOutcome::kSkipped;
      skipped.detail = detail;
      out.pages.push_back(std::move(skipped));
    }
    LogPage(out.pages.back());
  }
  return out;
}

PageReport Reconciler::RunPage(const graph::Target& page, core::TimeMs now) {
  const auto started = std::chrono::steady_clock::now();
  PageReport report;
  report.platform = page.platform;
  report.page_id = page.page_id;
  PagePass pass(graph_, page, settings_, now, stopping_, report);
  pass.Run();
  const PageOutcome pass_outcome = report.outcome;  // what the gate follows, whatever the store does
  std::vector<model::Comment>& comments = pass.comments();
  if (!comments.empty()) {
    ingest::DeliveryRecord rec;
    rec.endpoint = "reconcile";
    rec.received_at_ms = clock_.NowMs();
    rec.accepted = true;
    rec.http_status = 200;
    rec.reason = "poll of " + Key(page) + " posts=" + std::to_string(report.posts) +
                 " outcome=" + PageOutcomeName(report.outcome);
    // What was asked and how much came back; the comments are in their rows.
    rec.body = Dump({{"source", "graph"},
                     {"platform", page.platform},
                     {"page_id", page.page_id},
                     {"posts", report.posts},
                     {"comments", comments.size()},
                     {"calls", report.calls}});
    // One snapshot for the whole page, as the webhook pipeline does per delivery.
    std::shared_ptr<const classify::Classifier> classifier = classifier_.Get();
    rec.writes.reserve(comments.size());
    for (model::Comment& c : comments) {
      ingest::CommentWrite w;
      w.verdict = classifier->Classify(c.text);
      w.verdict_json = classify::VerdictJsonText(*w.verdict);
      w.comment = std::move(c);
      rec.writes.push_back(std::move(w));
    }
    auto stored = sink_.Write(std::move(rec));
    if (stored.ok()) {
      report.recovered = stored->created;
      if (report.recovered > 0 && audit_) {
        model::Event e;
        e.at_ms = clock_.NowMs();
        e.actor = "reconcile";
        e.kind = "reconcile.run";
        e.details = Dump({{"platform", page.platform},
                          {"page_id", page.page_id},
                          {"delivery_id", stored->delivery_id},
                          {"posts", report.posts},
                          {"seen", report.seen},
                          {"recovered", report.recovered},
                          {"flagged", stored->flagged}});
        core::Status audited = audit_(e);
        if (!audited.ok()) core::LogError("reconcile run not audited: " + audited.ToString());
      }
    } else {
      report.outcome = PageOutcome::kStoreFailed;
      report.detail = "could not store: " + stored.status().ToString();
    }
  }
  report.duration_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  Settle(page, report, pass_outcome, pass.asked_ms());
  return report;
}

void Reconciler::Settle(const graph::Target& page, const PageReport& report, PageOutcome pass_outcome,
                        core::TimeMs asked_ms) {
  const core::TimeMs now = clock_.NowMs();
  const core::TimeMs base = (settings_.interval_minutes > 0 ? settings_.interval_minutes : 10) * kMinuteMs;
  std::lock_guard<std::mutex> lock(mu_);
  PageGate& gate = gates_[Key(page)];
  counters_.seen += static_cast<std::uint64_t>(report.seen);
  counters_.recovered += static_cast<std::uint64_t>(report.recovered);
  if (report.outcome == PageOutcome::kStoreFailed) ++counters_.store_failures;
  switch (pass_outcome) {
    case PageOutcome::kOk:
    case PageOutcome::kBudget:
      gate.Passed();
      break;
    case PageOutcome::kBackedOff:
      gate.BackOff(now, asked_ms, base);
      ++counters_.backoffs;
      break;
    case PageOutcome::kBlocked:
      gate.Block(now, report.detail);
      ++counters_.permanent_failures;
      break;
    case PageOutcome::kStoreFailed:  // our own trouble, not the platform's: no backoff
    case PageOutcome::kSkipped:
    case PageOutcome::kStopped:
      break;
  }
}

Counters Reconciler::counters() const {
  const core::TimeMs now = clock_.NowMs();
  std::lock_guard<std::mutex> lock(mu_);
  Counters c = counters_;
  for (const auto& [key, gate] : gates_) {
    if (gate.Open(now)) continue;
    ++c.pages_waiting;
    if (gate.blocked()) ++c.pages_blocked;
  }
  return c;
}

}  // namespace turnaround::reconcile
