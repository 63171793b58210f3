// The guaranteed yield of the custom runtime in options.cpp.
#pragma once
#include <eagerlint/runtime.hpp>

namespace lib {
inline eagerlint::rt::detail::yield_awaiter reschedule() { return {}; }
} // namespace lib
