"""Competency levels from the evidence left by graded attempts."""
