// SHA-256 for content hashes (the audit chain). Not for secrets: passwords
// and tokens live in auth/, webhook signatures in ingest/signature.
#pragma once

#include <string>
#include <string_view>

namespace turnaround::core {

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace turnaround::core
