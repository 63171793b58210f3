//===- TestFiles.h - Source files in a temporary directory ------*- C++ -*-===//
#ifndef EAGERLINT_TEST_CLIUNIT_TESTFILES_H
#define EAGERLINT_TEST_CLIUNIT_TESTFILES_H

#include "Support.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace eagerlint::cli {

/// A temporary directory, removed with its files at the end of the test.
class TestFiles {
public:
  TestFiles() {
    llvm::SmallString<256> Dir;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("eagerlint-unit", Dir));
    Root = normalizePath(Dir);
  }
  ~TestFiles() { llvm::sys::fs::remove_directories(Root); }

  /// Writes \p Text to \p Name under the directory; returns its path.
  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return std::string(Path);
  }

  std::string read(llvm::StringRef Path) {
    auto B = llvm::MemoryBuffer::getFile(Path);
    return B ? (*B)->getBuffer().str() : std::string();
  }

  std::string Root;
};

} // namespace eagerlint::cli

#endif
