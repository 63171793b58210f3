#!/usr/bin/env python3
"""Generates a coroutine code base on the eagerlint reference runtime for
the CLI benchmark: N services, one translation unit each, plus a header
all share and one every tenth service includes, and its
compile_commands.json.

usage: gen_project.py OUT_DIR RUNTIME_INCLUDE [--tus N] [--cxx CXX]

Each service has a cache, a request loop, a worker queue and helpers; some
carry a hazard (state written after a spawn, a cancel before start, a
timeout in a prefix spawned from the next service's file, a self-respawning
poller), most of the code is safe. Deterministic for a given N.
"""
import argparse
import json
import os

HEADER = r"""// Shared by every service of the benchmark project.
#pragma once

#include <eagerlint/runtime.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bench {

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct request {
  std::string verb;
  std::string key;
  int attempt = 0;
};

struct response {
  int status = 0;
  std::string body;
};

/// Counts events per name; flushed by a background task.
class stats {
public:
  void add(const std::string &name, std::size_t n = 1) { m_counts[name] += n; }
  std::size_t get(const std::string &name) const {
    auto it = m_counts.find(name);
    return it == m_counts.end() ? 0 : it->second;
  }

private:
  std::map<std::string, std::size_t> m_counts;
};

inline rt::task<void> pause_briefly() { co_await rt::sleep(1ms); }

inline std::string normalize(std::string s) {
  for (char &c : s)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return s;
}

} // namespace bench
"""

# Included by every tenth service only: the cache bench touches it and
# expects exactly those services to be analysed again.
TUNING = r"""// Limits shared by a few services of the benchmark project.
#pragma once

#include <cstddef>

namespace bench::tuning {

inline constexpr std::size_t max_batch = 64;
inline constexpr int retry_limit = 3;

} // namespace bench::tuning
"""

SERVICE = r"""// Service {i} of the benchmark project.
#include "bench/common.hpp"
{tuning}
#include <algorithm>
#include <deque>
#include <numeric>

namespace bench::svc{i} {{

class cache {{
public:
  rt::task<std::optional<std::string>> get(std::string key) {{
    key = normalize(std::move(key));
    if (auto it = m_entries.find(key); it != m_entries.end())
      co_return it->second;
    co_await rt::sleep(2ms);
    std::string value = key + ":{i}";
    m_entries.emplace(key, value);
    co_return value;
  }}

  void evict_older_than(std::size_t keep) {{
    while (m_entries.size() > keep)
      m_entries.erase(m_entries.begin());
  }}

  std::size_t size() const {{ return m_entries.size(); }}

private:
  std::map<std::string, std::string> m_entries;
}};

class service {{
public:
  explicit service(stats &s) : m_stats(s) {{}}

  rt::task<response> handle(request r) {{
    co_await rt::yield_now();
    m_stats.add(r.verb);
    if (r.verb == "get") {{
      std::optional<std::string> v = co_await m_cache.get(r.key);
      co_return response{{v ? 200 : 404, v.value_or("")}};
    }}
    if (r.verb == "sum") {{
      std::vector<int> xs(static_cast<std::size_t>(r.attempt) + 3);
      std::iota(xs.begin(), xs.end(), {i});
      co_return response{{200, std::to_string(std::accumulate(xs.begin(), xs.end(), 0))}};
    }}
    co_return response{{400, "bad verb " + r.verb}};
  }}

  rt::task<int> serve(std::vector<request> batch) {{
    std::vector<rt::task_handle<response>> inflight;
    for (request &r : batch)
      inflight.push_back(rt::create_task(handle(r)));
    int failures = 0;
    for (auto &h : inflight) {{
      response resp = co_await h;
      failures += resp.status >= 400;
    }}
    m_cache.evict_older_than(64);
    co_return failures;
  }}

  rt::task<void> drain_queue() {{
    while (!m_queue.empty()) {{
      request r = m_queue.front();
      m_queue.pop_front();
      co_await handle(std::move(r));
    }}
  }}

  void enqueue(request r) {{ m_queue.push_back(std::move(r)); }}
{hazards}
private:
  stats &m_stats;
  cache m_cache;
  std::deque<request> m_queue;
  int m_generation = 0;
  bool m_running = true;
  std::size_t m_polls = 0;
}};

{free}
}} // namespace bench::svc{i}
"""

