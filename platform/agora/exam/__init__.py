"""Timed evaluations: one variant per student, answers saved as typed, graded at the deadline."""
