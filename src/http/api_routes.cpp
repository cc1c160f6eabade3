#include "http/api_routes.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "auth/password.h"
#include "auth/role.h"
#include "auth/token.h"
#include "core/log.h"
#include "http/api_json.h"
#include "http/errors.h"
#include "http/guard.h"

namespace turnaround::http {
namespace {

using nlohmann::json;
using Guarded = RoleHandler;

httplib::Server::Handler Guard(ApiContext& ctx, model::Role need, bool changes, Guarded h) {
  return WithRole(ctx.authn, need, changes, std::move(h));
}

// The request body as a JSON object ({} when empty).
core::Result<json> Body(const httplib::Request& req) {
  if (req.body.empty()) return json::object();
  json j = json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return core::InvalidArgument("body must be a JSON object");
  return j;
}

core::Status StringField(const json& body, const char* key, bool required, std::string* out) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required) return core::InvalidArgument(std::string(key) + ": required");
    return core::Status::Ok();
  }
  if (!it->is_string()) return core::InvalidArgument(std::string(key) + ": must be a string");
  *out = it->get<std::string>();
  if (required && out->find_first_not_of(" \t\r\n") == std::string::npos) {
    return core::InvalidArgument(std::string(key) + ": must not be empty");
  }
  return core::Status::Ok();
}

std::int64_t PathId(const httplib::Request& req) {
  std::int64_t id = 0;
  const std::string& s = req.matches[1];
  std::from_chars(s.data(), s.data() + s.size(), id);
  return id;
}

queue::Actor ActorOf(const Principal& p) { return {p.user.name, p.user.role}; }

void SendItem(ApiContext& ctx, httplib::Response& res, const core::Result<model::Item>& r) {
  if (!r.ok()) return SendError(res, r.status());
  auto view = ctx.items.Get(r->id);
  if (!view.ok()) return SendError(res, view.status());
  SendJson(res, 200, ItemJson(view.value(), ctx.clock.NowMs()));
}

// Everything a page depends on but the cursor (first pages only are cached);
// "me" is already the caller's name, so two agents' "mine" pages differ.
std::string FilterKey(const store::QueueFilter& f) {
  std::string key;
  for (model::ItemState s : f.states) key += std::string(model::ItemStateName(s)) + ",";
  for (const std::string* part : {&f.category, &f.severity, &f.platform, &f.assignee}) key += '\x1f' + *part;
  key += '\x1f' + std::to_string(f.limit);
  return key;
}

core::Status ParseFilter(const httplib::Request& req, const std::string& me, store::QueueFilter* f) {
  std::string states = req.has_param("state") ? req.get_param_value("state") : "";
  if (states.empty()) {
    f->states = {model::ItemState::kNew, model::ItemState::kClaimed, model::ItemState::kEscalated,
                 model::ItemState::kReplied};
  } else if (states != "all") {
    size_t pos = 0;
    while (pos <= states.size()) {
      size_t end = states.find(',', pos);
      if (end == std::string::npos) end = states.size();
      model::ItemState s;
      std::string name = states.substr(pos, end - pos);
      if (!model::ParseItemState(name, &s)) return core::InvalidArgument("state: unknown state '" + name + "'");
      f->states.push_back(s);
      pos = end + 1;
    }
  }
  f->category = req.get_param_value("category");
  f->severity = req.get_param_value("severity");
  model::Severity sev;
  if (!f->severity.empty() && !model::ParseSeverity(f->severity, &sev)) {
    return core::InvalidArgument("severity: must be low, normal, high or urgent");
  }
  f->platform = req.get_param_value("platform");
  f->assignee = req.get_param_value("assignee");
  if (f->assignee == "me") f->assignee = me;
  f->cursor = req.get_param_value("cursor");
  if (req.has_param("limit")) {
    const std::string l = req.get_param_value("limit");
    int limit = 0;
    auto [p, ec] = std::from_chars(l.data(), l.data() + l.size(), limit);
    if (ec != std::errc() || p != l.data() + l.size() || limit < 1 || limit > 200) {
      return core::InvalidArgument("limit: must be 1 to 200");
    }
    f->limit = limit;
  }
  return core::Status::Ok();
}

void Audit(ApiContext& ctx, const std::string& actor, const char* kind, const json& details) {
  model::Event e;
  e.at_ms = ctx.clock.NowMs();
  e.actor = actor;
  e.kind = kind;
  e.details = details.dump(-1, ' ', false, json::error_handler_t::replace);
  core::Status s = ctx.items.Record(e);
  if (!s.ok()) core::LogError("audit event " + std::string(kind) + " not recorded: " + s.ToString());
}

