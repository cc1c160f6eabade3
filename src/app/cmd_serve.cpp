#include <cstdio>

#include "app/commands.h"

namespace turnaround::app {

int RunServe(const Args&) {
  std::fputs("turnaround serve: not built yet\n", stderr);
  return 1;
}

}  // namespace turnaround::app
