"""Actors named by a role noun ("Syrian soldiers", "the army", "Hamas fighters"), by a hyphen
compound ("U.S.-led coalition", "Iran-backed"), and by a lexicon name standing alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lexicons.actors import ActorEntry
from eventwire.stages.actors.context import ACTOR_PHRASE, NAME, Cand, DocContext
from eventwire.stages.grammar import entities

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Role codes that are whole actor codes, never put after a country.
STANDALONE_SECTORS = frozenset({"NGO", "IGOPKO", "INT"})
# Plural nouns that name several states' bodies at once ("both governments"): no one country.
_MANY_STATES = frozenset({"government", "administration", "capital"})
# Nouns a role noun can modify without naming that actor ("troop movements", "refugee camps").
_NOT_ACTOR_HEADS = frozenset({"movement", "camp", "scheme", "programme", "program", "level", "number",
                              "deployment", "build", "buildup", "presence", "withdrawal", "rotation"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "case", "punct"})


def lexicon_names(ctx: DocContext) -> list[Cand]:
    """States, organisations, groups and demonyms named outright."""
    cands = []
    for m in ctx.matches:
        span = ctx.doc[m.start:m.end]
        state = m.first("country")
        org = m.first("organisation", "group", "user")
        seat = m.first("capital", "metonym")
        demonym = m.first("demonym")
        if org is not None:
            kind = "group" if org.source == "group" else org.kind
            cands.append(Cand(m.start, m.end, kind, org.code, org.name, org.country, org.sector, NAME))
        elif _inside_a_longer_name(span):
            continue  # "Lake Chad", "Port Sudan", "the Islamabad High Court"
        elif state is not None:
            cands.append(Cand(m.start, m.end, "state", state.code, state.name, state.country, None,
                              NAME))
        elif seat is not None and not is_place(span.root, ctx):
            if seat.country is None:  # "Brussels" for the EU
                cands.append(Cand(m.start, m.end, "organisation", seat.code, seat.name, None, None,
                                  NAME))
            else:
                cands.append(Cand(m.start, m.end, "state", seat.code,
                                  ctx.label(seat.country, seat.sector), seat.country, seat.sector,
                                  NAME))
        elif demonym is not None and span.root.dep_ not in ("amod", "compound", "conj"):
            # "the Sudanese", "Somalis": the people of a country, civilians in CAMEO's terms.
            cands.append(Cand(m.start, m.end, "generic", f"{demonym.code}CVL",
                              ctx.label(demonym.country, "CVL"), demonym.country, "CVL", NAME))
    return cands


def _inside_a_longer_name(span: Span) -> bool:
    """Whether the model saw ``span`` as part of a longer named place or body."""
    doc = span.doc
    if doc[span.start].ent_iob_ == "I" or (span.end < len(doc) and doc[span.end].ent_iob_ == "I"):
        ent = next((e for e in entities(doc) if e.start <= span.start and span.end <= e.end), None)
        return ent is not None and ent.label_ in ("GPE", "LOC", "FAC", "ORG") and len(ent) > len(span) \
            and not (ent.start == span.start - 1 and doc[ent.start].lower_ == "the") \
            and not _listed(span, ent)
    return False


def _listed(span: Span, ent: Span) -> bool:
    """Whether ``span`` is one of a list the model took for one name ("Gondor and Arnor";
    "Mali, Burkina Faso and Niger", taken for one body), or the entity is no phrase of the
    parse at all ("Osgiliath with Gondor", in "celebrated Eid at Osgiliath with Gondor")."""
    token, doc = span.root, span.doc
    if token.dep_ == "conj" and ent.start <= token.head.i < ent.end:
        return True
    if sum(1 for t in ent if not ent.start <= t.head.i < ent.end or t.head.i == t.i) > 1:
        return True
    if ent.label_ == "ORG" and any(t.text == "," for t in ent) \
            and (span.start == ent.start or doc[span.start - 1].text == ",") \
            and (span.end == ent.end or doc[span.end].text == ","):
        return True  # one item of a comma list
    return any(c.dep_ == "conj" and ent.start <= c.i < ent.end for c in token.children)


def is_place(token: Token, ctx: DocContext) -> bool:
    """Whether a capital or seat is named as a place ("in Moscow", "south of Damascus",
    "reached Islamabad", "the capital, Addis Ababa") rather than for its government."""
    cues = ctx.lexicon.place_cues
    empty: frozenset[str] = frozenset()
    head = token.head
    while token.dep_ in ("conj",) and head.i != token.i:
        token, head = head, head.head
    if token.dep_ in ("compound", "poss") and head.lemma_.lower() in cues.get("area", empty):
        return True  # "the Beirut suburbs", "Niamey's airport"
    if token.dep_ == "appos" and head.lemma_.lower() in cues.get("apposition", empty):
        return True
    if token.dep_ == "dobj" and head.lemma_.lower() in cues.get("verb", empty):
        return True
    if token.dep_ == "pobj":
        if head.lower_ in cues.get("prep", empty):
            return True
        if head.lower_ in cues.get("weak_prep", empty):
            governor = head.head
            if governor.pos_ == "ADV" and governor.head.i != governor.i:
                governor = governor.head  # "flew back to Cairo"
            lemma = governor.lemma_.lower()
            if lemma in cues.get("motion_noun", empty):
                return True  # "a visit to Dublin"
            return governor.pos_ in ("VERB", "AUX") and lemma not in cues.get("actor_verb", empty)
        # "south of Damascus", "the suburbs of Beirut", "out of Niamey"
        owner = head.head
        return head.lower_ == "of" and (owner.lemma_.lower() in cues.get("area", empty)
                                        or owner.lower_ == "out")
    return False


def is_locative(token: Token, ctx: DocContext) -> bool:
    """A preposition of place governs ``token`` (through coordination and apposition)."""
    head = token.head
    while token.dep_ in ("conj", "appos", "compound") and head.i != token.i:
        token, head = head, head.head
    return token.dep_ == "pobj" and head.lower_ in ctx.lexicon.place_cues.get("prep", frozenset())


def hyphen_compounds(ctx: DocContext) -> list[Cand]:
    """ "U.S.-led coalition" (one token or three) -> the leading state's military."""
    doc = ctx.doc
    cands = []
    for token in doc:
        prefix, suffix, start_char, first_token = None, None, token.idx, token.i
        if "-" in token.text and token.text.rsplit("-", 1)[1].lower() in ctx.lexicon.hyphen_roles:
            prefix, suffix = token.text.rsplit("-", 1)
        elif token.lower_ in ctx.lexicon.hyphen_roles and token.i >= 2 and doc[token.i - 1].text == "-":
            before = ctx.match_at(doc[token.i - 2])
            if before is not None:
                prefix = doc[before.start:before.end].text
                start_char = doc[before.start].idx
                first_token = before.start
                suffix = token.lower_
        if prefix is None or suffix is None:
            continue
        entries = ctx.lexicon.lookup(prefix, ctx.day)
        state = next((e for e in entries if e.country and e.source in
                      ("country", "adjective", "capital")), None)
        if state is None or state.country is None:
            continue
        role, force_nouns = ctx.lexicon.hyphen_roles[suffix.lower()]
        if role == "sponsor":
            # over the prefix's own tokens when it has them, so the name is not a second mention
            cands.append(Cand(first_token, first_token + 1 if first_token == token.i else token.i - 1,
                              "state", state.country, state.name, state.country, None, ACTOR_PHRASE,
                              chars=(start_char, start_char + len(prefix))))
            continue
        end = token.i + 1
        if end < len(doc) and doc[end].lemma_.lower() in force_nouns:
            end += 1
        first = token.i if start_char == token.idx else doc[token.i - 2].i
        cands.append(Cand(first, end, "generic", state.country + "MIL",
                          ctx.label(state.country, "MIL"), state.country, "MIL", ACTOR_PHRASE))
    return cands