void RegisterSessionRoutes(httplib::Server& server, ApiContext& ctx) {
  server.Post("/api/login", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const std::int64_t now = ctx.clock.NowMs();
    core::Status admitted = ctx.throttle.Admit(req.remote_addr, now);
    if (!admitted.ok()) {
      for (const auto& [k, v] : admitted.fields()) {
        if (k == "retry_after_s") res.set_header("Retry-After", v);
      }
      return SendError(res, admitted);
    }
    auto body = Body(req);
    if (!body.ok()) return SendError(res, body.status());
    std::string name, password;
    if (auto s = StringField(*body, "username", true, &name); !s.ok()) return SendError(res, s);
    if (auto s = StringField(*body, "password", true, &password); !s.ok()) return SendError(res, s);
    auto user = ctx.authn.users().FindByName(name);
    // Verify against a dummy hash for unknown names so both take as long.
    std::string stored = user.ok() ? user->password_hash : std::string(auth::DummyPasswordHash());
    auto match = auth::VerifyPassword(password, stored);
    if (!user.ok() || !match.ok() || !*match || user->disabled) {
      Audit(ctx, name.substr(0, 64), "auth.login_failed", {{"address", req.remote_addr}});
      if (ctx.throttle.Failed(req.remote_addr, now)) {
        Audit(ctx, "system", "auth.lockout", {{"address", req.remote_addr}, {"user", name.substr(0, 64)}});
      }
      return SendError(res, core::Unauthenticated("wrong user name or password"));
    }
    ctx.throttle.Succeeded(req.remote_addr);
    auto sid = auth::GenerateSessionId();
    auto csrf = auth::GenerateCsrfToken();
    if (!sid.ok() || !csrf.ok()) return SendError(res, core::Internal("could not create a session"));
    core::Status s = ctx.authn.users().CreateSession(auth::HashToken(*sid), user->id, *csrf, now,
                                                     now + ctx.session_ttl_s * 1000);
    if (!s.ok()) return SendError(res, s);
    Audit(ctx, user->name, "auth.login", {{"address", req.remote_addr}});
    res.set_header("Set-Cookie", ctx.authn.SessionCookie(*sid, ctx.session_ttl_s));
    SendJson(res, 200,
             {{"user", {{"name", user->name}, {"role", auth::RoleName(user->role)}}}, {"csrf_token", *csrf}});
  });
  server.Get("/api/me", Guard(ctx, model::Role::kAgent, false,
                              [](const httplib::Request&, httplib::Response& res, const Principal& p) {
                                SendJson(res, 200,
                                         {{"user", {{"name", p.user.name}, {"role", auth::RoleName(p.user.role)}}},
                                          {"csrf_token", p.via_session ? json(p.csrf_token) : json(nullptr)}});
                              }));
  server.Post("/api/logout", Guard(ctx, model::Role::kAgent, true,
                                   [&ctx](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                                     if (p.via_session) {
                                       (void)ctx.authn.users().DeleteSession(
                                           auth::HashToken(CookieValue(req, kSessionCookie)));
                                     }
                                     Audit(ctx, p.user.name, "auth.logout", json::object());
                                     res.set_header("Set-Cookie", ctx.authn.ClearedCookie());
                                     SendJson(res, 200, {{"ok", true}});
                                   }));
}

