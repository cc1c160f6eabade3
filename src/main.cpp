// turnaround: thin entry point; every verb is implemented in src/app/.
#include <cstdio>
#include <cstring>
#include <string>

#include "app/commands.h"

namespace {

constexpr const char* kUsage = R"(turnaround - complaint-response triage for healthcare social media teams

usage: turnaround <command> [options]

commands:
  serve     [--listen HOST:PORT] [--db PATH] [--config FILE] [--rules DIR]
            run the webhook receiver, queue API and web page
  export    --db PATH            print every comment as JSON Lines
  classify  [--rules DIR] [TEXT...]
            print one JSON verdict per TEXT argument (or per stdin line)
  eval      [--rules DIR] [--json] [--errors N] FILE.jsonl
            score the classifier on labelled comments
  rules check [--rules DIR]      compile every rule and run its examples
  rules hs-compile PATTERNS.json OUT
            compile patterns into a Hyperscan database (serve's child process)
  user add NAME --role agent|supervisor|admin [--db PATH]
            create an account; prints its password and an API token once
  user list|disable NAME [--db PATH]
  token create|revoke NAME [--db PATH]
  report    [--db PATH] --from T --to T --group-by X [--format csv|json]
            response times, SLA attainment and outcomes per group
  audit verify [--db PATH]       check the audit log's hash chain
  backup [--db PATH] OUT         consistent online copy while the server runs
  restore [--db PATH] BACKUP     verify a backup and put it in place (server stopped)
  purge [--db PATH] [--delivery-body-days N] [--closed-comment-text-days N]
  reconcile --once [--config FILE] [--db PATH]
            read the configured pages' recent comments and store any the
            webhooks missed; prints pages=N posts=N seen=N recovered=N
  migrate-store --from sqlite:PATH --to postgresql://...|sqlite:PATH2
            copy everything into an empty store, then verify counts and
            the audit chain

Run 'turnaround <command> --help' for a command's options.
)";

struct Verb {
  const char* name;
  int (*run)(const turnaround::app::Args&);
};

const Verb kVerbs[] = {
    {"serve", turnaround::app::RunServe},       {"export", turnaround::app::RunExport},
    {"classify", turnaround::app::RunClassify}, {"eval", turnaround::app::RunEval},
    {"rules", turnaround::app::RunRules},       {"user", turnaround::app::RunUser},
    {"token", turnaround::app::RunToken},       {"report", turnaround::app::RunReport},
    {"audit", turnaround::app::RunAudit},       {"backup", turnaround::app::RunBackup},
    {"restore", turnaround::app::RunRestore},   {"purge", turnaround::app::RunPurge},
    {"reconcile", turnaround::app::RunReconcile},
    {"migrate-store", turnaround::app::RunMigrateStore},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  turnaround::app::Args args(argv + 2, argv + argc);
  for (const Verb& verb : kVerbs) {
    if (std::strcmp(argv[1], verb.name) == 0) return verb.run(args);
  }
  std::fprintf(stderr, "turnaround: unknown command '%s'\n\n%s", argv[1], kUsage);
  return 2;
}
