// REQUIRES: asio
// RUN: %check_clang_tidy %s eager-state-after-spawn %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio

// Starting an asynchronous operation on an I/O object, or asking it for its
// executor, reads the object (ReadOnlyFunctions): the object queues its
// operations itself, so a receive the child's prefix starts and a send the
// spawner starts in the window do not depend on the start policy. Closing
// the object in the window still does. Without ReadOnlyFunctions each
// function below was reported (docs/accuracy.md, F1).

#include <asio.hpp>
#include <memory>

using asio::ip::udp;
using asio::ip::tcp;

char buf[512];

asio::awaitable<void> receiver(udp::socket &sock) {
  udp::endpoint from;
  co_await sock.async_receive_from(asio::buffer(buf), from,
                                   asio::use_awaitable);
}

// A receive in the prefix, a send started in the window: no order change.
asio::awaitable<void> receive_and_send_on_one_socket_are_no_conflict(
    udp::socket &sock, udp::endpoint to) {
  asio::co_spawn(sock.get_executor(), receiver(sock), asio::detached);
  sock.async_send_to(asio::buffer("ping", 4), to,
                     [](std::error_code, std::size_t) {});
  co_await asio::post(sock.get_executor(), asio::use_awaitable);
}

// Closing the socket after the spawn: lazily the receive starts on a closed
// socket and fails at once; eagerly it is started first and then aborted.
asio::awaitable<void> closing_the_socket_after_spawn_still_conflicts(
    udp::socket &sock) {
  asio::co_spawn(sock.get_executor(), receiver(sock), asio::detached);
  sock.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'sock{{(\.impl_)?}}' is written after spawning 'receiver', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await asio::post(sock.get_executor(), asio::use_awaitable);
}

asio::awaitable<void> reader(tcp::socket &sock) {
  co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
}

// The free initiating functions take the stream by reference.
asio::awaitable<void> free_async_write_is_no_write_of_the_stream(
    tcp::socket &sock) {
  asio::co_spawn(sock.get_executor(), reader(sock), asio::detached);
  asio::async_write(sock, asio::buffer("hello", 5),
                    [](std::error_code, std::size_t) {});
  co_await asio::post(sock.get_executor(), asio::use_awaitable);
}

asio::awaitable<void> accept_one(tcp::acceptor &acceptor) {
  auto peer = co_await acceptor.async_accept(asio::use_awaitable);
  (void)peer;
}

// Several pending accepts on one acceptor are the intended design: binding
// the acceptor to the next spawn is no read of a value the prefix wrote.
asio::awaitable<void> accept_loops_on_one_acceptor_are_no_conflict(
    tcp::acceptor &acceptor) {
  for (int i = 0; i < 4; ++i)
    asio::co_spawn(acceptor.get_executor(), accept_one(acceptor),
                   asio::detached);
  co_await asio::post(acceptor.get_executor(), asio::use_awaitable);
}

int main() {
  asio::io_context ctx;
  udp::socket u(ctx, udp::endpoint(udp::v4(), 0));
  tcp::socket t(ctx);
  tcp::acceptor a(ctx);
  asio::co_spawn(ctx, receive_and_send_on_one_socket_are_no_conflict(u, {}),
                 asio::detached);
  asio::co_spawn(ctx, closing_the_socket_after_spawn_still_conflicts(u),
                 asio::detached);
  asio::co_spawn(ctx, free_async_write_is_no_write_of_the_stream(t),
                 asio::detached);
  asio::co_spawn(ctx, accept_loops_on_one_acceptor_are_no_conflict(a),
                 asio::detached);
}
