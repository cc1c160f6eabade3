# Fuzz targets for the parsers (tests/fuzz/<target>_fuzz.cpp), included from
# tests/CMakeLists.txt.
#
# Always: fuzz_replay_<target> runs every file of tests/fuzz/corpus/<target>/
# through the target with a plain main (replay_main.cpp) and is a ctest test,
# so the corpus (seeds and every crash found so far) is replayed on any
# compiler, and under ASan/UBSan in the sanitizer build.
#
# With -DTURNAROUND_FUZZ=ON and clang: fuzz_<target> libFuzzer binaries, and all
# of turnaround_core instrumented for coverage with ASan + UBSan. scripts/fuzz
# drives them.
set(TURNAROUND_FUZZ_TARGETS meta_payload generic_payload signature template rules config)
set(TURNAROUND_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})

set(turnaround_fuzz_enabled OFF)
if(TURNAROUND_FUZZ)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(turnaround_fuzz_enabled ON)
    # Coverage feedback and sanitizers for every consumer of turnaround_core.
    target_compile_options(turnaround_sanitizers INTERFACE
      -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(turnaround_sanitizers INTERFACE -fsanitize=address,undefined)
  else()
    message(WARNING "TURNAROUND_FUZZ needs clang (CXX=clang++); building the replay tests only")
  endif()
endif()

foreach(t ${TURNAROUND_FUZZ_TARGETS})
  add_executable(fuzz_replay_${t} ${TURNAROUND_FUZZ_DIR}/${t}_fuzz.cpp ${TURNAROUND_FUZZ_DIR}/replay_main.cpp)
  target_link_libraries(fuzz_replay_${t} PRIVATE turnaround_core turnaround_warnings)
  add_test(NAME fuzz_replay_${t} COMMAND fuzz_replay_${t} ${TURNAROUND_FUZZ_DIR}/corpus/${t})

  if(turnaround_fuzz_enabled)
    add_executable(fuzz_${t} ${TURNAROUND_FUZZ_DIR}/${t}_fuzz.cpp)
    target_link_libraries(fuzz_${t} PRIVATE turnaround_core turnaround_warnings)
    target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
    target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
    set_target_properties(fuzz_${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  endif()
endforeach()
