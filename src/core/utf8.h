// UTF-8 validation: every text we store or classify must be valid UTF-8.
#pragma once

#include <cstddef>
#include <string_view>

namespace turnaround::core {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// The length (2 to 4) of the well-formed multi-byte UTF-8 sequence that `s`
// starts with, by the same rules; 0 if it does not start with one (an ASCII
// byte included). For scanners that validate as they go (core/json_check).
std::size_t Utf8SequenceLength(std::string_view s);

}  // namespace turnaround::core
