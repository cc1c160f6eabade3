#include "classify/accelerator.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace turnaround::classify {

Accelerator::Accelerator(std::string cache_dir, std::function<void(const std::string&)> log,
                         std::vector<std::string> compile_command)
    : cache_dir_(std::move(cache_dir)),
      log_(std::move(log)),
      compile_command_(std::move(compile_command)),
      thread_([this] { Run(); }) {}

Accelerator::~Accelerator() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    next_.reset();
    if (child_ != nullptr) child_->Terminate();
  }
  cv_.notify_all();
  thread_.join();
}

void Accelerator::Submit(std::shared_ptr<const Classifier> classifier) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    next_ = std::move(classifier);
  }
  cv_.notify_all();
}

void Accelerator::WaitIdle() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return (!next_ && !busy_) || stopping_; });
}

core::Status Accelerator::CompileInChild(const std::vector<HsSet::Pattern>& patterns, const std::string& path) {
  // Named per process: without the compile lock (RuleSet::Accelerate) two
  // processes must not write one list while the other's child reads it.
  const std::string list = HsSet::PatternListPath(path, ::getpid());
  {
    std::ofstream out(list, std::ios::binary | std::ios::trunc);
    out << HsSet::PatternsToJson(patterns);
    if (!out.flush()) return core::Internal("cannot write " + list);
  }
  std::vector<std::string> argv = compile_command_;
  argv.push_back(list);
  argv.push_back(path);
  auto child = core::ChildProcess::Start(argv);
  core::Status status = child.status();
  if (child.ok()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      child_ = child->get();
      // Stopping already: the destructor found no child to stop.
      if (stopping_) child_->Terminate();
    }
    status = (*child)->Wait();
    std::lock_guard<std::mutex> lock(mu_);
    child_ = nullptr;
  }
  std::error_code ec;
  std::filesystem::remove(list, ec);
  if (!status.ok()) return core::Internal("compiling in a child process (" + compile_command_[0] + "): " + status.message());
  return status;
}

void Accelerator::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return next_ || stopping_; });
    if (stopping_) return;
    std::shared_ptr<const Classifier> c = std::move(next_);
    next_.reset();
    busy_ = true;
    lock.unlock();
    HsCompiler compiler;
    if (!compile_command_.empty() && !cache_dir_.empty()) {
      compiler = [this](const std::vector<HsSet::Pattern>& patterns, const std::string& path) {
        return CompileInChild(patterns, path);
      };
    }
    // A stop must not wait out another process's compile of the same database.
    auto cancelled = [this] {
      std::lock_guard<std::mutex> stop_lock(mu_);
      return stopping_;
    };
    auto summary = c->Accelerate(cache_dir_, compiler, cancelled);
    log_("rules " + c->version() + ": " +
         (summary.ok() ? summary->Summary() : "staying on RE2: " + summary.status().message()));
    c.reset();  // a replaced classifier is freed here, not under the lock
    lock.lock();
    busy_ = false;
    cv_.notify_all();
  }
}

}  // namespace turnaround::classify
