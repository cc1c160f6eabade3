// FakeGraphServer: a stand-in for Meta's Graph API on 127.0.0.1 (port 0),
// for tests of the Graph client, the outbox sender and the real binary.
//
// It records every request (method, path, parameters) when it arrives, and
// by default behaves like the platform: a reply creates a comment (listed
// afterwards under its parent, from the configured page), hide/unhide
// succeed, a private reply answers a message id, listings page through what
// was created or seeded. Script() overrides the next answers for one path:
// 5xx, rate limits with Retry-After, expired token, deleted comment, or a
// hang that applies the effect and then holds the answer (the platform did
// it but the caller never heard back). Thread-safe.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace turnaround::testing {

class FakeGraphServer {
 public:
  struct Request {
    std::string method, path;
    std::multimap<std::string, std::string> params;  // query and form fields
    std::string Param(const std::string& key) const;
  };
  struct Reply {
    int status = 200;
    std::string body;  // "" with 200: the default behaviour
    std::map<std::string, std::string> headers;
    bool hang = false;  // hold the answer until released (after the default effect, with 200 and no body)
  };
  static Reply ServerError() { return {503, R"({"error":{"message":"Service temporarily unavailable","type":"OAuthException","code":2}})", {}, false}; }
  static Reply RateLimited(int retry_after_s) {
    return {429, R"({"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4}})",
            {{"Retry-After", std::to_string(retry_after_s)}}, false};
  }
  static Reply ExpiredToken() {
    return {400, R"({"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,"error_subcode":463}})", {}, false};
  }
  static Reply DeletedComment() {
    return {400, R"({"error":{"message":"Unsupported post request. Object with ID does not exist","type":"GraphMethodException","code":100,"error_subcode":33}})", {}, false};
  }
  static Reply Hang() { return {200, "", {}, true}; }
  // The request arrives but is not carried out, and the answer (a 503) is held.
  static Reply HangWithoutDoing() {
    Reply r = ServerError();
    r.hang = true;
    return r;
  }

  FakeGraphServer();
  ~FakeGraphServer();  // releases hung requests, then stops
  FakeGraphServer(const FakeGraphServer&) = delete;  // owns a listening thread
  FakeGraphServer& operator=(const FakeGraphServer&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }

  // The next requests to `path` (e.g. "/v21.0/c1/comments") get `replies` in order.
  void Script(const std::string& path, std::vector<Reply> replies);
  // Lets hung requests answer (their callers may be gone).
  void ReleaseHangs();
  // Who replies and comments created through the fake are "from".
  void SetPageId(const std::string& page_id);
  // A comment already on the platform under `parent` (a post or comment id).
  void SeedComment(const std::string& parent, const std::string& id, const std::string& from_id,
                   const std::string& text, const std::string& created_time);
  void SeedPost(const std::string& page, const std::string& id, const std::string& created_time);

  std::vector<Request> Requests() const;
  // Requests with this method whose path ends with `suffix`.
  int Count(const std::string& method, const std::string& suffix) const;
  // Blocks until Count() reaches `n` or `timeout_ms` passes; returns whether it did.
  bool WaitFor(const std::string& method, const std::string& suffix, int n, int timeout_ms) const;

 private:
  struct StoredComment {
    std::string id, parent, from_id, text, created_time;
    bool post = false;
  };
  void Handle(const httplib::Request& req, httplib::Response& res);
  void DefaultAnswer(const Request& r, httplib::Response& res);  // caller holds mu_
  void Listing(const Request& r, const std::string& parent, bool posts, httplib::Response& res);

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::vector<Request> requests_;                         // guarded by mu_
  std::map<std::string, std::deque<Reply>> scripts_;      // guarded by mu_
  std::vector<StoredComment> comments_;                   // guarded by mu_ (posts too)
  std::string page_id_ = "page-1";                        // guarded by mu_
  int next_id_ = 1;                                       // guarded by mu_
  bool released_ = false;                                 // guarded by mu_
};

}  // namespace turnaround::testing
