// A job dispatcher: it starts a worker over a shared queue, then fills the
// queue. The worker takes whatever is queued when it first looks.
//
// Lazily started (co_spawn posts, Asio <= 1.18), the worker first looks after
// the queue was filled. Started by dispatch (Asio >= 1.19), it looks at once,
// finds the queue empty and stops.
#include <asio.hpp>

#include <chrono>
#include <deque>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

asio::awaitable<void> worker(std::deque<std::string> &jobs) {
  std::cout << "worker: " << jobs.size() << " jobs queued\n";
  asio::steady_timer step(co_await asio::this_coro::executor);
  while (!jobs.empty()) {
    std::string job = jobs.front();
    jobs.pop_front();
    step.expires_after(2ms);
    co_await step.async_wait(asio::use_awaitable);
    std::cout << "worker: ran " << job << "\n";
  }
  std::cout << "worker: idle\n";
}

asio::awaitable<void> dispatch_batch() {
  auto ex = co_await asio::this_coro::executor;
  std::deque<std::string> jobs;
  asio::co_spawn(ex, worker(jobs), asio::detached);
  for (const char *job : {"resize", "upload", "notify"})
    jobs.push_back(job); // EXPECT: eager-state-after-spawn
  asio::steady_timer drain(ex, 20ms);
  co_await drain.async_wait(asio::use_awaitable);
  std::cout << "dispatcher: " << jobs.size() << " jobs left\n";
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, dispatch_batch(), asio::detached);
  ctx.run();
}
