list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/database_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/delivery_writer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/delivery_writer_reconnect_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/comment_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/maintenance_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/event_log_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/outbox_store_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/item_store_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wal_checkpointer_test.cpp)
list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/sql/connection_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql/concurrency_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql/pg_migrations_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/user_store_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_queries_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/store_copy_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rules_generation_test.cpp)
# The SQL layer's cost per operation on either engine (README, PostgreSQL section).
add_executable(sql_bench ${CMAKE_CURRENT_LIST_DIR}/sql/sql_bench.cpp)
target_link_libraries(sql_bench PRIVATE turnaround_core turnaround_warnings)
set_target_properties(sql_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
