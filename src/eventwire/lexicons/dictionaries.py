"""TABARI/PETRARCH dictionaries as eventwire lexicons, so the same engine codes with either
the built-in lexicons or a user's dictionaries (docs/dictionaries.md).

- **Verbs** replace the built-in event lexicon. Each verb (and its synonyms in the block)
  gets the block's code as a plain rule (subject -> object); each pattern becomes a rule on
  the dependency parse: the words after ``*`` up to the target constrain the verb's object
  (its head noun, and the words before the head, in order), a preposition before ``+``
  names the target slot, ``&SYNSET`` stands for any of its members. Paired codes
  (``[032:033]``) code the act both ways. Words before the verb ("NOT *", "SAID *") must
  come shortly before it; ``+`` before the verb, ``$`` after it and ``^`` place the slots
  themselves (the stage's ``patterns`` module). Patterns with words after the last slot are
  not converted; ``Conversion.skipped`` says why.
- **Actors** join the built-in actor lexicon; a name a dictionary defines replaces the
  built-in entries of that name. Names match title-cased and as written; a one-word name
  without a closing ``_`` also matches as the start of a longer word ("ARGENTIN" finds
  "Argentina" and "Argentine"). Date-restricted codes hold on their dates.
- **Agents** replace the built-in actor nouns and titles ("FOREIGN_MINISTER [~GOVFRM]":
  "Arnor's foreign minister" is ARNGOVFRM), with their substitution sets expanded.
- **Discards** stop event coding for a sentence, or with ``+`` for the whole story.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.lexicons.actors import ActorEntry, ActorLexicon, Title
from eventwire.lexicons.events import CodeInfo, EventLexicon, VerbRule, foreign_code
from eventwire.lexicons.petrarch import (
    ActorDef,
    AgentDictionary,
    Discard,
    Pattern,
    VerbDictionary,
    words,
)

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# Prepositions a pattern may put before its target ("* TIES WITH +"); the stage's slot names.
PREPOSITIONS = frozenset({"with", "to", "on", "against", "for", "at", "into", "from", "over",
                          "of", "in", "by", "about", "toward", "towards", "upon", "between"})
PARTICLES = frozenset({"off", "down", "out", "up", "back", "over", "away", "in", "on", "through"})


@dataclass
class Conversion:
    """A verb dictionary as an event lexicon, with the patterns that could not be converted."""

    lexicon: EventLexicon
    rules: int = 0
    skipped: list[str] = field(default_factory=list)  # "file line N: PATTERN: why"


def is_petrarch_actor_file(path: str | Path) -> bool:
    """Whether an ``--actors`` file is a PETRARCH dictionary rather than eventwire's TSV
    (whose header line names the columns, tab-separated, with ``name`` and ``code``)."""
    with Path(path).open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                cells = [c.strip() for c in line.rstrip("\n").split("\t")]
                return not {"name", "code"} <= set(cells)
    return False


def singular(word: str) -> str:
    """A dictionary word's singular, as spaCy's lemmatiser gives nouns ("ties" -> "tie")."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def event_lexicon(d: VerbDictionary, codes: dict[str, CodeInfo], lemma_of: dict[str, str],
                  origin: str, discards: Iterable[Discard] = (),
                  aliases: dict[str, set[str]] | None = None) -> Conversion:
    """Convert a verb dictionary. ``codes``: CAMEO's table (codes it lacks are kept as
    written); ``lemma_of``: each dictionary verb (lower case) -> its lemma as spaCy gives it;
    ``aliases``: a lemma -> the other lemmas spaCy gives its inflected forms ("cordoned" ->
    "cordone"), under which its rules are filed too."""
    aliases = aliases or {}
    lex = EventLexicon(codes=dict(codes), cameo=False)
    out = Conversion(lex)
    stories = [d for d in discards if d.story]
    lex.discard_stories = tuple(_phrase(d.phrase) for d in stories)
    lex.discard_sentences = tuple(_phrase(d.phrase) for d in discards if not d.story)

    def add(rule: VerbRule) -> None:
        for code in (rule.code, rule.reverse):
            if code and code not in lex.codes:
                lex.codes[code] = foreign_code(code, lex.codes.get(code[:2]))
        lex.verbs[rule.verb].append(rule)
        for other in aliases.get(rule.verb, ()):
            lex.verbs[other].append(replace(rule, verb=other))
        out.rules += 1

    for block in d.blocks:
        # (lemma, particle, the words joined before the verb, own code)
        verbs: list[tuple[str, str, str, str | None]] = []
        head = _verb(block.verb, lemma_of)
        if head is None:
            out.skipped.append(f"{origin} line {block.line}: verb {block.verb!r}: "
                               "a phrase of more than words before a verb, the verb and a particle")
            continue
        verbs.append((*head, None))
        for form in block.forms:
            one = _verb(form.phrase, lemma_of)
            if one is None:
                out.skipped.append(f"{origin} line {block.line}: verb form {form.phrase!r}: "
                                   "a phrase of more than words before a verb, the verb and a "
                                   "particle")
                continue
            if one != head or form.code:
                verbs.append((*one, form.code))
        word = words(block.verb).lower()
        inflected = " " not in word and lemma_of.get(word, word) != word
        for lemma, prt, lead, own in verbs:
            code, reverse = _paired(own or block.code)
            exact = word if inflected and lemma == head[0] else ""
            # "WIRE_+TAP": the words before the verb come right before it
            lead_words = (frozenset({lead}),) if lead else ()
            if code:
                add(VerbRule(lemma, prt, frozenset(), "obj", "", code,
                             f"{origin} line {block.line}", reverse=reverse, word=exact,
                             before=lead_words, joined_before=bool(lead)))
            if own:
                continue  # a form with its own code takes no part in the block's patterns
            for pattern in block.patterns:
                rule = _pattern_rule(pattern, lemma, prt, d.synsets)
                if isinstance(rule, str):
                    if lemma == head[0]:
                        out.skipped.append(f"{origin} line {pattern.line}: "
                                           f"{pattern.text!r}: {rule}")
                    continue
                if rule.code and lead:
                    rule = replace(rule, before=(*rule.before, *lead_words), joined_before=True)
                if rule.code:
                    add(replace(rule, origin=f"{origin} line {pattern.line}", word=exact))
    for rules in lex.verbs.values():
        rules.sort(key=lambda r: -r.specificity)
    return out


