// Coroutines defined in a header (inline and templates), included by the
// robustness corpus as a user header.
#pragma once
#include <eagerlint/runtime.hpp>

namespace hdr {
namespace rt = eagerlint::rt;

inline rt::task<int> header_work(int x) {
  co_await rt::yield_now();
  co_return x;
}

template <class T> rt::task<T> header_template(T v) {
  T copy = co_await header_work(1) ? v : T();
  co_return copy;
}

struct header_service {
  int m_count = 0;
  rt::task<> tick() {
    ++m_count;
    co_await rt::sleep(1);
  }
};
} // namespace hdr
