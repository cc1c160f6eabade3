# Tools for scripts/bench and scripts/crashtest (not unit tests).
add_executable(turnaround_loadgen ${CMAKE_CURRENT_LIST_DIR}/loadgen.cpp)
target_link_libraries(turnaround_loadgen PRIVATE turnaround_core)
add_executable(turnaround_seed ${CMAKE_CURRENT_LIST_DIR}/seed.cpp)
target_link_libraries(turnaround_seed PRIVATE turnaround_core)
set_target_properties(turnaround_loadgen turnaround_seed PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
