# assay_module(<layer> DEPS <targets...>)
# Builds src/<layer>/*.cpp into the static library assay_<layer> (alias
# assay::<layer>). Headers are included as "<layer>/<file>.hpp" from src/.
function(assay_module layer)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${layer}/*.cpp)
  add_library(assay_${layer} STATIC ${sources})
  add_library(assay::${layer} ALIAS assay_${layer})
  target_include_directories(assay_${layer} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src> $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/generated>)
  target_link_libraries(assay_${layer} PUBLIC assay_options ${ARG_DEPS})
endfunction()

# assay_test(<layer> DEPS <targets...>)
# One gtest executable per tests/<layer> folder, registered with ctest.
function(assay_test layer)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${layer}/*.cpp)
  if(NOT sources)
    return()
  endif()
  add_executable(test_${layer} ${sources})
  target_include_directories(test_${layer} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(test_${layer} PRIVATE ${ARG_DEPS} nlohmann_json::nlohmann_json fmt::fmt GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(test_${layer} PRIVATE
    ASSAY_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
    ASSAY_REFERENCE_DIR="${PROJECT_SOURCE_DIR}/tests/reference")
  assay_precompile(test_${layer} <gtest/gtest.h> <nlohmann/json.hpp> <fmt/format.h>)
  # Listed when ctest runs, not after each link: the build stays a build.
  gtest_discover_tests(test_${layer} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
endfunction()
