#include <cstdio>

#include "app/commands.h"

namespace turnaround::app {

int RunClassify(const Args&) {
  std::fputs("turnaround classify: not built yet\n", stderr);
  return 1;
}
int RunEval(const Args&) {
  std::fputs("turnaround eval: not built yet\n", stderr);
  return 1;
}
int RunRules(const Args&) {
  std::fputs("turnaround rules: not built yet\n", stderr);
  return 1;
}

}  // namespace turnaround::app
