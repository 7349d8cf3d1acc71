"""The event lexicon: CAMEO codes with their weights and PLOVER crosswalk, and the verbs and
nouns that express them.

Built once per process from ``cameo_codes.tsv`` and the ``events/verbs_*.tsv`` and
``events/nouns_*.tsv`` files (format: docs/events.md). A verb maps to rows tried in order of
specificity: rows that constrain the direct object's noun first ("impose" + "sanction"), then
rows that need an infinitival complement ("urge X to"), then plain rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from importlib import resources

from eventwire.errors import InputError
from eventwire.lexicons import read_tsv
from eventwire.records import Cameo, Plover

TARGET_SLOTS = frozenset({"", "obj", "on", "against", "with", "to", "at", "for", "into", "from",
                          "over", "of", "between", "claim"})
# xcomp: the verb takes a clause ("urged X to ..."); claim: the verb presents something as
# evidence of what another actor did ("cited the strikes as evidence that X was helping Y"),
# and that actor is the target; intransitive: the verb has no direct object ("troops withdrew
# from the town", not "withdrew the bill").
REQUIRES = frozenset({"", "xcomp", "claim", "intransitive"})


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    cameo: Cameo
    plover: Plover


@dataclass(frozen=True)
class VerbRule:
    """One way a verb expresses an event: ``impose`` + object ``sanction`` + target ``on``."""

    verb: str
    prt: str
    objects: frozenset[str]
    target: str
    requires: str
    code: str
    origin: str  # "file:line", for `eventwire explain`
    # words the object's phrase must hold, in order, each one of a set ("abandon full
    # diplomatic ties": (diplomatic, tie)); dictionary patterns
    modifiers: tuple[frozenset[str], ...] = ()
    # a paired code: the same act seen from the target's side ("left for X": 032, X 033)
    reverse: str | None = None
    # words shortly before the verb, in order ("NOT *", "FAILED TO *"): dictionary patterns
    before: tuple[frozenset[str], ...] = ()
    # the object is a preposition's ("act on a resolution": via {on}, objects {resolution})
    via: frozenset[str] = frozenset()
    # the verb written as this word only ("LEFT" is not every form of "leave")
    word: str = ""
    # "% * [030:030]": coordinated subjects act with each other
    mutual: bool = False
    # a dictionary pattern names the target's preposition ("* WITH + [031]"): one of its words
    named_target: bool = False
    # slots a dictionary pattern places itself: "beforeN" (the target named before the Nth
    # word before the verb, or the subject: "+ HOSTING *", "+ * FROM $"), "afterN" (the actor
    # named after the pattern's words, N phrases skipped: "* MONEY $", "* IFTAR IN ^ +"), or
    # the source's preposition ("+ * FROM $": "from")
    source_slot: str = ""
    target_slot: str = ""
    # "RECENTLY_*": the last word before the verb is right before it
    joined_before: bool = False

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + _words(self.modifiers) + _words(self.before) \
            + (1 if self.requires else 0) + (1 if self.prt else 0) + (1 if self.via else 0) \
            + (1 if self.word else 0) + (1 if self.mutual else 0) + (1 if self.named_target else 0)


def _words(sets: tuple[frozenset[str], ...]) -> int:
    """Words a pattern's phrases hold: "most certainly did n't ever" is more specific than
    "did n't"."""
    return sum(max((len(p.split()) for p in choices), default=0) for choices in sets)


@dataclass
class EventLexicon:
    codes: dict[str, CodeInfo] = field(default_factory=dict)
    verbs: dict[str, list[VerbRule]] = field(default_factory=lambda: defaultdict(list))
    # lemma phrase (tuple of words) -> (code, origin)
    nouns: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    # adjective -> (code, origin): "said he was hopeful"
    adjectives: dict[str, tuple[str, str]] = field(default_factory=dict)
    # True for the built-in lexicon, whose codes are CAMEO's: the stage may refine them (a
    # future cooperative act becomes its intent code, a state in a political act its
    # government). A user's dictionary is coded as written.
    cameo: bool = True
    # phrases that drop a sentence, and a whole story, from event coding ("BASEBALL")
    discard_sentences: tuple[str, ...] = ()
    discard_stories: tuple[str, ...] = ()
    _max_noun_words: int | None = field(default=None, repr=False, compare=False)

    def info(self, code: str) -> CodeInfo:
        """The code's weights and crosswalk; a code the table lacks falls back to its root's,
        and a code outside CAMEO (a dictionary's own) is kept with neutral weights."""
        if code in self.codes:
            return self.codes[code]
        return foreign_code(code, self.codes.get(code[:2]))

    @property
    def max_noun_words(self) -> int:
        """Words in the longest event noun phrase (computed once: it is asked per token)."""
        if self._max_noun_words is None:
            self._max_noun_words = max((len(k) for k in self.nouns), default=1)
        return self._max_noun_words


def foreign_code(code: str, root: CodeInfo | None = None) -> CodeInfo:
    """A code the CAMEO table lacks, recorded as written: with its root's weights and PLOVER
    type when the root is CAMEO's ("1717" under 17), else none (TABARI-era dictionaries use
    WEIS codes such as 903)."""
    if root is not None:
        return CodeInfo(code, root.name, replace(root.cameo, code=code), root.plover)
    return CodeInfo(code, "dictionary code outside CAMEO", Cameo(code, code[:2], 0.0, 0),
                    Plover(None, None))


def _event_files(prefix: str) -> list[str]:
    folder = resources.files("eventwire.lexicons").joinpath("events")
    return sorted(f"events/{p.name}" for p in folder.iterdir()
                  if p.name.startswith(prefix) and p.name.endswith(".tsv"))


def load_event_lexicon() -> EventLexicon:
    lex = EventLexicon()
    for row in read_tsv("cameo_codes.tsv"):
        code = row["code"]
        lex.codes[code] = CodeInfo(
            code, row["name"],
            Cameo(code, row["root"], float(row["goldstein"]), int(row["quad_class"])),
            Plover(row["plover_type"] or None, row["plover_mode"] or None))
    for name in _event_files("verbs_"):
        for n, row in enumerate(read_tsv(name), start=1):
            where = f"{name} row {n}"
            code, target, requires = row["cameo"], row["target"], row.get("requires", "")
            if code not in lex.codes or target not in TARGET_SLOTS or requires not in REQUIRES:
                raise InputError(f"{where}: bad row {row!r} (unknown code, target or requires)")
            objects = frozenset(o for o in row["object"].split("|") if o)
            lex.verbs[row["verb"]].append(VerbRule(row["verb"], row["prt"], objects, target,
                                                   requires, code, where))
    for rules in lex.verbs.values():
        rules.sort(key=lambda r: -r.specificity)
    for name in _event_files("nouns_"):
        for n, row in enumerate(read_tsv(name), start=1):
            if row["cameo"] not in lex.codes:
                raise InputError(f"{name} row {n}: unknown CAMEO code {row['cameo']!r}")
            lex.nouns.setdefault(tuple(row["noun"].split()), (row["cameo"], f"{name} row {n}"))
    for name in _event_files("adjectives_"):
        for n, row in enumerate(read_tsv(name), start=1):
            if row["cameo"] not in lex.codes:
                raise InputError(f"{name} row {n}: unknown CAMEO code {row['cameo']!r}")
            lex.adjectives.setdefault(row["adjective"], (row["cameo"], f"{name} row {n}"))
    return lex