void RegisterQueueRoutes(httplib::Server& server, ApiContext& ctx) {
  server.Get("/api/queue", Guard(ctx, model::Role::kAgent, false,
                                 [&ctx](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                                   store::QueueFilter f;
                                   if (auto s = ParseFilter(req, p.user.name, &f); !s.ok()) return SendError(res, s);
                                   auto render = [&ctx, &f]() -> core::Result<std::string> {
                                     auto page = ctx.queue.List(f);
                                     if (!page.ok()) return page.status();
                                     const std::int64_t now = ctx.clock.NowMs();
                                     // Written directly, not through a json tree: this is the
                                     // API's hottest read (README, Performance).
                                     core::JsonWriter w;
                                     w.BeginObject().Key("items").BeginArray();
                                     for (const auto& v : page->items) WriteItemJson(w, v, now);
                                     w.EndArray().Key("next_cursor");
                                     if (page->next_cursor.empty()) w.Null();
                                     else w.String(page->next_cursor);
                                     w.EndObject();
                                     return w.Take();
                                   };
                                   // Only first pages are kept: every open page polls one, while a
                                   // cursor is one agent scrolling once.
                                   if (!f.cursor.empty() || !ctx.queue_pages || !ctx.queue_pages->enabled()) {
                                     auto body = render();
                                     if (!body.ok()) return SendError(res, body.status());
                                     return SendJsonText(res, 200, std::move(body).value());
                                   }
                                   auto body = ctx.queue_pages->Get(FilterKey(f), ctx.items.changes(), render);
                                   if (!body.ok()) return SendError(res, body.status());
                                   SendJsonText(res, 200, **body);
                                 }));
  server.Get(R"(/api/items/(\d+))", Guard(ctx, model::Role::kAgent, false,
                                          [&ctx](const httplib::Request& req, httplib::Response& res, const Principal&) {
                                            auto d = ctx.queue.Detail(PathId(req));
                                            if (!d.ok()) return SendError(res, d.status());
                                            json j = DetailJson(d.value(), ctx.clock.NowMs());
                                            queue::PrivateReplyStatus pr = ctx.queue.PrivateReplyAvailability(d->view);
                                            j["private_reply"] = {{"available", pr.available},
                                                                  {"reason", pr.available ? json(nullptr) : json(pr.reason)}};
                                            SendJson(res, 200, j);
                                          }));
  server.Get(R"(/api/items/(\d+)/suggestions)",
             Guard(ctx, model::Role::kAgent, false,
                   [&ctx](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                     auto s = ctx.queue.Suggestions(PathId(req), ActorOf(p));
                     if (!s.ok()) return SendError(res, s.status());
                     json out = json::array();
                     for (const auto& sug : s.value()) {
                       out.push_back({{"template_id", sug.template_id},
                                      {"title", sug.title},
                                      {"text", sug.text},
                                      {"missing", sug.missing}});
                     }
                     SendJson(res, 200, {{"suggestions", std::move(out)}});
                   }));

  auto action = [&ctx](auto fn) {
    return Guard(ctx, model::Role::kAgent, true,
                 [&ctx, fn](const httplib::Request& req, httplib::Response& res, const Principal& p) {
                   auto body = Body(req);
                   if (!body.ok()) return SendError(res, body.status());
                   fn(req, res, p, body.value());
                 });
  };
  server.Post(R"(/api/items/(\d+)/claim)", action([&ctx](auto& req, auto& res, auto& p, const json&) {
                SendItem(ctx, res, ctx.queue.Claim(PathId(req), ActorOf(p)));
              }));
  server.Post(R"(/api/items/(\d+)/release)", action([&ctx](auto& req, auto& res, auto& p, const json&) {
                SendItem(ctx, res, ctx.queue.Release(PathId(req), ActorOf(p)));
              }));
  server.Post(R"(/api/items/(\d+)/reply)", action([&ctx](auto& req, auto& res, auto& p, const json& b) {
                queue::ReplyRequest r;
                if (auto s = StringField(b, "text", true, &r.text); !s.ok()) return SendError(res, s);
                if (auto s = StringField(b, "template_id", false, &r.template_id); !s.ok()) return SendError(res, s);
                if (auto s = StringField(b, "override_reason", false, &r.override_reason); !s.ok()) {
                  return SendError(res, s);
                }
                auto o = b.find("override_guard");
                if (o != b.end() && !o->is_null()) {
                  if (!o->is_boolean()) return SendError(res, core::InvalidArgument("override_guard: must be true or false"));
                  r.override_guard = o->get<bool>();
                }
                std::vector<replies::Finding> findings;
                auto item = ctx.queue.Reply(PathId(req), ActorOf(p), r, &findings);
                if (!item.ok() && item.status().message() == queue::kGuardRefusalMessage) {
                  return SendJson(res, 422,
                                  {{"error",
                                    {{"code", "phi_guard"},
                                     {"message", item.status().message()},
                                     {"findings", FindingsJson(findings)}}}});
                }
                SendItem(ctx, res, item);
              }));
  server.Post(R"(/api/items/(\d+)/resolve)", action([&ctx](auto& req, auto& res, auto& p, const json& b) {
                std::string note;
                if (auto s = StringField(b, "note", false, &note); !s.ok()) return SendError(res, s);
                SendItem(ctx, res, ctx.queue.Resolve(PathId(req), ActorOf(p), note));
              }));
  server.Post(R"(/api/items/(\d+)/dismiss)", action([&ctx](auto& req, auto& res, auto& p, const json& b) {
                std::string reason;
                if (auto s = StringField(b, "reason", true, &reason); !s.ok()) return SendError(res, s);
                SendItem(ctx, res, ctx.queue.Dismiss(PathId(req), ActorOf(p), reason));
              }));
  server.Post(R"(/api/items/(\d+)/escalate)", action([&ctx](auto& req, auto& res, auto& p, const json& b) {
                std::string reason, to;
                if (auto s = StringField(b, "reason", true, &reason); !s.ok()) return SendError(res, s);
                if (auto s = StringField(b, "to", false, &to); !s.ok()) return SendError(res, s);
                SendItem(ctx, res, ctx.queue.Escalate(PathId(req), ActorOf(p), reason, to));
              }));
  server.Post(R"(/api/items/(\d+)/notes)", action([&ctx](auto& req, auto& res, auto& p, const json& b) {
                std::string text;
                if (auto s = StringField(b, "text", true, &text); !s.ok()) return SendError(res, s);
                SendItem(ctx, res, ctx.queue.Note(PathId(req), ActorOf(p), text));
              }));
  server.Post(R"(/api/items/(\d+)/hide)", action([&ctx](auto& req, auto& res, auto& p, const json&) {
                SendItem(ctx, res, ctx.queue.SetHidden(PathId(req), ActorOf(p), true));
              }));
  server.Post(R"(/api/items/(\d+)/unhide)", action([&ctx](auto& req, auto& res, auto& p, const json&) {
                SendItem(ctx, res, ctx.queue.SetHidden(PathId(req), ActorOf(p), false));
              }));
  server.Post(R"(/api/items/(\d+)/private-reply)", action([&ctx](auto& req, auto& res, auto& p, const json& b) {
                std::string text;
                if (auto s = StringField(b, "text", true, &text); !s.ok()) return SendError(res, s);
                SendItem(ctx, res, ctx.queue.PrivateReply(PathId(req), ActorOf(p), text));
              }));
  server.Post(R"(/api/items/(\d+)/deliveries/(\d+)/retry)", action([&ctx](auto& req, auto& res, auto& p, const json&) {
                std::int64_t outbox_id = 0;
                const std::string& s = req.matches[2];
                std::from_chars(s.data(), s.data() + s.size(), outbox_id);
                SendItem(ctx, res, ctx.queue.RetryDelivery(PathId(req), outbox_id, ActorOf(p)));
              }));
  server.Post("/api/replies/lint", action([&ctx](auto&, auto& res, auto&, const json& b) {
                std::string text;
                if (auto s = StringField(b, "text", false, &text); !s.ok()) return SendError(res, s);
                std::int64_t item_id = 0;
                if (auto it = b.find("item_id"); it != b.end() && !it->is_null()) {
                  if (!it->is_number_integer()) return SendError(res, core::InvalidArgument("item_id: must be an integer"));
                  item_id = it->get<std::int64_t>();
                }
                auto findings = ctx.queue.Lint(text, item_id);
                if (!findings.ok()) return SendError(res, findings.status());
                SendJson(res, 200, {{"findings", FindingsJson(findings.value())}});
              }));
}

