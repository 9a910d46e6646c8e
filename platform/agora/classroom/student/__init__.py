"""The student side of the classroom: their missions, organisation file and competencies."""
