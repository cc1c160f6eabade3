// Settings of the reconciliation poll (the config file's "reconcile" block).
#pragma once

namespace turnaround::reconcile {

struct Settings {
  // Minutes between passes in `serve`, the first one interval after start-up;
  // 0 turns the poll off (the `reconcile --once` verb still works).
  int interval_minutes = 10;
  // When above 0, the timer's period in milliseconds instead (tests only;
  // not a config key).
  long long tick_ms = 0;
  // Posts/media created longer ago than this are not read, nor older comments.
  int lookback_hours = 48;
  // Newest posts/media read per page per pass.
  int max_posts = 25;
  // Graph calls per page per pass at most: replies cost one call per comment,
  // so this is what keeps a busy page's pass cheap. Top-level comments of
  // every post are read before any replies.
  int max_calls = 200;
  // Back off when the usage headers report more than this percentage used.
  int backoff_usage_percent = 75;
  bool read_replies = true;
  // Items asked for per listing call (the Graph API's usual maximum; tests
  // lower it to exercise paging).
  int page_size = 100;
};

}  // namespace turnaround::reconcile
