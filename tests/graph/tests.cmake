list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/../fakes/fake_graph_server.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_graph_client_test.cpp)
