// Type flip: a request handler calls a hot_task that writes an audit record
// and ignores the returned object, as if the call alone did the work.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
//
// Lazily started, the discarded object is destroyed before the coroutine
// ever starts: no audit record at all. Eagerly started, the call ran the
// prefix (the record is opened) and the destroyed object cancelled it at its
// first suspension (the record is rolled back).
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class audit_log {
public:
  rt::hot_task<> record(std::string what) {
    std::cout << "audit: open record '" << what << "'\n";
    ++m_open;
    try {
      co_await rt::sleep(10ms); // flush to disk
      std::cout << "audit: committed '" << what << "'\n";
    } catch (const rt::cancelled_error &) {
      std::cout << "audit: rolled back '" << what << "'\n";
      --m_open;
      throw;
    }
  }
  int open_records() const { return m_open; }

private:
  int m_open = 0;
};

rt::task<> handle(audit_log &audit, std::string request) {
  audit.record("request " + request); // EXPECT: eager-cancel-before-start
  co_await rt::sleep(1ms);
  std::cout << "handled " << request << "\n";
}

rt::task<> main_task() {
  audit_log audit;
  co_await handle(audit, "GET /a");
  co_await handle(audit, "GET /b");
  co_await rt::sleep(50ms);
  std::cout << "open audit records: " << audit.open_records() << "\n";
}

int main() { rt::run(main_task()); }
