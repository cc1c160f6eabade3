list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/status_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/clock_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/utf8_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ticket_gate_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_string_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_writer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/child_process_test.cpp)
