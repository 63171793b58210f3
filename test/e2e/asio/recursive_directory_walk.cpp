// A directory indexer: indexing a directory starts one indexer per
// subdirectory before it first suspends (the coroutine spawns itself), then
// reads its own entries.
//
// Lazily started (co_spawn posts, Asio <= 1.18), directories are indexed
// level by level. Started by dispatch (Asio >= 1.19), each spawn runs the
// child on the parent's stack: the walk goes depth first and nests as deep
// as the tree.
#include <asio.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace std::chrono_literals;

using tree = std::map<std::string, std::vector<std::string>>;

asio::awaitable<void> index_dir(const tree &fs, std::string dir, int level) {
  auto ex = co_await asio::this_coro::executor;
  std::cout << std::string(2 * level, ' ') << "index " << dir << "\n";
  for (const std::string &sub : fs.at(dir))
    asio::co_spawn(ex, index_dir(fs, dir + sub + "/", level + 1), asio::detached); // EXPECT: eager-recursive-spawn
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
  asio::co_spawn(ctx, index_dir(fs, "/", 0), asio::detached);
  ctx.run();
}
