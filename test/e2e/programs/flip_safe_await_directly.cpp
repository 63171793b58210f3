// Looks like the type-flip hazards, but safe: every hot_task is awaited
// right where it is called. Its prefix reads state the caller writes
// afterwards, records current_task() and enters a timeout, yet nothing runs
// between the call and the await, so the call starts it at the same point
// under either policy, as the awaiting task.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

rt::task<int> read_counter(int latency_ms) {
  co_await rt::sleep(std::chrono::milliseconds(latency_ms));
  co_return latency_ms;
}

class session {
public:
  rt::hot_task<int> refresh(int latency_ms) {
    std::cout << "refresh at generation " << m_generation << ", "
              << (rt::current_task() == m_owner ? "as the session owner"
                                                : "as another task")
              << "\n";
    co_return co_await rt::timeout(30ms, read_counter(latency_ms));
  }

  rt::task<> run() {
    m_owner = rt::current_task();
    for (int latency : {10, 25, 20}) {
      int value = co_await refresh(latency);
      ++m_generation;
      std::cout << "generation " << m_generation << ": " << value << "\n";
    }
  }

private:
  int m_generation = 0;
  rt::task_ref m_owner;
};

rt::task<> main_task() {
  session s;
  co_await s.run();
}

int main() { rt::run(main_task()); }
