add_test(NAME serve_signals
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/serve_signals.sh $<TARGET_FILE:turnaround> ${PROJECT_SOURCE_DIR})
