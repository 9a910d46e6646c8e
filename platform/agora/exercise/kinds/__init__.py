"""One module per exercise kind, each with the lifecycle of ``agora.exercise.base.ExerciseKind``."""
