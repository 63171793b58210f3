// Minimal mock of <folly/coro/CurrentExecutor.h> for the folly-profile
// tests: the placeholder objects a Task awaits, named as folly names them
// (aliases of detail:: classes).
#ifndef EAGERLINT_TEST_MOCK_FOLLY_CORO_CURRENTEXECUTOR_H
#define EAGERLINT_TEST_MOCK_FOLLY_CORO_CURRENTEXECUTOR_H

namespace folly::coro {

namespace detail {
struct co_current_executor_ {
  enum class secret_ { token_ };
  explicit constexpr co_current_executor_(secret_) {}
};
class co_reschedule_on_current_executor_ {
public:
  enum class secret_ { token_ };
  explicit constexpr co_reschedule_on_current_executor_(secret_) {}
};
struct co_current_cancellation_token_ {
  enum class secret_ { token_ };
  explicit constexpr co_current_cancellation_token_(secret_) {}
};
} // namespace detail

using co_current_executor_t = detail::co_current_executor_;
inline constexpr co_current_executor_t co_current_executor{
    co_current_executor_t::secret_::token_};

using co_reschedule_on_current_executor_t =
    detail::co_reschedule_on_current_executor_;
inline constexpr co_reschedule_on_current_executor_t
    co_reschedule_on_current_executor{
        co_reschedule_on_current_executor_t::secret_::token_};

using co_current_cancellation_token_t = detail::co_current_cancellation_token_;
inline constexpr co_current_cancellation_token_t co_current_cancellation_token{
    co_current_cancellation_token_t::secret_::token_};

} // namespace folly::coro

#endif