def role_phrases(ctx: DocContext, person_tokens: set[int]) -> list[Cand]:
    """Noun phrases headed by an actor noun, with the country or organisation modifying it."""
    doc = ctx.doc
    nouns = ctx.lexicon.sector_nouns
    titles = ctx.lexicon.titles
    longest = max(ctx.lexicon.max_sector_words, ctx.lexicon.max_title_words)
    cands = []
    lemmas = [t.lemma_.lower() for t in doc]
    lowers = [t.lower_ for t in doc]
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in person_tokens:
            continue
        hit = None
        i = token.i
        for size in range(min(longest, i + 1), 0, -1):
            # Lemmas, with the surface form of all but the last word: the lemmatiser turns
            # "rights groups" into "right group" and "media" into "medium".
            key = tuple(lemmas[i - size + 1:i + 1])
            alt = (*lowers[i - size + 1:i], lemmas[i])
            written = tuple(lowers[i - size + 1:i + 1])  # "MEDIA {}": not "medium"
            if key in nouns or alt in nouns or written in nouns:
                found = key if key in nouns else alt if alt in nouns else written
                exact = ctx.lexicon.exact_nouns.get(found)
                if exact is not None and tuple(lowers[i - size + 1:i + 1]) != exact:
                    continue  # "POLICE {}" has no plural: "polices" is not it
                hit = (size, *nouns[found], False)
                break
            if key in titles:  # "Iran's ambassador": an official with no name given
                hit = (size, titles[key].sector, False, True)
                break
        if hit is None:
            continue
        size, sector, alone, is_title = hit
        first = token.i - size + 1
        root = doc[first:token.i + 1].root  # "Department of Defence" is headed by Department
        end = token.i + 1
        if _not_referring(root):
            continue
        if tuple(lemmas[first:end]) in ctx.lexicon.prefixes or \
                tuple(lowers[first:end]) in ctx.lexicon.prefixes:
            prefixed = _prefixed(first, end, sector, ctx)
            if prefixed is not None:  # "MSF Arnor": NGOARN
                cands.append(prefixed)
                continue
        modifier, mod_start = _modifier(root, first, ctx)
        if modifier is None and not is_title and root.dep_ == "conj" and root.head.i < root.i \
                and _role_noun(root.head, ctx) and ctx.lexicon.petrarch_agents:
            # "Danish media and government": the country word before the first noun is the
            # second's too
            modifier, _ = _modifier(root.head, root.head.i, ctx)
        if modifier is None and not is_title:
            origin = _from_state(root, ctx)
            if origin is not None:  # "soldiers from Gondor": Gondor's soldiers
                modifier, mod_start = origin, first
        if modifier is None and not is_title:
            states = _of_states(root, sector, ctx)
            if states:  # "the ambassadors of Arnor and Gondor": ARNGOV, GONGOV
                cands.extend(states)
                continue
            body = _of_body(root, ctx)
            if body is not None:  # "fighters of the group JNIM": the group's fighters
                kind = "group" if body.source == "group" else "organisation"
                cands.append(Cand(first, end, kind, body.code, body.name, body.country,
                                  body.sector, ACTOR_PHRASE))
                continue
        if modifier is None and not is_title and root.dep_ == "conj":
            # "North Korean officials and shipping firms": the country word before the first
            # noun names the others' country too
            lead = root.head
            while lead.dep_ == "conj" and lead.head.i != lead.i:
                lead = lead.head
            shared, _ = _modifier(lead, lead.i, ctx)
            if lead.pos_ == "NOUN" and shared is not None and shared.country \
                    and shared.source not in ("organisation", "group", "user"):
                modifier, mod_start = shared, first
        if _modifies_another_noun(root):
            if (*lemmas[first:token.i + 1], root.head.lemma_.lower()) in nouns:
                continue  # "fighter jets": the longer noun names it
            if root.head.lemma_.lower() in ctx.lexicon.equipment:
                end = root.head.i + 1  # "an army convoy": the army's, one mention
                if modifier is None:  # "a Chinese coast guard ship": the ship's modifier
                    modifier, mod_start = _modifier(root.head, first, ctx)
            elif not alone or (root.head.lemma_.lower(),) in nouns or root.head.lemma_.lower() \
                    in ctx.title_words or root.head.lemma_.lower() in _NOT_ACTOR_HEADS:
                continue  # "Ukrainian drone attacks": no actor; "opposition fighters": one
            # "an army post", "government claims": the army and the government are named
            # "Israeli army positions": the Israeli army is named, the positions are not
        if is_title:
            # An actor noun before a title names the role: "army spokesman", "military chief".
            sector = _inner_sector(lemmas, mod_start, first, ctx) or sector
        if modifier is None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.children):
            continue  # "its forces": whose they are is settled with the references
        if modifier is None:
            # "forces" and "jets" act; "force" and "a jet" rarely do.
            plural_force = token.tag_ == "NNS" and sector in ("MIL", "COP") \
                and not _instrument(token, ctx)
            if not (alone or plural_force) or (token.pos_ == "PROPN" and ctx.match_at(token)):
                continue
            several = token.tag_ == "NNS" and token.lemma_.lower() in _MANY_STATES
            cands.append(Cand(first, end, "generic", sector if several else None,
                              ctx.label(None, sector), None, sector, ACTOR_PHRASE,
                              needs_country=not several))
            continue
        if modifier.country is None or modifier.source in ("organisation", "group", "user"):
            # "UN peacekeepers", "Hamas fighters": the organisation is the actor; a PETRARCH
            # agent adds its code to the actor's, as PETRARCH does ("West German world
            # government": GMWGOV + WGO)
            kind = "group" if modifier.source == "group" else "organisation"
            code = modifier.code
            if ctx.lexicon.petrarch_agents and not code.endswith(sector):
                code += sector
            cands.append(Cand(mod_start, end, kind, code, modifier.name,
                              modifier.country, modifier.sector, ACTOR_PHRASE))
            continue
        # "French aid worker" -> FRANGO: a national NGO; "UN peacekeepers" stay IGOPKO
        code = sector if sector in STANDALONE_SECTORS and sector != "NGO" else modifier.country + sector
        prefix = _prefix_before(mod_start, ctx)
        if prefix is not None:  # "an MSF Arnor diplomat": NGOARNGOV
            code, mod_start = prefix[0] + code, prefix[1]
        cands.append(Cand(mod_start, end, "generic", code,
                          ctx.label(modifier.country, sector), modifier.country, sector,
                          ACTOR_PHRASE))
        cands.extend(_coordinated(doc[mod_start], sector, ctx))
    return cands


