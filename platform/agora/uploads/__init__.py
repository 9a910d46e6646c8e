"""Files handed in by students (a poster, a flyer): checked from their content, stored by hash."""
