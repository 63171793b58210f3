# LLVM/Clang 19 from Debian's packages (docs/design.md, "Toolchain"): clang-14
# is installed too, so the config packages are found by hint, never by
# version search alone.
find_package(LLVM 19.1 REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/llvm)
find_package(Clang REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/clang)
message(STATUS "eagerlint: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

set(EAGERLINT_LLVM_BINDIR ${LLVM_TOOLS_BINARY_DIR})
set(EAGERLINT_LLVM_LIBDIR ${LLVM_LIBRARY_DIR})

include(StageLLVMHeaders)
eagerlint_stage_llvm_headers(EAGERLINT_LLVM_STAGED_INCLUDE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})

# Flags every target that includes LLVM or Clang headers needs. The include
# directory is the staged one: it holds llvm/, clang/, ... and nothing that
# can stand in for a standard-library header.
add_library(eagerlint_llvm_flags INTERFACE)
target_include_directories(eagerlint_llvm_flags SYSTEM INTERFACE
  ${EAGERLINT_LLVM_STAGED_INCLUDE})
separate_arguments(_eagerlint_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(eagerlint_llvm_flags INTERFACE ${_eagerlint_llvm_defs})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(eagerlint_llvm_flags INTERFACE -fno-rtti)
endif()
