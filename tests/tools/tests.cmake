# Tools for scripts/bench and scripts/crashtest (not unit tests).
add_executable(turnaround_loadgen ${CMAKE_CURRENT_LIST_DIR}/loadgen.cpp)
target_link_libraries(turnaround_loadgen PRIVATE turnaround_core)
add_executable(turnaround_seed ${CMAKE_CURRENT_LIST_DIR}/seed.cpp)
target_link_libraries(turnaround_seed PRIVATE turnaround_core)
set_target_properties(turnaround_loadgen turnaround_seed PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

# A short crash-safety run in every build (scripts/crashtest runs the long one).
add_test(NAME crash_safety COMMAND ${PROJECT_SOURCE_DIR}/scripts/crashtest 5 4
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(crash_safety PROPERTIES ENVIRONMENT "TURNAROUND_BIN_DIR=${CMAKE_BINARY_DIR}" TIMEOUT 300)
