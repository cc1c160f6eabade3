#include "graph/http_graph_client.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/clock.h"

namespace turnaround::graph {
namespace {

using nlohmann::json;

int Percent(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_number() ? it->get<int>() : -1;
}

void MergeUsage(const json& obj, Usage* u) {
  if (!obj.is_object()) return;
  u->call_count = std::max(u->call_count, Percent(obj, "call_count"));
  u->total_cputime = std::max(u->total_cputime, Percent(obj, "total_cputime"));
  u->total_time = std::max(u->total_time, Percent(obj, "total_time"));
  auto regain = obj.find("estimated_time_to_regain_access");  // minutes
  if (regain != obj.end() && regain->is_number_integer()) {
    u->regain_access_ms = std::max<std::int64_t>(u->regain_access_ms, regain->get<std::int64_t>() * 60000);
  }
}

// X-App-Usage is one object; X-Business-Use-Case-Usage maps a business id to
// a list of objects, one per use case. Malformed headers are ignored.
Usage ParseUsage(const httplib::Headers& headers) {
  Usage u;
  if (auto it = headers.find("X-App-Usage"); it != headers.end()) {
    MergeUsage(json::parse(it->second, nullptr, false), &u);
  }
  if (auto it = headers.find("X-Business-Use-Case-Usage"); it != headers.end()) {
    json buc = json::parse(it->second, nullptr, false);
    if (buc.is_object()) {
      for (const auto& [id, cases] : buc.items()) {
        if (!cases.is_array()) continue;
        for (const auto& c : cases) MergeUsage(c, &u);
      }
    }
  }
  return u;
}

std::int64_t RetryAfterMs(const httplib::Headers& headers, const Usage& usage) {
  if (auto it = headers.find("Retry-After"); it != headers.end()) {
    std::int64_t s = 0;
    const std::string& v = it->second;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), s);
    if (ec == std::errc() && s >= 0) return s * 1000;  // an HTTP-date form is not used by Graph
  }
  return usage.regain_access_ms;
}

// Sends one call and returns the parsed JSON object of a 2xx answer, or the
// classified failure.
GraphResult<json> Send(const GraphSettings& settings, bool post, const std::string& path,
                       const httplib::Params& params) {
  GraphResult<json> out;
  httplib::Client cli(settings.base_url);
  if (!cli.is_valid()) {
    out.failure = {FailureKind::kPermanent, 0, 0, 0, "graph.base_url is not a usable URL", 0, false};
    return out;
  }
  cli.set_connection_timeout(settings.timeout_s, 0);
  cli.set_read_timeout(settings.timeout_s, 0);
  cli.set_write_timeout(settings.timeout_s, 0);
  const std::string full = "/" + settings.version + path;
  httplib::Result r = post ? cli.Post(full, params) : cli.Get(full, params, httplib::Headers{});
  if (!r) {
    const httplib::Error e = r.error();
    const bool never_sent = e == httplib::Error::Connection || e == httplib::Error::ConnectionTimeout ||
                            e == httplib::Error::SSLConnection || e == httplib::Error::SSLLoadingCerts ||
                            e == httplib::Error::SSLServerVerification || e == httplib::Error::BindIPAddress;
    out.failure = {FailureKind::kTransient, 0, 0, 0,
                   "no answer from the Graph API (" + httplib::to_string(e) + ")", 0, !never_sent};
    return out;
  }
  out.usage = ParseUsage(r->headers);
  json body = json::parse(r->body, nullptr, false);
  const bool has_error = body.is_object() && body.contains("error");
  if (r->status >= 200 && r->status < 300 && body.is_object() && !has_error) {
    out.value = std::move(body);
    return out;
  }
  GraphFailure& f = out.failure;
  f.http_status = r->status;
  f.message = "HTTP " + std::to_string(r->status) + " without a Graph error body";
  if (has_error && body["error"].is_object()) {
    const json& e = body["error"];
    f.code = e.value("code", 0);
    f.subcode = e.value("error_subcode", 0);
    f.message = e.value("message", f.message);
  }
  f.kind = ClassifyGraphError(r->status, f.code);
  f.retry_after_ms = RetryAfterMs(r->headers, out.usage);
  return out;
}

template <typename T, typename Fn>
GraphResult<T> Map(GraphResult<json> r, Fn&& fn) {
  GraphResult<T> out;
  out.usage = r.usage;
  out.failure = std::move(r.failure);
  if (!r.ok()) return out;
  std::optional<T> v = fn(*r.value);
  if (v) {
    out.value = std::move(v);
  } else {
    // Permanent: after a 2xx the action may have happened, and repeating a
    // post could publish it twice.
    out.failure = {FailureKind::kPermanent, 200, 0, 0,
                   "the Graph API answered success in an unexpected shape; check the platform", 0, false};
  }
  return out;
}

std::optional<Posted> IdField(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
  return Posted{it->get<std::string>()};
}

