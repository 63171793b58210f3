// Included by two files: its spawn site is counted once.
#pragma once
#include "app/task.hpp"

namespace app {
inline int g_pending = 0;
inline task flush() {
  g_pending = 0;
  co_await yield();
}
inline void on_write(executor &ex) {
  ++g_pending;
  ex.spawn(flush());
}
} // namespace app
