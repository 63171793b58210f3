// REQUIRES: asio, boost
// RUN: %check_clang_tidy -check-suffix=ASIO %s eager-cancel-before-start,eager-state-after-spawn %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio
// RUN: %check_clang_tidy -check-suffix=BOOST %s eager-cancel-before-start,eager-state-after-spawn %t -config="{CheckOptions: {Profile: asio}}" -- -- -DUSE_BOOST

// The hazards the first version missed on real Asio code (docs/accuracy.md,
// M1-M3 and pointer members), against real standalone Asio 1.22 and
// Debian's Boost.Asio: each is found, and its fix-it (a yield in the spawn's
// own namespace, with that library's header) compiles against that library.

#ifdef USE_BOOST
#include <boost/asio.hpp>
#include <boost/asio/experimental/promise.hpp>
#include <boost/asio/experimental/use_promise.hpp>
namespace net = boost::asio;
#else
#include <asio.hpp>
#include <asio/experimental/promise.hpp>
namespace net = asio;
#endif

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

net::awaitable<void> worker(bool &started) {
  started = true;
  net::steady_timer timer(co_await net::this_coro::executor);
  timer.expires_after(std::chrono::seconds(1));
  co_await timer.async_wait(net::use_awaitable);
}

// M1: the promise use_promise returns cancels the task when destroyed.
net::awaitable<void> promise_reset_in_the_window(bool &started) {
  auto ex = co_await net::this_coro::executor;
  auto p = std::make_optional(
      net::co_spawn(ex, worker(started), net::experimental::use_promise));
  p.reset();
  // CHECK-MESSAGES-ASIO: :[[@LINE-1]]:5: warning: the task's handle is destroyed here, which cancels 'worker' before it first suspends{{.*}} [eager-cancel-before-start]
  // CHECK-MESSAGES-BOOST: :[[@LINE-2]]:5: warning: the task's handle is destroyed here, which cancels 'worker' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await net::post(ex, net::use_awaitable);
}
// CHECK-FIXES-ASIO: {{^}}      net::co_spawn(ex, worker(started), net::experimental::use_promise));{{$}}
// CHECK-FIXES-ASIO-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-BOOST: {{^}}      net::co_spawn(ex, worker(started), net::experimental::use_promise));{{$}}
// CHECK-FIXES-BOOST-NEXT: {{^}}  co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);{{$}}

// M2: cancel() on the promise.
net::awaitable<void> promise_cancel_in_the_window(bool &started) {
  auto ex = co_await net::this_coro::executor;
  auto p = net::co_spawn(ex, worker(started), net::experimental::use_promise);
  p.cancel();
  // CHECK-MESSAGES-ASIO: :[[@LINE-1]]:5: warning: task 'p' running 'worker' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  // CHECK-MESSAGES-BOOST: :[[@LINE-2]]:5: warning: task 'p' running 'worker' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await net::post(ex, net::use_awaitable);
}

// M3: cancellation signals held in a container, all emitted in a loop.
net::awaitable<void> signals_in_a_container_emitted_in_a_loop(bool &started) {
  auto ex = co_await net::this_coro::executor;
  std::vector<std::unique_ptr<net::cancellation_signal>> signals;
  signals.push_back(std::make_unique<net::cancellation_signal>());
  net::co_spawn(ex, worker(started),
                net::bind_cancellation_slot(signals.back()->slot(),
                                            net::detached));
  for (auto &signal : signals)
    signal->emit(net::cancellation_type::terminal);
  // CHECK-MESSAGES-ASIO: :[[@LINE-1]]:13: warning: task 'signal' running 'worker' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  // CHECK-MESSAGES-BOOST: :[[@LINE-2]]:13: warning: task 'signal' running 'worker' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await net::post(ex, net::use_awaitable);
}

// Accesses through pointer members: the prefix reads peer->queue, the
// spawner pushes to it after the spawn.
struct peer {
  std::deque<int> queue;
};
net::awaitable<void> flush(peer *p, int &sent) {
  if (!p->queue.empty())
    ++sent;
  net::steady_timer timer(co_await net::this_coro::executor);
  co_await timer.async_wait(net::use_awaitable);
}
net::awaitable<void> push_through_a_pointer_after_the_spawn(peer *p,
                                                           int &sent) {
  auto ex = co_await net::this_coro::executor;
  net::co_spawn(ex, flush(p, sent), net::detached);
  p->queue.push_back(1);
  // CHECK-MESSAGES-ASIO: :[[@LINE-1]]:12: warning: 'p.queue' is written after spawning 'flush', whose prefix reads it{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES-BOOST: :[[@LINE-2]]:12: warning: 'p.queue' is written after spawning 'flush', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await net::post(ex, net::use_awaitable);
}

int main() {
  net::io_context ctx;
  bool started = false;
  int sent = 0;
  peer q;
  net::co_spawn(ctx, promise_reset_in_the_window(started), net::detached);
  net::co_spawn(ctx, promise_cancel_in_the_window(started), net::detached);
  net::co_spawn(ctx, signals_in_a_container_emitted_in_a_loop(started),
                net::detached);
  net::co_spawn(ctx, push_through_a_pointer_after_the_spawn(&q, sent),
                net::detached);
  ctx.run();
}
