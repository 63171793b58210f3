// Crashes the compiler on purpose: the worker dies, the run goes on.
#pragma clang __debug crash
