//===- Driver.h - `eagerlint [options] [files...]` --------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_DRIVER_H
#define EAGERLINT_TOOL_DRIVER_H

#include <string>

namespace eagerlint::cli {

/// Runs the command line \p Argv; \p Executable is this program, started
/// again for each translation unit. Returns the exit code (design §5).
int runDriver(int Argc, const char **Argv, const std::string &Executable);

} // namespace eagerlint::cli

#endif
