#ifndef EAGERLINT_RT_DETAIL_LOOP_CORE_HPP
#define EAGERLINT_RT_DETAIL_LOOP_CORE_HPP

// The non-template machinery of event_loop: ready queue, timer heap, task
// bookkeeping, cancellation. Everything is owned by one loop; the only
// thread-local is the pointer to the running loop.

#include <eagerlint/detail/nodes.hpp>
#include <eagerlint/errors.hpp>
#include <eagerlint/start_policy.hpp>

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <climits>
#include <cstdio>
#include <exception>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace eagerlint::rt {

class event_loop;

/// The loop's virtual clock unit.
using duration = std::chrono::nanoseconds;

namespace detail {

inline loop_core *&running_loop_slot() noexcept {
  static thread_local loop_core *s_running = nullptr;
  return s_running;
}

/// Makes `loop` the running loop for a scope (nests).
class running_loop_scope {
public:
  explicit running_loop_scope(loop_core *loop) noexcept
      : m_previous(running_loop_slot()) {
    running_loop_slot() = loop;
  }
  ~running_loop_scope() { running_loop_slot() = m_previous; }
  running_loop_scope(const running_loop_scope &) = delete;
  running_loop_scope &operator=(const running_loop_scope &) = delete;

private:
  loop_core *m_previous;
};

template <class F> struct callback_node final : ready_node {
  template <class G>
  explicit callback_node(G &&fn) : m_fn(std::forward<G>(fn)) {
    m_run = &callback_node::run;
  }
  static void run(ready_node *n);
  F m_fn;
};

inline void report_exception(const char *what_happened,
                             const std::exception_ptr &e) noexcept {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception &ex) {
    std::fprintf(stderr, "eagerlint: %s: %s\n", what_happened, ex.what());
  } catch (...) {
    std::fprintf(stderr, "eagerlint: %s: unknown exception\n", what_happened);
  }
}

inline bool is_cancelled_error(const std::exception_ptr &e) noexcept {
  try {
    std::rethrow_exception(e);
  } catch (const cancelled_error &) {
    return true;
  } catch (...) {
    return false;
  }
}

/// Only event_loop constructs one (as its private base), so the running
/// loop_core is always an event_loop.
class loop_core {
  friend class rt::event_loop;
  explicit loop_core(start_policy policy) noexcept : m_policy(policy) {
    m_placeholder.m_loop = this;
    m_placeholder.m_started = true;
    m_placeholder.m_materialized = true;
    m_current = &m_placeholder;
    m_running = &m_placeholder;
  }

public:
  loop_core(const loop_core &) = delete;
  loop_core &operator=(const loop_core &) = delete;
  ~loop_core() { close(); }

  // ---- ready queue -------------------------------------------------------
  void push_ready(ready_node *n) noexcept {
    n->m_next = nullptr;
    if (m_tail)
      m_tail->m_next = n;
    else
      m_head = n;
    m_tail = n;
    ++m_ready_count;
    ++m_ready_pushes;
  }

  void schedule(task_node *t) noexcept {
    if (t->m_in_ready)
      return;
    t->m_in_ready = true;
    push_ready(t);
  }

  template <class F> void call_soon(F &&fn) {
    push_ready(new callback_node<std::decay_t<F>>(std::forward<F>(fn)));
  }

  // ---- parking and waking ------------------------------------------------
  /// Records that the coroutine running now suspends at `h`, waiting on `w`
  /// (null: it is already in, or about to be put in, the ready queue). In an
  /// eager prefix this is the spawned coroutine's own node, so whatever it
  /// waits on later wakes the task materialized for it.
  void park(std::coroutine_handle<> h, waiter *w) noexcept {
    task_node *t = m_running;
    t->m_leaf = h;
    t->m_wait = w;
    if (w)
      w->m_task = t;
  }

  /// Parks the running coroutine and puts it straight back in the queue.
  void park_ready(std::coroutine_handle<> h) noexcept {
    park(h, nullptr);
    schedule(m_running);
  }

  static void wake(waiter *w) noexcept {
    task_node *t = w->m_task;
    t->m_wait = nullptr;
    t->m_loop->schedule(t);
  }

  /// Called by awaiters after a real suspension: delivers a pending cancel.
  void resume_check() {
    task_node *t = m_running;
    if (t->m_cancel_pending) {
      t->m_cancel_pending = false;
      throw cancelled_error();
    }
  }

  // ---- timers (binary heap ordered by deadline, then insertion) ----------
  std::int64_t now_ns() const noexcept { return m_now; }
  std::int64_t next_deadline() const noexcept {
    return m_timers.empty() ? INT64_MAX : m_timers.front()->m_deadline;
  }
  /// Moves the virtual clock forward (never back).
  void advance_clock_to(std::int64_t ns) noexcept {
    if (ns > m_now)
      m_now = ns;
  }

