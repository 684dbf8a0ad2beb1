# Build-time settings: the same code, compiled and linked faster.
#
# - Linker: mold when installed (Debian `mold`), else lld, else the default.
#   Linking the sanitizer-instrumented test executables with GNU ld took
#   several seconds each; mold takes a fraction of a second.
# - Unity builds (ASSAY_UNITY, on by default): each target's sources are
#   compiled in batches, so the standard library, fmt, nlohmann/json, oneTBB
#   and GoogleTest headers are parsed once per batch instead of once per file.
#   A file that cannot share a batch (a name clash in an anonymous namespace)
#   is better renamed than excluded.
# - Precompiled headers (ASSAY_PCH, on by default) for the heavy third-party
#   headers that most files of a target include (assay_precompile below).
#   With clang the templates those headers use are instantiated once in the
#   PCH (-fpch-instantiate-templates), not again in every batch.
# - The dev preset compiles with clang at -O0: under ASan + UBSan, clang
#   -O0 compiled the test suite in a third of the CPU time of gcc -O1, and
#   -O1 for the engines alone (so the tests run faster) cost more compile
#   time than it saved in ctest (docs/PERFORMANCE.md, Build and test loop).
option(ASSAY_UNITY "Compile each target's sources in unity batches" ON)
option(ASSAY_PCH "Precompile the heavy third-party headers" ON)
set(ASSAY_UNITY_BATCH 8 CACHE STRING "Source files per unity batch")

find_program(ASSAY_MOLD mold)
find_program(ASSAY_LLD ld.lld)
if(ASSAY_MOLD)
  target_link_options(assay_options INTERFACE -fuse-ld=mold)
elseif(ASSAY_LLD)
  target_link_options(assay_options INTERFACE -fuse-ld=lld)
endif()

if(ASSAY_UNITY)
  set(CMAKE_UNITY_BUILD ON)
  set(CMAKE_UNITY_BUILD_BATCH_SIZE ${ASSAY_UNITY_BATCH})
endif()

# assay_precompile(<target> <headers...>): precompiled headers for one target.
function(assay_precompile target)
  if(ASSAY_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
