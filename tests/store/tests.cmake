list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/database_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/delivery_writer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/maintenance_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/event_log_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/outbox_store_test.cpp)
