"""The web layer: templates, rendering (htmx), security, error pages, CLI (serve, demo, db)."""
