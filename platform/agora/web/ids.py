"""Ids read from URLs and forms, bounded to what the database columns hold.

Ids are 32-bit INTEGER columns on PostgreSQL (64-bit on SQLite): a bigger number sent to the
database fails the whole request with a 500. It is refused while parsing instead: a path id
out of range is a page that does not exist (404, see agora.web.errors), a form id out of range
is treated like any other unreadable value by the route (its French message).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

MAX_ID = 2**31 - 1  # PostgreSQL INTEGER, the smaller of the two databases' id columns

DbId = Annotated[int, Path(ge=1, le=MAX_ID)]
Position = DbId  # a 1-based rank in a URL (a question of a copy): the same bounds
Index = Annotated[int, Path(ge=0, le=MAX_ID)]  # a 0-based rank in a URL (a step of a mission)


def form_id(text: str) -> int:
    """The id a form field holds; ValueError (as int() raises) when no row can have it."""
    value = int(text)
    if not 1 <= value <= MAX_ID:
        raise ValueError(f"identifiant hors limites : {value}")
    return value
