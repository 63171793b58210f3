// Nothing here starts a task.
int add(int a, int b) { return a + b; }
