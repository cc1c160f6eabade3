// PagePass: the Graph calls of one page's reconciliation pass and what they
// found. Used by the Reconciler only; no storing, no shared state.
#pragma once

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "graph/graph_client.h"
#include "model/comment.h"

namespace turnaround::reconcile {

struct Settings;
struct PageReport;

class PagePass {
 public:
  // `stopping` is polled before each call; all references must outlive Run().
  PagePass(graph::GraphClient& graph, const graph::Target& page, const Settings& settings,
           core::TimeMs now, const std::atomic<bool>& stopping, PageReport& report);

  // Reads posts, their comments, then replies while the budget lasts. Fills
  // the report's counts and, when it stops early, its outcome and detail.
  void Run();

  // Comments to store: not ours, within the lookback, in listing order.
  std::vector<model::Comment>& comments() { return comments_; }
  // How long the platform asked us to wait (0 if it did not say).
  core::TimeMs asked_ms() const { return asked_ms_; }

 private:
  bool MayCall();
  template <typename T>
  bool Accept(const graph::GraphResult<T>& r, bool about_page);
  void ReadPosts(std::vector<std::string>* posts);
  void ReadComments(const std::string& post_id, const std::string& parent_comment_id,
                    std::vector<std::pair<std::string, std::string>>* top_level);

  graph::GraphClient& graph_;
  const graph::Target& page_;
  const Settings& settings_;
  const core::TimeMs cutoff_ms_;
  const std::atomic<bool>& stopping_;
  PageReport& report_;
  std::vector<model::Comment> comments_;
  core::TimeMs asked_ms_ = 0;
  bool stop_ = false;
};

}  // namespace turnaround::reconcile
