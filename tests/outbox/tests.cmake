list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/sender_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/serve_restart_test.cpp)
