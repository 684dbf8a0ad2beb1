# Every dependency is a Debian 12 package (scripts/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(TBB REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(simdjson REQUIRED)
find_package(FastFloat REQUIRED)
find_package(CLI11 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# OpenSSL (libssl-dev) for HMAC-SHA256, the keyed hash of PII redaction.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
# Debian's xgboost CMake config also names the CLI binary (another package),
# so the library is found directly.
find_library(XGBOOST_LIB xgboost REQUIRED)
add_library(xgboost::xgboost UNKNOWN IMPORTED)
set_target_properties(xgboost::xgboost PROPERTIES IMPORTED_LOCATION ${XGBOOST_LIB})
# mimalloc (libmimalloc-dev) replaces malloc in the assay executable, except
# under the sanitizers, which bring their own.
find_library(MIMALLOC_LIB mimalloc)
find_path(MIMALLOC_INCLUDE mimalloc.h)
if(ASSAY_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(ASSAY_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