def _forms(phrase: str) -> set[str]:
    """A dictionary phrase in lower case, as written and with its last word singular."""
    parts = words(phrase).lower().split()
    return {" ".join(parts), " ".join([*parts[:-1], singular(parts[-1])])} if parts else set()


def _synset(name: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """A synset's members; a name may be written with or without its closing "_"."""
    if not name.startswith("&"):
        return None
    bare = name.rstrip("_")
    return synsets.get(name) or synsets.get(bare) or synsets.get(bare + "_")


def _preposition_set(name: str, synsets: dict[str, list[str]]) -> bool:
    """Whether ``name`` is a synset of prepositions (``&PREPOSIT1_``)."""
    members = _synset(name, synsets)
    return bool(members) and all(words(m).lower() in PREPOSITIONS for m in members or ())


def _phrase(text: str) -> str:
    return " ".join(re.findall(r"[\w'-]+", words(text).lower()))


def _verb(phrase: str, lemma_of: dict[str, str]) -> tuple[str, str, str] | None:
    """A dictionary verb as (lemma, particle, the words joined before it): "BREAK_DOWN" ->
    ("break", "down", ""); "WIRE_+TAP" ("+" marks the verb) -> ("tap", "", "wire")."""
    parts = words(phrase).lower().split()
    marked = [n for n, p in enumerate(parts) if p.startswith("+")]
    at = marked[0] if marked and not phrase.startswith("+") else 0
    parts = [p.lstrip("+") for p in parts]
    if not parts or any(not re.fullmatch(r"[a-z'-]+", p) for p in parts):
        return None
    lead, rest = " ".join(parts[:at]), parts[at + 1:]
    if not rest:
        return lemma_of.get(parts[at], parts[at]), "", lead
    if len(rest) == 1 and rest[0] in PARTICLES:
        return lemma_of.get(parts[at], parts[at]), rest[0], lead
    return None


def _paired(code: str | None) -> tuple[str | None, str | None]:
    if not code:
        return None, None
    first, _, second = code.partition(":")
    return (first.strip() or None), (second.strip() or None)


def _items(tokens: Iterable[str]) -> list[tuple[str, ...]]:
    """A pattern's words: each "_"-joined group is one item (its words must be adjacent);
    slot markers stand alone."""
    out: list[tuple[str, ...]] = []
    for token in tokens:
        parts = tuple(w for w in token.split("_") if w)
        if any(w in _MARKERS for w in parts):
            out.extend((w,) for w in parts)
        elif parts:
            out.append(parts)
    return out


_MARKERS = frozenset({"$", "+", "%", "^"})


def _single(item: tuple[str, ...]) -> str:
    """A one-word item in lower case ("" for a joined group)."""
    return item[0].lower() if len(item) == 1 else ""


def _phrases(item: tuple[str, ...], synsets: dict[str, list[str]], nouns: bool) -> frozenset[str] | str:
    """The phrases an item matches: each word, or any member of a synset, in turn;
    ``nouns``: the last word also in the singular. A string says why it cannot be read."""
    phrases = [""]
    for n, part in enumerate(item):
        last = n == len(item) - 1
        if part.startswith("&"):
            members = _synset(part, synsets)
            if members is None:
                return f"unknown synset {part}"
            options = {form for m in members for form in (_forms(m) if nouns and last
                                                          else {words(m).lower()})}
        else:
            options = {part.lower(), singular(part)} if nouns and last else {part.lower()}
        phrases = [f"{p} {o}".strip() for p in phrases for o in sorted(options)]
    return frozenset(phrases)


def _phrase_sets(items: list[tuple[str, ...]], synsets: dict[str, list[str]],
                 nouns: bool) -> list[frozenset[str]] | str:
    """The phrases of each item (see ``_phrases``), or why one cannot be read."""
    out = []
    for item in items:
        phrases = _phrases(item, synsets, nouns)
        if isinstance(phrases, str):
            return phrases
        out.append(phrases)
    return out


def _pattern_rule(p: Pattern, lemma: str, prt: str,
                  synsets: dict[str, list[str]]) -> VerbRule | str:
    """A pattern as a rule, or why it cannot be one.

    Slots: ``+`` before the verb makes the subject the target ("+ * FROM $"); ``$`` after it
    places the source, after a preposition ("FROM $") or as the next actor after the words
    before it ("* MONEY $"); ``^`` skips one phrase: right before a slot, the actor named next
    ("* IFTAR IN ^ +"), elsewhere a gap between words ("* EID AT ^ WITH +")."""
    after = _items(p.after)
    before_items = _items(p.before)
    if p.star.endswith("_") and not after:
        return "a verb joined to nothing after it"
    mutual = ("%",) in before_items
    # "$" before the verb is its subject, the source as always; "^" there is a gap, and the
    # words before the verb are looked for in order, with gaps, anyway
    words_before = [i for i in before_items if i not in (("%",), ("$",), ("^",))]
    # "+" before the verb: the actor named before the next word ("+ HOSTING *"), or the
    # verb's subject ("NOTED + *"); "before0" is before the first of the words before the verb
    target_slot = f"before{words_before.index(('+',))}" if ("+",) in words_before else ""
    before_items = [i for i in words_before if i != ("+",)]
    before = _phrase_sets(before_items, synsets, nouns=False)
    if isinstance(before, str):
        return before
    after = [("+",) if i == ("%",) else i for i in after]  # "* WITH %": conjuncts come along
    if target_slot and ("+",) in after:
        return "a target both before and after the verb"
    slots = [n for n, i in enumerate(after) if i in (("+",), ("$",))]
    if slots and after[slots[-1] + 1:]:
        return "words after the last slot ('+', '$') are not converted"
    code, reverse = _paired(p.code)
    target, source_slot = "obj", ""
    required: list[tuple[str, ...]] = []  # the preposition a source follows must be there
    kept: list[tuple[tuple[str, ...], bool]] = []  # words, each with whether "^" follows it
    pending: list[tuple[str, ...]] = []
    for item in [*after, ("",)]:  # ("",): the end
        if item not in (("+",), ("$",), ("",)):
            pending.append(item)
            continue
        slot, skips = "", 0
        if item != ("",):
            while pending and pending[-1] == ("^",):
                pending.pop()
                skips += 1
            if not skips and pending and _single(pending[-1]) in PREPOSITIONS:
                slot = _single(pending.pop())
        if item == ("+",):
            if slot:
                target = slot
            else:
                target_slot = f"after{skips}"
        elif item == ("$",):
            source_slot = slot or f"after{skips}"
            required += [(slot,)] if slot else []
        for n, word in enumerate(pending):
            if word != ("^",):
                gap = pending[n + 1:n + 2] == [("^",)] or (n == len(pending) - 1 and skips > 0)
                kept.append((word, gap))
        pending = []
    if ("+",) not in after and not target_slot and kept and not kept[-1][1] \
            and _single(kept[-1][0]) in PREPOSITIONS:
        target = _single(kept.pop()[0])  # "* FOR": the target is what follows the preposition
    particle = prt
    if len(kept) == 1 and not particle and _single(kept[0][0]) in PARTICLES:
        particle = _single(kept.pop(0)[0])
    via: frozenset[str] = frozenset()
    if kept and not kept[0][1] and (_single(kept[0][0]) in PREPOSITIONS or (
            len(kept[0][0]) == 1 and _preposition_set(kept[0][0][0], synsets))):
        first = kept.pop(0)[0][0]
        via = frozenset(words(m).lower() for m in _synset(first, synsets) or [first])
        if not kept:
            return "a preposition with nothing after it inside the pattern"
    # (a preposition before "^" is a word like any other: "AT ^" is "at" and its object)
    if any(_single(w) in PREPOSITIONS and not gap for w, gap in kept):
        return "a second preposition inside the object phrase is not converted"
    sets = _phrase_sets([w for w, _ in kept] + required, synsets, nouns=True)
    if isinstance(sets, str):
        return sets
    if target_slot:
        target = ""
    return VerbRule(lemma, particle, frozenset(), "" if mutual else target, "", code or "", "",
                    modifiers=tuple(sets), reverse=reverse, before=tuple(before), via=via,
                    mutual=mutual, named_target=target not in ("obj", ""),
                    source_slot=source_slot, target_slot=target_slot,
                    joined_before=p.star.startswith("_") and bool(before))


# ---- actors and agents ---------------------------------------------------------------------


def surface(name: str) -> str:
    """A dictionary name as news writes it: "CARAS_GALADHON" -> "Caras Galadhon", "PRINCE OF
    DOL AMROTH" -> "Prince of Dol Amroth"."""
    out = []
    for n, w in enumerate(words(name).split()):
        if n and w.lower() in _LOWER_IN_NAMES:
            out.append(w.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in w.split("-")))
    return " ".join(out)


