list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/database_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/delivery_writer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/maintenance_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/event_log_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/outbox_store_test.cpp)
list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/sql/connection_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql/concurrency_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql/pg_migrations_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/user_store_test.cpp)
