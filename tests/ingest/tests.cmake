list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/signature_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/meta_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/generic_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pipeline_test.cpp)
