#ifndef EAGERLINT_RT_QUEUE_HPP
#define EAGERLINT_RT_QUEUE_HPP

#include <eagerlint/detail/wait_list.hpp>
#include <eagerlint/errors.hpp>

#include <coroutine>
#include <cstddef>
#include <deque>
#include <optional>
#include <utility>

namespace eagerlint::rt {

/// asyncio.Queue without a bound: put() never blocks, get() waits for an
/// item. Getters are served FIFO.
template <class T> class queue {
public:
  queue() = default;
  queue(const queue &) = delete;
  queue &operator=(const queue &) = delete;

  /// Hands `value` to the first waiting getter, or appends it.
  void put(T value) {
    if (!hand_over(value))
      m_items.push_back(std::move(value));
  }

  std::optional<T> try_get() {
    if (m_items.empty())
      return std::nullopt;
    T v = std::move(m_items.front());
    m_items.pop_front();
    return v;
  }

  std::size_t size() const noexcept { return m_items.size(); }
  bool empty() const noexcept { return m_items.empty(); }

  /// Awaitable returning the next item.
  [[nodiscard]] auto get() noexcept { return awaiter{*this}; }

private:
  struct awaiter : detail::list_waiter {
    explicit awaiter(queue &q) noexcept : m_queue(q) {}
    bool await_ready() const noexcept { return !m_queue.m_items.empty(); }
    void await_suspend(std::coroutine_handle<> h) {
      suspend_on(m_queue.m_getters, h, "queue::get()");
    }
    T await_resume() {
      if (!m_suspended) {
        T v = std::move(m_queue.m_items.front());
        m_queue.m_items.pop_front();
        return v;
      }
      try {
        resume_check();
      } catch (const cancelled_error &) {
        // cancelled after an item was handed to us: it goes back in front
        if (m_value && !m_queue.hand_over(*m_value))
          m_queue.m_items.push_front(std::move(*m_value));
        throw;
      }
      return std::move(*m_value);
    }
    queue &m_queue;
    std::optional<T> m_value;
  };

  bool hand_over(T &value) {
    auto *w = static_cast<awaiter *>(m_getters.m_head);
    if (!w)
      return false;
    detail::wait_list::unlink(w);
    w->m_value.emplace(std::move(value));
    detail::loop_core::wake(w);
    return true;
  }

  std::deque<T> m_items;
  detail::wait_list m_getters;
};

} // namespace eagerlint::rt

#endif
