"""What a student reads of each rule of the week when a teacher gives a remediation for it.

A graded planning names each breach with its own figures (« Léa travaille 11 h le mardi… »,
agora.exercise.kinds.planning.violations); these are the rules themselves, without a case, in
messages.yaml beside.
"""

from pathlib import Path

from agora.exercise.nommes import messages_lus

# The grader writes its codes as text: the file is their list.
MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"))
