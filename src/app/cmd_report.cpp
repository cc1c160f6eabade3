#include <cstdio>

#include "app/commands.h"

namespace turnaround::app {

int RunReport(const Args&) {
  std::fputs("turnaround report: not built yet\n", stderr);
  return 1;
}

}  // namespace turnaround::app
