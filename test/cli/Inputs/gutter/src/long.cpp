// A long file: the includes end on line 21, the hazard is on line 158.
// header comment line 2
// header comment line 3
// header comment line 4
// header comment line 5
// header comment line 6
// header comment line 7
// header comment line 8
// header comment line 9
// header comment line 10
// header comment line 11
// header comment line 12
// header comment line 13
// header comment line 14
// header comment line 15
// header comment line 16
// header comment line 17
// header comment line 18
// header comment line 19
// header comment line 20
#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

int counter = 0;

// filler line 27
// filler line 28
// filler line 29
// filler line 30
// filler line 31
// filler line 32
// filler line 33
// filler line 34
// filler line 35
// filler line 36
// filler line 37
// filler line 38
// filler line 39
// filler line 40
// filler line 41
// filler line 42
// filler line 43
// filler line 44
// filler line 45
// filler line 46
// filler line 47
// filler line 48
// filler line 49
// filler line 50
// filler line 51
// filler line 52
// filler line 53
// filler line 54
// filler line 55
// filler line 56
// filler line 57
// filler line 58
// filler line 59
// filler line 60
// filler line 61
// filler line 62
// filler line 63
// filler line 64
// filler line 65
// filler line 66
// filler line 67
// filler line 68
// filler line 69
// filler line 70
// filler line 71
// filler line 72
// filler line 73
// filler line 74
// filler line 75
// filler line 76
// filler line 77
// filler line 78
// filler line 79
// filler line 80
// filler line 81
// filler line 82
// filler line 83
// filler line 84
// filler line 85
// filler line 86
// filler line 87
// filler line 88
// filler line 89
// filler line 90
// filler line 91
// filler line 92
// filler line 93
// filler line 94
// filler line 95
// filler line 96
// filler line 97
// filler line 98
// filler line 99
// filler line 100
// filler line 101
// filler line 102
// filler line 103
// filler line 104
// filler line 105
// filler line 106
// filler line 107
// filler line 108
// filler line 109
// filler line 110
// filler line 111
// filler line 112
// filler line 113
// filler line 114
// filler line 115
// filler line 116
// filler line 117
// filler line 118
// filler line 119
// filler line 120
// filler line 121
// filler line 122
// filler line 123
// filler line 124
// filler line 125
// filler line 126
// filler line 127
// filler line 128
// filler line 129
// filler line 130
// filler line 131
// filler line 132
// filler line 133
// filler line 134
// filler line 135
// filler line 136
// filler line 137
// filler line 138
// filler line 139
// filler line 140
// filler line 141
// filler line 142
// filler line 143
// filler line 144
// filler line 145
// filler line 146
// filler line 147
// filler line 148
// filler line 149
// filler line 150
rt::task<void> bump() {
  int seen = counter;
  co_await rt::yield_now();
  counter = seen + 1;
}

rt::task<void> start() {
  auto h = rt::create_task(bump());
  counter = 10;
  co_await h;
}
