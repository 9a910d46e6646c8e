"""The exercise engine: kinds of professional tasks, each generated, solved and graded."""
