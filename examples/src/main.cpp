// kvservice: serves a fixed batch of requests with a cache, a worker pool,
// a metrics flusher and a watchdog, on a virtual clock.
#include "kv/cache.hpp"
#include "kv/metrics.hpp"
#include "kv/request_handler.hpp"
#include "kv/watchdog.hpp"
#include "kv/worker_pool.hpp"

#include <eagerlint/runtime.hpp>

#include <chrono>
#include <cstdio>
#include <vector>

using namespace std::chrono_literals;
namespace rt = eagerlint::rt;

namespace {

rt::task<int> serve_batch(kv::cache &c, kv::metrics &m,
                          std::vector<kv::request> batch) {
  std::vector<rt::task_handle<kv::response>> inflight;
  for (kv::request &r : batch) {
    m.count(r.verb);
    inflight.push_back(rt::create_task(kv::handle_request(c, r)));
  }
  inflight.push_back(rt::create_task(kv::handle_health()));
  int failures = 0;
  for (auto &h : inflight) {
    kv::response resp = co_await h;
    std::printf("%d %s\n", resp.status, resp.body.c_str());
    failures += resp.status >= 500;
  }
  co_return failures;
}

rt::task<int> run_service() {
  kv::cache cache({{"config", "v1"}, {"user:1", "ada"}, {"user:2", "grace"}});
  kv::metrics metrics;
  co_await metrics.start(10ms);

  kv::watchdog dog(cache, 4ms);
  co_await dog.start(/*enabled=*/false);

  kv::worker_pool pool(2);
  pool.start();
  for (const char *name : {"compact", "snapshot", "rotate-logs"})
    pool.submit({name, [] {}});

  int failures = co_await serve_batch(
      cache, metrics,
      {{"get", "user:1"}, {"get", "user:2"}, {"get", "user:1"},
       {"refresh", "config"}, {"get", "user:3"}});

  co_await pool.drain();
  dog.stop();
  co_await metrics.stop();
  std::printf("cache: %zu hits, %zu misses; %zu jobs; %zu probes\n",
              cache.hits(), cache.misses(), pool.done(), dog.probes());
  co_return failures;
}

} // namespace

int main() {
  try {
    return rt::run(run_service());
  } catch (const std::exception &e) {
    std::printf("kvservice stopped: %s\n", e.what());
    return 1;
  }
}
