// A directory indexer: indexing a directory starts one indexer per
// subdirectory before it first suspends (the coroutine spawns itself), then
// reads its own entries.
//
// Lazily started (co_spawn posts, Asio <= 1.18), directories are indexed
// level by level and no indexer runs inside another. Started by dispatch
// (Asio >= 1.19), each spawn runs the child on the parent's stack: the walk
// goes depth first and nests as deep as the tree.
#include <asio.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace std::chrono_literals;

using tree = std::map<std::string, std::vector<std::string>>;

int nesting = 0;
int deepest = 0;

asio::awaitable<void> index_dir(const tree &fs, std::string dir) {
  auto ex = co_await asio::this_coro::executor;
  deepest = std::max(deepest, ++nesting);
  std::cout << "index " << dir << " (nesting " << nesting << ")\n";
  for (const std::string &sub : fs.at(dir))
    asio::co_spawn(ex, index_dir(fs, dir + sub + "/"), asio::detached); // EXPECT: eager-recursive-spawn
  --nesting;
  asio::steady_timer read_entries(ex, 1ms);
  co_await read_entries.async_wait(asio::use_awaitable);
}

int main() {
  const tree fs = {{"/", {"home", "srv"}},
                   {"/home/", {"ana", "bo"}},
                   {"/home/ana/", {"photos"}},
                   {"/home/ana/photos/", {}},
                   {"/home/bo/", {}},
                   {"/srv/", {"www"}},
                   {"/srv/www/", {}}};
  asio::io_context ctx;
  asio::co_spawn(ctx, index_dir(fs, "/"), asio::detached);
  ctx.run();
  std::cout << "deepest nesting: " << deepest << "\n";
}
