// Serves get/refresh requests against the cache, each under a deadline.
#pragma once

#include "kv/cache.hpp"

#include <eagerlint/runtime.hpp>

#include <string>

namespace kv {

struct request {
  std::string verb; // "get" or "refresh"
  std::string key;
};

struct response {
  int status = 0;
  std::string body;
};

/// Handles one request; a request that takes longer than its deadline gets
/// status 504. The server spawns one task per request.
eagerlint::rt::task<response> handle_request(cache &c, request r);

/// Health check: answers without touching the cache.
eagerlint::rt::task<response> handle_health();

} // namespace kv
