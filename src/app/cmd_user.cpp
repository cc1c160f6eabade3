// turnaround user ... / token ...: accounts from the command line. The
// password and token are printed once; only their hashes are stored.
#include <cstdio>

#include "app/commands.h"
#include "auth/password.h"
#include "auth/role.h"
#include "auth/token.h"
#include "core/clock.h"
#include "store/sql/open.h"
#include "store/user_store.h"

namespace turnaround::app {
namespace {

constexpr const char* kUserUsage =
    "usage: turnaround user add NAME --role agent|supervisor|admin [--db PATH]\n"
    "       turnaround user list [--db PATH]\n"
    "       turnaround user disable NAME [--db PATH]\n"
    "       turnaround token create NAME [--label TEXT] [--db PATH]\n"
    "       turnaround token revoke NAME [--db PATH]   (revokes all of NAME's tokens)\n"
    "--db takes sqlite:PATH, postgresql://... or a SQLite file (default var/turnaround.db).\n"
    "`user add` prints 'password: ...' and 'token: ...' once.\n";

constexpr const char* kActor = "cli";

struct Parsed {
  std::string sub, name, role, label, db = "var/turnaround.db";
};

int Usage(const std::string& problem) {
  std::fprintf(stderr, "turnaround: %s\n\n%s", problem.c_str(), kUserUsage);
  return 2;
}

// Returns -1 to go on, or an exit code.
int Parse(const Args& args, Parsed* p) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUserUsage, stdout);
      return 0;
    }
    std::string* target = a == "--db" ? &p->db : a == "--role" ? &p->role : a == "--label" ? &p->label : nullptr;
    if (target) {
      if (i + 1 >= args.size()) return Usage("missing value for " + a);
      *target = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option '" + a + "'");
    } else if (p->sub.empty()) {
      p->sub = a;
    } else if (p->name.empty()) {
      p->name = a;
    } else {
      return Usage("unexpected argument '" + a + "'");
    }
  }
  return -1;
}

bool ValidName(const std::string& n) {
  if (n.empty() || n.size() > 64) return false;
  for (char c : n) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

int Fail(const core::Status& s) {
  std::fprintf(stderr, "turnaround: %s\n", s.message().c_str());
  return 1;
}

int CreateToken(store::UserStore& users, const model::User& user, const std::string& label) {
  auto token = auth::GenerateToken();
  if (!token.ok()) return Fail(token.status());
  core::Status s = users.AddToken(user.id, auth::HashToken(*token), label, kActor,
                                  core::SystemClock::Instance().NowMs());
  if (!s.ok()) return Fail(s);
  std::printf("token: %s\n", token->c_str());
  return 0;
}

int UserCommand(store::UserStore& users, const Parsed& p) {
  const std::int64_t now = core::SystemClock::Instance().NowMs();
  if (p.sub == "add") {
    if (!ValidName(p.name)) return Usage("user names are 1-64 of A-Z a-z 0-9 . _ - @");
    model::User u;
    u.name = p.name;
    if (!auth::ParseRole(p.role, &u.role)) return Usage("--role must be agent, supervisor or admin");
    auto password = auth::GeneratePassword();
    if (!password.ok()) return Fail(password.status());
    auto hash = auth::HashPassword(*password);
    if (!hash.ok()) return Fail(hash.status());
    u.password_hash = *hash;
    auto added = users.Add(u, kActor, now);
    if (!added.ok()) return Fail(added.status());
    std::printf("user: %s (%s)\npassword: %s\n", u.name.c_str(), auth::RoleName(u.role), password->c_str());
    return CreateToken(users, added.value(), "created with the user");
  }
  if (p.sub == "list") {
    auto list = users.List();
    if (!list.ok()) return Fail(list.status());
    for (const auto& u : list.value()) {
      std::printf("%s\t%s\t%s\t%s\n", u.name.c_str(), auth::RoleName(u.role), u.disabled ? "disabled" : "active",
                  core::FormatRfc3339(u.created_at_ms).c_str());
    }
    return 0;
  }
  if (p.sub == "disable") {
    if (p.name.empty()) return Usage("user disable needs a NAME");
    core::Status s = users.Disable(p.name, kActor, now);
    if (!s.ok()) return Fail(s);
    std::printf("disabled %s (tokens revoked, sessions ended)\n", p.name.c_str());
    return 0;
  }
  return Usage("unknown user command '" + p.sub + "'");
}

int TokenCommand(store::UserStore& users, const Parsed& p) {
  if (p.name.empty()) return Usage("token " + p.sub + " needs a NAME");
  if (p.sub == "create") {
    auto user = users.FindByName(p.name);
    if (!user.ok()) return Fail(user.status());
    if (user->disabled) return Fail(core::Conflict("user '" + p.name + "' is disabled"));
    return CreateToken(users, user.value(), p.label);
  }
  if (p.sub == "revoke") {
    auto n = users.RevokeTokens(p.name, kActor, core::SystemClock::Instance().NowMs());
    if (!n.ok()) return Fail(n.status());
    std::printf("revoked %d token(s) of %s\n", n.value(), p.name.c_str());
    return 0;
  }
  return Usage("unknown token command '" + p.sub + "'");
}

int Run(const Args& args, bool token) {
  Parsed p;
  if (int rc = Parse(args, &p); rc >= 0) return rc;
  if (p.sub.empty()) return Usage(std::string(token ? "token" : "user") + " needs a command");
  auto pool = store::sql::OpenPool(store::sql::DbUrl(p.db));
  if (!pool.ok()) return Fail(pool.status());
  store::UserStore users(pool.value());
  return token ? TokenCommand(users, p) : UserCommand(users, p);
}

}  // namespace

int RunUser(const Args& args) { return Run(args, false); }
int RunToken(const Args& args) { return Run(args, true); }

}  // namespace turnaround::app
