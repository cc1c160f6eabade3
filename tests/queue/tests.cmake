list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/transitions_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_race_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/queue_outbox_test.cpp)
