// Hangs under both policies: there is nothing to compare.
// VERIFY-EXIT: 2
// VERIFY-OUTPUT: timed out under both policies
#include <chrono>
#include <thread>

int main() {
  for (;;)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}
