"""Where the table's communes lie: a commune by its postcode and town, and the distance as the
crow flies between two places (coordinates of scenarios/communes.yaml and destinations.yaml)."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt
from typing import Any

from agora.content.secteurs import Commune, load_communes
from agora.errors import ContentError

RAYON_TERRE_KM = 6371.0  # the mean radius (IUGG): the haversine's error stays under 0.5 %


def commune(code_postal: str, ville: str) -> Commune:
    """An organisation's town in the table of communes its address was drawn from."""
    for c in load_communes():
        if (c.code_postal, c.ville) == (code_postal, ville):
            return c
    raise ContentError(f"{code_postal} {ville} : commune absente de scenarios/communes.yaml.")


def vol_oiseau_km(a: Any, b: Any) -> float:
    """The great-circle distance (haversine) between two places with a latitude and longitude."""
    la1, lo1, la2, lo2 = map(radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 2 * RAYON_TERRE_KM * asin(sqrt(h))
