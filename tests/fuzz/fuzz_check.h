// Shared helpers for the fuzz targets in tests/fuzz/: the input cap and a
// check that aborts (so libFuzzer and the replay runner both see a crash) in
// every build type, NDEBUG or not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace turnaround::fuzz {

// Inputs larger than this are skipped: the parsers' interesting states are
// reachable well below it, and longer inputs only slow the search down.
inline constexpr std::size_t kMaxInput = 4096;

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits `in` at the first '\n' (or takes all of it): returns the part before
// and leaves the rest in `in`.
inline std::string_view TakeLine(std::string_view* in) {
  std::size_t nl = in->find('\n');
  std::string_view head = in->substr(0, nl);
  *in = nl == std::string_view::npos ? std::string_view() : in->substr(nl + 1);
  return head;
}

}  // namespace turnaround::fuzz

#define TA_FUZZ_CHECK(cond)                                                        \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                \
    }                                                                              \
  } while (0)
