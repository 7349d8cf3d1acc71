"""People: who they are from the titles and appositions around their names, and later
mentions by surname, title or pronoun."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from eventwire.lexicons.actors import ActorEntry
from eventwire.stages.actors.context import NAME, PERSON_WITH_ROLE, REFERENCE, Cand, DocContext, Person
from eventwire.stages.actors.nouns import STANDALONE_SECTORS, is_place
from eventwire.stages.grammar import entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# After a diplomat's title these prepositions name where or to whom they are sent, not whom
# they serve: "ambassador to the United Nations", "envoy for Syria". After other titles they
# name the employer: "adviser to Azerbaijan's president".
_TARGET_PREPS = frozenset({"to", "for", "in", "at", "on", "with"})
_DIPLOMATS = frozenset({"ambassador", "envoy", "consul", "diplomat", "representative", "delegate",
                        "emissary", "mediator", "negotiator", "observer"})
_FEMALE_TITLES = frozenset({"spokeswoman", "queen", "chairwoman", "congresswoman", "policewoman"})
_MALE_TITLES = frozenset({"spokesman", "king", "chairman", "congressman", "emir", "sultan",
                          "policeman", "businessman"})
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_FORMER = frozenset({"former", "ex", "onetime", "erstwhile"})


def person_spans(ctx: DocContext) -> list[Span]:
    """Spans that name people: lexicon people, spaCy's PERSON entities, and names spaCy got
    wrong that a title right before them marks as people ("Ambassador Samantha Power")."""
    doc = ctx.doc
    spans = []
    taken: set[int] = set()
    for m in ctx.matches:
        if m.first("person"):
            spans.append(doc[m.start:m.end])
            taken.update(range(m.start, m.end))
    for ent in entities(doc):
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "GPE", "NORP") and _titled(ent, ctx)):
            lexical = ctx.match_at(ent[0])
            if ent.label_ != "PERSON" and lexical and lexical.end >= ent.end:
                continue  # a known country or organisation, not a person
            # Titles inside the entity ("Major General Samir Hallaq") are not the name.
            names = [t for t in ent if (t.pos_ == "PROPN" or t.is_title)
                     and t.lemma_.lower() not in ctx.title_words]
            names = names[-4:] if names else names
            if names and not all(ctx.match_at(t) for t in names):
                spans.append(doc[names[0].i:names[-1].i + 1])
                taken.update(range(names[0].i, names[-1].i + 1))
    # Names the model did not tag at all, but a title marks: "ambassador ..., Ana Ruiz".
    for token in doc:
        if token.lemma_.lower() not in ctx.title_words or token.pos_ not in ("NOUN", "PROPN"):
            continue
        heads = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
            heads.append(token.head)
        for head in heads:
            span = _name_chain(head, ctx.title_words)
            if span is not None and token.ent_type_ == "ORG" and span[0].ent_type_ == "ORG" \
                    and span[0].ent_iob_ == "I":
                continue  # inside a named body: "the National Electoral Council"
            if span is not None and not any(i in taken for i in range(span.start, span.end)):
                spans.append(span)
                taken.update(range(span.start, span.end))
    return sorted(spans, key=lambda s: s.start)


def _name_chain(head: Token, title_words: set[str]) -> Span | None:
    """A capitalised proper-noun name ending at ``head``, with its compound first names (and
    none of the title words before it: "Major General" is not a name)."""
    start = head.i
    doc = head.doc
    if not head.is_title or head.lemma_.lower() in title_words:
        return None
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].head.i == head.i and doc[start - 1].is_title \
            and doc[start - 1].lemma_.lower() not in title_words:
        start -= 1
    return doc[start:head.i + 1]


def _titled(span: Span, ctx: DocContext) -> bool:
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and before.lower_ in ctx.title_words:
        return True
    if before is not None and before.text == "," and span.start >= 2 and span.root.dep_ == "appos" \
            and span.root.head.ent_type_ in ("GPE", "LOC") and any(
            t.lemma_.lower() in ctx.title_words for t in _window(span.doc, span.start - 2, -1)):
        return True  # "Nigeria's ambassador to Ghana, Chinwe Okafor" (the name taken for a place)
    return span.root.dep_ == "appos" and span.root.head.lemma_.lower() in ctx.title_words


def _title_tokens(span: Span, title_words: set[str]) -> list[Token]:
    """The title phrase attached to a name: the compound chain before it ("Russia's U.N.
    Ambassador"), or the noun phrase it stands in apposition to, before or after it. The
    parse is tried first; when it yields no title (the small model often attaches an
    apposition to the wrong noun), the words between the name and the nearest clause
    boundary on either side are read instead."""
    root = span.root
    doc = span.doc
    left = []
    i = span.start - 1
    subtree = {t.i for t in root.subtree}
    while i >= 0 and i in subtree and (doc[i].dep_ not in ("det", "punct", "cc") or doc[i].text == "-") \
            and doc[i].pos_ not in ("VERB", "AUX"):
        left.append(doc[i])
        i -= 1
    candidates = [sorted(left, key=lambda t: t.i)]
    if root.dep_ == "appos":
        head = root.head
        own = {t.i for t in root.subtree}
        candidates.append([t for t in head.subtree if t.i not in own and t.i < span.start
                           and not t.is_punct and t.dep_ not in ("det", "relcl", "acl")])
    for child in root.children:
        if child.dep_ == "appos" and child.i > span.end - 1:
            candidates.append([t for t in child.subtree if not t.is_punct and t.dep_ != "det"])
    candidates.append(_window(doc, span.start - 2, -1) if span.start >= 2
                      and doc[span.start - 1].text == "," else [])
    # A title right before the name, however the parser attached it ("Former Syrian
    # president Bashar al-Assad" with "al-Assad" split apart).
    candidates.append(_window(doc, span.start - 1, -1, frozenset(title_words)) if span.start >= 1
                      and doc[span.start - 1].lemma_.lower() in title_words else [])
    candidates.append(_window(doc, span.end + 1, 1) if span.end < len(doc)
                      and doc[span.end].text == "," else [])
    # Every phrase that holds a title describes the person: "Syria's deputy defence minister,
    # Major General Samir Hallaq" has an office before the comma and a rank after it.
    chosen: dict[int, Token] = {}
    for tokens in candidates:
        if any(t.lemma_.lower() in title_words for t in tokens):
            chosen.update((t.i, t) for t in tokens)
    return [chosen[i] for i in sorted(chosen)]


_WINDOW = 12


def _window(doc: Doc, start: int, step: int, title_words: frozenset[str] = frozenset()) -> list[Token]:
    """Words from ``start`` going ``step`` until a clause boundary: a verb, a comma or other
    punctuation (hyphens and apostrophes aside), a conjunction, or the sentence's edge. Going
    back, a preposition before a title already read ends it too: in "Georgia's arrest of
    opposition leader Nika Beradze" the title is "opposition leader"."""
    out: list[Token] = []
    i = start
    sent = doc[start].sent
    while sent.start <= i < sent.end and len(out) < _WINDOW:
        t = doc[i]
        if t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON") or (t.is_punct and t.text not in "-'"):
            break
        if step < 0 and t.pos_ == "ADP" and any(o.lemma_.lower() in title_words for o in out):
            break
        if t.dep_ != "det":
            out.append(t)
        i += step
    return sorted(out, key=lambda t: t.i)


def _in_target_phrases(tokens: list[Token]) -> tuple[set[int], set[int]]:
    """Tokens inside "to/for/in ..." phrases of a title: (after a diplomat's title, where they
    are sent: ignored; after any other title, a weaker clue than the title itself)."""
    ids = {t.i for t in tokens}
    sent: set[int] = set()
    weak: set[int] = set()
    for t in tokens:
        if t.dep_ == "prep" and t.lower_ in _TARGET_PREPS:
            inside = {x.i for x in t.subtree if x.i in ids}
            (sent if t.head.lemma_.lower() in _DIPLOMATS else weak).update(inside)
    return sent, weak


def read_title(tokens: list[Token], ctx: DocContext) -> tuple[str | None, str | None, str | None,
                                                                set[str], str | None]:
    """(code, country, sector, title words, gender) implied by a title phrase."""
    excluded, weak = _in_target_phrases(tokens)
    usable = [t for t in tokens if t.i not in excluded]
    country = org = weak_country = None
    for t in usable:
        if t.i in weak:
            weak_country = weak_country or ctx.country_of(t)
        else:
            country = country or ctx.country_of(t)
        org = org or ctx.org_of(t) or ctx.named_earlier(t)
    # "the WFP's country director for Haiti" works for the WFP; "adviser to Azerbaijan's
    # president" for Azerbaijan: a country in such a phrase counts only when nothing else does.
    if country is None and org is None:
        country = weak_country
    lemmas = [t.lemma_.lower() for t in usable]
    titles: set[str] = set()
    sector = noun_sector = rank = None
    if country is not None and country.source == "metonym" and country.sector:
        noun_sector = country.sector  # "Pentagon spokeswoman": the Pentagon's MIL
    n = 0
    while n < len(lemmas):  # longest match first, left to right: "defence minister", not "minister"
        for size in (3, 2, 1):
            key = tuple(lemmas[n:n + size])
            if len(key) < size:
                continue
            if key in ctx.lexicon.titles:
                # The first title is the office ("deputy defence minister, Major General X");
                # a military rank only counts when there is no other title.
                title = ctx.lexicon.titles[key]
                if title.office == "rank":
                    rank = rank or title.sector
                else:
                    sector = sector or title.sector
                titles.add(" ".join(key))
                break
            if key in ctx.lexicon.sector_nouns:
                noun_sector = noun_sector or ctx.lexicon.sector_nouns[key][0]
                break
        else:
            size = 1
        n += size
    words = {t.lower_ for t in tokens}
    gender = "f" if words & _FEMALE_TITLES else "m" if words & _MALE_TITLES else None
    if not titles and not noun_sector and not org:
        return None, None, None, titles, gender
    role = noun_sector or sector or rank or "GOV"
    if words & _FORMER:
        role = "ELI"  # "former Syrian president Bashar al-Assad": CAMEO's former elites
    if role in STANDALONE_SECTORS and org is None and (country is None or role != "NGO"):
        return role, None, role, titles, gender
    if country is not None and (role not in STANDALONE_SECTORS or role == "NGO"):
        return country.country + role if country.country else None, country.country, role, \
            titles, gender
    if org is not None:
        return org.code, org.country, org.sector, titles, gender
    return None, None, role, titles, gender


def resolve_people(ctx: DocContext) -> list[Cand]:
    """A candidate for each first mention of a person with a role, and registers them."""
    cands = []
    for span in person_spans(ctx):
        full = span.text
        known = ctx.people.get(full) or _earlier_surname(span, ctx)
        title = _title_tokens(span, ctx.title_words | ctx.role_words)
        if known is not None:
            start = min([span.start, *(t.i for t in title if t.i < span.start)])
            cands.append(_refer(start, span.end, known, NAME))
            continue
        code, country, sector, titles, gender = read_title(title, ctx) if title else \
            (None, None, None, set(), None)
        entry = _lexicon_person(full, ctx)
        if entry is not None:
            gender = gender or entry.gender
            if code is None:
                code, country, sector = entry.code, entry.country, entry.sector
        elif code is None and sector is None:
            former = _former(full, ctx)
            if former is None:
                continue  # no public role we can see: not a political actor
            code, country, sector = former, former[:3], "ELI"
        home, home_end = _home_country(span, ctx)
        if home is not None and country is None and sector is not None:
            country, code = home, home + sector
        surnames = {span[-1].text, *ctx.lexicon.short_names.get(entry.name if entry else full, ())}
        if len(span) >= 3 and span[-2].is_title and span[-2].lemma_.lower() not in ctx.title_words:
            surnames.add(span[-2].text)  # "María Fernanda Ospina Duque" is "Ospina" later
        given = span[-1].text.split("-")
        # Family name first: the state's convention, or a romanised given name ("Mei-ling").
        if country in ctx.lexicon.family_name_first or (len(span) > 1 and len(given) == 2 \
                and given[1].islower()):
            surnames.add(span[0].text)
        person = Person(full, surnames, code, country, sector, gender, titles, span.start)
        ctx.people[full] = person
        start = min([span.start, *(t.i for t in title if t.i < span.start)])
        end = max([span.end, home_end, *(t.i + 1 for t in title)])
        cand = _refer(start, end, person, PERSON_WITH_ROLE)
        cand.needs_country = code is None and sector is not None
        cands.append(cand)
    return cands


def _earlier_surname(span: Span, ctx: DocContext) -> Person | None:
    """A name that is the surname of someone already introduced ("Ambassador Ruiz")."""
    if len(span) != 1:
        return None
    same = [p for p in ctx.people.values() if span.text in p.surnames and p.first_token < span.start]
    return max(same, key=lambda p: p.first_token) if same else None


def _home_country(span: Span, ctx: DocContext) -> tuple[str | None, int]:
    """ "Foreign Minister Lina Haddad of Jordan": the country after the name, and where the
    phrase naming it ends."""
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i >= span.end:
            for obj in child.children:
                entry = ctx.country_of(obj)
                if obj.dep_ == "pobj" and entry is not None and entry.country:
                    return entry.country, obj.right_edge.i + 1
    return None, span.end


def _lexicon_person(full: str, ctx: DocContext) -> ActorEntry | None:
    return next((e for e in ctx.lexicon.lookup(full, ctx.day) if e.source in ("person", "user")),
                None)


def _former(full: str, ctx: DocContext) -> str | None:
    """``XXXELI`` for someone the lexicon knows only from offices that ended before the date."""
    rows = [e for e in ctx.lexicon.entries(full) if e.source == "person" and e.country]
    if not rows or ctx.day is None:
        return None
    day = ctx.day
    ended = [(e.end, e) for e in rows if e.end is not None and e.end < day]
    if ended and not any(e.valid_on(day) for e in rows):
        return f"{max(ended, key=lambda pair: pair[0])[1].country}ELI"
    return None


def _refer(start: int, end: int, person: Person, strength: int) -> Cand:
    return Cand(start, end, "person", person.code, person.full, person.country, person.sector,
                strength, person=person.full)


def later_mentions(ctx: DocContext, earlier: list[Cand]) -> list[Cand]:
    """Surname-only, title + surname, title-only and pronoun mentions of known people."""
    doc = ctx.doc
    taken = {i for c in earlier for i in range(c.start, c.end)}
    mentioned_at = {c.end - 1: ctx.people[c.person] for c in earlier if c.person in ctx.people}
    by_surname: dict[str, list[Person]] = {}
    for p in ctx.people.values():
        for surname in p.surnames:
            by_surname.setdefault(surname, []).append(p)
    sent_starts = [s.start for s in doc.sents]
    cands: list[Cand] = []
    seen: list[tuple[int, Person]] = []
    for token in doc:
        if token.i in mentioned_at:
            seen.append((token.i, mentioned_at[token.i]))
        if token.i in taken:
            continue
        people = [p for p in by_surname.get(token.text, []) if p.first_token < token.i]
        if people and token.pos_ in ("PROPN", "NOUN", "ADJ") and not _named_place(token, ctx):
            person = max(people, key=lambda p: p.first_token)
            start = token.i
            while start > 0 and doc[start - 1].lower_ in ctx.title_words and start - 1 not in taken:
                start -= 1
            cands.append(_refer(start, token.i + 1, person, NAME))
            seen.append((token.i, person))
            continue
        gender = _PRONOUN_GENDER.get(token.lower_)
        if gender and token.dep_ in ("nsubj", "nsubjpass"):
            antecedent = _bound(token, gender, cands, earlier, ctx) or _antecedent(
                token.i, gender, seen, sent_starts)
            if antecedent is not None:
                cands.append(_refer(token.i, token.i + 1, antecedent, REFERENCE))
            continue
        lemma = token.lemma_.lower()
        if lemma in ctx.title_words and token.pos_ == "NOUN":
            dets = [c.i for c in token.children if c.dep_ == "det" and c.lower_ == "the"]
            holders = [p for _, p in seen if any(lemma in t.split() for t in p.titles)]
            if dets and holders:
                cands.append(_refer(min(dets), token.i + 1, holders[-1], REFERENCE))
                seen.append((token.i, holders[-1]))
    return cands


def _bound(
    pronoun: Token, gender: str, cands: list[Cand], earlier: list[Cand], ctx: DocContext
) -> Person | None:
    """The person a pronoun is bound to by the clause around it: "Villaraza said he was
    hopeful", "Solheim, who said she was horrified". Walking up from the pronoun's clause, the
    first governing verb with a subject decides: a known person of a compatible gender is the
    one candidate the syntax allows; any other subject leaves the pronoun to the window rule."""
    spans = [(c.start, c.end, ctx.people[c.person]) for c in (*earlier, *cands)
             if c.person in ctx.people]
    verb, via_conj = pronoun.head, False
    while True:
        subjects = [c for c in verb.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i != pronoun.i]
        # a clause joined by "and" says nothing of its sibling's subject: look past it
        if subjects and not via_conj:
            s = subjects[0]
            person = next((p for start, end, p in spans if start <= s.i < end), None)
            if person is None and verb.dep_ == "relcl" and verb.head.i < pronoun.i:
                s = verb.head  # "Solheim, who said she ..." -> the noun the clause hangs on
                person = next((p for start, end, p in spans if start <= s.i < end), None)
            return person if person is not None and person.gender in (None, gender) else None
        if verb.head.i == verb.i or verb.dep_ not in ("ccomp", "advcl", "conj", "xcomp", "relcl", "acl"):
            return None
        verb, via_conj = verb.head, verb.dep_ == "conj"


def _named_place(token: Token, ctx: DocContext) -> bool:
    """ "Foreign Minister Carlos Lima met his counterpart in Lima": a capital named as a place
    is not its namesake."""
    match = ctx.match_at(token)
    return match is not None and match.first("capital") is not None and is_place(token, ctx)


def _antecedent(
    at: int, gender: str, seen: list[tuple[int, Person]], sent_starts: list[int]
) -> Person | None:
    """The person a subject pronoun refers to: the only one of a compatible gender mentioned in
    this or the two previous sentences. With several candidates the pronoun stays unresolved:
    a reference is recorded only when it is unambiguous, never guessed."""
    here = bisect.bisect_right(sent_starts, at) - 1
    window_start = sent_starts[max(0, here - 2)]
    fits = {p.full: p for i, p in seen if window_start <= i < at and p.gender in (None, gender)}
    return next(iter(fits.values())) if len(fits) == 1 else None
