// A realistic Asio coroutine service, the heavy translation unit of the
// eager-* check overhead benchmark (docs/design.md §7): a line-protocol key-value
// server with per-session idle timeouts, a write-behind journal fed through a
// channel, periodic compaction, replication to peers with retries, metrics
// and graceful shutdown through cancellation signals. About 190k lines once
// preprocessed (Asio 1.22, libstdc++ 12).
//
// Build flags: -std=c++20 -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/experimental/deferred.hpp>
#include <asio/experimental/parallel_group.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kv {

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

constexpr auto as_tuple = asio::experimental::as_tuple(use_awaitable);

struct journal_entry {
  std::string key;
  std::optional<std::string> value; // empty: erase
  std::uint64_t sequence = 0;
};

using journal_channel =
    asio::experimental::channel<void(asio::error_code, journal_entry)>;

struct metrics {
  std::uint64_t connections = 0;
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::uint64_t replicated = 0;
  std::uint64_t compactions = 0;

  std::string render() const {
    std::ostringstream out;
    out << "connections " << connections << "\nrequests " << requests
        << "\nerrors " << errors << "\nreplicated " << replicated
        << "\ncompactions " << compactions << "\n";
    return out.str();
  }
};

struct command {
  enum kind_t { get, set, erase, stats, quit, invalid } kind = invalid;
  std::string key;
  std::string value;
};

command parse(std::string_view line) {
  command c;
  auto space = line.find(' ');
  std::string_view verb = line.substr(0, space);
  std::string_view rest =
      space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
  if (verb == "GET") {
    c.kind = command::get;
    c.key = std::string(rest);
  } else if (verb == "SET") {
    auto sep = rest.find(' ');
    if (sep == std::string_view::npos)
      return c;
    c.kind = command::set;
    c.key = std::string(rest.substr(0, sep));
    c.value = std::string(rest.substr(sep + 1));
  } else if (verb == "DEL") {
    c.kind = command::erase;
    c.key = std::string(rest);
  } else if (verb == "STATS") {
    c.kind = command::stats;
  } else if (verb == "QUIT") {
    c.kind = command::quit;
  }
  return c;
}

class store {
public:
  std::optional<std::string> get(const std::string &key) const {
    auto it = m_data.find(key);
    if (it == m_data.end())
      return std::nullopt;
    return it->second;
  }
  std::uint64_t set(std::string key, std::string value) {
    m_data[std::move(key)] = std::move(value);
    return ++m_sequence;
  }
  std::uint64_t erase(const std::string &key) {
    m_data.erase(key);
    return ++m_sequence;
  }
  std::size_t size() const { return m_data.size(); }
  std::uint64_t sequence() const { return m_sequence; }

private:
  std::unordered_map<std::string, std::string> m_data;
  std::uint64_t m_sequence = 0;
};

class server {
public:
  server(asio::io_context &ctx, tcp::endpoint endpoint,
         std::vector<tcp::endpoint> peers)
      : m_acceptor(ctx, endpoint), m_journal(ctx, 64),
        m_peers(std::move(peers)) {}

  awaitable<void> run() {
    auto ex = co_await asio::this_coro::executor;
    asio::co_spawn(ex, journal_writer(),
                   asio::bind_cancellation_slot(m_stop_journal.slot(),
                                                asio::detached));
    asio::co_spawn(ex, compactor(),
                   asio::bind_cancellation_slot(m_stop_compactor.slot(),
                                                asio::detached));
    for (const tcp::endpoint &peer : m_peers)
      asio::co_spawn(ex, replicate_to(peer), asio::detached);
    co_await (accept_loop() || wait_for_shutdown());
    m_stop_compactor.emit(asio::cancellation_type::terminal);
    m_journal.close();
    co_await drain();
  }

