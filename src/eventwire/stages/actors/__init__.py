"""Find every mention of a political actor and resolve it to a CAMEO-style code.

Output: ``Mention`` records (see docs/actors.md for what counts and how it is coded). The
rules run in this order on one parsed article:

1. lexicon surface forms (countries, capitals, organisations, armed groups, people);
2. people: spaCy's and the lexicon's names, coded from the title or apposition around the
   first full mention (``Russia's U.N. Ambassador Vitaly Churkin`` -> RUSGOV) or the lexicon's
   office on the article's date;
3. role phrases (``Syrian soldiers`` -> SYRMIL) and hyphen compounds (``U.S.-led coalition``);
4. later mentions of known people by surname, title or subject pronoun;
5. a role with no country ("the army") takes the article's home country (where its places
   are, whose name it uses most) when one clearly leads, and stays a bare role code otherwise;
6. "they" and definite nouns ("the group", "the council") referring back to one actor.

Overlapping candidates are settled by strength (a titled person over a role phrase over a name
over a reference), then length.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.lexicons.gazetteer import Gazetteer
from eventwire.records import Article, Mention
from eventwire.stages import Found, Resources
from eventwire.stages.actors.anaphora import references
from eventwire.stages.actors.context import Cand, DocContext
from eventwire.stages.actors.matcher import ActorMatcher, Match
from eventwire.stages.actors.nouns import (
    STANDALONE_SECTORS,
    hyphen_compounds,
    is_locative,
    lexicon_names,
    role_phrases,
)
from eventwire.stages.actors.people import later_mentions, resolve_people
from eventwire.stages.actors.sides import side_of
from eventwire.stages.grammar import entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ActorMatcher", "find_mentions", "run"]

# A country must supply more than this share of an article's country-coded mentions (and at
# least two of them) before a bare role such as "the army" is given that country.
DOMINANT_SHARE = 0.5
# The article's home country: places in it count PLACE_WEIGHT, each use of a country's name or
# adjective NAME_WEIGHT; the leader needs more than HOME_SHARE of the total.
PLACE_WEIGHT, NAME_WEIGHT, HOME_SHARE = 2, 1, 0.4
LEDE_FACTOR = 2
# ... and whose name is the first sentence's subject ("Germany expelled ...") counts more again.
LEDE_SUBJECT = 3
# Determiners of a noun that refers back ("the diplomats", "these troops").
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
# A headline names whose story it is: each country it names counts TITLE_WEIGHT, the first
# one TITLE_FIRST more.
TITLE_WEIGHT, TITLE_FIRST = 2, 2


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The actors stage's entry point (see the module docstring)."""
    mentions = find_mentions(doc, article, resources.actor_matcher, resources.gazetteer)
    return replace(found, mentions=tuple(mentions))


def find_mentions(
    doc: Doc, article: Article, matcher: ActorMatcher, gazetteer: Gazetteer | None = None
) -> list[Mention]:
    ctx = DocContext(doc, article.published, matcher.lexicon, matcher.title_words,
                     matcher.find(doc, article.published), matcher.role_words)
    people = resolve_people(ctx)
    person_tokens = {i for c in people for i in range(c.start, c.end)}
    cands = people + hyphen_compounds(ctx) + role_phrases(ctx, person_tokens) + lexicon_names(ctx)
    chosen = _select(cands)
    headline = matcher.find_in_text(article.title, article.published) if article.title else []
    dominant = _dominant(chosen, _home_country(ctx, gazetteer, headline))
    _fill_people(ctx, chosen, dominant)
    chosen = _select(chosen + later_mentions(ctx, chosen))
    _titled_references(chosen, ctx)
    _fill_country(chosen, ctx, dominant, gazetteer)
    chosen = _merge_names(_select(chosen + references(ctx, chosen)), ctx)
    _abbreviations(chosen, doc)
    _counterparts(chosen, ctx)
    text = doc.text  # built on every access: take it once
    return [_mention(c, doc, text) for c in sorted(chosen, key=lambda c: (_chars(c, doc)[0], c.end))]


def _abbreviations(cands: list[Cand], doc: Doc) -> None:
    """ "the European Union (EU)": an abbreviation in brackets right after a mention is that
    actor, whatever the lexicon codes it as on its own."""
    by_end = {c.end: c for c in cands if c.chars is None}
    for c in cands:
        named = by_end.get(c.start - 1)
        if named is None or c.chars is not None or c.end >= len(doc) or named.code is None:
            continue
        if doc[c.start - 1].text == "(" and doc[c.end].text == ")" and doc[c.start:c.end].text.isupper():
            c.code, c.name, c.kind = named.code, named.name, named.kind
            c.country, c.sector = named.country, named.sector


