#include "kv/request_handler.hpp"

#include <chrono>

namespace kv {

using namespace std::chrono_literals;
namespace rt = eagerlint::rt;

namespace {

rt::task<response> serve(cache &c, request r) {
  if (r.verb == "refresh") {
    co_await c.refresh(r.key);
    co_return response{200, "refreshed " + r.key};
  }
  std::optional<std::string> v = co_await c.get(r.key);
  if (!v)
    co_return response{404, "no " + r.key};
  co_return response{200, *v};
}

} // namespace

rt::task<response> handle_request(cache &c, request r) {
  try {
    // The whole request runs under one deadline.
    co_return co_await rt::timeout(20ms, serve(c, std::move(r)));
  } catch (const rt::timeout_error &) {
    co_return response{504, "deadline exceeded"};
  }
}

rt::task<response> handle_health() {
  // Let the request loop go on before answering: this handler may be
  // started eagerly.
  co_await rt::yield_now();
  co_return co_await rt::timeout(5ms, []() -> rt::task<response> {
    co_return response{200, "ok"};
  }());
}

} // namespace kv