  void add_timer(timer_node *n, std::int64_t delay_ns) {
    n->m_deadline = m_now + (delay_ns > 0 ? delay_ns : 0);
    n->m_seq = m_timer_seq++;
    n->m_index = m_timers.size();
    m_timers.push_back(n);
    sift_up(n->m_index);
  }

  void remove_timer(timer_node *n) noexcept {
    if (!n->armed())
      return;
    std::size_t i = n->m_index;
    std::size_t last = m_timers.size() - 1;
    n->m_index = timer_node::npos;
    if (i != last) {
      m_timers[i] = m_timers[last];
      m_timers[i]->m_index = i;
      m_timers.pop_back();
      sift_down(i);
      sift_up(i);
    } else {
      m_timers.pop_back();
    }
  }

  // ---- tasks -------------------------------------------------------------
  void spawn_lazy(task_node *t) {
    t->m_loop = this;
    t->m_run = &loop_core::run_task;
    t->m_leaf = t->m_frame;
    materialize(t);
    schedule(t);
  }

  /// Eager create_task: past max_eager_depth() the unstarted frame is
  /// destroyed and eager_recursion_error thrown.
  void spawn_eager(task_node *t) {
    if (m_eager_depth >= m_max_eager_depth) {
      std::size_t depth = m_eager_depth + 1;
      t->m_frame.destroy();
      throw eager_recursion_error(depth);
    }
    start_eager(t);
  }

  /// Throws eager_recursion_error if one more eager start would nest deeper
  /// than max_eager_depth().
  void check_eager_depth() const {
    if (m_eager_depth >= m_max_eager_depth)
      throw eager_recursion_error(m_eager_depth + 1);
  }

  /// The eager start proper (the caller checked the depth): runs the prefix,
  /// materializes a task only if the coroutine suspended.
  void start_eager(task_node *t) noexcept {
    t->m_loop = this;
    t->m_run = &loop_core::run_task;
    run_prefix(t);
    if (t->m_done) {
      ++m_eager_inline_completions;
      return; // finished in the prefix: nothing scheduled, no task object
    }
    materialize(t);
  }

  /// Starts now, on this stack, a lazily spawned task the loop has not
  /// reached yet (a hot_task awaited before its turn), as an eager prefix.
  /// Its entry stays in the ready queue: run_task skips it while the task is
  /// parked, or resumes it where it parked.
  void start_queued_now(task_node *t) {
    check_eager_depth();
    run_prefix(t);
  }

  /// Called from a spawned frame's final suspend.
  void complete(task_node *t) noexcept {
    t->m_done = true;
    if (t->m_exception) {
      if (is_cancelled_error(t->m_exception)) {
        t->m_cancelled = true;
      } else if (!t->m_retrieved) {
        add_ref(t);
        m_unretrieved.push_back(t);
      }
    }
    if (t->m_materialized)
      unlink_live(t);
    notify(t);
  }

  bool cancel(task_node *t) {
    if (!t->m_frame || t->m_done || t->m_loop != this)
      return false; // placeholder, or already done
    if (!t->m_started) {
      // Lazy task still queued: it never starts; run_task drops it.
      t->m_exception = std::make_exception_ptr(cancelled_error());
      t->m_cancelled = true;
      t->m_done = true;
      unlink_live(t);
      notify(t);
      return true;
    }
    t->m_cancel_pending = true;
    if (waiter *w = t->m_wait) {
      t->m_wait = nullptr;
      w->m_abandon(w);
      schedule(t);
    }
    return true;
  }

  /// Appends `c` to `target`'s completion list (notified in FIFO order).
  static void link_completion(task_node *target, completion_node *c) noexcept {
    c->m_target = target;
    c->m_next = nullptr;
    c->m_prev = target->m_done_tail;
    if (c->m_prev)
      c->m_prev->m_next = c;
    else
      target->m_done_head = c;
    target->m_done_tail = c;
  }

  static void unlink_completion(completion_node *c) noexcept {
    if (!c->linked())
      return;
    task_node *t = c->m_target;
    if (c->m_prev)
      c->m_prev->m_next = c->m_next;
    else
      t->m_done_head = c->m_next;
    if (c->m_next)
      c->m_next->m_prev = c->m_prev;
    else
      t->m_done_tail = c->m_prev;
    c->m_prev = c->m_next = nullptr;
    c->m_target = nullptr;
  }

