// JSON string encoding shared by everything that writes JSON text directly
// (the audit chain's hash input, the API's queue page).
#pragma once

#include <string>
#include <string_view>

namespace turnaround::core {

// Appends `s` as a JSON string exactly as nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) writes it: the hashes of
// stored audit events were computed over that encoding, so it must not change
// by a byte. Valid UTF-8 takes a direct path; invalid UTF-8 goes to nlohmann.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace turnaround::core
