"""Load and validate the project's content (scenarios/): barèmes, sector profiles, missions."""