# Equipment words that name groups of people, never mere things.
_UNITS = frozenset({"unit", "squad", "patrol", "convoy"})


def _instrument(token: Token, ctx: DocContext) -> bool:
    """Weapons named as things, not as a force: "struck Kharkiv with missiles and drones",
    "storage tanks", "attack drones"."""
    if token.lemma_.lower() not in ctx.lexicon.equipment or token.lemma_.lower() in _UNITS:
        return False
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.lower_ != "along":
        return True
    return any(c.dep_ == "compound" and (c.lemma_.lower(),) not in ctx.lexicon.sector_nouns
               for c in token.children)


def _coordinated(modifier: Token, sector: str, ctx: DocContext) -> list[Cand]:
    """ "Iranian and French officials": the other country words share the noun's role."""
    out = []
    for other in modifier.conjuncts:
        entry = ctx.country_of(other)
        if entry is not None and entry.country and sector not in STANDALONE_SECTORS:
            out.append(Cand(other.i, other.i + 1, "generic", entry.country + sector,
                            ctx.label(entry.country, sector), entry.country, sector, ACTOR_PHRASE))
    return out


def _not_referring(noun: Token) -> bool:
    """A role noun that names no one: a label put on someone ("called them fighters",
    "describes them as separatists") or any one at all ("every court", "any court"). Who the
    dead were ("three of the dead were officers") does name them."""
    if noun.dep_ == "oprd" or (noun.dep_ == "pobj" and noun.head.lower_ == "as"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in noun.children)