void RegisterAlertRoutes(httplib::Server& server, ApiContext& ctx) {
  server.Get("/api/alerts", Guard(ctx, model::Role::kAgent, false,
                                  [&ctx](const httplib::Request&, httplib::Response& res, const Principal&) {
                                    store::ItemStore::EventFilter f;
                                    f.kind = "alert.*";
                                    f.from_ms = ctx.clock.NowMs() - 24LL * 3600 * 1000;
                                    f.limit = 50;
                                    auto events = ctx.items.Events(f);
                                    if (!events.ok()) return SendError(res, events.status());
                                    json alerts = json::array();
                                    for (const auto& e : events.value()) {
                                      json a = json::parse(e.details, nullptr, false);
                                      if (!a.is_object()) continue;
                                      a["id"] = e.id;
                                      alerts.push_back(std::move(a));
                                    }
                                    SendJson(res, 200, {{"alerts", std::move(alerts)}});
                                  }));
}

void RegisterAdminRoutes(httplib::Server& server, ApiContext& ctx) {
  server.Post("/api/admin/rules/reload",
              Guard(ctx, model::Role::kAdmin, true,
                    [&ctx](const httplib::Request&, httplib::Response& res, const Principal& p) {
                      core::Status s = ctx.reload_rules(p.user.name);
                      if (!s.ok()) {
                        return SendJson(res, 422,
                                        {{"error",
                                          {{"code", "rules_invalid"},
                                           {"message", "the rule set was refused; the old rules stay live"},
                                           {"report", s.message()}}}});
                      }
                      SendJson(res, 200, {{"ok", true}, {"rules_version", ctx.rules_version()}});
                    }));
}

}  // namespace

void RegisterApiRoutes(httplib::Server& server, ApiContext& ctx) {
  RegisterSessionRoutes(server, ctx);
  RegisterQueueRoutes(server, ctx);
  RegisterAlertRoutes(server, ctx);
  RegisterAdminRoutes(server, ctx);
}

}  // namespace turnaround::http
