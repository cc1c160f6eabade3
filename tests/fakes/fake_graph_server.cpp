#include "fakes/fake_graph_server.h"

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

namespace turnaround::testing {
namespace {

using nlohmann::json;

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;  // {"v21.0", object, [edge]}
}

std::string NowGraphTime() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+0000", &tm);
  return buf;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string FakeGraphServer::Request::Param(const std::string& key) const {
  auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

FakeGraphServer::FakeGraphServer() {
  server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); });
  server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); });
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeGraphServer::~FakeGraphServer() {
  ReleaseHangs();
  server_.stop();
  thread_.join();
}

void FakeGraphServer::Script(const std::string& path, std::vector<Reply> replies) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& r : replies) scripts_[path].push_back(std::move(r));
}

void FakeGraphServer::ReleaseHangs() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    released_ = true;
  }
  cv_.notify_all();
}

void FakeGraphServer::SetPageId(const std::string& page_id) {
  std::lock_guard<std::mutex> lock(mu_);
  page_id_ = page_id;
}

void FakeGraphServer::SeedComment(const std::string& parent, const std::string& id, const std::string& from_id,
                                  const std::string& text, const std::string& created_time) {
  std::lock_guard<std::mutex> lock(mu_);
  comments_.push_back({id, parent, from_id, text, created_time, false});
}

void FakeGraphServer::SeedPost(const std::string& page, const std::string& id, const std::string& created_time) {
  std::lock_guard<std::mutex> lock(mu_);
  comments_.push_back({id, page, page, "", created_time, true});
}

std::vector<FakeGraphServer::Request> FakeGraphServer::Requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

int FakeGraphServer::Count(const std::string& method, const std::string& suffix) const {
  std::lock_guard<std::mutex> lock(mu_);
  int n = 0;
  for (const auto& r : requests_) n += r.method == method && EndsWith(r.path, suffix) ? 1 : 0;
  return n;
}

bool FakeGraphServer::WaitFor(const std::string& method, const std::string& suffix, int n, int timeout_ms) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (Count(method, suffix) >= n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return Count(method, suffix) >= n;
}

void FakeGraphServer::Handle(const httplib::Request& req, httplib::Response& res) {
  Request r{req.method, req.path, {}};
  for (const auto& [k, v] : req.params) r.params.emplace(k, v);
  std::unique_lock<std::mutex> lock(mu_);
  requests_.push_back(r);
  Reply reply;
  if (auto it = scripts_.find(req.path); it != scripts_.end() && !it->second.empty()) {
    reply = std::move(it->second.front());
    it->second.pop_front();
  }
  if (reply.status == 200 && reply.body.empty()) {
    DefaultAnswer(r, res);
  } else {
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    res.set_content(reply.body, "application/json");
  }
  if (reply.hang) cv_.wait(lock, [this] { return released_; });
}

void FakeGraphServer::DefaultAnswer(const Request& r, httplib::Response& res) {
  std::vector<std::string> seg = Segments(r.path);
  const std::string object = seg.size() > 1 ? seg[1] : "";
  const std::string edge = seg.size() > 2 ? seg[2] : "";
  if (r.method == "POST" && (edge == "comments" || edge == "replies")) {
    const std::string id = object + "_fake" + std::to_string(next_id_++);
    comments_.push_back({id, object, page_id_, r.Param("message"), NowGraphTime(), false});
    return res.set_content(json{{"id", id}}.dump(), "application/json");
  }
  if (r.method == "POST" && edge == "messages") {
    return res.set_content(json{{"recipient_id", "psid-1"}, {"message_id", "m_fake" + std::to_string(next_id_++)}}.dump(),
                           "application/json");
  }
  if (r.method == "POST" && edge.empty()) return res.set_content(R"({"success":true})", "application/json");
  if (r.method == "GET" && (edge == "comments" || edge == "replies")) return Listing(r, object, false, res);
  if (r.method == "GET" && (edge == "feed" || edge == "media")) return Listing(r, object, true, res);
  res.status = 400;
  res.set_content(R"({"error":{"message":"Unknown path components","type":"OAuthException","code":2500}})",
                  "application/json");
}

void FakeGraphServer::Listing(const Request& r, const std::string& parent, bool posts, httplib::Response& res) {
  const std::string after = r.Param("after");
  const std::string limit_text = r.Param("limit");
  const size_t offset = after.empty() ? 0 : std::stoul(after);
  const size_t limit = limit_text.empty() ? 25 : std::stoul(limit_text);
  std::vector<const StoredComment*> all;
  for (const auto& c : comments_) {
    if (c.parent == parent && c.post == posts) all.push_back(&c);
  }
  json data = json::array();
  for (size_t i = offset; i < all.size() && i < offset + limit; ++i) {
    const StoredComment& c = *all[i];
    json j = {{"id", c.id}, {"created_time", c.created_time}, {"timestamp", c.created_time}};
    if (!posts) {
      j["message"] = c.text;
      j["text"] = c.text;
      j["from"] = {{"id", c.from_id}, {"name", c.from_id}, {"username", c.from_id}};
      j["parent"] = {{"id", c.parent}};
      j["parent_id"] = c.parent;
    }
    data.push_back(std::move(j));
  }
  json body = {{"data", data}};
  if (offset + limit < all.size()) {
    body["paging"] = {{"cursors", {{"after", std::to_string(offset + limit)}}}, {"next", base_url() + r.path}};
  }
  res.set_content(body.dump(), "application/json");
}

}  // namespace turnaround::testing
