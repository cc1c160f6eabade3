#include "classify/accelerator.h"

namespace turnaround::classify {

Accelerator::Accelerator(std::string cache_dir, std::function<void(const std::string&)> log)
    : cache_dir_(std::move(cache_dir)), log_(std::move(log)), thread_([this] { Run(); }) {}

Accelerator::~Accelerator() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    next_.reset();
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

void Accelerator::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return next_ || stopping_; });
    if (stopping_) return;
    std::shared_ptr<const Classifier> c = std::move(next_);
    next_.reset();
    busy_ = true;
    lock.unlock();
    auto summary = c->Accelerate(cache_dir_);
    log_("rules " + c->version() + ": " +
         (summary.ok() ? *summary : "staying on RE2: " + summary.status().message()));
    c.reset();  // a replaced classifier is freed here, not under the lock
    lock.lock();
    busy_ = false;
    cv_.notify_all();
  }
}

}  // namespace turnaround::classify
