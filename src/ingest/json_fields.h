// Typed field access for webhook JSON that reports the path of what is wrong.
// Internal to ingest/.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/status.h"

namespace turnaround::ingest::detail {

// Reads an optional id-like field: a string, or an integer turned into one.
// Absent/null → "" ; any other type → InvalidArgument naming `path`.
core::Status OptionalId(const nlohmann::json& obj, const char* key, const std::string& path,
                        std::string* out);
// Like OptionalId but absent or empty is an error.
core::Status RequiredId(const nlohmann::json& obj, const char* key, const std::string& path,
                        std::string* out);
// Optional string (text fields): absent/null → "" ; non-string → error.
core::Status OptionalString(const nlohmann::json& obj, const char* key, const std::string& path,
                            std::string* out);
// Optional Unix time in seconds (integer, or numeric string), returned in ms.
core::Status OptionalUnixSeconds(const nlohmann::json& obj, const char* key,
                                 const std::string& path, std::int64_t* out_ms);

}  // namespace turnaround::ingest::detail
