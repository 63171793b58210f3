# What `cmake --install` adds beside the targets' own install() rules, and the
# Debian package CPack builds from the same rules (docs/install.md).

include(CMakePackageConfigHelpers)

install(FILES README.md TYPE DOC)
# Under docs/, so that the README's links resolve.
install(DIRECTORY docs TYPE DOC)

# find_package(eagerlint): eagerlint::runtime, and with the tools the
# eagerlint::eagerlint and eagerlint::eagerlint-tidy imported targets plus
# EAGERLINT_EXECUTABLE, EAGERLINT_TIDY_PLUGIN, EAGERLINT_CLANG_TIDY and
# EAGERLINT_CXX_CLANG_TIDY (a value for CMAKE_CXX_CLANG_TIDY).
set(EAGERLINT_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/eagerlint)
install(EXPORT eagerlintTargets NAMESPACE eagerlint::
  FILE eagerlintTargets.cmake DESTINATION ${EAGERLINT_INSTALL_CMAKEDIR})
if(EAGERLINT_BUILD_TOOLS)
  set(EAGERLINT_PACKAGE_LLVM_VERSION ${LLVM_PACKAGE_VERSION})
  set(EAGERLINT_PACKAGE_LLVM_MAJOR ${LLVM_VERSION_MAJOR})
else()
  set(EAGERLINT_PACKAGE_LLVM_VERSION "")
  set(EAGERLINT_PACKAGE_LLVM_MAJOR "")
endif()
configure_package_config_file(cmake/eagerlintConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/eagerlintConfig.cmake
  INSTALL_DESTINATION ${EAGERLINT_INSTALL_CMAKEDIR})
# 0.x: a minor release may change the contract.
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/eagerlintConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/eagerlintConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/eagerlintConfigVersion.cmake
  DESTINATION ${EAGERLINT_INSTALL_CMAKEDIR})

# The Debian package: eagerlint_<version>_amd64.deb, installing into /usr.
# Its dependencies are the shared libraries the binaries link to, as
# dpkg-shlibdeps finds them (libclang-cpp19, libllvm19, libstdc++6, ...),
# plus what is used but not linked: the plugin's host clang-tidy and the
# clang builtin headers the CLI passes as -resource-dir. clang++ builds the
# programs of `eagerlint verify`.
set(EAGERLINT_PACKAGE_MAINTAINER "eagerlint developers" CACHE STRING
  "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME eagerlint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Finds C++20 coroutine code that breaks when tasks start eagerly")
set(CPACK_PACKAGE_DESCRIPTION "eagerlint finds the code that changes behaviour \
when a coroutine runtime starts tasks eagerly instead of lazily: a clang-tidy \
plugin with the eager-* checks, the eagerlint command (project-wide analysis, \
SARIF, baselines, fix-its, verify) and the header-only reference runtime.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${EAGERLINT_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
if(EAGERLINT_BUILD_TOOLS)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${EAGERLINT_HOMEPAGE_URL})
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "clang-tidy-${LLVM_VERSION_MAJOR}, libclang-common-${LLVM_VERSION_MAJOR}-dev")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-${LLVM_VERSION_MAJOR}")
else()
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE all)
endif()
include(CPack)
