"""Bank reconciliation, the French explanation of each diagnostic the grader can raise
(messages.yaml beside)."""

from __future__ import annotations

from pathlib import Path

from agora.exercise.nommes import messages_lus

# The grader writes its codes as text: the file is their list.
MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"))
