"""One package per exercise kind, the same modules in each; its ``KIND`` is an ``ExerciseKind``."""