  void shutdown() { m_shutdown.emit(asio::cancellation_type::all); }

private:
  awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await m_acceptor.async_accept(as_tuple);
      if (ec) {
        ++m_metrics.errors;
        co_return;
      }
      ++m_metrics.connections;
      asio::co_spawn(m_acceptor.get_executor(), session(std::move(socket)),
                     asio::detached);
    }
  }

  awaitable<void> wait_for_shutdown() {
    asio::steady_timer forever(co_await asio::this_coro::executor,
                               clock::time_point::max());
    co_await forever.async_wait(
        asio::bind_cancellation_slot(m_shutdown.slot(), as_tuple));
  }

  awaitable<std::optional<std::string>> read_line(tcp::socket &socket,
                                                  std::string &buffer) {
    for (;;) {
      auto newline = buffer.find('\n');
      if (newline != std::string::npos) {
        std::string line = buffer.substr(0, newline);
        buffer.erase(0, newline + 1);
        if (!line.empty() && line.back() == '\r')
          line.pop_back();
        co_return line;
      }
      char chunk[512];
      auto [ec, n] =
          co_await socket.async_read_some(asio::buffer(chunk), as_tuple);
      if (ec)
        co_return std::nullopt;
      buffer.append(chunk, n);
    }
  }

  awaitable<bool> reply(tcp::socket &socket, std::string text) {
    text += '\n';
    auto [ec, n] =
        co_await asio::async_write(socket, asio::buffer(text), as_tuple);
    (void)n;
    co_return !ec;
  }

  awaitable<void> session(tcp::socket socket) {
    std::string buffer;
    asio::steady_timer idle(socket.get_executor());
    for (;;) {
      idle.expires_after(30s);
      auto result = co_await (read_line(socket, buffer) ||
                              idle.async_wait(as_tuple));
      if (result.index() == 1)
        break;
      std::optional<std::string> line = std::get<0>(std::move(result));
      if (!line)
        break;
      ++m_metrics.requests;
      command c = parse(*line);
      std::string answer;
      switch (c.kind) {
      case command::get:
        answer = m_store.get(c.key).value_or("(nil)");
        break;
      case command::set: {
        std::uint64_t seq = m_store.set(c.key, c.value);
        co_await m_journal.async_send(
            asio::error_code{}, journal_entry{c.key, c.value, seq},
            use_awaitable);
        answer = "OK";
        break;
      }
      case command::erase: {
        std::uint64_t seq = m_store.erase(c.key);
        co_await m_journal.async_send(
            asio::error_code{}, journal_entry{c.key, std::nullopt, seq},
            use_awaitable);
        answer = "OK";
        break;
      }
      case command::stats:
        answer = m_metrics.render();
        break;
      case command::quit:
        co_await reply(socket, "BYE");
        co_return;
      case command::invalid:
        ++m_metrics.errors;
        answer = "ERR";
        break;
      }
      if (!co_await reply(socket, std::move(answer)))
        break;
    }
  }

  awaitable<void> journal_writer() {
    co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
    for (;;) {
      auto [ec, entry] = co_await m_journal.async_receive(as_tuple);
      if (ec)
        break;
      m_pending.push_back(std::move(entry));
      if (m_pending.size() >= 16)
        flush();
    }
    flush();
  }

  void flush() {
    for (const journal_entry &e : m_pending)
      m_log.push_back(e.key + (e.value ? "=" + *e.value : std::string("-")));
    m_pending.clear();
  }

  awaitable<void> compactor() {
    asio::steady_timer tick(co_await asio::this_coro::executor);
    for (;;) {
      tick.expires_after(5s);
      auto [ec] = co_await tick.async_wait(as_tuple);
      if (ec)
        co_return;
      if (m_log.size() > 4 * m_store.size() + 64) {
        std::sort(m_log.begin(), m_log.end());
        m_log.erase(std::unique(m_log.begin(), m_log.end()), m_log.end());
        ++m_metrics.compactions;
      }
    }
  }

  awaitable<bool> replicate_once(const tcp::endpoint &peer,
                                 std::uint64_t from) {
    tcp::socket socket(co_await asio::this_coro::executor);
    asio::steady_timer deadline(socket.get_executor());
    deadline.expires_after(2s);
    auto connected = co_await (socket.async_connect(peer, as_tuple) ||
                               deadline.async_wait(as_tuple));
    if (connected.index() == 1 || std::get<0>(std::get<0>(connected)))
      co_return false;
    std::ostringstream batch;
    batch << "SYNC " << from << " " << m_store.sequence() << "\n";
    for (const std::string &line : m_log)
      batch << line << "\n";
    std::string text = batch.str();
    auto [ec, n] =
        co_await asio::async_write(socket, asio::buffer(text), as_tuple);
    (void)n;
    co_return !ec;
  }

  awaitable<void> replicate_to(tcp::endpoint peer) {
    asio::steady_timer backoff(co_await asio::this_coro::executor);
    std::uint64_t acked = 0;
    auto delay = 100ms;
    for (;;) {
      backoff.expires_after(delay);
      auto [ec] = co_await backoff.async_wait(as_tuple);
      if (ec)
        co_return;
      if (co_await replicate_once(peer, acked)) {
        acked = m_store.sequence();
        ++m_metrics.replicated;
        delay = 100ms;
      } else {
        delay = std::min<std::chrono::milliseconds>(delay * 2, 10s);
      }
    }
  }

  awaitable<void> drain() {
    auto ex = co_await asio::this_coro::executor;
    asio::steady_timer grace(ex);
    grace.expires_after(500ms);
    auto [order, ec] =
        co_await asio::experimental::make_parallel_group(
            grace.async_wait(asio::experimental::deferred),
            asio::post(ex, asio::experimental::deferred))
            .async_wait(asio::experimental::wait_for_all(), use_awaitable);
    (void)order;
    (void)ec;
    m_stop_journal.emit(asio::cancellation_type::terminal);
  }

  tcp::acceptor m_acceptor;
  journal_channel m_journal;
  std::vector<tcp::endpoint> m_peers;
  store m_store;
  metrics m_metrics;
  std::deque<journal_entry> m_pending;
  std::vector<std::string> m_log;
  asio::cancellation_signal m_shutdown;
  asio::cancellation_signal m_stop_journal;
  asio::cancellation_signal m_stop_compactor;
};

} // namespace kv

int main(int argc, char **argv) {
  asio::io_context ctx;
  unsigned short port = argc > 1 ? static_cast<unsigned short>(std::stoi(argv[1])) : 7070;
  std::vector<asio::ip::tcp::endpoint> peers;
  for (int i = 2; i < argc; ++i)
    peers.emplace_back(asio::ip::make_address("127.0.0.1"),
                       static_cast<unsigned short>(std::stoi(argv[i])));
  kv::server srv(ctx, {asio::ip::tcp::v4(), port}, std::move(peers));
  asio::signal_set signals(ctx, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code &, int) { srv.shutdown(); });
  asio::co_spawn(ctx, srv.run(), [](std::exception_ptr e) {
    if (e)
      std::puts("server failed");
  });
  ctx.run();
}
