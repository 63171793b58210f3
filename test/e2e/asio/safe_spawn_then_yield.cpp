// A download manager that starts a transfer bound to a cancellation signal
// and gives it a turn of the io_context before it decides, from what the
// transfer reported, whether to cancel it.
//
// Looks like cancel before start, but the post right after the spawn lets
// the transfer reach its first suspension under every Asio version before
// the signal is emitted.
// EXPECT: none
#include <asio.hpp>

#include <chrono>
#include <exception>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

asio::awaitable<void> transfer(std::string file, int &bytes_announced) {
  bytes_announced = file.size() * 100;
  std::cout << "transfer " << file << ": " << bytes_announced << " bytes\n";
  asio::steady_timer wire(co_await asio::this_coro::executor, 5ms);
  co_await wire.async_wait(asio::use_awaitable);
  std::cout << "transfer " << file << ": complete\n";
}

asio::awaitable<void> download(std::string file) {
  auto ex = co_await asio::this_coro::executor;
  int bytes_announced = 0;
  asio::cancellation_signal stop;
  asio::co_spawn(ex, transfer(file, bytes_announced),
                 asio::bind_cancellation_slot(
                     stop.slot(), [file](std::exception_ptr error) {
                       std::cout << "transfer " << file << ": "
                                 << (error ? "cancelled" : "done") << "\n";
                     }));
  co_await asio::post(ex, asio::use_awaitable);
  if (bytes_announced > 1000)
    stop.emit(asio::cancellation_type::all);
  asio::steady_timer settle(ex, 10ms);
  co_await settle.async_wait(asio::use_awaitable);
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, download("notes.txt"), asio::detached);
  asio::co_spawn(ctx, download("holiday-video.mkv"), asio::detached);
  ctx.run();
}
