"""The commands: load → judge or allocate → render, one module per command group. Each returns its exit code."""
