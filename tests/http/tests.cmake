list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/webhook_http_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/queue_api_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/queue_page_cache_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metrics_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/limits_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/outbox_api_test.cpp)
