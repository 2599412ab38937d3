# saga_add_test(<name> LABEL <unit|integration|contract|e2e> SOURCES ... [LIBS ...] [SERIAL])
# One executable per call; every doctest case becomes its own ctest entry carrying the label.
# SERIAL marks tests that disturb shared servers (stop the broker or the database): ctest runs
# them alone.
find_package(doctest REQUIRED)
include(doctest)

function(saga_add_test name)
  cmake_parse_arguments(T "SERIAL" "LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE saga_test_support ${T_LIBS})
  set(props LABELS ${T_LABEL} TIMEOUT ${T_TIMEOUT})
  if(T_SERIAL)
    list(APPEND props RUN_SERIAL TRUE)
  endif()
  doctest_discover_tests(${name} TEST_PREFIX "${name}: " PROPERTIES ${props})
endfunction()
