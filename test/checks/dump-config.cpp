// Every option of every eager-* check is stored under the key it is read
// from, so `--dump-config` shows it and reading the dump back is a fixpoint.
//
// RUN: %clang_tidy --checks='-*,eager-*' --dump-config \
// RUN:   -config="{CheckOptions: { \
// RUN:     Profile: asio, \
// RUN:     SpawnFunctions: 'a::spawn;b::spawn', \
// RUN:     CancelFunctions: 'a::handle::stop', \
// RUN:     StateQueryFunctions: 'a::handle::ready', \
// RUN:     TimeoutFunctions: 'a::deadline', \
// RUN:     AmbientTaskFunctions: 'a::self', \
// RUN:     NeverSuspendingAwaitables: 'a::instant', \
// RUN:     YieldStatement: 'co_await a::yield();', \
// RUN:     YieldHeader: '<a/yield.h>', \
// RUN:     SpawnStart: dispatch, \
// RUN:     PrefixIdentity: child, \
// RUN:     EagerTypes: 'a::eager_task;a::promise', \
// RUN:     HandleBinders: 'a::source::bind', \
// RUN:     LazyStartArguments: 'a::lazily', \
// RUN:     DeferredStartTypes: 'a::deferred_t', \
// RUN:     CancelOnDestroyTypes: 'a::owning_handle', \
// RUN:     UnsharedTypes: 'a::loop;a::executor', \
// RUN:     ReadOnlyFunctions: 'a::io::start_*', \
// RUN:     IncludeStyle: google}}" > %t.yaml
// RUN: FileCheck %s --check-prefix=SET < %t.yaml
// RUN: %clang_tidy --checks='-*,eager-*' --dump-config --config-file=%t.yaml > %t.again.yaml
// RUN: grep '^  eager-' %t.yaml | sort > %t.options
// RUN: grep '^  eager-' %t.again.yaml | sort > %t.again.options
// RUN: diff %t.options %t.again.options
// RUN: grep -c '^  eager-' %t.options | FileCheck %s --check-prefix=COUNT
// COUNT: 114
//
// Defaults: the profile's yield statement and header.
// RUN: %clang_tidy --checks='-*,eager-*' --dump-config -config='{}' \
// RUN:   | FileCheck %s --check-prefix=DEFAULT
// RUN: %clang_tidy --checks='-*,eager-*' --dump-config \
// RUN:   -config="{CheckOptions: {Profile: asio}}" \
// RUN:   | FileCheck %s --check-prefix=ASIO
//
// A check's own key wins over the global one.
// RUN: %clang_tidy --checks='-*,eager-*' --dump-config \
// RUN:   -config="{CheckOptions: {Profile: asio, eager-recursive-spawn.Profile: reference}}" \
// RUN:   | FileCheck %s --check-prefix=LOCAL

