"""User accounts: students and teachers, passwords, sessions."""
