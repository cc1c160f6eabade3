list(APPEND TURNAROUND_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/rule_file_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rule_set_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hs_set_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/accelerate_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sentiment_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/term_model_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/model_domain_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/class_model_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/term_index_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/classifier_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/eval_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/structure_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phrasing_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_broad_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verdict_json_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_round11_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_round12_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_round14_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/complaint_lexicon_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/word_list_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_evidence_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_counter_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_round28_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_round30_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_round34_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urgent_round40_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round41_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round42_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round43_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round44_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round45_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round46_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round47_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round48_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round49_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round50_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round51_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round52_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round53_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round54_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round55_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round56_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round57_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round58_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round59_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round60_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round61_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round62_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round63_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round64_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round65_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round66_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round67_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round68_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round69_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round70_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round71_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round72_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round73_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round74_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round75_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round76_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round77_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round78_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round79_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round80_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round81_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round82_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round83_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round84_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/round85_test.cpp)

# Quality gate: eval on the project's labelled healthcare comments must reach
# F1 >= 0.90 and urgent recall >= 0.95 (the dev set and the holdout are never used here).
add_test(NAME classify_eval_healthcare
  COMMAND ${CMAKE_COMMAND} -DTURNAROUND=$<TARGET_FILE:turnaround>
          -DRULES=${PROJECT_SOURCE_DIR}/rules
          -DDATA=${PROJECT_SOURCE_DIR}/tests/data/classify/healthcare.jsonl
          -DMIN_F1=0.90 -DMIN_URGENT_RECALL=0.95
          -P ${CMAKE_CURRENT_LIST_DIR}/check_eval.cmake)
add_test(NAME classify_rules_check COMMAND turnaround rules check --rules ${PROJECT_SOURCE_DIR}/rules)

# The classify benchmark (run by scripts/bench classify).
add_executable(classify_bench ${CMAKE_CURRENT_LIST_DIR}/../bench/classify_bench.cpp)
target_link_libraries(classify_bench PRIVATE turnaround_core turnaround_warnings)
set_target_properties(classify_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
