// RUN: %check_clang_tidy %s eager-state-after-spawn %t -- -- %real_rt

#include <eagerlint/runtime.hpp>

#include <cstdio>

namespace rt = eagerlint::rt;

struct server {
  bool m_ready = false;
  rt::task<> serve() {
    std::printf("ready=%d\n", m_ready ? 1 : 0);
    co_await rt::yield_now();
  }
  rt::task<> start(rt::event_loop &loop) {
    loop.create_task(serve());
    m_ready = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'm_ready' is written after spawning 'server::serve', whose prefix reads it{{.*}} [eager-state-after-spawn]
    co_await rt::yield_now();
  }
};
// CHECK-FIXES: {{^}}    loop.create_task(serve());{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}    m_ready = true;{{$}}

int main() {
  rt::event_loop loop;
  server s;
  loop.run_until_complete(s.start(loop));
}
