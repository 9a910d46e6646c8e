"""Classes, students, assignments of missions, attempts and their grading."""
