# Third-party packages, all from Debian 12 (see scripts/install-deps.sh).
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
# Boost 1.81 (libboost1.81-all-dev): Beast, Asio and URL are header-only.
find_package(Boost 1.81 REQUIRED CONFIG COMPONENTS headers)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(spdlog REQUIRED)
find_package(prometheus-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(OpenSSL REQUIRED)
if(MOCKEX_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(MOCKEX_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()

# Asio and Beast compiled once (in mockex_asio) instead of in every translation unit that includes
# them: the heavy headers then only declare, which keeps the Beast translation units quick to build.
add_library(mockex_asio STATIC ${PROJECT_SOURCE_DIR}/cmake/asio_beast_impl.cpp)
add_library(mockex::asio ALIAS mockex_asio)
target_compile_definitions(mockex_asio PUBLIC
  BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION BOOST_ASIO_NO_DEPRECATED)
target_link_libraries(mockex_asio PUBLIC Boost::headers Threads::Threads PRIVATE mockex_build_options)
