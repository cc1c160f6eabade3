list(APPEND TURNAROUND_TEST_SOURCES ${CMAKE_CURRENT_LIST_DIR}/config_pages_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rules_sync_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cli_db_test.cpp)
add_test(NAME serve_signals
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/serve_signals.sh $<TARGET_FILE:turnaround> ${PROJECT_SOURCE_DIR})
add_test(NAME migrate_store COMMAND ${CMAKE_CURRENT_LIST_DIR}/migrate_store.sh $<TARGET_FILE:turnaround>)
# Two `serve` processes on one PostgreSQL database; skipped (77) without TURNAROUND_TEST_PG_URL.
add_test(NAME two_instances_pg
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/two_instances_pg.sh $<TARGET_FILE:turnaround> ${PROJECT_SOURCE_DIR})
set_tests_properties(two_instances_pg PROPERTIES SKIP_RETURN_CODE 77)