// SET-DAG: eager-cancel-before-start.Profile: asio
// SET-DAG: eager-cancel-before-start.SpawnFunctions: 'a::spawn;b::spawn'
// SET-DAG: eager-cancel-before-start.CancelFunctions: 'a::handle::stop'
// SET-DAG: eager-cancel-before-start.StateQueryFunctions: 'a::handle::ready'
// SET-DAG: eager-cancel-before-start.TimeoutFunctions: 'a::deadline'
// SET-DAG: eager-cancel-before-start.AmbientTaskFunctions: 'a::self'
// SET-DAG: eager-cancel-before-start.NeverSuspendingAwaitables: 'a::instant'
// SET-DAG: eager-cancel-before-start.YieldStatement: 'co_await a::yield();'
// SET-DAG: eager-cancel-before-start.YieldHeader: '<a/yield.h>'
// SET-DAG: eager-cancel-before-start.SpawnStart: dispatch
// SET-DAG: eager-cancel-before-start.PrefixIdentity: child
// SET-DAG: eager-cancel-before-start.EagerTypes: 'a::eager_task;a::promise'
// SET-DAG: eager-cancel-before-start.HandleBinders: 'a::source::bind'
// SET-DAG: eager-cancel-before-start.LazyStartArguments: 'a::lazily'
// SET-DAG: eager-cancel-before-start.DeferredStartTypes: 'a::deferred_t'
// SET-DAG: eager-cancel-before-start.CancelOnDestroyTypes: 'a::owning_handle'
// SET-DAG: eager-cancel-before-start.UnsharedTypes: 'a::loop;a::executor'
// SET-DAG: eager-cancel-before-start.ReadOnlyFunctions: 'a::io::start_*'
// SET-DAG: eager-cancel-before-start.IncludeStyle: google
// SET-DAG: eager-state-after-spawn.Profile: asio
// SET-DAG: eager-state-after-spawn.SpawnFunctions: 'a::spawn;b::spawn'
// SET-DAG: eager-state-after-spawn.CancelFunctions: 'a::handle::stop'
// SET-DAG: eager-state-after-spawn.StateQueryFunctions: 'a::handle::ready'
// SET-DAG: eager-state-after-spawn.TimeoutFunctions: 'a::deadline'
// SET-DAG: eager-state-after-spawn.AmbientTaskFunctions: 'a::self'
// SET-DAG: eager-state-after-spawn.NeverSuspendingAwaitables: 'a::instant'
// SET-DAG: eager-state-after-spawn.YieldStatement: 'co_await a::yield();'
// SET-DAG: eager-state-after-spawn.YieldHeader: '<a/yield.h>'
// SET-DAG: eager-state-after-spawn.SpawnStart: dispatch
// SET-DAG: eager-state-after-spawn.PrefixIdentity: child
// SET-DAG: eager-state-after-spawn.EagerTypes: 'a::eager_task;a::promise'
// SET-DAG: eager-state-after-spawn.HandleBinders: 'a::source::bind'
// SET-DAG: eager-state-after-spawn.LazyStartArguments: 'a::lazily'
// SET-DAG: eager-state-after-spawn.DeferredStartTypes: 'a::deferred_t'
// SET-DAG: eager-state-after-spawn.CancelOnDestroyTypes: 'a::owning_handle'
// SET-DAG: eager-state-after-spawn.UnsharedTypes: 'a::loop;a::executor'
// SET-DAG: eager-state-after-spawn.ReadOnlyFunctions: 'a::io::start_*'
// SET-DAG: eager-state-after-spawn.IncludeStyle: google
// SET-DAG: eager-done-after-spawn.Profile: asio
// SET-DAG: eager-done-after-spawn.SpawnFunctions: 'a::spawn;b::spawn'
// SET-DAG: eager-done-after-spawn.CancelFunctions: 'a::handle::stop'
// SET-DAG: eager-done-after-spawn.StateQueryFunctions: 'a::handle::ready'
// SET-DAG: eager-done-after-spawn.TimeoutFunctions: 'a::deadline'
// SET-DAG: eager-done-after-spawn.AmbientTaskFunctions: 'a::self'
// SET-DAG: eager-done-after-spawn.NeverSuspendingAwaitables: 'a::instant'
// SET-DAG: eager-done-after-spawn.YieldStatement: 'co_await a::yield();'
// SET-DAG: eager-done-after-spawn.YieldHeader: '<a/yield.h>'
// SET-DAG: eager-done-after-spawn.SpawnStart: dispatch
// SET-DAG: eager-done-after-spawn.PrefixIdentity: child
// SET-DAG: eager-done-after-spawn.EagerTypes: 'a::eager_task;a::promise'
// SET-DAG: eager-done-after-spawn.HandleBinders: 'a::source::bind'
// SET-DAG: eager-done-after-spawn.LazyStartArguments: 'a::lazily'
// SET-DAG: eager-done-after-spawn.DeferredStartTypes: 'a::deferred_t'
// SET-DAG: eager-done-after-spawn.CancelOnDestroyTypes: 'a::owning_handle'
// SET-DAG: eager-done-after-spawn.UnsharedTypes: 'a::loop;a::executor'
// SET-DAG: eager-done-after-spawn.ReadOnlyFunctions: 'a::io::start_*'
// SET-DAG: eager-done-after-spawn.IncludeStyle: google
// SET-DAG: eager-timeout-in-prefix.Profile: asio
// SET-DAG: eager-timeout-in-prefix.SpawnFunctions: 'a::spawn;b::spawn'
// SET-DAG: eager-timeout-in-prefix.CancelFunctions: 'a::handle::stop'
// SET-DAG: eager-timeout-in-prefix.StateQueryFunctions: 'a::handle::ready'
// SET-DAG: eager-timeout-in-prefix.TimeoutFunctions: 'a::deadline'
// SET-DAG: eager-timeout-in-prefix.AmbientTaskFunctions: 'a::self'
// SET-DAG: eager-timeout-in-prefix.NeverSuspendingAwaitables: 'a::instant'
// SET-DAG: eager-timeout-in-prefix.YieldStatement: 'co_await a::yield();'
// SET-DAG: eager-timeout-in-prefix.YieldHeader: '<a/yield.h>'
// SET-DAG: eager-timeout-in-prefix.SpawnStart: dispatch
// SET-DAG: eager-timeout-in-prefix.PrefixIdentity: child
// SET-DAG: eager-timeout-in-prefix.EagerTypes: 'a::eager_task;a::promise'
// SET-DAG: eager-timeout-in-prefix.HandleBinders: 'a::source::bind'
// SET-DAG: eager-timeout-in-prefix.LazyStartArguments: 'a::lazily'
// SET-DAG: eager-timeout-in-prefix.DeferredStartTypes: 'a::deferred_t'
// SET-DAG: eager-timeout-in-prefix.CancelOnDestroyTypes: 'a::owning_handle'
// SET-DAG: eager-timeout-in-prefix.UnsharedTypes: 'a::loop;a::executor'
// SET-DAG: eager-timeout-in-prefix.ReadOnlyFunctions: 'a::io::start_*'
// SET-DAG: eager-timeout-in-prefix.IncludeStyle: google
// SET-DAG: eager-current-task-in-prefix.Profile: asio
// SET-DAG: eager-current-task-in-prefix.SpawnFunctions: 'a::spawn;b::spawn'
// SET-DAG: eager-current-task-in-prefix.CancelFunctions: 'a::handle::stop'
// SET-DAG: eager-current-task-in-prefix.StateQueryFunctions: 'a::handle::ready'
// SET-DAG: eager-current-task-in-prefix.TimeoutFunctions: 'a::deadline'
// SET-DAG: eager-current-task-in-prefix.AmbientTaskFunctions: 'a::self'
// SET-DAG: eager-current-task-in-prefix.NeverSuspendingAwaitables: 'a::instant'
// SET-DAG: eager-current-task-in-prefix.YieldStatement: 'co_await a::yield();'
// SET-DAG: eager-current-task-in-prefix.YieldHeader: '<a/yield.h>'
// SET-DAG: eager-current-task-in-prefix.SpawnStart: dispatch
// SET-DAG: eager-current-task-in-prefix.PrefixIdentity: child
// SET-DAG: eager-current-task-in-prefix.EagerTypes: 'a::eager_task;a::promise'
// SET-DAG: eager-current-task-in-prefix.HandleBinders: 'a::source::bind'
// SET-DAG: eager-current-task-in-prefix.LazyStartArguments: 'a::lazily'
// SET-DAG: eager-current-task-in-prefix.DeferredStartTypes: 'a::deferred_t'
// SET-DAG: eager-current-task-in-prefix.CancelOnDestroyTypes: 'a::owning_handle'
// SET-DAG: eager-current-task-in-prefix.UnsharedTypes: 'a::loop;a::executor'
// SET-DAG: eager-current-task-in-prefix.ReadOnlyFunctions: 'a::io::start_*'
// SET-DAG: eager-current-task-in-prefix.IncludeStyle: google
// SET-DAG: eager-recursive-spawn.Profile: asio
// SET-DAG: eager-recursive-spawn.SpawnFunctions: 'a::spawn;b::spawn'
// SET-DAG: eager-recursive-spawn.CancelFunctions: 'a::handle::stop'
// SET-DAG: eager-recursive-spawn.StateQueryFunctions: 'a::handle::ready'
// SET-DAG: eager-recursive-spawn.TimeoutFunctions: 'a::deadline'
// SET-DAG: eager-recursive-spawn.AmbientTaskFunctions: 'a::self'
// SET-DAG: eager-recursive-spawn.NeverSuspendingAwaitables: 'a::instant'
// SET-DAG: eager-recursive-spawn.YieldStatement: 'co_await a::yield();'
// SET-DAG: eager-recursive-spawn.YieldHeader: '<a/yield.h>'
// SET-DAG: eager-recursive-spawn.SpawnStart: dispatch
// SET-DAG: eager-recursive-spawn.PrefixIdentity: child
// SET-DAG: eager-recursive-spawn.EagerTypes: 'a::eager_task;a::promise'
// SET-DAG: eager-recursive-spawn.HandleBinders: 'a::source::bind'
// SET-DAG: eager-recursive-spawn.LazyStartArguments: 'a::lazily'
// SET-DAG: eager-recursive-spawn.DeferredStartTypes: 'a::deferred_t'
// SET-DAG: eager-recursive-spawn.CancelOnDestroyTypes: 'a::owning_handle'
// SET-DAG: eager-recursive-spawn.UnsharedTypes: 'a::loop;a::executor'
// SET-DAG: eager-recursive-spawn.ReadOnlyFunctions: 'a::io::start_*'
// SET-DAG: eager-recursive-spawn.IncludeStyle: google