STATE_HAZARD = r"""
  rt::task<void> refresh_worker() {
    int seen = m_generation;
    co_await pause_briefly();
    m_stats.add("refresh", static_cast<std::size_t>(seen));
  }

  rt::task<void> refresh() {
    auto h = rt::create_task(refresh_worker());
    ++m_generation;
    co_await h;
  }
"""

CANCEL_HAZARD = r"""
  rt::task<void> background() {
    m_stats.add("background");
    co_await rt::sleep(5ms);
  }

  rt::task<void> maybe_background(bool enabled) {
    auto h = rt::create_task(background());
    if (!enabled)
      h.cancel();
    co_await rt::yield_now();
  }
"""

POLL_HAZARD = r"""
  rt::task<void> poll() {
    ++m_polls;
    if (m_running && m_polls < 4)
      rt::create_task(poll());
    co_await rt::sleep(1ms);
  }
"""

SAFE_SPAWN = r"""
  rt::task<void> warm_up() {
    auto h = rt::create_task(m_cache.get("warm"));
    co_await rt::yield_now();
    if (h.done())
      m_stats.add("warm");
    co_await h;
  }
"""

TIMED_DEF = r"""
// Spawned from the next service's file.
rt::task<int> timed_lookup(int x) {{
  co_return co_await rt::timeout(10ms, [](int y) -> rt::task<int> {{
    co_await rt::yield_now();
    co_return y * {i};
  }}(x));
}}
"""

TIMED_USE = r"""
}} // namespace bench::svc{i}

namespace bench::svc{prev} {{
rt::task<int> timed_lookup(int x);
}}

namespace bench::svc{i} {{

rt::task<int> ask_neighbour() {{
  auto h = rt::create_task(bench::svc{prev}::timed_lookup({i}));
  co_return co_await h;
}}
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("runtime_include")
    p.add_argument("--tus", type=int, default=60)
    p.add_argument("--cxx", default="clang++-19")
    a = p.parse_args()

    root = os.path.abspath(a.out)
    os.makedirs(os.path.join(root, "include", "bench"), exist_ok=True)
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    os.makedirs(os.path.join(root, "build"), exist_ok=True)
    with open(os.path.join(root, "include", "bench", "common.hpp"), "w") as f:
        f.write(HEADER)
    with open(os.path.join(root, "include", "bench", "tuning.hpp"), "w") as f:
        f.write(TUNING)

    entries = []
    for i in range(a.tus):
        hazards = SAFE_SPAWN
        if i % 3 == 0:
            hazards += STATE_HAZARD
        if i % 5 == 0:
            hazards += CANCEL_HAZARD
        if i % 7 == 0:
            hazards += POLL_HAZARD
        free = ""
        if i % 4 == 0:
            free += TIMED_DEF.format(i=i)
        if i % 4 == 1:
            free += TIMED_USE.format(i=i, prev=i - 1)
        path = os.path.join(root, "src", "service_%03d.cpp" % i)
        with open(path, "w") as f:
            tuning = '#include "bench/tuning.hpp"\n' if i % 10 == 0 else ""
            f.write(SERVICE.format(i=i, hazards=hazards, free=free,
                                   tuning=tuning))
        entries.append({
            "directory": os.path.join(root, "build"),
            "file": path,
            "arguments": [a.cxx, "-std=c++20", "-O2",
                          "-I", os.path.join(root, "include"),
                          "-isystem", a.runtime_include,
                          "-c", path, "-o", "service_%03d.o" % i],
        })
    with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


if __name__ == "__main__":
    main()
