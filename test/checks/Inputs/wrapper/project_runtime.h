// A project header that re-exports the runtime: files that include only
// this one get the runtime header added by the fix-its.
#pragma once
#include <eagerlint/runtime.hpp>
