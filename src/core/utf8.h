// UTF-8 validation: every text we store or classify must be valid UTF-8.
#pragma once

#include <string_view>

namespace turnaround::core {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace turnaround::core
