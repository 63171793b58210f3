// A request handler that hands co_spawn a lambda coroutine (the function
// object form) which writes an audit record naming the request's principal,
// captured by reference; the handler authenticates the request afterwards.
//
// Lazily started (co_spawn posts, Asio <= 1.18), the record names the
// authenticated user. Started by dispatch (Asio >= 1.19), the lambda has
// already read "anonymous".
#include <asio.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace std::chrono_literals;

struct request {
  std::string token;
  std::string path;
};

const std::map<std::string, std::string> sessions = {{"t-1", "alice"},
                                                     {"t-2", "bob"}};

asio::awaitable<void> handle(request req, std::vector<std::string> &audit) {
  auto ex = co_await asio::this_coro::executor;
  std::string principal = "anonymous";
  asio::co_spawn(
      ex,
      [&]() -> asio::awaitable<void> {
        std::string line = principal + " " + req.path;
        asio::steady_timer fsync(ex, 1ms);
        co_await fsync.async_wait(asio::use_awaitable);
        audit.push_back(line);
      },
      asio::detached);
  if (auto it = sessions.find(req.token); it != sessions.end())
    principal = it->second; // EXPECT: eager-state-after-spawn
  asio::steady_timer respond(ex, 5ms);
  co_await respond.async_wait(asio::use_awaitable);
  std::cout << req.path << " -> " << (principal == "anonymous" ? 401 : 200)
            << "\n";
}

asio::awaitable<void> serve(std::vector<std::string> &audit) {
  for (request r : {request{"t-1", "/inbox"}, request{"", "/admin"},
                    request{"t-2", "/settings"}})
    co_await handle(r, audit);
}

int main() {
  asio::io_context ctx;
  std::vector<std::string> audit;
  asio::co_spawn(ctx, serve(audit), asio::detached);
  ctx.run();
  std::cout << "audit log:\n";
  for (const std::string &line : audit)
    std::cout << "  " << line << "\n";
}
