//===- FactsSink.cpp - Project-wide facts of one translation unit ---------===//
#include "FactsSink.h"
#include "llvm/ADT/DenseMap.h"
#include <mutex>

namespace eagerlint::tidy {

FactsSink::~FactsSink() = default;

namespace {
// clang-tidy creates checks through its module registry, which passes them
// nothing but their context: the sink is found through it.
std::mutex RegistryMutex;
llvm::DenseMap<const clang::tidy::ClangTidyContext *, FactsSink *> Registry;
} // namespace

FactsSinkRegistration::FactsSinkRegistration(
    const clang::tidy::ClangTidyContext &Context, FactsSink &Sink)
    : Context(Context) {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  Registry[&Context] = &Sink;
}

FactsSinkRegistration::~FactsSinkRegistration() {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  Registry.erase(&Context);
}

FactsSink *registeredFactsSink(const clang::tidy::ClangTidyContext &Context) {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  return Registry.lookup(&Context);
}

} // namespace eagerlint::tidy
