# Runs `turnaround eval --json` and fails if f1 or urgent_recall is below the
# minimum. Usage: cmake -DTURNAROUND=... -DRULES=... -DDATA=... -DMIN_F1=...
#                       -DMIN_URGENT_RECALL=... -P check_eval.cmake
if(NOT EXISTS "${DATA}")
  message(FATAL_ERROR "missing labelled data: ${DATA}")
endif()
execute_process(COMMAND "${TURNAROUND}" eval --rules "${RULES}" --json "${DATA}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "turnaround eval failed (${rc}): ${err}")
endif()
string(JSON f1 ERROR_VARIABLE e1 GET "${out}" f1)
string(JSON urgent ERROR_VARIABLE e2 GET "${out}" urgent_recall)
if(e1 OR e2)
  message(FATAL_ERROR "unexpected eval output: ${out}")
endif()
message(STATUS "f1=${f1} urgent_recall=${urgent} (minimum ${MIN_F1} / ${MIN_URGENT_RECALL})")
if(f1 LESS MIN_F1 OR urgent LESS MIN_URGENT_RECALL)
  message(FATAL_ERROR "below target: f1=${f1} (min ${MIN_F1}), urgent_recall=${urgent} (min ${MIN_URGENT_RECALL})")
endif()