// DEFAULT-DAG: eager-cancel-before-start.Profile: reference
// DEFAULT-DAG: eager-cancel-before-start.SpawnFunctions: ''
// DEFAULT-DAG: eager-cancel-before-start.YieldStatement: 'co_await eagerlint::rt::yield_now();'
// DEFAULT-DAG: eager-cancel-before-start.YieldHeader: '<eagerlint/runtime.hpp>'
// DEFAULT-DAG: eager-cancel-before-start.SpawnStart: queued
// DEFAULT-DAG: eager-cancel-before-start.PrefixIdentity: creator
// DEFAULT-DAG: eager-cancel-before-start.EagerTypes: ''
// DEFAULT-DAG: eager-cancel-before-start.HandleBinders: ''
// DEFAULT-DAG: eager-cancel-before-start.LazyStartArguments: ''
// DEFAULT-DAG: eager-cancel-before-start.DeferredStartTypes: ''
// DEFAULT-DAG: eager-cancel-before-start.CancelOnDestroyTypes: ''
// DEFAULT-DAG: eager-cancel-before-start.UnsharedTypes: ''
// DEFAULT-DAG: eager-cancel-before-start.ReadOnlyFunctions: ''
// DEFAULT-DAG: eager-cancel-before-start.IncludeStyle: llvm

// ASIO-DAG: eager-timeout-in-prefix.Profile: asio
// ASIO-DAG: eager-timeout-in-prefix.YieldStatement: 'co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);'
// ASIO-DAG: eager-timeout-in-prefix.YieldHeader: '<asio.hpp>'

// LOCAL-DAG: eager-recursive-spawn.Profile: reference
// LOCAL-DAG: eager-cancel-before-start.Profile: asio
