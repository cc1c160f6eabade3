#include "ingest/json_fields.h"

#include <charconv>

namespace turnaround::ingest::detail {

using nlohmann::json;

core::Status OptionalId(const json& obj, const char* key, const std::string& path,
                        std::string* out) {
  out->clear();
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return core::Status::Ok();
  if (it->is_string()) {
    *out = it->get<std::string>();
  } else if (it->is_number_integer()) {
    *out = std::to_string(it->get<std::int64_t>());
  } else if (it->is_number_unsigned()) {
    *out = std::to_string(it->get<std::uint64_t>());
  } else {
    return core::InvalidArgument(path + "." + key + ": must be a string id");
  }
  if (out->size() > 256) return core::InvalidArgument(path + "." + key + ": id longer than 256");
  return core::Status::Ok();
}

core::Status RequiredId(const json& obj, const char* key, const std::string& path,
                        std::string* out) {
  core::Status s = OptionalId(obj, key, path, out);
  if (!s.ok()) return s;
  if (out->empty()) return core::InvalidArgument(path + "." + key + ": required");
  return core::Status::Ok();
}

core::Status OptionalString(const json& obj, const char* key, const std::string& path,
                            std::string* out) {
  out->clear();
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return core::Status::Ok();
  if (!it->is_string()) return core::InvalidArgument(path + "." + key + ": must be a string");
  *out = it->get<std::string>();
  return core::Status::Ok();
}

core::Status OptionalUnixSeconds(const json& obj, const char* key, const std::string& path,
                                 std::int64_t* out_ms) {
  *out_ms = 0;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return core::Status::Ok();
  std::int64_t secs = 0;
  if (it->is_number_integer() || it->is_number_unsigned()) {
    secs = it->get<std::int64_t>();
  } else if (it->is_string()) {
    const std::string& s = it->get_ref<const std::string&>();
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), secs);
    if (ec != std::errc() || p != s.data() + s.size()) {
      return core::InvalidArgument(path + "." + key + ": must be a Unix time in seconds");
    }
  } else {
    return core::InvalidArgument(path + "." + key + ": must be a Unix time in seconds");
  }
  // Some senders use milliseconds; anything past year 33658 in seconds is ms.
  if (secs > 999'999'999'999) secs /= 1000;
  if (secs < 0) return core::InvalidArgument(path + "." + key + ": negative time");
  *out_ms = secs * 1000;
  return core::Status::Ok();
}

}  // namespace turnaround::ingest::detail
