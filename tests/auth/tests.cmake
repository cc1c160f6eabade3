list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/encoding_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/password_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/role_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/token_test.cpp)
