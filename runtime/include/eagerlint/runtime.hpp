#ifndef EAGERLINT_RT_RUNTIME_HPP
#define EAGERLINT_RT_RUNTIME_HPP

/// The eagerlint reference runtime: one include, namespace eagerlint::rt.

#include <eagerlint/errors.hpp>
#include <eagerlint/event.hpp>
#include <eagerlint/event_loop.hpp>
#include <eagerlint/gather.hpp>
#include <eagerlint/hot_task.hpp>
#include <eagerlint/queue.hpp>
#include <eagerlint/run.hpp>
#include <eagerlint/scoped_policy.hpp>
#include <eagerlint/sleep.hpp>
#include <eagerlint/start_policy.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_group.hpp>
#include <eagerlint/task_handle.hpp>
#include <eagerlint/task_ref.hpp>
#include <eagerlint/timeout.hpp>
#include <eagerlint/yield_now.hpp>

#endif
