"""Missions written by teachers in the app (issue 14): stored as the text of a mission file,
versioned once answered, found next to the built-ins by ``catalog.find_mission``."""
