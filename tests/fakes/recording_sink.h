// RecordingSink: a DeliverySink that keeps what it was given in memory and
// can be told to fail, for pipeline tests without a database.
#pragma once

#include <mutex>
#include <vector>

#include "ingest/delivery.h"

namespace turnaround::testing {

class RecordingSink final : public ingest::DeliverySink {
 public:
  core::Result<ingest::DeliveryOutcome> Write(ingest::DeliveryRecord record) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (fail_) return core::Status(core::Code::kUnavailable, "injected failure");
    ingest::DeliveryOutcome out;
    out.delivery_id = static_cast<std::int64_t>(records_.size() + 1);
    out.created = static_cast<int>(record.writes.size());
    records_.push_back(std::move(record));
    return out;
  }
  void set_fail(bool fail) {
    std::lock_guard<std::mutex> lock(mu_);
    fail_ = fail;
  }
  std::vector<ingest::DeliveryRecord> records() const {
    std::lock_guard<std::mutex> lock(mu_);
    return records_;
  }

 private:
  mutable std::mutex mu_;
  bool fail_ = false;                           // guarded by mu_
  std::vector<ingest::DeliveryRecord> records_;  // guarded by mu_
};

}  // namespace turnaround::testing
