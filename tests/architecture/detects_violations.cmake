# Test of cmake/CheckDependencies.cmake on tests/data/architecture_bad:
#
#   cmake -DCHECKER=<CheckDependencies.cmake> -DFIXTURE=<fixture dir> -P detects_violations.cmake
#
# The checker must fail and report exactly the fixture lines marked
# "// VIOLATION" (every one of them, and nothing else) as "file:line:".

cmake_minimum_required(VERSION 3.20)

foreach(var CHECKER FIXTURE)
  if(NOT DEFINED ${var} OR NOT EXISTS "${${var}}")
    message(FATAL_ERROR "usage: cmake -DCHECKER=<script> -DFIXTURE=<dir> -P detects_violations.cmake (${var} missing)")
  endif()
endforeach()

# The expected violations: "file:line" of every marked line.
file(GLOB_RECURSE sources LIST_DIRECTORIES false RELATIVE "${FIXTURE}" "${FIXTURE}/*.cpp" "${FIXTURE}/*.h")
list(SORT sources)
set(expected "")
foreach(rel IN LISTS sources)
  file(READ "${FIXTURE}/${rel}" content)
  string(REPLACE ";" "," content "${content}")
  string(REPLACE "\n" ";" lines "${content}")
  set(lineno 0)
  foreach(line IN LISTS lines)
    math(EXPR lineno "${lineno} + 1")
    if(line MATCHES "// VIOLATION")
      list(APPEND expected "${rel}:${lineno}")
    endif()
  endforeach()
endforeach()
list(LENGTH expected expected_count)
if(expected_count EQUAL 0)
  message(FATAL_ERROR "no '// VIOLATION' marks under ${FIXTURE}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" "-DROOT=${FIXTURE}" -P "${CHECKER}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(output "${out}${err}")
if(rc EQUAL 0)
  message(FATAL_ERROR "the checker passed on a tree with ${expected_count} violations:\n${output}")
endif()

# What it reported: lines "   <file>:<line>: <what>".
string(REPLACE ";" "," output_lines "${output}")
string(REPLACE "\n" ";" output_lines "${output_lines}")
set(reported "")
foreach(line IN LISTS output_lines)
  if(line MATCHES "^ *([A-Za-z0-9_./-]+):([0-9]+): ")
    list(APPEND reported "${CMAKE_MATCH_1}:${CMAKE_MATCH_2}")
  endif()
endforeach()

set(problems "")
foreach(e IN LISTS expected)
  if(NOT e IN_LIST reported)
    string(APPEND problems "  not reported: ${e}\n")
  endif()
endforeach()
foreach(r IN LISTS reported)
  if(NOT r IN_LIST expected)
    string(APPEND problems "  reported but allowed: ${r}\n")
  endif()
endforeach()
if(NOT output MATCHES "${expected_count} architecture violation\\(s\\)")
  string(APPEND problems "  the summary does not count ${expected_count} violations\n")
endif()
if(NOT problems STREQUAL "")
  message(FATAL_ERROR "CheckDependencies on ${FIXTURE}:\n${problems}\nits output:\n${output}")
endif()
message(STATUS "CheckDependencies reported exactly the ${expected_count} violations of the fixture")
