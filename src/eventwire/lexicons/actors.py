"""The actor lexicon: every name, alias, adjective and title the actors stage knows.

Built once per process from the package's TSV files (and any user files) and passed to the
stage. Lookups are by exact surface form; the stage decides what a match means in context.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from eventwire.errors import InputError
from eventwire.lexicons import read_lines, read_tsv

Source = Literal["country", "adjective", "demonym", "capital", "metonym", "organisation",
                 "group", "person", "user"]

# Columns of a user actor file (``--actors FILE``); see docs/actors.md.
USER_COLUMNS = ("name", "aliases", "code", "kind", "country", "sector", "gender", "start", "end")


@dataclass(frozen=True)
class ActorEntry:
    """One coded actor a surface form can stand for, valid between ``start`` and ``end``."""

    name: str
    code: str
    kind: str
    source: Source
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    office: str | None = None
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    sector: str
    office: str | None


@dataclass
class ActorLexicon:
    """Surface form -> entries, plus the role nouns and titles, in lower-case lemma form."""

    names: dict[str, list[ActorEntry]] = field(default_factory=lambda: defaultdict(list))
    # lemma phrase -> (sector, whether the noun is an actor without a country word)
    sector_nouns: dict[tuple[str, ...], tuple[str, bool]] = field(default_factory=dict)
    sector_labels: dict[str, str] = field(default_factory=dict)
    states: dict[str, ActorEntry] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # ISO3 -> "Syrian"
    # full name -> the short forms a second mention uses ("Xi" for "Xi Jinping", "Lula")
    short_names: dict[str, set[str]] = field(default_factory=dict)
    family_name_first: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    # cue kind ("prep", "area", "verb", "apposition") -> words that mark a seat as a place
    place_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    # verb lemma -> "own" or "harm": whose side a bare role noun after it is on
    side_verbs: dict[str, str] = field(default_factory=dict)
    # "the group" -> (kinds it may refer to, words the referent's name must contain)
    nominals: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict)
    # word after a hyphen -> (role, nouns a "force" mention extends over)
    hyphen_roles: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    titles: dict[tuple[str, ...], Title] = field(default_factory=dict)
    # one-word names that also match as the start of a longer word, as TABARI/PETRARCH
    # dictionaries mean a name without a closing "_" ("Argentin": "Argentina", "Argentine")
    stems: set[str] = field(default_factory=set)
    # the actor nouns are a PETRARCH agent dictionary's, coded as PETRARCH codes them: no
    # country is guessed for an agent with none named ("students": ---EDU), and coordinated
    # agents share the country word before the first ("Danish media and government")
    petrarch_agents: bool = False
    # names a user's dictionary defines: its entries replace the built-in ones
    user_names: set[str] = field(default_factory=set)
    # agents whose code goes before the country's ("MSF [NGO~]": "MSF Arnor" is NGOARN)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    # agents with no other form than the one written ("POLICE {}": not "polices"): their
    # lemma phrase -> the words as written
    exact_nouns: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    def add(self, surface: str, entry: ActorEntry, first: bool = False) -> None:
        """Register ``surface`` for ``entry``; ``first`` puts it ahead of earlier entries."""
        surface = " ".join(surface.split())
        if surface.startswith(("the ", "The ")):
            surface = surface[4:]
        if not surface:
            return
        entries = self.names[surface]
        if entry not in entries:
            entries.insert(0, entry) if first else entries.append(entry)

    def entries(self, surface: str) -> list[ActorEntry]:
        return self.names.get(surface, [])

    def lookup(self, surface: str, day: date | None = None) -> list[ActorEntry]:
        """Entries for ``surface`` valid on ``day`` (every entry when ``day`` is unknown)."""
        return [e for e in self.names.get(surface, []) if e.valid_on(day)]

    def surfaces(self) -> Iterable[str]:
        return self.names.keys()

    @property
    def max_sector_words(self) -> int:
        return max((len(k) for k in self.sector_nouns), default=1)

    @property
    def max_title_words(self) -> int:
        return max((len(k) for k in self.titles), default=1)


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _date(cell: str | None, end: bool = False) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial end date means the end of that period."""
    text = (cell or "").strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], parts[1], parts[2])


