# cmake -D SDK_SOURCE_DIR=... -D WORK_DIR=... -D WITH_MOCKEXD=... -D CXX_COMPILER=...
#       -P package_test.cmake
# Proves the SDK works as an installed CMake package: builds client-sdk/cpp on its own, installs it
# into a fresh prefix, builds tests/consumer with find_package(mockex) against that prefix, and
# runs the consumer against a real daemon. The SDK's build directory is kept between runs (Ninja
# and ccache make a rerun quick); the prefix and the consumer are made anew each time.

find_program(CCACHE ccache)
set(common -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
if(CCACHE)
  list(APPEND common -DCMAKE_CXX_COMPILER_LAUNCHER=${CCACHE})
endif()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE output
                  ERROR_VARIABLE output)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${output}")
  endif()
  set(last_output "${output}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${prefix} ${WORK_DIR}/consumer)

run(${CMAKE_COMMAND} -S ${SDK_SOURCE_DIR} -B ${WORK_DIR}/sdk ${common}
    -DMOCKEX_SDK_BUILD_TESTS=OFF -DMOCKEX_SDK_WERROR=ON)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/sdk -j 2)
run(${CMAKE_COMMAND} --install ${WORK_DIR}/sdk --prefix ${prefix})
message(STATUS "installed into ${prefix}")

run(${CMAKE_COMMAND} -S ${SDK_SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/consumer ${common}
    -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer)
run(${WITH_MOCKEXD} ${WORK_DIR}/consumer/consumer)
if(NOT last_output MATCHES "^session s[a-z0-9]+\n$")
  message(FATAL_ERROR "unexpected consumer output: ${last_output}")
endif()
message(STATUS "consumer: ${last_output}")
