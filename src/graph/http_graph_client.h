// HttpGraphClient: GraphClient over HTTPS with cpp-httplib (plain HTTP when
// the base URL says so, which is what tests use against a loopback fake).
//
// Each call opens its own connection, so the client is thread-safe and a slow
// call never blocks another. The access token travels as a form field (POST)
// or query parameter (GET) and appears in no log line and no failure message.
#pragma once

#include <string>

#include "graph/graph_client.h"

namespace turnaround::graph {

struct GraphSettings {
  std::string base_url = "https://graph.facebook.com";  // scheme://host[:port], no path
  std::string version = "v21.0";                        // path prefix of every call
  int timeout_s = 10;                                    // connect and read, each
};

class HttpGraphClient final : public GraphClient {
 public:
  explicit HttpGraphClient(GraphSettings settings) : settings_(std::move(settings)) {}

  GraphResult<Posted> PublicReply(const Target& t, const std::string& text) override;
  GraphResult<bool> SetHidden(const Target& t, bool hidden) override;
  GraphResult<Posted> PrivateReply(const Target& t, const std::string& text) override;
  GraphResult<Page<RemoteComment>> ListComments(const Target& t, CommentsOf of,
                                                const std::string& cursor, int limit) override;
  GraphResult<Page<RemotePost>> ListPosts(const Target& t, const std::string& cursor,
                                          int limit) override;

 private:
  const GraphSettings settings_;
};

}  // namespace turnaround::graph
