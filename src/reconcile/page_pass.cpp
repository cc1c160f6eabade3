#include "reconcile/page_pass.h"

#include <algorithm>

#include "reconcile/reconciler.h"
#include "reconcile/remote_comment.h"

namespace turnaround::reconcile {
namespace {

constexpr core::TimeMs kHourMs = 3600 * 1000;

// Failures that no other post or comment of the page can avoid: the token
// (190), permissions (10, 200..299) or a blocked page (368).
bool FailsWholePage(const graph::GraphFailure& f) {
  return f.code == 190 || f.code == 10 || (f.code >= 200 && f.code <= 299) || f.code == 368;
}

}  // namespace

PagePass::PagePass(graph::GraphClient& graph, const graph::Target& page, const Settings& settings,
                   core::TimeMs now, const std::atomic<bool>& stopping, PageReport& report)
    : graph_(graph),
      page_(page),
      settings_(settings),
      cutoff_ms_(now - settings.lookback_hours * kHourMs),
      stopping_(stopping),
      report_(report) {}

bool PagePass::MayCall() {
  if (stop_) return false;
  if (stopping_.load()) {
    report_.outcome = PageOutcome::kStopped;
    stop_ = true;
  } else if (report_.calls >= settings_.max_calls) {
    report_.outcome = PageOutcome::kBudget;
    report_.detail = "call budget of " + std::to_string(settings_.max_calls) + " used";
    stop_ = true;
  }
  return !stop_;
}

// Returns whether the answer carries a value to use; sets stop_ when the
// pass must end (after using that value, for a high usage header).
template <typename T>
bool PagePass::Accept(const graph::GraphResult<T>& r, bool about_page) {
  ++report_.calls;
  if (!r.ok()) {
    const graph::GraphFailure& f = r.failure;
    if (f.kind == graph::FailureKind::kTransient) {
      report_.outcome = PageOutcome::kBackedOff;
      report_.detail = "transient failure: " + f.message;
      asked_ms_ = f.retry_after_ms;
      stop_ = true;
    } else if (about_page || FailsWholePage(f)) {
      report_.outcome = PageOutcome::kBlocked;
      report_.detail = "permanent failure (code " + std::to_string(f.code) + "): " + f.message;
      stop_ = true;
    }
    // Otherwise the post or comment is gone (or unreadable): skip it alone.
    return false;
  }
  const int used = r.usage.MaxPercent();
  if (used > settings_.backoff_usage_percent) {
    report_.outcome = PageOutcome::kBackedOff;
    report_.detail = "usage " + std::to_string(used) + "% is above " +
                     std::to_string(settings_.backoff_usage_percent) + "%";
    asked_ms_ = r.usage.regain_access_ms;
    stop_ = true;
  }
  return true;
}

void PagePass::Run() {
  std::vector<std::string> posts;
  ReadPosts(&posts);
  std::vector<std::pair<std::string, std::string>> top_level;  // (post id, comment id)
  for (const std::string& post : posts) {
    if (stop_) break;
    ++report_.posts;
    ReadComments(post, "", &top_level);
  }
  if (!settings_.read_replies) return;
  // Replies last: every post's own comments matter more than any one thread.
  for (const auto& [post, comment] : top_level) {
    if (stop_) break;
    ReadComments(post, comment, nullptr);
  }
}

void PagePass::ReadPosts(std::vector<std::string>* posts) {
  const int max_posts = std::max(settings_.max_posts, 0);
  std::string cursor;
  while (static_cast<int>(posts->size()) < max_posts && MayCall()) {
    auto r = graph_.ListPosts(page_, cursor, std::min(std::max(settings_.page_size, 1), max_posts));
    if (!Accept(r, /*about_page=*/true)) return;
    bool any_recent = false;
    for (const graph::RemotePost& p : r.value->data) {
      if (p.created_at_ms > 0 && p.created_at_ms < cutoff_ms_) continue;
      any_recent = true;
      posts->push_back(p.id);
      if (static_cast<int>(posts->size()) >= max_posts) return;
    }
    cursor = r.value->next_cursor;
    // The feed is newest first: a page holding nothing recent ends it.
    if (cursor.empty() || !any_recent) return;
  }
}

void PagePass::ReadComments(const std::string& post_id, const std::string& parent_comment_id,
                            std::vector<std::pair<std::string, std::string>>* top_level) {
  graph::Target target = page_;
  target.object_id = parent_comment_id.empty() ? post_id : parent_comment_id;
  const graph::CommentsOf of = parent_comment_id.empty() ? graph::CommentsOf::kPost : graph::CommentsOf::kComment;
  const ListedUnder where{page_.platform, page_.page_id, post_id, parent_comment_id};
  std::string cursor;
  while (MayCall()) {
    auto r = graph_.ListComments(target, of, cursor, std::max(settings_.page_size, 1));
    if (!Accept(r, /*about_page=*/false)) return;
    for (const graph::RemoteComment& remote : r.value->data) {
      model::Comment c = ToComment(remote, where);
      if (c.created_at_ms > 0 && c.created_at_ms < cutoff_ms_) continue;
      // Replies under the page's own comments are customers' too.
      if (top_level) top_level->emplace_back(post_id, c.external_id);
      if (c.from_page) {
        ++report_.ours;
        continue;
      }
      ++report_.seen;
      comments_.push_back(std::move(c));
    }
    cursor = r.value->next_cursor;
    if (cursor.empty()) return;
  }
}

}  // namespace turnaround::reconcile
