// IsJsonText: whether text is one well-formed JSON value (RFC 8259), checked
// without building anything.
//
// Why: the queue page copies each item's stored verdict into its answer as
// text; a damaged one must show as null rather than break the whole page, and
// nlohmann::json::accept, which checked it, was an eighth of the CPU of a
// queue request. This accepts exactly what accept() accepts (a test compares
// the two over many mutated documents): whitespace around tokens, any value at
// the top, strings of valid UTF-8 without raw control characters, JSON's
// number grammar, nothing after the value.
#pragma once

#include <string_view>

namespace turnaround::core {

bool IsJsonText(std::string_view text);

}  // namespace turnaround::core
