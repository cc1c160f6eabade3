// The CLI verbs. main.cpp only dispatches; each verb lives in app/cmd_<verb>.cpp.
// Every verb returns the process exit code: 0 on success, 2 on a usage error,
// 1 on any other failure (with a message on stderr).
#pragma once

#include <string>
#include <vector>

namespace turnaround::app {

using Args = std::vector<std::string>;  // the arguments after the verb

int RunServe(const Args& args);
int RunExport(const Args& args);
int RunClassify(const Args& args);
int RunEval(const Args& args);
int RunRules(const Args& args);  // "rules check [--rules DIR]"
int RunUser(const Args& args);   // "user add|list|disable"
int RunToken(const Args& args);  // "token create|revoke"
int RunReport(const Args& args);  // "report --from --to --group-by X --format csv|json"
int RunAudit(const Args& args);   // "audit verify"
int RunBackup(const Args& args);
int RunRestore(const Args& args);
int RunPurge(const Args& args);
int RunReconcile(const Args& args);  // "reconcile --once"
int RunMigrateStore(const Args& args);  // "migrate-store --from sqlite:PATH --to URL"

}  // namespace turnaround::app