# Words a title-cased name keeps in lower case after its first word.
_LOWER_IN_NAMES = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le",
                             "al", "el", "von", "van", "der", "y", "da", "di"})


def surfaces(name: str) -> set[str]:
    """The ways news may write a dictionary name: title-cased, as written, and title-cased
    with short words kept in capitals ("THE_AU": "AU")."""
    spaced = words(name)
    if spaced.upper().startswith("THE "):
        spaced = spaced[4:]
    acronyms = " ".join(w if len(w) <= 3 and w.isalpha() else surface(w) for w in spaced.split())
    # a hyphenated word is written with its second part in lower case too ("Barad-dur")
    hyphened = " ".join(w.capitalize() if "-" in w else surface(w) for w in spaced.split())
    return {surface(spaced), spaced, acronyms, hyphened}


def add_actors(lex: ActorLexicon, actors: Iterable[ActorDef]) -> None:
    """Register a PETRARCH actor dictionary ahead of the built-in entries."""
    for actor in actors:
        main = words(actor.names[0]).title()
        # the entries a name stands for are tried in order: date-restricted codes as listed
        # (the first that holds wins), then the unrestricted one; each is put first, so the
        # list is walked backwards
        ordered = [c for c in actor.codes if c.start or c.end] + \
            [c for c in actor.codes if not (c.start or c.end)]
        for dated in reversed(ordered):
            if not dated.code:
                continue  # "[---]": a name known not to be an actor
            code = dated.code.upper()
            if len(code) == 3:  # a state, or what the dictionary codes like one
                entry = ActorEntry(main, code, "state", "country", code,
                                   start=dated.start, end=dated.end)
                lex.states.setdefault(code, entry)
            else:  # coded as written: "ISRMIL", "HOBCIV"
                country = code[:3] if code[:3] in lex.states else None
                entry = ActorEntry(main, code, "organisation", "user", country,
                                   (code[3:] or None) if country else None,
                                   start=dated.start, end=dated.end)
            for name in actor.names:
                stem = not name.rstrip().endswith("_")
                for form in surfaces(name):
                    _claim(lex, form)
                    lex.add(form, entry, first=True)
                    if stem and " " not in form:
                        lex.stems.add(form)


