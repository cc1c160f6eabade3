// Accelerator: switches each classifier it is given to Hyperscan
// (Classifier::Accelerate) on a thread of its own, so that start-up and rule
// reloads never wait for a compile: until it is done the classifier answers
// with RE2, which gives the same verdicts, only slower on new text.
//
// Classifiers are taken one at a time; if several are submitted while one is
// compiling, only the newest is compiled next (an older one has been
// replaced by a reload and is no longer live).
//
// With a compile command, a database not in the cache is compiled by that
// program in a child process (`turnaround rules hs-compile`): compiling the
// shipped rules peaks at about 220 MB, which a server that runs for months
// should not keep as resident size it rarely returns.
//
// Thread-safe. The destructor stops a compiling child (SIGTERM), stops
// waiting for another process's compile of the same database (within ~50 ms),
// or waits for an in-process compile (seconds at most; none when the cache
// holds the database), and drops what is queued.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "classify/classifier.h"
#include "core/child_process.h"

namespace turnaround::classify {

class Accelerator {
 public:
  // `cache_dir`: where compiled databases are kept ("" = compile every time,
  // in this process). `log` receives one line per classifier: the summary, or
  // why it stays on RE2. `compile_command`: a program and its first
  // arguments, run with two more (a patterns file, HsSet::PatternsToJson, and
  // the database to write, HsSet::Save) to compile outside this process; empty
  // = compile here. Used only with a cache_dir.
  Accelerator(std::string cache_dir, std::function<void(const std::string&)> log,
              std::vector<std::string> compile_command = {});
  ~Accelerator();
  Accelerator(const Accelerator&) = delete;  // owns a thread
  Accelerator& operator=(const Accelerator&) = delete;

  void Submit(std::shared_ptr<const Classifier> classifier);

  // Blocks until nothing is queued or compiling (tests, and `serve` callers
  // that would rather wait).
  void WaitIdle();

 private:
  void Run();
  // The HsCompiler that runs compile_command_ (RuleSet::Accelerate).
  core::Status CompileInChild(const std::vector<HsSet::Pattern>& patterns, const std::string& path);

  const std::string cache_dir_;
  const std::function<void(const std::string&)> log_;
  const std::vector<std::string> compile_command_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::shared_ptr<const Classifier> next_;  // guarded by mu_
  bool busy_ = false;                       // guarded by mu_
  bool stopping_ = false;                   // guarded by mu_
  core::ChildProcess* child_ = nullptr;     // guarded by mu_: the compile running now
  std::thread thread_;
};

}  // namespace turnaround::classify
