// Accelerator: switches each classifier it is given to Hyperscan
// (Classifier::Accelerate) on a thread of its own, so that start-up and rule
// reloads never wait for a compile: until it is done the classifier answers
// with RE2, which gives the same verdicts, only slower on new text.
//
// Classifiers are taken one at a time; if several are submitted while one is
// compiling, only the newest is compiled next (an older one has been
// replaced by a reload and is no longer live).
//
// Thread-safe. The destructor waits for the compile in progress (seconds at
// most; none when the cache holds the database) and drops what is queued.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "classify/classifier.h"

namespace turnaround::classify {

class Accelerator {
 public:
  // `cache_dir`: where compiled databases are kept ("" = compile every time).
  // `log` receives one line per classifier: the summary, or why it stays on
  // RE2.
  Accelerator(std::string cache_dir, std::function<void(const std::string&)> log);
  ~Accelerator();
  Accelerator(const Accelerator&) = delete;  // owns a thread
  Accelerator& operator=(const Accelerator&) = delete;

  void Submit(std::shared_ptr<const Classifier> classifier);

  // Blocks until nothing is queued or compiling (tests, and `serve` callers
  // that would rather wait).
  void WaitIdle();

 private:
  void Run();

  const std::string cache_dir_;
  const std::function<void(const std::string&)> log_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::shared_ptr<const Classifier> next_;  // guarded by mu_
  bool busy_ = false;                       // guarded by mu_
  bool stopping_ = false;                   // guarded by mu_
  std::thread thread_;
};

}  // namespace turnaround::classify
