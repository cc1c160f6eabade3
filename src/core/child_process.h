// ChildProcess: runs another program and waits for it. The server uses it to
// do work with a large, short-lived memory peak (compiling the rules for
// Hyperscan: about 220 MB against the server's 86 MB) in a process of its own,
// so that the peak is returned to the system when that process exits and the
// server's own resident size never carries it.
//
// Thread behaviour: Wait() blocks one thread; Terminate() may be called from
// any other thread at any time, before, during or after Wait().
#pragma once

#include <sys/types.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"

namespace turnaround::core {

class ChildProcess {
 public:
  // Starts argv[0] (a path, not looked up in PATH) with `argv`. The child gets
  // /dev/null as stdin and shares stdout and stderr (its messages go to the
  // server's log); every other descriptor (listening sockets, database files)
  // is closed in it. Errors: InvalidArgument for an empty argv, Internal when
  // the program cannot be started.
  static Result<std::unique_ptr<ChildProcess>> Start(const std::vector<std::string>& argv);

  // Waits for the child to end. OK when it exited with status 0; otherwise
  // Internal naming the exit status or the signal that ended it. Call once.
  Status Wait();

  // Asks the child to stop (SIGTERM). Does nothing once Wait() has seen it
  // end, so it never signals a process that reused the child's pid.
  void Terminate();

  // A child not yet waited for is killed (SIGKILL) and reaped.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}

  const pid_t pid_;
  std::mutex mu_;
  bool ended_ = false;  // guarded by mu_: waited for, the pid may be reused
};

}  // namespace turnaround::core
