#ifndef EAGERLINT_RT_DETAIL_WAIT_LIST_HPP
#define EAGERLINT_RT_DETAIL_WAIT_LIST_HPP

#include <eagerlint/detail/loop_core.hpp>

#include <coroutine>

namespace eagerlint::rt::detail {

struct wait_list;

/// A waiter parked on a wait_list (event, queue): FIFO, unlinks itself when
/// abandoned (cancellation) or destroyed.
struct list_waiter : waiter {
  list_waiter *m_prev = nullptr;
  list_waiter *m_next = nullptr;
  wait_list *m_list = nullptr;
  loop_core *m_loop = nullptr;
  bool m_suspended = false;

  list_waiter() noexcept = default;
  list_waiter(const list_waiter &) = delete;
  list_waiter &operator=(const list_waiter &) = delete;
  inline ~list_waiter();

  inline void suspend_on(wait_list &list, std::coroutine_handle<> h,
                         const char *what);
  void resume_check() const {
    if (m_suspended)
      m_loop->resume_check();
  }
};

struct wait_list {
  list_waiter *m_head = nullptr;
  list_waiter *m_tail = nullptr;

  bool empty() const noexcept { return m_head == nullptr; }

  void push(list_waiter *w) noexcept {
    w->m_list = this;
    w->m_prev = m_tail;
    w->m_next = nullptr;
    if (m_tail)
      m_tail->m_next = w;
    else
      m_head = w;
    m_tail = w;
  }
  static void unlink(list_waiter *w) noexcept {
    wait_list *l = w->m_list;
    if (!l)
      return;
    if (w->m_prev)
      w->m_prev->m_next = w->m_next;
    else
      l->m_head = w->m_next;
    if (w->m_next)
      w->m_next->m_prev = w->m_prev;
    else
      l->m_tail = w->m_prev;
    w->m_prev = w->m_next = nullptr;
    w->m_list = nullptr;
  }
  /// Wakes the first waiter; false if there was none.
  bool wake_one() noexcept {
    list_waiter *w = m_head;
    if (!w)
      return false;
    unlink(w);
    loop_core::wake(w);
    return true;
  }
  void wake_all() noexcept {
    while (wake_one()) {
    }
  }
  ~wait_list() {
    while (m_head)
      unlink(m_head);
  }
};

list_waiter::~list_waiter() { wait_list::unlink(this); }

void list_waiter::suspend_on(wait_list &list, std::coroutine_handle<> h,
                             const char *what) {
  m_loop = &require_running_loop(what);
  m_abandon = [](waiter *w) { wait_list::unlink(static_cast<list_waiter *>(w)); };
  list.push(this);
  m_loop->park(h, this);
  m_suspended = true;
}

} // namespace eagerlint::rt::detail

#endif
