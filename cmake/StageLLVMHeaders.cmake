# Debian installs libc++abi's cxxabi.h, libunwind's unwind.h and friends
# (packages libc++abi-19-dev, libunwind-19-dev) into the same directory as
# LLVM's and Clang's headers. Putting that directory on the include path ahead
# of the standard library lets libstdc++ code pick up libc++abi's declarations
# (issue 14). So only the project directories of LLVM, Clang and clang-tidy are
# linked into a staged include directory in the build tree, and the stage is
# checked: a file at its top level could shadow a system header.

# The top-level directories of an LLVM install prefix that hold LLVM's own
# headers; everything else there belongs to other packages.
set(EAGERLINT_LLVM_HEADER_DIRS llvm llvm-c clang clang-c clang-tidy)

function(eagerlint_stage_llvm_headers out_var)
  set(stage ${CMAKE_BINARY_DIR}/llvm-include)
  file(REMOVE_RECURSE ${stage})
  file(MAKE_DIRECTORY ${stage})
  list(REMOVE_DUPLICATES ARGN)
  foreach(src IN LISTS ARGN)
    foreach(dir IN LISTS EAGERLINT_LLVM_HEADER_DIRS)
      if(IS_DIRECTORY ${src}/${dir} AND NOT EXISTS ${stage}/${dir})
        file(CREATE_LINK ${src}/${dir} ${stage}/${dir} SYMBOLIC)
      endif()
    endforeach()
  endforeach()
  foreach(dir llvm clang)
    if(NOT EXISTS ${stage}/${dir})
      message(FATAL_ERROR "eagerlint: no ${dir}/ headers under ${ARGN}")
    endif()
  endforeach()
  eagerlint_check_no_shadowing(${stage})
  set(${out_var} ${stage} PARENT_SCOPE)
endfunction()

# Fails the configuration when an include directory has a file at its top
# level: any such file (cxxabi.h, unwind.h, ...) can be found before the
# standard library's header of the same name.
function(eagerlint_check_no_shadowing)
  foreach(inc IN LISTS ARGN)
    file(GLOB entries LIST_DIRECTORIES true RELATIVE ${inc} ${inc}/*)
    foreach(entry IN LISTS entries)
      if(NOT entry IN_LIST EAGERLINT_LLVM_HEADER_DIRS)
        message(FATAL_ERROR "eagerlint: include directory ${inc} holds "
          "'${entry}', which could shadow a standard-library header")
      endif()
    endforeach()
  endforeach()
endfunction()
