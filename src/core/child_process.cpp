#include "core/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace turnaround::core {

Result<std::unique_ptr<ChildProcess>> ChildProcess::Start(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0].empty()) return InvalidArgument("child process: no program given");
  std::vector<char*> cargv;
  for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  // Not even a listening socket may outlive the server in a child.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  // The server blocks its shutdown signals in every thread (a signal thread
  // waits for them) and ignores SIGPIPE; a child would inherit both, and
  // Terminate() could not stop it.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGPIPE}) sigaddset(&defaults, sig);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, &attr, cargv.data(), environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return Internal("cannot start " + argv[0] + ": " + std::strerror(rc));
  return std::unique_ptr<ChildProcess>(new ChildProcess(pid));
}

Status ChildProcess::Wait() {
  // Wait without reaping first: until ended_ is set, Terminate() may still
  // signal pid_, which must therefore not yet be free for reuse.
  siginfo_t info{};
  while (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT) != 0) {
    if (errno != EINTR) return Internal(std::string("waiting for the child process: ") + std::strerror(errno));
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    ended_ = true;
  }
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  if (WIFEXITED(status)) return Internal("child process exited with status " + std::to_string(WEXITSTATUS(status)));
  if (WIFSIGNALED(status)) return Internal("child process ended by signal " + std::to_string(WTERMSIG(status)));
  return Internal("child process ended abnormally");
}

void ChildProcess::Terminate() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!ended_) kill(pid_, SIGTERM);
}

ChildProcess::~ChildProcess() {
  bool ended;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ended = ended_;
    if (!ended) kill(pid_, SIGKILL);
  }
  if (!ended) {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
}

}  // namespace turnaround::core