def load_actor_lexicon(extra_files: Sequence[str | Path] = (),
                       agent_files: Sequence[str | Path] = ()) -> ActorLexicon:
    """The built-in lexicon plus user files: TSV with the columns in ``USER_COLUMNS``, or
    TABARI/PETRARCH actor dictionaries; and PETRARCH agent dictionaries."""
    from eventwire.lexicons import dictionaries, petrarch

    lex = ActorLexicon()
    lex.family_name_first = frozenset(read_lines("family_name_first.txt"))
    lex.equipment = frozenset(read_lines("equipment.txt"))
    cues: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("place_cues.tsv"):
        cues[row["kind"]].add(row["word"])
    lex.place_cues = {kind: frozenset(words) for kind, words in cues.items()}
    lex.side_verbs = {row["verb"]: row["kind"] for row in read_tsv("side_verbs.tsv")}
    _countries(lex)
    for row in read_tsv("metonyms.tsv"):
        code = row["code"]
        names = _split(row["name"])
        national = code[:3] in lex.states
        entry = ActorEntry(names[0], code, "state", "metonym", code[:3] if national else None,
                           (code[3:] or None) if national else None)
        for surface in names:
            lex.add(surface, entry)
    for row in read_tsv("organisations.tsv"):
        entry = ActorEntry(row["name"], row["code"], "organisation", "organisation",
                           row.get("country") or None, row.get("sector") or None)
        for surface in [row["name"], *_split(row.get("aliases"))]:
            lex.add(surface, entry)
    for row in read_tsv("armed_groups.tsv"):
        entry = ActorEntry(row["name"], row["code"], "group", "group", row.get("country") or None,
                           row.get("sector") or None, start=_date(row.get("active_from")),
                           end=_date(row.get("active_to"), end=True))
        for surface in [row["name"], *_split(row.get("aliases"))]:
            lex.add(surface, entry)
    for row in read_tsv("people.tsv"):
        _person(lex, row, "person")
    for row in read_tsv("sector_nouns.tsv"):
        lex.sector_nouns[tuple(row["phrase"].split())] = (row["sector"], row["alone"] == "yes")
    for row in read_tsv("nominals.tsv"):
        lex.nominals[row["noun"]] = (frozenset(_split(row["kinds"])), tuple(_split(row.get("name_words"))))
    for row in read_tsv("hyphen_roles.tsv"):
        lex.hyphen_roles[row["suffix"]] = (row["role"], frozenset(_split(row.get("force_nouns"))))
    for row in read_tsv("sectors.tsv"):
        lex.sector_labels[row["code"]] = row["label"]
    for row in read_tsv("titles.tsv"):
        lex.titles[tuple(row["title"].split())] = Title(
            tuple(row["title"].split()), row["sector"], row.get("office") or None)
    for path in extra_files:
        if dictionaries.is_petrarch_actor_file(path):
            dictionaries.add_actors(lex, petrarch.read_actors(path))
        else:
            _user_file(lex, Path(path))
    if agent_files:
        # a user's agent dictionary is the only source of actor nouns, as a verb dictionary
        # is of event verbs: "mayor" is no actor to a dictionary that does not list it
        lex.sector_nouns, lex.titles = {}, {}
        lex.petrarch_agents = True
    for path in agent_files:
        dictionaries.add_agents(lex, petrarch.read_agents(path))
    return lex


def _countries(lex: ActorLexicon) -> None:
    for row in read_tsv("countries.tsv"):
        iso = row["code"]
        name = row["name"]
        state = ActorEntry(name, iso, "state", "country", iso)
        lex.states[iso] = state
        for surface in [name, *_split(row.get("aliases"))]:
            lex.add(surface, state)
        adjective = ActorEntry(name, iso, "state", "adjective", iso)
        adjectives = _split(row.get("adjectives"))
        lex.adjectives[iso] = adjectives[0] if adjectives else name
        for surface in adjectives:
            lex.add(surface, adjective)
        people = ActorEntry(f"{name} (people)", iso, "generic", "demonym", iso)
        for surface in _split(row.get("demonyms")):
            lex.add(surface, people)
        capital = ActorEntry(f"{name} government", f"{iso}GOV", "state", "capital", iso, "GOV")
        for surface in _split(row.get("capitals")):
            lex.add(surface, capital)


def _person(lex: ActorLexicon, row: dict[str, str], source: Source) -> None:
    code = row["code"]
    country = row.get("country") or None
    entry = ActorEntry(
        row["name"], code, "person", source, country,
        sector=code[3:] if country and code.startswith(country) else None,
        gender=row.get("gender") or None, office=row.get("office") or None,
        start=_date(row.get("start")), end=_date(row.get("end"), end=True),
    )
    surfaces = [row["name"], *_split(row.get("aliases"))]
    for surface in surfaces:
        lex.add(surface, entry)
    short = lex.short_names.setdefault(entry.name, set())
    short.update(s for s in surfaces if " " not in s)
    if country in lex.family_name_first:
        short.add(entry.name.split()[0])


def _user_file(lex: ActorLexicon, path: Path) -> None:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise InputError(f"cannot read actor file {path}: {exc.strerror or exc}") from exc
    reader = csv.DictReader(lines, delimiter="\t")
    missing = {"name", "code"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(
            f"{path}: the header needs the columns {', '.join(USER_COLUMNS)} "
            f"(at least name and code); missing {', '.join(sorted(missing))}")
    for n, row in enumerate(reader, 2):
        code = (row.get("code") or "").strip()
        if not code.isalpha() or not code.isupper() or len(code) % 3:
            raise InputError(f"{path} line {n}: code {code!r} is not a CAMEO actor code")
        kind = (row.get("kind") or "").strip() or "organisation"
        country = (row.get("country") or "").strip() or None
        try:
            start, end = _date(row.get("start")), _date(row.get("end"), end=True)
        except ValueError as exc:
            raise InputError(f"{path} line {n}: bad date ({exc}); use YYYY, YYYY-MM or YYYY-MM-DD") from exc
        entry = ActorEntry(row["name"].strip(), code, kind, "user", country,
                           (row.get("sector") or "").strip() or None,
                           (row.get("gender") or "").strip() or None, None, start, end)
        for surface in [row["name"], *_split(row.get("aliases"))]:
            lex.add(surface, entry, first=True)
