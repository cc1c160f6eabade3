// turnaround_seed: fills a database with synthetic comments for benchmarks,
// through the real DeliveryWriter (so items, events and indexes are what the
// server would have written), 100 comments per delivery.
//
//   turnaround_seed --db PATH --comments N [--flagged-percent 10]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/clock.h"
#include "store/delivery_writer.h"

int main(int argc, char** argv) {
  std::string db;
  long comments = 0;
  int flagged_percent = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db") db = argv[i + 1];
    else if (a == "--comments") comments = std::atol(argv[i + 1]);
    else if (a == "--flagged-percent") flagged_percent = std::atoi(argv[i + 1]);
  }
  if (db.empty() || comments <= 0) {
    std::fprintf(stderr, "usage: turnaround_seed --db PATH --comments N [--flagged-percent 10]\n");
    return 2;
  }
  auto writer = turnaround::store::DeliveryWriter::Open(db, turnaround::core::SystemClock::Instance());
  if (!writer.ok()) {
    std::fprintf(stderr, "%s\n", writer.status().message().c_str());
    return 1;
  }
  static const char* kCategories[] = {"wait_time", "billing", "staff_attitude", "scheduling", "communication"};
  static const turnaround::model::Severity kSev[] = {turnaround::model::Severity::kLow, turnaround::model::Severity::kNormal,
                                                     turnaround::model::Severity::kNormal, turnaround::model::Severity::kHigh};
  const std::int64_t now = turnaround::core::SystemClock::Instance().NowMs();
  for (long base = 0; base < comments; base += 100) {
    turnaround::ingest::DeliveryRecord rec;
    rec.endpoint = "meta";
    rec.accepted = true;
    rec.body = "{\"seeded\":true}";
    for (long n = base; n < std::min(comments, base + 100); ++n) {
      turnaround::ingest::CommentWrite w;
      w.comment.platform = n % 3 ? "facebook" : "instagram";
      w.comment.external_id = "seed_" + std::to_string(n);
      w.comment.page_id = "1001";
      w.comment.post_id = "1001_" + std::to_string(n / 1000);
      w.comment.author_id = std::to_string(100000 + n % 50000);
      w.comment.author_name = "Seeded Person";
      w.comment.text = "Seeded comment number " + std::to_string(n) + " about waiting and billing and parking";
      w.comment.created_at_ms = now - (comments - n) * 1000;
      turnaround::model::Verdict v;
      v.is_complaint = (n % 100) < flagged_percent;
      v.category = kCategories[n % 5];
      v.severity = kSev[n % 4];
      v.rules_version = "seed";
      w.verdict = v;
      rec.writes.push_back(std::move(w));
    }
    auto out = writer.value()->Write(std::move(rec));
    if (!out.ok()) {
      std::fprintf(stderr, "%s\n", out.status().message().c_str());
      return 1;
    }
  }
  std::printf("seeded %ld comments\n", comments);
  return 0;
}
