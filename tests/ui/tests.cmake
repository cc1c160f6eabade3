# The browser test of the agents' page (tests/ui/run.sh): installs Debian's chromium and
# playwright-core if missing, runs the real binary and drives the page. Skipped (77) only
# when chromium cannot be installed or launched.
add_test(NAME ui_browser
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh $<TARGET_FILE:turnaround>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(ui_browser PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 600
  RUN_SERIAL TRUE
  LABELS "ui;browser")
