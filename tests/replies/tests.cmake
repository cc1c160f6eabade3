list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/lint_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/render_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/template_set_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/template_test.cpp)
