#include <cstdio>

#include "app/commands.h"

namespace turnaround::app {

int RunExport(const Args&) {
  std::fputs("turnaround export: not built yet\n", stderr);
  return 1;
}

}  // namespace turnaround::app
