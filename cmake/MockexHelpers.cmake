# Build conventions shared by every mockex target.

# Warnings, -Werror (MOCKEX_WERROR) and sanitizers (MOCKEX_SANITIZE) live in this one INTERFACE
# target; every mockex library, executable and test links it. No global flags.
add_library(mockex_build_options INTERFACE)
target_compile_options(mockex_build_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${MOCKEX_WERROR}>:-Werror>)
if(MOCKEX_SANITIZE)
  target_compile_options(mockex_build_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(mockex_build_options INTERFACE -fsanitize=address,undefined)
  target_compile_definitions(mockex_build_options INTERFACE MOCKEX_SANITIZED=1)
endif()
# ThreadSanitizer (`make tsan`): the daemon and the tests labelled "tsan" (the threaded ones).
# Asio's fenced blocks use std::atomic_thread_fence, which TSan does not model (gcc warns with
# -Wtsan); its scheduler hands handlers over under a mutex anyway, so the fences go. The one
# fence left (Asio's reference counts, acquire after the last release) is the textbook pattern,
# and its warning is silenced.
if(MOCKEX_TSAN)
  target_compile_options(mockex_build_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer
    -Wno-tsan)
  target_compile_definitions(mockex_build_options INTERFACE BOOST_ASIO_DISABLE_FENCED_BLOCK)
  target_link_options(mockex_build_options INTERFACE -fsanitize=thread)
endif()
# Every mockex target gets libFuzzer's coverage instrumentation and ASan + UBSan, with asserts on
# whatever the build type (invariants are part of what fuzzing checks); only the fuzz targets
# link the libFuzzer runtime (tests/fuzz/CMakeLists.txt).
if(MOCKEX_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MOCKEX_FUZZ needs clang++ (-DCMAKE_CXX_COMPILER=clang++)")
  endif()
  target_compile_options(mockex_build_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
    -UNDEBUG)
  target_link_options(mockex_build_options INTERFACE -fsanitize=address,undefined)
endif()

# mockex_add_library(NAME SOURCES a.cpp ... DEPS public... PRIVATE_DEPS private...)
# Declares mockex_NAME with alias mockex::NAME; headers under include/mockex/NAME/.
# A library without sources is an INTERFACE (header-only) target.
function(mockex_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  set(target mockex_${name})
  if(ARG_SOURCES)
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(${target} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} mockex_build_options)
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(${target} INTERFACE ${ARG_DEPS})
  endif()
  add_library(mockex::${name} ALIAS ${target})
endfunction()

# mockex_add_test(NAME SOURCES ... DEPS ... [TIMEOUT seconds] [LABELS ...])
# A GoogleTest executable whose tests are discovered into CTest, each with a timeout
# (default 60 s) and the label "unit" unless LABELS says otherwise (one label, plus "tsan").
function(mockex_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 60)
  endif()
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main
    mockex_build_options)
  # Label "tsan": in a ThreadSanitizer build the whole binary is one more test, labelled tsan
  # (`make tsan`); each discovered test keeps one label (PROPERTIES is a flat key/value list).
  list(FIND ARG_LABELS tsan threaded)
  list(REMOVE_ITEM ARG_LABELS tsan)
  if(MOCKEX_TSAN AND threaded GREATER -1)
    add_test(NAME tsan.${name} COMMAND ${name})
    set_tests_properties(tsan.${name} PROPERTIES LABELS tsan TIMEOUT 600)
  endif()
  gtest_discover_tests(${name}
    DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS ${ARG_LABELS})
endfunction()

# mockex_add_pytest(NAME LABEL label [ARGS pytest args...] [ENV VAR=value...] [TIMEOUT s])
# One CTest test running Debian's pytest from the source tree against the mockexd just built.
set(MOCKEX_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with Debian's pytest and aiohttp")
function(mockex_add_pytest name)
  cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "ARGS;ENV" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  add_test(NAME ${name}
    COMMAND ${MOCKEX_PYTHON} -m pytest -q -p no:cacheprovider ${ARG_ARGS}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES
    LABELS ${ARG_LABEL}
    TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "MOCKEXD=$<TARGET_FILE:mockexd>;MOCKEX_REPO=${PROJECT_SOURCE_DIR};${ARG_ENV}")
endfunction()
