// Fuzzes the config loader (LoadConfigFile). It reads a file, so each input is
// written to one private temporary file first.
// Invariants: nothing crashes or throws; a failure leaves a message; a loaded
// config keeps its settings within their documented ranges.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/config.h"
#include "fuzz_check.h"

namespace {

const std::string& TempPath() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/turnaround_config_fuzz_XXXXXX";
    int fd = mkstemp(tmpl.data());
    TA_FUZZ_CHECK(fd >= 0);
    close(fd);
    std::atexit([] { std::remove(TempPath().c_str()); });
    return tmpl;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace turnaround;
  if (size > fuzz::kMaxInput) return 0;
  const std::string& path = TempPath();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  TA_FUZZ_CHECK(f != nullptr);
  TA_FUZZ_CHECK(size == 0 || std::fwrite(data, 1, size, f) == size);
  TA_FUZZ_CHECK(std::fclose(f) == 0);

  app::Config config;
  core::Status s = app::LoadConfigFile(path, &config);
  if (!s.ok()) {
    TA_FUZZ_CHECK(!s.message().empty());
    return 0;
  }
  TA_FUZZ_CHECK(config.listen_port >= 0 && config.listen_port <= 65535);
  TA_FUZZ_CHECK(config.http.threads >= 1 && config.http.threads <= 1024);
  TA_FUZZ_CHECK(config.http.read_timeout_s >= 1 && config.http.write_timeout_s >= 1);
  TA_FUZZ_CHECK(config.queue.lease_minutes >= 1);
  return 0;
}