// Graph times look like "2026-11-24T05:00:00+0000" (no colon in the offset).
std::int64_t GraphTime(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return 0;
  std::string t = it->get<std::string>();
  if (t.size() > 5 && (t[t.size() - 5] == '+' || t[t.size() - 5] == '-')) t.insert(t.size() - 2, ":");
  return core::ParseRfc3339(t).value_or(0);
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string NextCursor(const json& page) {
  auto paging = page.find("paging");
  if (paging == page.end() || !paging->is_object() || !paging->contains("next")) return "";
  auto cursors = paging->find("cursors");
  return cursors != paging->end() && cursors->is_object() ? Str(*cursors, "after") : "";
}

RemoteComment ReadComment(const json& c, bool instagram) {
  RemoteComment rc;
  rc.id = Str(c, "id");
  rc.text = Str(c, instagram ? "text" : "message");
  rc.created_at_ms = GraphTime(c, instagram ? "timestamp" : "created_time");
  if (auto from = c.find("from"); from != c.end() && from->is_object()) {
    rc.from_id = Str(*from, "id");
    rc.from_name = Str(*from, instagram ? "username" : "name");
  }
  if (instagram) {
    rc.parent_id = Str(c, "parent_id");
  } else if (auto parent = c.find("parent"); parent != c.end() && parent->is_object()) {
    rc.parent_id = Str(*parent, "id");
  }
  return rc;
}

httplib::Params PageParams(const Target& t, const char* fields, const std::string& cursor, int limit) {
  httplib::Params p{{"access_token", t.access_token}, {"fields", fields}, {"limit", std::to_string(limit)}};
  if (!cursor.empty()) p.emplace("after", cursor);
  return p;
}

}  // namespace

const char* FailureKindName(FailureKind k) { return k == FailureKind::kTransient ? "transient" : "permanent"; }

int Usage::MaxPercent() const { return std::max({call_count, total_cputime, total_time}); }

FailureKind ClassifyGraphError(int http_status, int code) {
  switch (code) {
    case 1: case 2: case 4: case 17: case 32: case 341: case 613:
      return FailureKind::kTransient;  // temporary platform trouble and rate limits
    case 10: case 100: case 190: case 368:
      return FailureKind::kPermanent;
    default:
      break;
  }
  if (code >= 80001 && code <= 80014) return FailureKind::kTransient;  // business use case rate limits
  if (code >= 200 && code <= 299) return FailureKind::kPermanent;      // permission missing
  if (http_status == 0 || http_status == 429 || http_status >= 500) return FailureKind::kTransient;
  return FailureKind::kPermanent;
}

GraphResult<Posted> HttpGraphClient::PublicReply(const Target& t, const std::string& text) {
  const char* edge = t.platform == "instagram" ? "/replies" : "/comments";
  auto r = Send(settings_, true, "/" + t.object_id + edge, {{"access_token", t.access_token}, {"message", text}});
  return Map<Posted>(std::move(r), [](const json& j) { return IdField(j, "id"); });
}

GraphResult<bool> HttpGraphClient::SetHidden(const Target& t, bool hidden) {
  const char* field = t.platform == "instagram" ? "hide" : "is_hidden";
  auto r = Send(settings_, true, "/" + t.object_id,
                {{"access_token", t.access_token}, {field, hidden ? "true" : "false"}});
  return Map<bool>(std::move(r), [](const json& j) -> std::optional<bool> {
    auto s = j.find("success");
    if (s == j.end() || !s->is_boolean() || !s->get<bool>()) return std::nullopt;
    return true;
  });
}

GraphResult<Posted> HttpGraphClient::PrivateReply(const Target& t, const std::string& text) {
  const std::string recipient = json{{"comment_id", t.object_id}}.dump();
  const std::string message = json{{"text", text}}.dump(-1, ' ', false, json::error_handler_t::replace);
  auto r = Send(settings_, true, "/" + t.page_id + "/messages",
                {{"access_token", t.access_token}, {"recipient", recipient}, {"message", message}});
  return Map<Posted>(std::move(r), [](const json& j) { return IdField(j, "message_id"); });
}

GraphResult<Page<RemoteComment>> HttpGraphClient::ListComments(const Target& t, CommentsOf of,
                                                               const std::string& cursor, int limit) {
  const bool ig = t.platform == "instagram";
  const char* edge = ig && of == CommentsOf::kComment ? "/replies" : "/comments";
  const char* fields = ig ? "id,text,timestamp,from{id,username},parent_id"
                          : "id,message,created_time,from{id,name},parent{id}";
  auto r = Send(settings_, false, "/" + t.object_id + edge, PageParams(t, fields, cursor, limit));
  return Map<Page<RemoteComment>>(std::move(r), [ig](const json& j) -> std::optional<Page<RemoteComment>> {
    auto data = j.find("data");
    if (data == j.end() || !data->is_array()) return std::nullopt;
    Page<RemoteComment> page;
    for (const auto& c : *data) {
      if (c.is_object()) page.data.push_back(ReadComment(c, ig));
    }
    page.next_cursor = NextCursor(j);
    return page;
  });
}

GraphResult<Page<RemotePost>> HttpGraphClient::ListPosts(const Target& t, const std::string& cursor, int limit) {
  const bool ig = t.platform == "instagram";
  auto r = Send(settings_, false, "/" + t.page_id + (ig ? "/media" : "/feed"),
                PageParams(t, ig ? "id,timestamp" : "id,created_time", cursor, limit));
  return Map<Page<RemotePost>>(std::move(r), [ig](const json& j) -> std::optional<Page<RemotePost>> {
    auto data = j.find("data");
    if (data == j.end() || !data->is_array()) return std::nullopt;
    Page<RemotePost> page;
    for (const auto& p : *data) {
      if (p.is_object()) page.data.push_back({Str(p, "id"), GraphTime(p, ig ? "timestamp" : "created_time")});
    }
    page.next_cursor = NextCursor(j);
    return page;
  });
}

}  // namespace turnaround::graph
