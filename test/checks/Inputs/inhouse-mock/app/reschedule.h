// The in-house runtime's guaranteed yield: always goes back to the loop.
#ifndef APP_RESCHEDULE_H
#define APP_RESCHEDULE_H
#include <coroutine>

namespace app {
struct reschedule_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline reschedule_awaiter reschedule() noexcept { return {}; }
} // namespace app

#endif
