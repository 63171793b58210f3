// A project header through which profile-cppcoro-yield.cpp reaches the
// thread pool, so the fix-it has a header to add.
#include <cppcoro/static_thread_pool.hpp>
