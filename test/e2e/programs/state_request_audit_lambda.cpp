// A request handler that starts an audit-log writer (a lambda coroutine
// capturing the request's principal by reference) and then authenticates
// the request, replacing the anonymous principal.
//
// Lazily started, the audit record names the authenticated user. Eagerly
// started, the writer has already captured "anonymous".
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct request {
  std::string token;
  std::string path;
};

class audit_log {
public:
  rt::task<> append(std::string line) {
    co_await rt::sleep(2ms); // fsync
    m_lines.push_back(std::move(line));
  }
  const std::vector<std::string> &lines() const { return m_lines; }

private:
  std::vector<std::string> m_lines;
};

class handler {
public:
  explicit handler(audit_log &log) : m_log(log) {}

  rt::task<int> handle(const request &req) {
    std::string principal = "anonymous";
    auto record = [&]() -> rt::task<> {
      std::string line = principal + " " + req.path;
      co_await m_log.append(line);
    };
    auto audit = rt::create_task(record());
    if (auto it = m_sessions.find(req.token); it != m_sessions.end())
      principal = it->second; // EXPECT: eager-state-after-spawn
    int status = principal == "anonymous" ? 401 : 200;
    co_await audit;
    co_return status;
  }

private:
  audit_log &m_log;
  std::map<std::string, std::string> m_sessions = {{"t-1", "alice"},
                                                   {"t-2", "bob"}};
};

rt::task<> serve(handler &h, const audit_log &log) {
  const request requests[] = {
      {"t-1", "/inbox"}, {"bad", "/admin"}, {"t-2", "/settings"}};
  for (const request &r : requests)
    std::cout << r.path << " -> " << co_await h.handle(r) << "\n";
  std::cout << "audit log:\n";
  for (const std::string &line : log.lines())
    std::cout << "  " << line << "\n";
}

int main() {
  audit_log log;
  handler h(log);
  rt::run(serve(h, log));
}
