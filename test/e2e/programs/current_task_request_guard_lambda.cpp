// An acceptor that starts one handler per request (a lambda coroutine); the
// handler arms a watchdog on its own task, taken from current_task() before
// it first suspends, so a request over its budget is aborted.
//
// Lazily started, the watchdog aborts the slow request. Eagerly started,
// current_task() is the acceptor's task: the watchdog cancels the acceptor
// and the slow request runs to the end.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

rt::task<> watchdog(rt::task_ref target, std::chrono::milliseconds budget,
                    std::string what) {
  co_await rt::sleep(budget);
  if (target.cancel())
    std::cout << "watchdog: " << what << " over budget, cancelling\n";
}

struct request {
  std::string path;
  std::chrono::milliseconds work;
};

rt::task<> acceptor(const std::vector<request> &requests) {
  auto handle = [](const request &req) -> rt::task<> {
    rt::task_ref self = rt::current_task(); // EXPECT: eager-current-task-in-prefix
    auto guard = rt::create_task(watchdog(self, 40ms, req.path));
    try {
      co_await rt::sleep(req.work);
      std::cout << req.path << ": 200 OK\n";
    } catch (const rt::cancelled_error &) {
      std::cout << req.path << ": 503 aborted\n";
    }
    guard.cancel();
  };
  std::vector<rt::task_handle<>> inflight;
  for (const request &r : requests)
    inflight.push_back(rt::create_task(handle(r)));
  try {
    for (auto &h : inflight)
      co_await h;
    std::cout << "acceptor: drained\n";
  } catch (const rt::cancelled_error &) {
    std::cout << "acceptor: cancelled\n";
  }
}

int main() {
  const std::vector<request> requests = {
      {"/health", 1ms}, {"/report", 90ms}, {"/search", 20ms}};
  rt::run(acceptor(requests));
}
