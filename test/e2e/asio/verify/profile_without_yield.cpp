// cppcoro has no global guaranteed-yield expression (profiles.md), so verify
// cannot make its spawns start lazily: one line, exit 2.
// VERIFY-ARGS: --profile cppcoro
// VERIFY-EXIT: 2
// VERIFY-OUTPUT: eagerlint verify: error: profile 'cppcoro' has no guaranteed yield statement
int main() {}
