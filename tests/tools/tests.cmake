# Load generator for scripts/bench and scripts/crashtest (not a unit test).
add_executable(turnaround_loadgen ${CMAKE_CURRENT_LIST_DIR}/loadgen.cpp)
target_link_libraries(turnaround_loadgen PRIVATE turnaround_core)
set_target_properties(turnaround_loadgen PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