def _from_state(head: Token, ctx: DocContext) -> ActorEntry | None:
    """The state in a "from" or "in" phrase right after an actor noun ("troops from Chad",
    "lawmakers in Fornost")."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "in")
                 and c.i == head.i + 1), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    match = ctx.match_at(obj) if obj is not None else None
    entry = match.first("country") if match is not None else None
    return entry if entry is not None and entry.country else None


def _role_noun(token: Token, ctx: DocContext) -> bool:
    nouns = ctx.lexicon.sector_nouns
    return (token.lemma_.lower(),) in nouns or (token.lower_,) in nouns


def _prefixed(start: int, end: int, prefix: str, ctx: DocContext) -> Cand | None:
    """A prefix agent right before a state's name ("MSF Arnor": NGOARN); None when no state
    follows, or an actor noun follows the state (that noun's phrase takes the prefix)."""
    doc = ctx.doc
    match = ctx.match_at(doc[end]) if end < len(doc) else None
    entry = match.first("country") if match is not None else None
    if match is None or entry is None or not entry.country:
        return None
    nouns = ctx.lexicon.sector_nouns
    if match.end < len(doc) and (doc[match.end].lemma_.lower(),) in nouns:
        return None
    return Cand(start, match.end, "generic", prefix + entry.country,
                ctx.label(entry.country, None), entry.country, None, ACTOR_PHRASE)


def _prefix_before(start: int, ctx: DocContext) -> tuple[str, int] | None:
    """A prefix agent ending right before token ``start``: its code and first token."""
    doc = ctx.doc
    for size in range(min(ctx.lexicon.max_sector_words, start), 0, -1):
        words = tuple(t.lemma_.lower() for t in doc[start - size:start])
        lowers = tuple(t.lower_ for t in doc[start - size:start])
        key = words if words in ctx.lexicon.prefixes else lowers
        if key in ctx.lexicon.prefixes and key in ctx.lexicon.sector_nouns:
            return ctx.lexicon.sector_nouns[key][0], start - size
    return None


def _of_states(head: Token, sector: str, ctx: DocContext) -> list[Cand]:
    """The states in an "of" phrase right after an actor noun, each with the noun's role, as
    mentions over their names ("the ambassadors of Arnor, Osgiliath and Gondor")."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 and c.i == head.i + 1), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or sector in STANDALONE_SECTORS:
        return []
    out = []
    for token in [obj, *obj.conjuncts]:
        match = ctx.match_at(token)
        entry = match.first("country") if match is not None else None
        if match is not None and entry is None and ctx.lexicon.petrarch_agents:
            # a PETRARCH actor's longer code takes the agent too ("activists of Gonzo GMO")
            entry = match.first("user")
            if entry is not None and not entry.code.endswith(sector):
                out.append(Cand(match.start, match.end, "organisation", entry.code + sector,
                                entry.name, entry.country, sector, ACTOR_PHRASE))
            continue
        if match is None or entry is None or not entry.country:
            continue
        out.append(Cand(match.start, match.end, "generic", entry.country + sector,
                        ctx.label(entry.country, sector), entry.country, sector, ACTOR_PHRASE))
    return out


def _of_body(head: Token, ctx: DocContext) -> ActorEntry | None:
    """The organisation or armed group in an "of" phrase after an actor noun ("fighters of the
    group JNIM"): the name the phrase is headed by, else the last one before its head."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and head.i + 1 < len(head.doc) and head.doc[head.i + 1].lower_ == "of":
        of = head.doc[head.i + 1]  # "troops and soldiers of the AU mission", "of" on "troops"
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        return None
    for i in range(obj.i, obj.left_edge.i - 1, -1):
        entry = ctx.org_of(obj.doc[i])
        if entry is not None:
            return entry
    return None


def _inner_sector(lemmas: list[str], start: int, end: int, ctx: DocContext) -> str | None:
    nouns = ctx.lexicon.sector_nouns
    for i in range(start, end):
        for size in (2, 1):
            key = tuple(lemmas[i:i + size])
            if len(key) == size and i + size <= end and key in nouns:
                return nouns[key][0]
    return None


def _modifies_another_noun(token: Token) -> bool:
    return token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN") \
        and token.head.i > token.i


def _modifier(head: Token, first: int, ctx: DocContext) -> tuple[ActorEntry | None, int]:
    """The country or organisation word modifying an actor noun, and where the phrase starts."""
    doc = ctx.doc
    best = None
    start = first
    i = first - 1
    left_edge = head.left_edge.i
    roles = ctx.lexicon.hyphen_roles
    while i >= left_edge:
        tok = doc[i]
        # "Iranian and French officials": the last of coordinated country words is this
        # phrase's; the others are mentions of their own (see _coordinated)
        second = tok.dep_ == "conj" and tok.head.head.i == head.i and tok.head.dep_ in _MODIFIER_DEPS
        if tok.dep_ in ("det", "cc") or (tok.dep_ not in _MODIFIER_DEPS and tok.head.i != head.i
                                          and not second):
            break
        if tok.lower_ in roles or tok.lower_.rsplit("-", 1)[-1] in roles:
            break  # "Iran-backed militias": Iran is the sponsor, not the militias' country
        if tok.lower_ == "country" and tok.dep_ == "poss" and i > 0 and doc[i - 1].lower_ == "the":
            named = _last_state(ctx, i)  # "the country's military government"
            if named is not None:
                return named, i - 1
        match = ctx.match_at(tok)
        if match is not None:
            entry = match.first("country", "adjective", "capital", "organisation", "group", "user")
            if entry is not None:
                best, start = entry, match.start
                i = match.start - 1
                continue
        i -= 1
    return best, start


def _last_state(ctx: DocContext, before: int) -> ActorEntry | None:
    """The state named last before token ``before``."""
    for m in reversed(ctx.matches):
        if m.end <= before:
            entry = m.first("country")
            if entry is not None and entry.country:
                return entry
    return None
