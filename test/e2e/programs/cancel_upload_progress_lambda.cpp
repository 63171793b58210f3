// An uploader that starts a progress reporter (a lambda coroutine) for every
// upload and stops it at once when the payload fits in a single chunk.
//
// Lazily started, the reporter of a small upload never runs. Eagerly
// started, it has already printed "0%" and then logs that it was stopped.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct upload_state {
  std::string name;
  int total_chunks = 0;
  int sent_chunks = 0;
};

class uploader {
public:
  explicit uploader(int chunk_size) : m_chunk_size(chunk_size) {}

  rt::task<> upload(upload_state &state, int bytes) {
    state.total_chunks = (bytes + m_chunk_size - 1) / m_chunk_size;
    auto reporter = [](upload_state &s) -> rt::task<> {
      try {
        for (;;) {
          std::cout << "progress " << s.name << ": "
                    << 100 * s.sent_chunks / s.total_chunks << "%\n";
          co_await rt::sleep(15ms);
        }
      } catch (const rt::cancelled_error &) {
        std::cout << "progress " << s.name << ": reporter stopped\n";
        throw;
      }
    };
    auto progress = rt::create_task(reporter(state));
    if (state.total_chunks <= 1)
      progress.cancel(); // EXPECT: eager-cancel-before-start
    while (state.sent_chunks < state.total_chunks) {
      co_await rt::sleep(10ms); // one chunk on the wire
      ++state.sent_chunks;
    }
    progress.cancel(); // EXPECT: eager-cancel-before-start (bytes == 0: the loop never runs)
    co_await rt::sleep(1ms);
    std::cout << "uploaded " << state.name << " (" << bytes << " bytes, "
              << state.total_chunks << " chunks)\n";
  }

private:
  int m_chunk_size;
};

rt::task<> sync_folder() {
  uploader up(4096);
  upload_state notes{"notes.txt", 0, 0};
  upload_state photo{"photo.jpg", 0, 0};
  co_await up.upload(notes, 900);
  co_await up.upload(photo, 12000);
  std::cout << "sync done\n";
}

int main() { rt::run(sync_folder()); }