  // ---- driving -----------------------------------------------------------
  /// One iteration: if nothing is ready, jump the virtual clock to the next
  /// timer; fire due timers; run every item that is ready at this point.
  /// Returns false when there was nothing to do at all.
  bool run_once() {
    running_loop_scope scope(this);
    if (!m_head) {
      if (m_timers.empty())
        return false;
      if (m_timers.front()->m_deadline > m_now)
        m_now = m_timers.front()->m_deadline;
    }
    while (!m_timers.empty() && m_timers.front()->m_deadline <= m_now) {
      timer_node *n = m_timers.front();
      remove_timer(n);
      n->m_fire(n);
    }
    ready_node *n = m_head;
    m_head = m_tail = nullptr;
    while (n) {
      ready_node *next = n->m_next;
      --m_ready_count;
      n->m_run(n);
      n = next;
    }
    ++m_iterations;
    return true;
  }

  void run_until_idle() {
    while (run_once()) {
    }
  }

  /// Like asyncio.run's shutdown: cancels what is still live and lets it
  /// unwind, reports exceptions nobody retrieved, releases everything.
  void close() noexcept {
    if (m_closed)
      return;
    running_loop_scope scope(this);
    try {
      for (int round = 0; round < 3 && m_live_head; ++round) {
        std::vector<task_node *> live;
        for (task_node *t = m_live_head; t; t = t->m_live_next) {
          add_ref(t);
          live.push_back(t);
        }
        for (task_node *t : live) {
          cancel(t);
          release(t);
        }
        run_until_idle();
      }
    } catch (...) {
      report_exception("exception while closing the event loop",
                       std::current_exception());
    }
    // Tasks that swallowed the cancellation and wait forever: drop them.
    while (task_node *t = m_live_head) {
      if (waiter *w = t->m_wait) {
        t->m_wait = nullptr;
        w->m_abandon(w);
      }
      unlink_live(t);
      t->m_done = true;
      t->m_cancelled = true;
      if (!t->m_in_ready)
        release(t);
    }
    while (ready_node *n = m_head) {
      m_head = n->m_next;
      if (n->m_run == &loop_core::run_task) {
        auto *t = static_cast<task_node *>(n);
        t->m_in_ready = false;
        release(t);
      } else {
        n->m_run(n); // a callback: run it rather than leak it
      }
    }
    m_tail = nullptr;
    m_ready_count = 0;
    for (timer_node *n : m_timers)
      n->m_index = timer_node::npos;
    m_timers.clear();
    for (task_node *t : m_unretrieved) {
      if (!t->m_retrieved) {
        std::fprintf(stderr, "eagerlint: task %llu: ",
                     static_cast<unsigned long long>(t->m_id));
        report_exception("exception was never retrieved", t->m_exception);
      }
      release(t);
    }
    m_unretrieved.clear();
    m_closed = true;
  }

  // ---- observers ---------------------------------------------------------
  start_policy policy() const noexcept { return m_policy; }
  void set_policy(start_policy p) noexcept { m_policy = p; }
  std::size_t max_eager_depth() const noexcept { return m_max_eager_depth; }
  void set_max_eager_depth(std::size_t n) noexcept { m_max_eager_depth = n; }
  std::size_t eager_depth() const noexcept { return m_eager_depth; }
  duration time() const noexcept { return duration(m_now); }
  std::uint64_t tasks_scheduled() const noexcept { return m_tasks_scheduled; }
  std::uint64_t eager_inline_completions() const noexcept {
    return m_eager_inline_completions;
  }
  std::uint64_t ready_pushes() const noexcept { return m_ready_pushes; }
  std::size_t ready_count() const noexcept { return m_ready_count; }
  std::size_t timer_count() const noexcept { return m_timers.size(); }
  std::size_t live_tasks() const noexcept { return m_live_count; }
  std::uint64_t iterations() const noexcept { return m_iterations; }
  bool closed() const noexcept { return m_closed; }

  task_node *current_node() noexcept { return m_current; }
  task_node *placeholder_node() noexcept { return &m_placeholder; }