def _claim(lex: ActorLexicon, surface: str) -> None:
    """A name the user's dictionary defines means what it says there, not what the built-in
    lexicon says ("AMNESTY_INTERNATIONAL [NGM]")."""
    surface = " ".join(surface.split())
    surface = surface[4:] if surface.startswith(("the ", "The ")) else surface
    if surface not in lex.user_names:
        lex.user_names.add(surface)
        lex.names.pop(surface, None)


def add_agents(lex: ActorLexicon, agents: AgentDictionary) -> None:
    """Register agents as actor nouns: "foreign minister" -> GOVFRM."""
    for agent in agents.agents:
        code = agent.code.strip()
        sector = code.replace("~", "")
        if not sector:
            continue
        for name in agents.expanded(agent):
            for form in surfaces(name):  # "MSF" is the user's agent, not a built-in name
                if form not in lex.user_names:
                    lex.names.pop(form, None)
        # irregular plurals are listed ("GOLDEN_GOOSE {GOLDEN_GEESE}"): the lemmatiser may
        # leave them as they are
        for name in [*agents.expanded(agent), *(agent.plurals or ())]:
            phrase = tuple(singular(w) if i == len(ws) - 1 else w.lower()
                           for ws in [words(name).split()] for i, w in enumerate(ws))
            lex.sector_nouns[phrase] = (sector, True)
            lex.sector_nouns[tuple(w.lower() for w in words(name).split())] = (sector, True)
            if agent.plurals == ():  # "POLICE {}": as written only
                written = tuple(w.lower() for w in words(name).split())
                lex.exact_nouns[phrase] = lex.exact_nouns[written] = written
            if code.endswith("~"):  # "MSF [NGO~]" names a body, before its country's code
                lex.prefixes |= {phrase, tuple(w.lower() for w in words(name).split())}
            else:
                lex.titles[phrase] = Title(phrase, sector, None)  # "President Romendacil"