def _counterparts(cands: list[Cand], ctx: DocContext) -> None:
    """ "Japan's defence minister hosted his Philippine counterpart": a counterpart holds the
    same office as the official named before it in the sentence (``PHLGOVMIL``)."""
    for i, c in enumerate(cands):
        if ctx.doc[c.end - 1].lemma_.lower() != "counterpart" or not c.country:
            continue
        sent_start = ctx.doc[c.start].sent.start
        other = next((o for o in reversed(cands[:i]) if o.start >= sent_start and o.country
                      and o.country != c.country and o.kind in ("person", "generic") and o.sector
                      and o.sector.startswith("GOV")), None)
        if other is not None and other.sector is not None and other.sector != c.sector:
            cands[i] = replace(c, code=c.country + other.sector, sector=other.sector,
                               name=ctx.label(c.country, other.sector))


def _merge_names(cands: list[Cand], ctx: DocContext) -> list[Cand]:
    """ "the Russian news agency TASS": a role phrase and the name right after it that has the
    same code are one mention."""
    by_start = {c.start: c for c in cands if c.chars is None}
    out = []
    dropped: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        if id(c) in dropped:
            continue
        name = by_start.get(c.end)
        if name is not None and c.chars is None and c.kind == "generic" and c.code \
                and name.code == c.code and name.kind in ("organisation", "group"):
            c.end = name.end
            dropped.add(id(name))
        out.append(c)
    return out


def _select(cands: list[Cand]) -> list[Cand]:
    """Keep the strongest, then longest, of overlapping candidates."""
    kept: list[Cand] = []
    used: set[int] = set()
    for c in sorted(cands, key=lambda c: (-c.strength, -(c.end - c.start), c.start)):
        tokens = set(range(c.start, c.end))
        if tokens & used:
            continue
        used |= tokens
        kept.append(c)
    return kept


def _home_country(
    ctx: DocContext, gazetteer: Gazetteer | None, headline: list[Match] | None = None
) -> str | None:
    """The country the article is about: what its headline names, where its places are, and
    whose name and adjective it uses most, if one clearly leads."""
    places: Counter[str] = Counter()
    signals: Counter[str] = Counter()
    first = True
    for m in headline or ():
        entry = m.first("country", "adjective", "capital", "metonym")
        if entry is not None and entry.country:
            places[entry.country] += TITLE_WEIGHT + (TITLE_FIRST if first else 0)
            signals[entry.country] += 2 if first else 1  # the headline's subject is enough
            first = False
    lede = next(iter(ctx.doc.sents)) if len(ctx.doc) else None
    lede_end = lede.end if lede is not None else 0
    subject = next((t for t in lede.root.children if t.dep_ in ("nsubj", "nsubjpass")), None) \
        if lede is not None else None
    for m in ctx.matches:
        entry = m.first("country", "adjective")
        if entry is not None and entry.country:
            # The first sentence usually names whose story it is.
            places[entry.country] += NAME_WEIGHT * (LEDE_FACTOR if m.start < lede_end else 1)
            if subject is not None and _names(m, subject, ctx):
                places[entry.country] += LEDE_SUBJECT  # "Germany expelled", "Syrian troops"
            signals[entry.country] += 1
    for ent in entities(ctx.doc):
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        match = ctx.match_at(ent[0])
        state = match.first("country") if match else None
        if state is not None and state.country:
            if is_locative(ent.root, ctx):
                places[state.country] += PLACE_WEIGHT - NAME_WEIGHT
            continue
        name = ent.text[4:] if ent.text.startswith("the ") else ent.text
        country = gazetteer.country_of(name) if gazetteer else None
        if country:
            places[country] += PLACE_WEIGHT
            signals[country] += 1
    if not places:
        return None
    top, count = places.most_common(1)[0]
    # One city is not enough ("talks in Geneva" does not make a story Swiss); one country
    # named, with no other country in sight, is ("In Chile, police used water cannon").
    states = (m.first("country", "adjective") for m in ctx.matches)
    named = any(e is not None and e.country == top for e in states)
    enough = signals[top] >= 2 or (len(places) == 1 and named)
    return top if enough and count / sum(places.values()) > HOME_SHARE else None


def _names(m: Match, subject: Token, ctx: DocContext) -> bool:
    """Whether a match is a subject or the one word modifying it ("Syrian troops")."""
    if m.start <= subject.i < m.end:
        return True
    return subject.i == m.end and m.end - m.start == 1 \
        and ctx.doc[m.start].dep_ in ("amod", "compound", "poss")


def _dominant(cands: list[Cand], home: str | None) -> str | None:
    """The home country, or else the country most of the article's actors belong to."""
    if home is not None:
        return home
    countries = Counter(c.country for c in cands if c.country and c.kind in ("state", "generic"))
    if not countries:
        return None
    top, count = countries.most_common(1)[0]
    return top if count >= 2 and count / sum(countries.values()) > DOMINANT_SHARE else None