  static void run_task(ready_node *n) {
    auto *t = static_cast<task_node *>(n);
    loop_core *loop = t->m_loop;
    t->m_in_ready = false;
    if (t->m_done) { // cancelled before it started
      release(t);
      return;
    }
    if (t->m_wait)
      return; // started early (start_queued_now) and parked: wake requeues it
    t->m_started = true;
    loop->m_current = loop->m_running = t;
    t->m_leaf.resume();
    loop->m_current = loop->m_running = &loop->m_placeholder;
    if (t->m_done) {
      release(t); // the loop's reference
    } else if (t->m_cancel_pending && t->m_wait) {
      // cancelled while it was running: deliver at the point it parked
      waiter *w = t->m_wait;
      t->m_wait = nullptr;
      w->m_abandon(w);
      loop->schedule(t);
    }
  }

private:
  /// Runs `t` until it first suspends or finishes, with the creator's
  /// identity (m_current is left alone): exceptions land in the promise.
  void run_prefix(task_node *t) noexcept {
    running_loop_scope scope(this);
    task_node *previous_running = m_running;
    m_running = t;
    ++m_eager_depth;
    t->m_started = true;
    t->m_frame.resume();
    --m_eager_depth;
    m_running = previous_running;
  }

  void materialize(task_node *t) noexcept {
    t->m_id = ++m_next_id;
    t->m_materialized = true;
    add_ref(t); // the loop's reference, dropped when the task is done
    t->m_live_prev = nullptr;
    t->m_live_next = m_live_head;
    if (m_live_head)
      m_live_head->m_live_prev = t;
    m_live_head = t;
    ++m_live_count;
    ++m_tasks_scheduled;
  }

  void unlink_live(task_node *t) noexcept {
    if (!t->m_materialized || (!t->m_live_prev && m_live_head != t))
      return;
    if (t->m_live_prev)
      t->m_live_prev->m_live_next = t->m_live_next;
    else
      m_live_head = t->m_live_next;
    if (t->m_live_next)
      t->m_live_next->m_live_prev = t->m_live_prev;
    t->m_live_prev = t->m_live_next = nullptr;
    --m_live_count;
  }

  static void notify(task_node *t) noexcept {
    while (completion_node *c = t->m_done_head) {
      unlink_completion(c);
      c->m_on_done(c);
    }
  }

  bool timer_less(std::size_t a, std::size_t b) const noexcept {
    const timer_node *x = m_timers[a];
    const timer_node *y = m_timers[b];
    return x->m_deadline != y->m_deadline ? x->m_deadline < y->m_deadline
                                          : x->m_seq < y->m_seq;
  }
  void swap_timers(std::size_t a, std::size_t b) noexcept {
    std::swap(m_timers[a], m_timers[b]);
    m_timers[a]->m_index = a;
    m_timers[b]->m_index = b;
  }
  void sift_up(std::size_t i) noexcept {
    while (i > 0) {
      std::size_t parent = (i - 1) / 2;
      if (!timer_less(i, parent))
        break;
      swap_timers(i, parent);
      i = parent;
    }
  }
  void sift_down(std::size_t i) noexcept {
    for (;;) {
      std::size_t l = 2 * i + 1, r = l + 1, m = i;
      if (l < m_timers.size() && timer_less(l, m))
        m = l;
      if (r < m_timers.size() && timer_less(r, m))
        m = r;
      if (m == i)
        return;
      swap_timers(i, m);
      i = m;
    }
  }

  ready_node *m_head = nullptr;
  ready_node *m_tail = nullptr;
  std::size_t m_ready_count = 0;
  std::vector<timer_node *> m_timers;
  std::uint64_t m_timer_seq = 0;
  std::int64_t m_now = 0;

  task_node m_placeholder;
  task_node *m_current;  // identity seen by current_task()
  task_node *m_running;  // node whose coroutine executes (prefix: the child)
  task_node *m_live_head = nullptr;
  std::size_t m_live_count = 0;
  std::vector<task_node *> m_unretrieved;

  start_policy m_policy;
  std::size_t m_eager_depth = 0;
  std::size_t m_max_eager_depth = 1000;
  std::uint64_t m_next_id = 0;
  std::uint64_t m_tasks_scheduled = 0;
  std::uint64_t m_eager_inline_completions = 0;
  std::uint64_t m_ready_pushes = 0;
  std::uint64_t m_iterations = 0;
  bool m_closed = false;
};

template <class F> void callback_node<F>::run(ready_node *n) {
  std::unique_ptr<callback_node> self(static_cast<callback_node *>(n));
  try {
    self->m_fn();
  } catch (...) {
    report_exception("exception in callback", std::current_exception());
  }
}

/// The running loop, or null.
inline loop_core *running_loop_core() noexcept { return running_loop_slot(); }

inline loop_core &require_running_loop(const char *what) {
  loop_core *loop = running_loop_slot();
  if (!loop)
    throw std::logic_error(std::string("eagerlint: ") + what +
                           " needs a running event_loop");
  return *loop;
}

template <class Rep, class Period>
std::int64_t to_ns(std::chrono::duration<Rep, Period> d) {
  return std::chrono::ceil<duration>(d).count();
}

} // namespace detail
} // namespace eagerlint::rt

#endif