# ---- loading -------------------------------------------------------------------------------


def load_verb_dictionaries(verb_files: Iterable[str | Path], discard_files: Iterable[str | Path],
                           nlp: Language) -> EventLexicon:
    """The event lexicon for ``--verbs``/``--discards``: the verb dictionaries converted (the
    built-in lexicon when none is given), with the discard phrases."""
    from eventwire.lexicons.events import load_event_lexicon
    from eventwire.lexicons.petrarch import read_discards, read_verbs

    discards = [d for path in discard_files for d in read_discards(path)]
    base = load_event_lexicon()
    verb_files = list(verb_files)
    if not verb_files:
        base.discard_sentences = tuple(_phrase(d.phrase) for d in discards if not d.story)
        base.discard_stories = tuple(_phrase(d.phrase) for d in discards if d.story)
        return base
    merged = VerbDictionary()
    for path in verb_files:
        one = read_verbs(path)
        merged.synsets.update(one.synsets)
        merged.blocks.extend(one.blocks)
    def first(phrase: str) -> str:
        """The verb of a phrase: the word "+" marks ("WIRE_+TAP"), else the first."""
        parts = words(phrase).lower().split()
        marked = [p for p in parts[1:] if p.startswith("+")]
        return (marked[0] if marked else parts[0]).lstrip("+") if parts else ""

    names = sorted({w for b in merged.blocks for f in [b.verb, *(x.phrase for x in b.forms)]
                    for w in [first(f)] if re.fullmatch(r"[a-z'-]+", w)})
    # the past form of each verb, and the forms the dictionary lists, as spaCy lemmatises
    # them in context: a lemma that differs ("cordoned" -> "cordone") files the rules again
    inflected = {w: [w + ("d" if w.endswith("e") else "ed")] for w in names}
    for b in merged.blocks:
        for x in b.forms:
            verb = first(x.phrase)
            if verb in inflected:
                inflected[verb] += [first(f) for f in x.forms if re.fullmatch(r"[a-z'-]+", first(f))]
    texts = [(w, v) for w in names for v in [w, *inflected[w]]]
    lemma = {pair: doc[1].lemma_.lower()
             for pair, doc in zip(texts, nlp.pipe(f"they {v} it" for _, v in texts), strict=True)}
    lemmas = {w: lemma[(w, w)] for w in names}
    aliases: dict[str, set[str]] = {}
    for (w, _), got in lemma.items():
        if got != lemmas[w] and re.fullmatch(r"[a-z'-]+", got):
            aliases.setdefault(lemmas[w], set()).add(got)
    origin = Path(verb_files[0]).name if len(verb_files) == 1 else "verbs"
    conv = event_lexicon(merged, base.codes, lemmas, origin, discards, aliases)
    if conv.skipped:
        log.info("%s: %d rules; %d patterns or verbs not converted (-vv lists them)",
                 origin, conv.rules, len(conv.skipped))
        for line in conv.skipped:
            log.debug("not converted: %s", line)
    return conv.lexicon


def read_config(path: str | Path) -> dict[str, tuple[str, ...]]:
    """A TOML file naming dictionaries, relative to the file::

        [dictionaries]
        verbs = "CAMEO.verbs.txt"
        actors = ["Countries.actors.txt", "International.actors.txt"]
        agents = "agents.txt"
        discards = "discards.txt"
    """
    import tomllib

    from eventwire.errors import InputError

    path = Path(path)
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("dictionaries")
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the dictionary config {path}: {exc}") from exc
    if not isinstance(table, dict):
        raise InputError(f"{path}: expected a [dictionaries] table naming verbs, actors, agents "
                         "or discards files")
    unknown = set(table) - {"verbs", "actors", "agents", "discards"}
    if unknown:
        raise InputError(f"{path}: unknown key(s) {', '.join(sorted(unknown))} in [dictionaries]; "
                         "use verbs, actors, agents, discards")
    out: dict[str, tuple[str, ...]] = {}
    for kind, value in table.items():
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise InputError(f"{path}: {kind} must be a file name or a list of file names")
        files = tuple(str(path.parent / n) for n in names)
        for f in files:
            if not Path(f).is_file():
                raise InputError(f"{path}: the {kind} dictionary {f} does not exist")
        out[kind] = files
    return out
