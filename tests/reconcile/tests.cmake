# The fake Graph server is shared with tests/graph; compile it once.
if(NOT TURNAROUND_TEST_SOURCES MATCHES "fakes/fake_graph_server.cpp")
  list(APPEND TURNAROUND_TEST_SOURCES ${CMAKE_CURRENT_LIST_DIR}/../fakes/fake_graph_server.cpp)
endif()
list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/remote_comment_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/page_gate_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reconciler_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reconcile_service_test.cpp)
