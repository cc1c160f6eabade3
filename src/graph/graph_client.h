// GraphClient: the outbound port to Meta's Graph API — public replies,
// hide/unhide, private replies, and reading posts/media and their comments
// (for reconciliation). Facebook and Instagram differ only in endpoint shapes,
// which stay behind this interface (see http_graph_client.cpp).
//
// Every call answers a GraphResult: the value, or a GraphFailure classified as
// transient (worth retrying later: 5xx, timeouts, connection errors, rate
// limits) or permanent (retrying cannot help: expired token, missing
// permission, deleted comment, blocked). Calls never throw.
//
// Thread behaviour: implementations are thread-safe; a call blocks for at most
// the configured timeout and holds no lock of the caller's.
//
//   HttpGraphClient client({.base_url = "https://graph.facebook.com"});
//   auto r = client.PublicReply({"facebook", page_id, comment_id, token}, "Thank you...");
//   if (r.ok()) store r.value->id; else if (r.failure.kind == FailureKind::kTransient) retry later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace turnaround::graph {

enum class FailureKind { kTransient, kPermanent };

const char* FailureKindName(FailureKind k);  // "transient" | "permanent"

struct GraphFailure {
  FailureKind kind = FailureKind::kTransient;
  int http_status = 0;  // 0: no HTTP answer (connection error or timeout)
  int code = 0;         // Graph error code (0 when the body had none)
  int subcode = 0;
  std::string message;  // the platform's message, or what went wrong locally
  // How long the platform asked us to wait (Retry-After, or the business
  // use case's estimated_time_to_regain_access); 0 when it did not say.
  std::int64_t retry_after_ms = 0;
  // No answer came, but the request may have reached the platform (the
  // connection broke or timed out after it was sent): a post may have
  // happened, so check before sending it again.
  bool maybe_done = false;
};

// What the X-App-Usage / X-Business-Use-Case-Usage headers said: percentages
// of the rate limit used (-1 when absent), so pollers can slow down.
struct Usage {
  int call_count = -1;
  int total_cputime = -1;
  int total_time = -1;
  std::int64_t regain_access_ms = 0;  // from estimated_time_to_regain_access
  int MaxPercent() const;             // the highest of the three (-1 if none)
};

template <typename T>
struct GraphResult {
  std::optional<T> value;  // set on success
  GraphFailure failure;    // meaningful only when !ok()
  Usage usage;
  bool ok() const { return value.has_value(); }
};

// Whom a call acts as and on what. `platform` is "facebook" or "instagram";
// `page_id` is the Facebook page id or the Instagram professional account id;
// `object_id` the comment (or post/media) the call is about.
struct Target {
  std::string platform;
  std::string page_id;
  std::string object_id;
  std::string access_token;  // a secret: never logged
};

struct Posted {
  std::string id;  // the platform's id of what we created
};

struct RemoteComment {
  std::string id, parent_id, from_id, from_name, text;
  std::int64_t created_at_ms = 0;  // 0 when the platform did not say
};

struct RemotePost {
  std::string id;
  std::int64_t created_at_ms = 0;
};

// What ListComments reads: replies under a comment, or comments on a
// post/media (Instagram uses different edges for the two).
enum class CommentsOf { kPost, kComment };

template <typename T>
struct Page {
  std::vector<T> data;
  std::string next_cursor;  // "" on the last page
};

// Classifies a Graph error by HTTP status and Graph code/subcode:
// transient: HTTP 5xx/429, codes 1, 2, 4, 17, 32, 341, 613, 80001..80014;
// permanent: 190 (token), 10 and 200..299 (permission), 100 (bad/deleted
// object), 368 (blocked) and any other 4xx.
FailureKind ClassifyGraphError(int http_status, int code);

class GraphClient {
 public:
  virtual ~GraphClient() = default;

  // Facebook: POST /{comment-id}/comments; Instagram: POST /{ig-comment-id}/replies.
  virtual GraphResult<Posted> PublicReply(const Target& t, const std::string& text) = 0;
  // Facebook: POST /{comment-id}?is_hidden=; Instagram: POST /{ig-comment-id}?hide=.
  virtual GraphResult<bool> SetHidden(const Target& t, bool hidden) = 0;
  // POST /{page-id}/messages with recipient={"comment_id":...}: one per
  // comment, within 7 days of it (the platform refuses otherwise).
  virtual GraphResult<Posted> PrivateReply(const Target& t, const std::string& text) = 0;
  // Replies under a comment or comments on a post/media (`t.object_id`),
  // in the platform's order; `cursor` "" or from a previous page.
  virtual GraphResult<Page<RemoteComment>> ListComments(const Target& t, CommentsOf of,
                                                        const std::string& cursor, int limit) = 0;
  // Recent posts of a page (/{page-id}/feed) or media of an Instagram
  // account (/{ig-id}/media); `t.object_id` is ignored.
  virtual GraphResult<Page<RemotePost>> ListPosts(const Target& t, const std::string& cursor,
                                                  int limit) = 0;
};

}  // namespace turnaround::graph
