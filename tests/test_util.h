// Helpers shared by the tests: fixtures, temporary folders.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

namespace turnaround::testing {

// True in the AddressSanitizer and ThreadSanitizer builds (GCC defines these macros there).
// Tests that sweep thousands of comments to prove a result, rather than to exercise memory,
// take a sample under a sanitizer: there a classification is about 65x slower (12 s for the
// normal build's Hyperscan/RE2 sweep, past ctest's 900 s timeout under AddressSanitizer), and
// the full sweep is already proven by the normal build.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// Reads tests/data/<relative> as bytes; throws if missing (a test bug).
inline std::string ReadFixture(const std::string& relative) {
  std::ifstream in(std::string(TURNAROUND_SOURCE_DIR) + "/tests/data/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + relative);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Runs `cmd` with /bin/sh and returns its standard output; *status is
// pclose's (0 when it exited 0). Add " 2>&1" to capture errors too. Throws if
// the shell cannot be started (a test bug).
inline std::string RunCommand(const std::string& cmd, int* status) {
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  *status = ::pclose(p);
  return out;
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(TURNAROUND_SOURCE_DIR) + "/" + relative;
}

// The rules the tests load: the project's rules/, or TURNAROUND_RULES_DIR
// when set (the same variable the CLI honours).
inline std::string RulesDir() {
  const char* env = std::getenv("TURNAROUND_RULES_DIR");
  return env && *env ? std::string(env) : SourcePath("rules");
}

// A fresh directory removed when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("turnaround-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace turnaround::testing