def _fill_people(ctx: DocContext, cands: list[Cand], dominant: str | None) -> None:
    """People whose title gave a role but no country take the country of the last actor of
    that role named before them, or else the article's."""
    for person in ctx.people.values():
        if person.code is None and person.sector is not None:
            before = [c for c in cands if c.start < person.first_token and c.country
                      and c.sector == person.sector and c.kind in ("generic", "person")]
            national = any(ctx.lexicon.titles[tuple(t.split())].office not in (None, "rank")
                           for t in person.titles if tuple(t.split()) in ctx.lexicon.titles)
            local = _sentence_country(ctx, person.first_token) if national else None
            if local:
                # "Foreign Minister Clara Wendt told reporters in Berlin": the one state the
                # sentence names
                person.country = local
            elif national and dominant:
                # A national office ("Foreign Secretary X") with no country is the home one's.
                person.country = dominant
            else:
                person.country = max(before, key=lambda c: c.start).country if before else dominant
            person.code = person.country + person.sector if person.country else person.sector
            if person.country in ctx.lexicon.family_name_first:
                person.surnames.add(person.full.split()[0])


def _titled_references(cands: list[Cand], ctx: DocContext) -> None:
    """ "the Malaysian minister" after "Malaysian Defence Minister Azlan Rahim": the person."""
    for c in cands:
        head = ctx.doc[c.end - 1]
        lemma = head.lemma_.lower()
        if c.kind != "generic" or c.person is not None or not c.country or lemma not in ctx.title_words \
                or not any(t.lower_ == "the" for t in head.children):
            continue
        holders = [p for p in ctx.people.values() if p.country == c.country and p.first_token < c.start
                   and any(lemma in t.split() for t in p.titles)]
        if holders:
            person = max(holders, key=lambda p: p.first_token)
            c.code, c.name, c.sector, c.kind, c.person = person.code, person.full, person.sector, \
                "person", person.full


def _sentence_country(ctx: DocContext, at: int) -> str | None:
    """The one state named (by name, adjective or capital) in the sentence of token ``at``."""
    sent = ctx.doc[at].sent
    states = set()
    for m in ctx.matches:
        if sent.start <= m.start < sent.end:
            entry = m.first("country", "adjective", "capital", "metonym")
            if entry is not None and entry.country:
                states.add(entry.country)
    return states.pop() if len(states) == 1 else None


def _fill_country(
    cands: list[Cand], ctx: DocContext, dominant: str | None, gazetteer: Gazetteer | None
) -> None:
    # A bare role takes the side its clause gives it ("Russia massed troops"); else most often
    # the same side as the last actor of that role the article named ("Israeli troops ... the
    # troops"); failing that, the home country. A side the clause rules out is never taken.
    last_of_role: dict[tuple[str, bool], str] = {}
    last_of_head: dict[str, str] = {}
    at = {i: c for c in cands for i in range(c.start, c.end)}
    for c in sorted(cands, key=lambda c: c.start):
        if c.person is not None and c.person in ctx.people:
            person = ctx.people[c.person]
            c.code, c.country, c.sector = person.code, person.country, person.sector
        elif c.needs_country and (c.sector in STANDALONE_SECTORS or ctx.lexicon.petrarch_agents):
            c.code = c.sector
        elif c.needs_country and c.sector is not None:
            side = side_of(c, ctx, at, gazetteer)
            key = _role_key(c, ctx)
            last = last_of_role.get(key, last_of_role.get((key[0], False), dominant))
            head = ctx.doc[c.end - 1]
            if any(t.lower_ in _DEFINITE for t in head.children) and head.lemma_.lower() in last_of_head:
                last = last_of_head[head.lemma_.lower()]  # "two Chinese diplomats ... the diplomats"
            country = None if side.shared else side.country or last
            if side.ruled_out is not None and country == side.ruled_out:
                country = dominant if dominant != side.ruled_out else None
            c.country = country
            c.code = country + c.sector if country else c.sector
            c.name = ctx.label(country, c.sector)
        if c.country and c.sector and c.kind in ("generic", "person") and not c.needs_country:
            last_of_role[_role_key(c, ctx)] = c.country
            last_of_head[ctx.doc[c.end - 1].lemma_.lower()] = c.country


def _role_key(c: Cand, ctx: DocContext) -> tuple[str, bool]:
    """A role, and whether the mention is of equipment: "Ukrainian drones" say nothing of
    whose "air defences" shot them down."""
    return c.sector or "", ctx.doc[c.end - 1].lemma_.lower() in ctx.lexicon.equipment


def _chars(c: Cand, doc: Doc) -> tuple[int, int]:
    if c.chars is not None:
        return c.chars
    span = doc[c.start:c.end]
    return span.start_char, span.end_char


def _mention(c: Cand, doc: Doc, text: str) -> Mention:
    start, end = _chars(c, doc)
    kind = c.kind if c.kind in ("state", "organisation", "group", "person", "generic") else "organisation"
    return Mention(text=text[start:end], start=start, end=end, code=c.code, name=c.name,
                   kind=kind,  # type: ignore[arg-type]
                   country=c.country, sector=c.sector)
