"""The teacher side of the classroom: classes, students, assignments, grading and exports."""
