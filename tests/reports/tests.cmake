list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/stats_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/calendar_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/response_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_service_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_scenario_test.cpp)
