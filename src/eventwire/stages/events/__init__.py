"""Code who did what to whom: predicates on the dependency parse mapped to CAMEO and PLOVER.

For each sentence:

1. every verb the event lexicon knows is tried against its rules, most specific first
   (``impose`` + object ``sanction`` + target after ``on`` -> 163; ``urge`` + infinitive -> 02x;
   plain ``accuse`` -> 112); the first rule whose conditions hold codes the event;
2. the source is the verb's subject (the ``by`` agent of a passive, the shared subject of
   conjoined verbs, the controller of an infinitive, the noun a relative clause hangs on), the
   target the slot the rule names; each slot yields the coded actor mentions of its noun phrase,
   so "the US and Russia" give two events;
3. a verb whose rule took an infinitive ("threatened to strike", "agreed to meet") is the event;
   the infinitive is not coded again. Reporting verbs ("said", "told reporters") are no events:
   what they report is coded and, when the reporter speaks first ("X said Y attacked Z"),
   attributed to the reporter;
4. modality: negation ("did not attack", "denied striking"), future ("will meet", "plans to"),
   hypothetical ("if", "could");
5. event nouns ("air strikes", "sanctions", "talks") code events of their own when an actor
   owns or suffers them and no coded verb took them as an argument, and sharpen a verb's code
   when they are its subject ("air strikes killed" -> 195, not 190).

Events need at least one coded actor. Every event carries the sentence, the trigger and the
actor spans as evidence, and a confidence from the rule that fired.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.lexicons.actors import ActorEntry, ActorLexicon
from eventwire.lexicons.events import EventLexicon, VerbRule
from eventwire.lexicons.gazetteer import Gazetteer
from eventwire.records import ActorRef, Article, Event, Mention, Modality, Span
from eventwire.stages import Found, Resources
from eventwire.stages.events.nesting import fold_clauses
from eventwire.stages.events.patterns import (
    WINDOW,
    joined_to,
    match_end,
    pattern_slots,
    phrase_prep_object,
    phrase_preps,
)
from eventwire.stages.events.slots import (
    SETTLEMENTS,
    MentionIndex,
    agent_of,
    object_of,
    prep_object,
    subject_of,
)
from eventwire.stages.grammar import doc_text
from eventwire.stages.quoting import inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs that report speech: never events themselves; what they report is.
REPORTING = frozenset({"say", "tell", "state", "add", "claim", "report", "announce", "allege",
                       "insist", "write", "quote", "confirm", "assert", "maintain", "argue",
                       "explain", "note", "suggest", "believe", "think", "stress"})
# Verbs whose complement did not happen by their subject's account.
_DENIALS = frozenset({"deny", "refute", "dismiss"})
# Nouns for what someone is said to have done ("rejected claims that it had ...").
_CLAIMS = frozenset({"claim", "report", "allegation", "accusation", "suggestion", "charge"})
# Verbs whose infinitive is not yet done ("plans to meet", "agreed to withdraw").
_INTENT = frozenset({"plan", "intend", "expect", "prepare", "aim", "vow", "pledge", "promise",
                     "threaten", "agree", "decide", "want", "hope", "seek", "offer", "propose",
                     "schedule", "set", "be", "go", "ready", "willing", "prepared", "due"})
# Nouns that a compound before them says what they are ("missile systems", "food shipments",
# "mobile internet services").
_KINDS_OF = frozenset({"system", "battery", "shipment", "consignment", "delivery", "package",
                       "supply", "batch", "stock", "stockpile", "service", "access"})
# Nouns for someone's going, that a demand asks of them ("the resignation of the minister").
_LEAVING_NOUNS = frozenset({"resignation", "ouster", "removal", "dismissal", "sacking",
                            "departure", "exit", "impeachment"})
# Verbs of going away: ordering someone to do them expels them.
_LEAVING = frozenset({"leave", "depart", "quit", "exit", "withdraw"})
# Places where civilians are: hitting one hits civilians ("struck a school in Gaza City").
_CIVILIAN_PLACES = frozenset({"school", "hospital", "clinic", "market", "marketplace", "home",
                              "house", "mosque", "church", "synagogue", "temple", "shelter",
                              "kindergarten", "university", "bakery", "shop", "wedding",
                              "funeral", "bus", "train", "restaurant", "cafe", "hotel"})
# Institutions whose sector a country word before them names ("Sudanese hospitals": SDNHLH).
_THING_SECTORS = {"hospital": "HLH", "clinic": "HLH", "school": "EDU", "university": "EDU",
                  "company": "BUS", "firm": "BUS", "bank": "BUS", "business": "BUS",
                  "newspaper": "MED", "broadcaster": "MED", "outlet": "MED", "court": "JUD",
                  "farmer": "AGR", "farm": "AGR"}
# Ships, whose owners are the ones a seizure or an attack hits.
_VESSELS = frozenset({"ship", "vessel", "tanker", "freighter", "shipping", "carrier", "boat",
                      "containership", "bulker"})
# Nouns that hold what their "of" phrase names ("trucks of food", "tonnes of rice", "part of
# its financial assistance").
_CONTAINERS = frozenset({"truck", "lorry", "convoy", "tonne", "ton", "load", "planeload",
                         "shipload", "consignment", "shipment", "bag", "box", "crate", "package",
                         "batch", "delivery", "supply", "cargo",
                         "part", "portion", "share", "half", "third", "most", "some", "all"})
# Words for people and for military things that an attack hits ("killed dozens of people").
_PEOPLE = frozenset({"people", "person", "civilian", "resident", "child", "villager", "family",
                     "worker", "passenger", "woman", "man", "student", "patient", "refugee",
                     "prisoner", "detainee", "inmate", "shepherd", "herder", "fisherman",
                     "farmer", "driver", "pilgrim", "worshipper", "shopper", "teacher"})
# Forces of nature that "strike", "hit" and "kill" without anyone attacking.
_NATURAL = frozenset({"earthquake", "quake", "tremor", "aftershock", "storm", "cyclone", "hurricane",
                      "typhoon", "flood", "flooding", "landslide", "mudslide", "tsunami", "tornado",
                      "wildfire", "drought", "avalanche", "lightning", "heatwave", "disease",
                      "epidemic", "outbreak"})
# Words for one person's office ("the UN Secretary-General", "Iran's foreign minister").
_OFFICES = frozenset({"general", "secretary-general", "minister", "president", "envoy", "chief",
                      "ambassador", "spokesman", "spokeswoman", "spokesperson", "commander",
                      "governor", "mayor", "king", "premier", "chancellor", "director", "head",
                      "leader", "representative", "commissioner", "coordinator", "negotiator"})
# Nouns a story uses for a body it has named ("the group said"), and the kinds they stand for.
_BODY_NOUNS = {"group": ("group",), "movement": ("group",), "militia": ("group",),
               "agency": ("organisation",), "organisation": ("organisation",),
               "organization": ("organisation",), "bloc": ("organisation",),
               "alliance": ("organisation",)}
# Roots of acts done by saying something: their nouns' "from" names who said it.
_SAID = frozenset({"01", "02", "10", "11", "12", "13"})
# Nouns and verbs that name an act only as something to stop.
_STOPPING = frozenset({"halt", "end", "stop", "cessation", "ban", "moratorium", "prevent",
                       "prevention"})
# Verbs that say an event noun took place, its doer their subject ("began joint training").
_LIGHT_VERBS = frozenset({"begin", "start", "launch", "conduct", "hold", "stage", "carry",
                          "deepen", "strengthen", "expand", "step", "resume", "continue",
                          "announce", "unveil"})
_KIN = frozenset({"relative", "victim", "kin", "mourner", "survivor", "loved"})
_MILITARY_THINGS = frozenset({"base", "position", "post", "barracks", "garrison", "convoy",
                              "checkpoint", "airbase", "airfield", "depot", "outpost"})
_QUANTITIES = frozenset({"dozen", "hundred", "thousand", "score", "number", "lot", "million",
                         "more", "most", "some", "many", "ten"})
_WORKFORCE = frozenset({"LAB", "EDU", "HLH", "AGR", "CVL", "OPP", "BUS", "MED"})
_BODY_PRONOUNS = frozenset({"it", "they", "we"})
# Nouns for the parties to something ("both sides", "the two countries").
_SIDES = frozenset({"side", "party", "country", "government", "neighbour", "neighbor", "minister"})
# Object pronouns an act's target may be (Coder.antecedent), and what they refer to.
_OBJECT_PRONOUNS = {"them": "plural", "their": "plural", "him": "person", "his": "person",
                    "her": "person"}
_ACCUSING = frozenset({"accuse", "blame", "charge", "condemn", "criticise", "criticize", "denounce"})
# Acts of speech a reporter makes ("... and accused Manila of"), and verbs of demanding whose
# complement is what was asked ("demanded that the army stop ...").
_SPEECH_ACTS = _ACCUSING | {"urge", "warn", "praise", "welcome", "reject", "deny", "appeal",
                            "demand", "threaten", "vow", "pledge", "promise"}
_DEMANDING = frozenset({"demand", "insist", "urge", "warn", "ask"})
_MODAL_FUTURE = frozenset({"will", "shall", "'ll"})
_MODAL_HYPOTHETICAL = frozenset({"could", "might", "may", "would"})
# CAMEO codes that hold in both directions: consulting, meeting at a third place, negotiating.
_SYMMETRIC = frozenset({"040", "044", "046"})
# Visits and hostings: acts between two parties, nothing without the one visited or hosted.
_HOSTED = frozenset({"042", "043"})
# Of the verbs coded 040, those that say both sides met; a call or a message goes one way.
_MEETING = frozenset({"meet", "hold", "talk", "confer", "consult"})
_VIOLENT = frozenset({"18", "19", "20"})
# Verbs that count the wounded of an attack told by the verb they are joined to ("killed 16
# and wounded 40"): the same attack, not a second one.
_WOUNDING = frozenset({"wound", "injure", "maim", "hurt"})
# Roots where a state acts or is acted on as a territory or a force, not as a government.
_STATE_AS_SUCH = frozenset({"15", "18", "19", "20"})
# Roots of acts that parties named together do with each other ("Jordan and Iraq began sharing
# intelligence", "France and India held joint exercises").
_RECIPROCAL = frozenset({"03", "04", "05", "06"})
# Codes whose target, a state, stays the state: threats of force and aid, its intent included.
_TO_THE_STATE = ("138", "07", "033")
# A cooperative act not yet done is, in CAMEO, an intent to do it: "will meet" is 036, "plans to
# send aid" 033, "would release prisoners" 0353. Codes of roots 04-08 -> their root-03 intent.
_INTENT_OF = {
    **dict.fromkeys(("040", "041", "042", "043", "044", "046"), "036"), "045": "039",
    **dict.fromkeys(("050", "051", "052", "053", "054"), "032"), "055": "030", "056": "030",
    "057": "037", "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
    "080": "035", **dict.fromkeys(("081", "0811", "0812", "0813", "0814"), "0351"), "082": "0352",
    "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
    **dict.fromkeys(("084", "0841", "0842"), "0353"), "085": "0354",
    **dict.fromkeys(("086", "0861", "0862", "0863"), "0355"),
    **dict.fromkeys(("087", "0871", "0872", "0873", "0874"), "0356"),
}
# A threat of the force an act of roots 18-20 would use: unconventional violence (1383),
# a conventional attack (1384), mass violence (138, force not specified).
_THREAT_OF = {"18": "1383", "19": "1384", "20": "138"}
_CONFIDENCE = {"both": 0.9, "source": 0.75, "target": 0.6}


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The events stage's entry point (see the module docstring)."""
    events = find_events(doc, article, found.mentions, resources.event_lexicon, resources.gazetteer,
                         actor_lexicon=resources.actor_matcher.lexicon)
    return replace(found, events=tuple(events))


def find_events(
    doc: Doc, article: Article, mentions: tuple[Mention, ...], lex: EventLexicon,
    gazetteer: Gazetteer | None = None, trace: list[str] | None = None,
    actor_lexicon: ActorLexicon | None = None,
) -> list[Event]:
    """The events of one parsed article; ``trace`` collects why each verb was or was not coded
    (``eventwire explain``)."""
    if lex.discard_stories and _mentions_any(doc_text(doc), lex.discard_stories):
        if trace is not None:
            trace.append("the story holds a story-level discard phrase: no events")
        return []
    if not lex.cameo:
        # a dictionary codes the actors it names; eventwire's resolved pronouns ("its
        # embassy") are not named
        mentions = tuple(m for m in mentions if m.text.split()[0].lower() not in _PRONOUNS)
        mentions = tuple(one for m in mentions for one in _split_codes(m))
    index = MentionIndex(mentions, [(t.idx, t.idx + len(t.text)) for t in doc], gazetteer)
    coder = _Coder(doc, article, index, lex, trace)
    coder.actor_lexicon = actor_lexicon
    for n, sent in enumerate(doc.sents):
        coder.sentence(n, sent.start, sent.end)
    return coder.events


class _Coder:
    def __init__(self, doc: Doc, article: Article, index: MentionIndex, lex: EventLexicon,
                 trace: list[str] | None = None) -> None:
        self.doc, self.article, self.index, self.lex = doc, article, index, lex
        self.trace = trace
        self.actor_lexicon: ActorLexicon | None = None
        self.events: list[Event] = []
        self.seen: set[tuple[int, str, str | None, str | None, int]] = set()
        self.sent = doc[0:0]
        self.numbers = itertools.count(1)  # event ids stay unique when an event is dropped

    def sentence(self, n: int, start: int, end: int) -> None:
        doc = self.doc
        self.sent = doc[start:end]
        if self.lex.discard_sentences and _mentions_any(self.sent.text, self.lex.discard_sentences):
            if self.trace is not None:
                self.trace.append(f"sentence {n}: holds a discard phrase, not coded")
            return
        first = len(self.events)
        complements: set[int] = set()  # infinitives a coded verb took
        arguments: set[int] = set()  # nouns a coded verb took as a slot
        coded: dict[int, str] = {}  # verb token -> the code its rule gave
        same_attack: set[int] = set()  # verbs that tell again of an attack already coded
        for token in doc[start:end]:
            if token.pos_ not in ("VERB", "AUX"):
                continue
            lemma = token.lemma_.lower()
            telling = token.head.i in same_attack or coded.get(token.head.i, "")[:2] in _VIOLENT \
                or coded.get(token.head.i) == "175"  # "fired tear gas, killing one protester"
            if telling and token.dep_ == "advcl" and token.tag_ == "VBG":
                same_attack.add(token.i)  # "struck a depot, setting tanks on fire and injuring"
            if token.i in complements:
                self.note(token, "the complement of a coded verb (that verb is the event)")
                continue
            if token.dep_ == "amod":
                self.note(token, "a participle describing a noun, not an act told")
                continue  # "the internationally recognised government", "displaced families"
            if lemma in REPORTING and not self.owned_statement(token):
                self.note(token, "a reporting verb: not an event; what it reports may be")
                if self.lex.cameo:
                    self.code_evidence(n, token)
                continue
            if lemma not in self.lex.verbs:
                if token.pos_ == "VERB":
                    self.note(token, "not in the event lexicon")
                continue
            rule = self.choose(token)
            if rule is None:
                self.note(token, f"{len(self.lex.verbs[lemma])} rule(s), none whose object, "
                                 "particle or complement conditions hold")
                continue
            if rule.code[:2] in _VIOLENT and telling and (
                    token.i in same_attack or (token.dep_ == "conj" and lemma in _WOUNDING)):
                self.note(token, "the same attack as the verb it hangs on")
                same_attack.add(token.i)
                continue  # "struck Kharkiv, killing 11 and wounding 34": one attack, told thrice
            if token.dep_ in ("advcl", "xcomp") and token.tag_ == "VB" and token.head.i in coded \
                    and coded[token.head.i][:2] == rule.code[:2]:
                self.note(token, "the purpose of the verb it hangs on, the same kind of act")
                continue  # "will visit Syria to discuss the return of refugees": one visit
            protest = token.head
            if protest.dep_ == "conj" and coded.get(protest.i, "")[:2] != "14":
                protest = protest.head  # "blocked roads and set fire to a station, demanding"
            if rule.code[:2] == "10" and token.dep_ in ("advcl", "xcomp") and \
                    coded.get(protest.i, "")[:2] == "14" and self.lex.cameo:
                # "blocked a highway, demanding that Congress drop the bill": the protest's
                # demand, which says whom the protest is against
                self.note(token, "the demand of the protest it hangs on: that protest's target")
                self.code_verb(n, token, rule, arguments, as_act=(protest, coded[protest.i]))
                complements.update(c.i for c in token.children if c.dep_ in ("xcomp", "ccomp"))
                continue
            coded[token.i] = rule.code
            if rule.requires == "xcomp" and lemma not in _DENIALS:
                # "denied striking": the denial and, negated, the act denied are both kept
                complements.update(c.i for c in token.children if c.dep_ in ("xcomp", "ccomp"))
            self.code_verb(n, token, rule, arguments)
        for token in doc[start:end]:
            if token.pos_ in ("NOUN", "PROPN"):
                self.code_noun(n, token, argument=token.i in arguments
                               or token.head.i in complements)
            elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lower_ in self.lex.adjectives:
                self.code_adjective(n, token)
        if not self.lex.cameo:  # a dictionary's events, nested as PETRARCH2 nests them
            self.events[first:] = fold_clauses(doc, self.events[first:])
        # "Two soldiers were killed when their patrol was attacked by JNIM": the casualties of
        # an attack the sentence codes with its attacker are not a second, attacker-less event
        here = self.events[first:]
        if any(e.source is not None and e.cameo.root in _VIOLENT for e in here):
            kept = [e for e in here if not (e.source is None and e.cameo.root in _VIOLENT)]
            self.events[first:] = kept
        # an act told with no target and again with one (a protest and its demand) is one
        targeted = {(e.cameo.code, e.source and e.source.code, e.trigger.start)
                    for e in self.events[first:] if e.target is not None}
        self.events[first:] = [e for e in self.events[first:] if e.target is not None or (
            e.cameo.code, e.source and e.source.code, e.trigger.start) not in targeted]

    def note(self, token: Token, why: str) -> None:
        if self.trace is not None:
            self.trace.append(f"{token.text} ({token.lemma_}, {token.dep_}): {why}")

    def choose(self, verb: Token) -> VerbRule | None:
        """The first of the verb's rules whose conditions hold."""
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        next_word = verb.doc[verb.i + 1].lower_ if verb.i + 1 < len(verb.doc) else ""
        obj = object_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None) \
            or (verb.head if _participle(verb) else None)
        has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "dative", "agent")}
        if obj is not None:
            preps |= {c.lower_ for c in obj.children if c.dep_ in ("prep", "dative")}
        if not self.lex.cameo:  # a dictionary's "FROM +": anywhere in the verb's phrase
            preps |= phrase_preps(verb)
        passing = []
        for rule in self.lex.verbs[verb.lemma_.lower()]:
            if rule.prt and rule.prt not in particles and (self.lex.cameo or rule.prt != next_word):
                continue  # (a dictionary's "CORDON_OFF" holds when "off" is parsed as a preposition)
            if not rule.prt and particles & {"off", "down", "out", "back", "up"} and \
                    any(r.prt in particles for r in self.lex.verbs[verb.lemma_.lower()]):
                continue  # "call off" has its own rule; plain "call" is something else
            if rule.word and verb.lower_ != rule.word:
                continue
            head = obj
            if rule.via:  # "act on a resolution": the preposition's object
                head = next((o for c in verb.children if c.dep_ == "prep" and c.lower_ in rule.via
                             for o in c.children if o.dep_ == "pobj"), None)
                if head is None and particles & rule.via:
                    head = obj  # the parser took the preposition for a particle
                if head is None:
                    continue
            if rule.objects and not (_object_words(head) & rule.objects):
                continue
            if rule.modifiers:
                # a dictionary pattern's words: in the object's phrase, or (without a
                # preposition) anywhere after the verb in its phrase
                in_object = head is not None and _in_order(rule.modifiers, head.subtree)
                if not in_object and (rule.via or not _in_order(rule.modifiers, _after(verb))):
                    continue
            if rule.before and not self.preceded_by(verb, rule.before):
                continue
            if rule.joined_before and not joined_to(verb, rule.before[-1]):
                continue  # "RECENTLY_*" is not "recently did allow"
            if rule.requires == "xcomp" and not has_clause:
                continue
            if rule.requires == "claim" and claim_subject(verb) is None:
                continue
            if rule.requires == "intransitive" and object_of(verb) is not None:
                continue
            if rule.target not in ("", "obj", "claim") and rule.target not in preps and not rule.objects:
                # "call on X" is an appeal, "called the draft one-sided" is not; a rule that
                # names its object ("held a rally") holds without its preposition
                continue
            passing.append(rule)
        # of equally specific rules, one whose target slot is there ("meet with X", "meet X")
        for rule in passing:
            if rule.specificity < passing[0].specificity:
                break
            if (rule.target == "obj" and obj is not None) or rule.target in preps:
                return rule
        return passing[0] if passing else None

    def code_verb(self, n: int, verb: Token, rule: VerbRule, arguments: set[int],
                  as_act: tuple[Token, str] | None = None) -> None:
        """Code ``verb`` by ``rule``; with ``as_act``, as that verb's act (its trigger and code),
        with ``verb`` giving the actors."""
        subj, passive = self.speaker_of(verb) or subject_of(verb)
        if passive and not self.lex.cameo and agent_of(verb) is None:
            # PETRARCH reads the subject as the source whatever the voice; a dictionary writes
            # the passive reading as a pattern ("+ WAS *", "+ * FROM $")
            passive = False
        if passive:
            source_tok = agent_of(verb)
            object_tok = subj
        else:
            source_tok = subj
            object_tok = object_of(verb)
        if rule.target == "obj":
            target_tok = object_tok
        elif rule.target == "claim":
            target_tok = claim_subject(verb)
        elif rule.target:
            # "imposed sanctions on X": the object's own phrase first
            heads = ([object_tok] if object_tok is not None else []) + [verb]
            target_tok = prep_object(heads, rule.target)
            if target_tok is None and not self.lex.cameo:
                target_tok = phrase_prep_object(verb, rule.target)
        else:
            target_tok = None
        if source_tok is None and not passive:
            source_tok = self.adjacent_actor(verb)
        code = rule.code
        if code[:2] in _VIOLENT and source_tok is not None and source_tok.lemma_.lower() in _NATURAL:
            self.note(verb, f"rule {rule.origin} -> {code}, but a {source_tok.lower_} is no actor")
            return  # "an earthquake struck eastern Turkey"
        if source_tok is not None and self.lex.cameo:
            code = self.sharpen(code, source_tok)
        if object_tok is not None and self.lex.cameo and code[:2] in ("05", "06"):
            kind = self.noun_code(object_tok, phrases_only=True)
            if kind is not None and kind[:2] == "06":
                code = kind  # "deepening security ties": military cooperation
        if code == "100" and rule.requires == "xcomp" and self.lex.cameo and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in _LEAVING for c in verb.children):
            code = "166"  # "ordered US forces to leave": an expulsion
        if code == "130" and rule.requires == "xcomp" and self.lex.cameo:
            # "threatened to strike Israeli nuclear facilities": a threat of that force
            comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            act = self.choose(comp) if comp is not None and comp.lemma_.lower() in self.lex.verbs \
                else None
            if act is not None and act.code[:2] in _THREAT_OF:
                code = _THREAT_OF[act.code[:2]]
        for tok in (source_tok, target_tok, object_tok):
            if tok is not None:
                arguments.add(tok.i)
        sources = self.index.actors(source_tok) if source_tok is not None else []
        targets = self.index.actors(target_tok) if target_tok is not None else []
        if code[:2] in _VIOLENT and self.lex.cameo:
            # an attack named by the subject ("clashes between troops and rebels killed 60",
            # "a drone attack on Sumy killed eight") is the event, with its own actors; so is
            # the fight victims were killed in ("in a gunfight with militants")
            fight = source_tok if not passive else agent_of(verb) or prep_object([verb], "in")
            slots = self.noun_slots(fight) if fight is not None else None
            if slots is not None and slots[0][:2] in _VIOLENT and slots[2]:
                if passive and source_tok is None:
                    sources = slots[1] or slots[2]
                elif not passive:
                    sources, targets = slots[1] or sources, slots[2]
        if not sources and source_tok is not None and source_tok.lower_ in _BODY_PRONOUNS:
            sources = self.bound_pronoun(source_tok)
        if not sources and source_tok is not None and self.lex.cameo:
            sources = self.definite_body(source_tok)
        if sources and source_tok is not None and self.lex.cameo:
            # "The Syrian Democratic Forces and US troops raided", parsed as modifiers of troops
            # (a state's name that only says whose the other actor is adds nobody)
            taken = {m.country for m in sources}
            sources = sources + [m for m in self.coordinated_in(source_tok, sources)
                                 if m not in sources and not (m.kind == "state" and m.country in taken)]
        if not sources and source_tok is not None and code[:2] == "14" and self.lex.cameo:
            sources = self.people(source_tok, verb, [])  # "thousands of people rallied in Tbilisi"
        if not sources and source_tok is not None and source_tok.lower_ in ("he", "she", "it") \
                and self.lex.cameo:
            sources = self.office_holder(source_tok)
        if not sources and source_tok is not None and self.lex.cameo:
            sources = self.both_sides(source_tok)
            if len(sources) == 2 and not targets and code[:2] in _VIOLENT:
                sources, targets = sources[:1], sources[1:]  # a fight between them, told once
        if not sources and source_tok is not None:
            sources = self.owner_state(source_tok)
        if not targets and target_tok is not None:
            targets = self.owner_state(target_tok) or (
                self.vessel_owner(target_tok) if self.lex.cameo else [])
        if not targets and target_tok is None and rule.target in ("of", "from") and object_tok is not None:
            # "accepted the protesters' demand": the demand of the protesters
            owner = next((c for c in object_tok.children if c.dep_ == "poss"), None)
            targets = self.index.actors(owner) if owner is not None else []
            target_tok = owner if targets else None
        if not targets and target_tok is not None and self.lex.cameo:
            targets = self.antecedent(target_tok, sources)
        if target_tok is not None and code[:2] in _VIOLENT and self.lex.cameo and targets and all(
                t.country is None and t.sector in _PEOPLE_SECTORS for t in targets):
            # "an offensive in Rafah could kill thousands of civilians": whose civilians, the
            # place says
            targets = [t for t in self.victims(target_tok, verb) if t.sector == targets[0].sector] \
                or targets
        if not targets and target_tok is not None and code[:2] in _VIOLENT:
            targets = self.victims(target_tok, verb)
        elif not targets and target_tok is not None and self.lex.cameo:
            targets = self.national(target_tok) or self.people(target_tok, verb, sources)
        if not targets and code[:2] == "15" and self.lex.cameo:
            targets = self.facing(verb, sources)
        if self.lex.cameo:
            targets = self.more_targets(verb, code, object_tok, target_tok, targets, sources)
        if not targets and rule.requires == "xcomp" and verb.lemma_.lower() not in _DENIALS:
            # (what a denial is about is the denied act's, not the denial's: "denied striking
            # a school" denies nothing to the school)
            targets = self.complement_target(verb)
        if not self.lex.cameo:
            if rule.source_slot or rule.target_slot:  # "+ * FROM $": the pattern places them
                placed_sources, placed_targets, placed_tok = pattern_slots(verb, rule, self.index)
                if placed_sources is not None:
                    sources, source_tok = placed_sources, placed_tok
                targets = targets if placed_targets is None else placed_targets
            # a dictionary's patterns name the verb phrase, not its grammar: as TABARI and
            # PETRARCH do, the source is the clause's subject and the target the first actor
            # the verb phrase names
            if not sources and not rule.source_slot:
                sources = self.clause_subject(verb)
            if not targets and not rule.mutual and not rule.target_slot:
                targets = self.first_actor_after(verb, {m.start for m in sources})
            sources = self.index.with_codes(self.with_conjuncts(sources))
            targets = self.index.with_codes(self.with_conjuncts(targets))
            if source_tok is not None:
                sources = self.index.with_codes(self.coordinated_in(source_tok, sources))
            if not sources:
                self.note(verb, f"rule {rule.origin} -> {code}: no source actor, no event "
                                "(dictionary coding needs one)")
                return
        self.note(verb, f"rule {rule.origin} -> {code}; source slot "
                        f"{source_tok.text if source_tok is not None else '-'} "
                        f"{[m.code for m in sources]}, target slot "
                        f"{target_tok.text if target_tok is not None else '-'} "
                        f"{[m.code for m in targets]}"
                        + ("" if sources or targets else ": no coded actor, no event"))
        shown = as_act[0] if as_act is not None else verb
        code = as_act[1] if as_act is not None else code
        trigger_end = max([shown.i] + [c.i for c in shown.children if c.dep_ == "prt"]) + 1
        trigger = self.doc[shown.i:trigger_end]
        modality = self.modality(shown)
        if rule.before and modality.negated:
            # "NOT * [112]": the pattern codes the negation itself
            modality = replace(modality, negated=False)
        joint = self.noun_code(object_tok) if object_tok is not None and self.lex.cameo else None
        if object_tok is not None and joint is not None and joint[:2] == "06" and code[:2] != "06" \
                and len(sources) >= 2:
            # "Somali troops and AU soldiers launched a joint operation against al-Shabaab": the
            # operation against them, and the partners' cooperation with each other
            for one, other in itertools.permutations(sources, 2):
                if one.code != other.code:
                    self.add(n, object_tok.idx, object_tok.idx + len(object_tok.text), joint,
                             one, other, modality, noun=True)
        intent = _INTENT_OF.get(code, "") if modality.future and self.lex.cameo else ""
        if _participle(verb) and rule.objects and object_tok is None and not (
                code[:2] in _RECIPROCAL or rule.mutual):
            self.note(verb, "a participle describing a noun, not an act told")
            return  # "German soldiers stationed in Niger"
        if not sources and _participle(verb) and self.lex.cameo and (
                code[:2] in _RECIPROCAL or rule.mutual):
            # "Mali, Burkina Faso and Niger began sharing intelligence under a pact signed in
            # Niamey": a joint act told of a noun is done by the parties the clause names
            clause = verb.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            subj, passive = subject_of(clause)
            parties = self.index.actors(subj) if subj is not None and not passive else []
            sources = parties if len(parties) >= 2 else []
        if not targets and len(sources) >= 2 and (code[:2] in _RECIPROCAL or rule.mutual
                                                  or intent[:2] in _RECIPROCAL):
            # "Jordan and Iraq began sharing intelligence": each with the others (and so each
            # intends to, in "Kyrgyzstan and Tajikistan will reopen the crossings")
            for one in sources:
                for other in sources:
                    if one.code != other.code:
                        self.add(n, trigger.start_char, trigger.end_char, code, one, other, modality)
            return
        for s in _or_none(sources):
            for t in _or_none(targets):
                if s is None and t is None:
                    continue
                if s is not None and t is not None and s.code == t.code:
                    continue
                self.add(n, trigger.start_char, trigger.end_char, code, s, t, modality)
                if code in _SYMMETRIC and self.lex.cameo and s is not None and t is not None \
                        and not modality.future \
                        and (code != "040" or verb.lemma_.lower() in _MEETING):
                    # (a meeting to come is an intent, the subject's: "A will meet B" is A's)
                    self.add(n, trigger.start_char, trigger.end_char, code, t, s, modality)
                if rule.reverse and s is not None and t is not None:
                    self.add(n, trigger.start_char, trigger.end_char, rule.reverse, t, s, modality)

    def speaker_of(self, verb: Token) -> tuple[Token, bool] | None:
        """ "The embassy said the boat had intruded into its waters and accused Manila of ...":
        an accusation (or appeal, condemnation...) the parser joined to the reported clause is
        the reporter's own act, when the clause's subject names no actor that could make it."""
        if verb.dep_ != "conj" or verb.lemma_.lower() not in _SPEECH_ACTS or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        clause = verb.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING | _DEMANDING:
            return None
        inner, inner_passive = subject_of(clause)
        if inner_passive and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children):
            return None  # "the guard had been detained and charged": a passive shared
        if inner is not None and self.index.actors(inner) and not inner_passive:
            return None  # ("Kim said Seoul was lying and accused it of ...": Seoul could too)
        outer, passive = subject_of(clause.head)
        return (outer, passive) if outer is not None and self.index.actors(outer) else None

    def owned_statement(self, verb: Token) -> bool:
        """Whether a reporting verb says something the lexicon names by its object ("claimed
        responsibility for the attack" is 015, "claimed that ..." reports)."""
        obj = object_of(verb)
        return obj is not None and any(
            obj.lemma_.lower() in rule.objects for rule in self.lex.verbs.get(verb.lemma_.lower(), ()))

    def code_evidence(self, n: int, verb: Token) -> None:
        """ "Syria's army said the strikes were 'conclusive evidence' of U.S. support for
        Islamic State": what is said to be proof of an actor's doing accuses that actor
        (112), whoever says it."""
        subj, _ = subject_of(verb)
        sources = self.index.actors(subj) if subj is not None else []
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.lemma_.lower() != "be":
                continue
            proof = next((c for c in clause.children if c.dep_ == "attr"
                          and c.lemma_.lower() in _EVIDENCE), None)
            deed = prep_object([proof], "of") if proof is not None else None
            if proof is None or deed is None:
                continue
            doers = [m for t in deed.subtree if t.i <= deed.i
                     for m in [self.index.by_token.get(t.i)] if m is not None] \
                or self.national(deed)  # "of Israeli involvement"
            for s in sources:
                for t in doers[:1]:
                    if s.code != t.code:
                        self.note(verb, f"what {s.text} says is evidence of {t.text}'s doing -> 112")
                        self.add(n, proof.idx, proof.idx + len(proof.text), "112", s, t,
                                 self.modality(verb))

    def preceded_by(self, verb: Token, words: tuple[frozenset[str], ...]) -> bool:
        """Whether ``words`` come, in order, among the few tokens before the verb; each is
        one of a set of words or phrases ("did n't", "will not")."""
        return _in_order(words, self.doc[max(self.sent.start, verb.i - WINDOW):verb.i])

    def clause_subject(self, verb: Token) -> list[Mention]:
        """The actors of the nearest subject up the verb's chain of heads ("Arnor is about
        to restore ...": Arnor)."""
        node = verb
        own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if own is not None and own.lower_ not in _PRONOUNS:
            return []  # a subject of its own, with no actor in it ("after crowds trashed ...")
        # "Ethiopia indicated it would act": a pronoun subject is the reporting clause's
        bounds = ("advcl", "relcl", "acl", "pcomp") + (() if own is not None else ("ccomp",))
        while node.head.i != node.i and node.dep_ not in bounds:
            node = node.head
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return self.index.actors(subject)
        return []

    def coordinated_in(self, head: Token, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` and every other actor a coordinated phrase names, however the parser
        attached them ("Fornost and the evil awful Gondor", where Fornost hangs on Gondor)."""
        if not any(t.dep_ == "cc" for t in head.subtree):
            return mentions
        out = list(mentions)
        for token in head.subtree:
            node, inside = token, True
            while node.i != head.i:  # not inside a prepositional phrase of the subject
                listed = node.dep_ == "appos" and (
                    any(t.dep_ == "cc" for t in node.subtree)
                    or any(c.dep_ == "cc" for c in node.head.children))
                if node.dep_ in ("prep", "pobj", "relcl", "acl", "appos") and not listed:
                    inside = False  # (a list taken for an apposition is a list: "A, B, C and D")
                    break
                node = node.head
            m = self.index.by_token.get(token.i)
            if inside and m is not None and m not in out:
                out.append(m)
        return out

    def with_conjuncts(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` and the actors coordinated with them ("ties between Gondor and
        Osgiliath": the phrase's first actor brings the second)."""
        out = list(mentions)
        for m in mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for conj in span.root.conjuncts:
                other = self.index.by_token.get(conj.i)
                if other is not None and other not in out:
                    out.append(other)
        return out

    def first_actor_after(self, verb: Token, taken: set[int]) -> list[Mention]:
        """The actors of the first coded phrase after the verb, within its phrase."""
        for token in verb.subtree:
            if token.i > verb.i and token.i in self.index.by_token:
                found = [m for m in self.index.actors(token) if m.start not in taken]
                if found:
                    return found
        return []

    def adjacent_actor(self, verb: Token) -> Token | None:
        """A subject the parser lost: the actor named right before the verb ("... and the
        Australian Department of Defence offered its condolences", parsed as a conjunct)."""
        i = verb.i - 1
        while i >= self.sent.start and self.doc[i].pos_ in ("ADV", "AUX", "PART"):
            i -= 1
        if i >= self.sent.start and i in self.index.by_token and self.doc[i].pos_ in ("PROPN", "NOUN"):
            return self.doc[i]
        return None

    def sharpen(self, code: str, subject: Token) -> str:
        """ "air strikes killed": the event noun's own code, when it is in the same family."""
        phrase = self.noun_code(subject)
        if phrase is not None and phrase[:2] in ("18", "19", "20") and code[:2] in ("18", "19", "20"):
            return phrase
        return code

    def noun_code(self, token: Token, phrases_only: bool = False) -> str | None:
        """The event noun a token ends, longest phrase first ("security ties"; with
        ``phrases_only``, not a one-word noun)."""
        lemmas = [t.lemma_.lower() for t in self.doc[max(0, token.i - self.lex.max_noun_words + 1):
                                                     token.i + 1]]
        for size in range(len(lemmas), 1 if phrases_only else 0, -1):
            hit = self.lex.nouns.get(tuple(lemmas[-size:]))
            if hit is not None:
                return hit[0]
        return None

    def code_noun(self, n: int, noun: Token, argument: bool = False) -> None:
        """ "sanctions against Iran", "Russian air strikes on Aleppo", "talks with the rebels".
        A noun a coded verb took as an argument ("condemned the strikes"), or the object of
        the complement it took ("agreed to hold talks"), is that verb's
        event, unless it is an act of force naming both its own actors ("condemned Georgia's
        arrest of Beradze", but not "hosted talks between A and B"); a subject's event is
        always the verb's ("clashes between A and B killed 60")."""
        if noun.dep_ == "compound":
            return
        slots = self.noun_slots(noun)
        if slots is None:
            return
        code, sources, targets = slots
        if argument and (not (sources and targets) or noun.dep_ in ("nsubj", "nsubjpass")
                         or code[:2] < "15"):
            return
        if not sources and self.only_spoken_of(noun):
            return  # "a halt to attacks on ports", "if attacks on merchant vessels continued"
        # "a ceasefire between Thailand and Cambodia", "talks between A and B": each side's,
        # with the other (a fight between them is told once, first side first)
        between = prep_object([noun], "between")
        sides = {m.code for m in self.index.actors(between)} if between is not None else set()
        if between is not None and sources and not sides & {m.code for m in sources}:
            between = None  # "Qatar's mediation between Israel and Hamas": a third party's act
        mutual = (between is not None and code[:2] not in _VIOLENT and code[:2] != "17") \
            or code in _SYMMETRIC or any(c.lower_ == "joint" for c in noun.children)
        # ("Norway's talks with the Taliban": the Taliban's too; so is "joint training with")
        modality = self.modality(noun.head) if noun.head.pos_ in ("VERB", "AUX") else Modality()
        if not sources and not targets and code in _SYMMETRIC and noun.dep_ == "pobj" \
                and self.lex.cameo:
            # "agreed to free detainees after closed-door negotiations", "would raise the matter
            # with Washington during security talks": the talks of the clause's parties
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                subj, passive = subject_of(verb)
                obj = object_of(verb)
                partner = prep_object([verb] + ([obj] if obj is not None else []), "with")
                own = [] if subj is None or passive else self.actors_or_body(subj)
                parties = own + (self.index.actors(partner) if partner is not None else [])
                if len({m.code for m in parties}) >= 2:
                    # (talks "after" or "since" something are held; "during" shares the verb's time)
                    modality = Modality() if noun.head.lower_ in ("after", "following", "since") \
                        else self.modality(verb)
                    # parties named together talk with each other; with a partner, talks to
                    # come are the intent of whoever states it ("Baghdad would raise it with
                    # Washington")
                    sources, targets = (parties, parties) if partner is None else (parties[:1], parties[1:])
                    mutual = partner is None or not modality.future
        for s in _or_none(sources):
            for t in _or_none(targets):
                if (s is None and t is None) or (s is not None and t is not None and s.code == t.code):
                    continue
                if s is None and code[:2] not in _VIOLENT and code[:2] != "17":
                    continue  # "talks with Ukrainian officials": whose talks, the noun does not say
                self.add(n, noun.idx, noun.idx + len(noun.text), code, s, t, modality, noun=True)
                if mutual and t is not None:
                    self.add(n, noun.idx, noun.idx + len(noun.text), code, t, s, modality, noun=True)

    def only_spoken_of(self, noun: Token) -> bool:
        """Whether an event noun names an act only as something to stop or that may happen
        ("demanded a halt to attacks on ports", "strike again if the attacks continued")."""
        node = noun
        for _ in range(6):
            if node.lemma_.lower() in _STOPPING and node.i != noun.i:
                return True
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
                return True
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def noun_slots(self, noun: Token) -> tuple[str, list[Mention], list[Mention]] | None:
        """An event noun's code and the actors it names: its owner or "by" phrase acts, the
        object of "against", "on", "with"... suffers; "between A and B" gives both. A gerund
        ("Fighting between troops and rebels") counts as its noun. None for no event noun."""
        if noun.pos_ in ("NOUN", "PROPN"):
            code = self.noun_code(noun)
        elif noun.tag_ == "VBG":
            code = (self.lex.nouns.get((noun.lower_,)) or (None,))[0]
        else:
            code = None
        if code is None:
            return None
        owner = next((c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                      and c.i in self.index.by_token), None)
        by = prep_object([noun], "by")
        if by is None and code[:2] in _SAID:
            # "criticism from the United States", "drew criticism from the United States"
            by = prep_object([noun] + ([noun.head] if noun.dep_ == "dobj" else []), "from")
        sources = self.index.actors(by) if by is not None else (
            [self.index.by_token[owner.i]] if owner is not None else self.owner_state(noun))
        if not sources and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _LIGHT_VERBS \
                and "03" <= code[:2] <= "08":
            doer = subject_of(noun.head)[0]  # "instructors began joint training with ..."
            sources = self.index.actors(doer) if doer is not None else []
        if not sources and noun.dep_ == "dobj" and self.lex.cameo and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
            # "Qatar said it would resume its mediation": the mediation of whoever resumes it
            doer = subject_of(noun.head)[0]
            sources = [] if doer is None else self.actors_or_body(doer)
        # the first of these phrases that names an actor ("talks with the Taliban on girls'
        # education"), else the first there is
        phrases = [t for p in ("against", "on", "with", "at", "to", "between", "of")
                   for t in [prep_object([noun], p)] if t is not None]
        target_tok = next((t for t in phrases if self.index.actors(t)), phrases[0] if phrases else None)
        targets = self.index.actors(target_tok) if target_tok is not None else []
        if noun.lemma_.lower() == "strike" and noun.head.lower_ == "on" \
                and noun.head.head.lemma_.lower() in ("go", "be", "stay", "remain", "come"):
            # "doctors went on strike against the plan": a labour strike, by the subject
            walker = subject_of(noun.head.head)[0]
            code, sources = "143", self.index.actors(walker) if walker is not None else []
        elif noun.lemma_.lower() == "strike" and sources and sources[0].sector in _WORKFORCE:
            code = "143"  # "a strike by teachers" is a labour strike, not an attack
        if not targets and target_tok is not None and code[:2] in _VIOLENT:
            targets = self.victims(target_tok, noun)  # "bombardment of Beirut's suburbs"
        if target_tok is not None and target_tok.head.lower_ == "between" and len(targets) >= 2 \
                and not sources:
            sources, targets = targets[:1], targets[1:2]
        return code, sources, targets

    def definite_body(self, noun: Token) -> list[Mention]:
        """ "the group", "the agency": the nearest body of that kind named before (the Houthis
        for "the group would keep targeting ships" after "Houthi spokesman ..."); "the
        ministers": the last mention headed by the same noun."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return []
        kinds = _BODY_NOUNS.get(noun.lemma_.lower())
        if kinds is None:
            # "Arab League foreign ministers met in Cairo ... The ministers offered
            # condolences": the last mention headed by the same noun
            same = [m for m in self.index.by_token.values() if m.end <= noun.idx
                    and m.text.lower().split()[-1] == noun.lower_]
            return [max(same, key=lambda m: m.start)] if same and noun.pos_ == "NOUN" else []
        # (a named group's spokesman speaks for the group: "Houthi spokesman X ... the group")
        before = [m for m in self.index.by_token.values() if m.end <= noun.idx and (
            m.kind in kinds or (m.kind == "person" and "group" in kinds and m.sector == "REB"))]
        return [max(before, key=lambda m: m.start)] if before else []

    def office_holder(self, pronoun: Token) -> list[Mention]:
        """ "The UN Secretary-General urged Israel to open crossings. He also called on Hamas
        ...": a "he" or "she" opening a sentence, when the one before was led by an unnamed
        office holder, is that office holder (named people are the actors stage's); an "it",
        when it was led by a body ("China's embassy said ... It denied ...")."""
        if pronoun.i != self.sent.start:
            return []
        before = self.doc[self.sent.start - 1].sent if self.sent.start > 0 else None
        if before is None:
            return []
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ not in ("NN", "NNP"):
            return []
        holder = self.index.by_token.get(subject.i)
        if holder is None or holder.kind not in ("organisation", "generic"):
            return []
        if pronoun.lower_ == "it":  # "China's embassy said ... It denied that ...": a body
            return [holder] if holder.sector != "CVL" and not any(
                t.lemma_.lower() in _OFFICES for t in subject.subtree) else []
        office = any(t.lemma_.lower() in _OFFICES or t.lower_ in _OFFICES for t in subject.subtree)
        return [holder] if office else []

    def both_sides(self, head: Token) -> list[Mention]:
        """ "The two signed an agreement", "both sides would seek to sign a treaty": the last
        two parties named before, in the sentence or the one before it."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return []  # ("urged both sides to halt": the urging is what is told)
        pair = head.lower_ == "two" and any(c.lower_ == "the" for c in head.children)
        pair = pair or (head.lemma_.lower() in _SIDES and any(
            c.lower_ in ("both", "two") for c in head.children))
        if not pair:
            return []
        start = self.doc[self.sent.start - 1].sent.start if self.sent.start > 0 else 0
        found: list[Mention] = []
        for t in reversed(self.doc[start:head.i]):
            m = self.index.by_token.get(t.i)
            if m is not None and m.code and all(m.code != f.code for f in found):
                found.append(m)
            if len(found) == 2:
                return found[::-1]
        return []

    def antecedent(self, head: Token, sources: list[Mention]) -> list[Mention]:
        """Whom an object pronoun earlier in its sentence names: "fired at protesters and
        arrested dozens of them", "their patrol was attacked", "praised his plans". "Them" and
        "their" take a plural or coordinated phrase, the subject of an earlier clause first;
        "him", "his" and "her" a person; never the act's own source."""
        pronoun = head if head.lower_ in _OBJECT_PRONOUNS else next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in _OBJECT_PRONOUNS), None)
        if pronoun is None:
            of = prep_object([head], "of")
            pronoun = of if of is not None and of.lower_ == "them" else None
        if pronoun is None:
            return []
        plural = _OBJECT_PRONOUNS[pronoun.lower_] == "plural"
        taken = {m.code for m in sources}
        found: list[tuple[int, Token]] = []
        for tok in reversed(self.doc[pronoun.sent.start:pronoun.i]):
            m = self.index.by_token.get(tok.i)
            if m is None and plural and tok.tag_ == "NNS" and tok.lemma_.lower() in _PEOPLE:
                people = self.people(tok, tok.head, sources)  # "freed prisoners ... freeing them"
                if people:
                    return people
            if m is None or m.code in taken or (
                    tok.head.i != tok.i and self.index.by_token.get(tok.head.i) is m):
                continue  # (a mention is looked at once, at its head)
            if plural and not (tok.tag_ in ("NNS", "NNPS") or tok.conjuncts):
                continue
            if not plural and m.kind != "person" and not (
                    m.kind == "generic" and tok.lemma_.lower() in _OFFICES):
                continue  # (a person, or an office held by one: "the Palestinian president")
            found.append((0 if tok.dep_ in ("nsubj", "nsubjpass") else 1, tok))
        if not found:
            return []
        _, tok = min(found, key=lambda f: f[0])  # (the nearest of the best rank)
        first = min([tok, *tok.conjuncts], key=lambda t: t.i)
        return [m for m in self.index.actors(first) if m.code not in taken]

    def actors_or_body(self, head: Token) -> list[Mention]:
        """The actors ``head`` names, or, for a body's "it"/"they"/"we", that body."""
        return self.index.actors(head) or (
            self.bound_pronoun(head) if head.lower_ in _BODY_PRONOUNS else [])

    def bound_pronoun(self, pronoun: Token) -> list[Mention]:
        """ "Hamas's armed wing said that it had fired rockets": a body's "it" (or "they", "we")
        in what that body is reported to say is the body."""
        if _when_clause(pronoun.head):
            # "ministers would review the report when they meet": who the main clause names
            subj, _ = subject_of(pronoun.head.head)
            if subj is not None:
                return self.index.actors(subj)[:1]
        node = pronoun.head
        while node.dep_ in ("conj", "advcl") and node.head.i != node.i:
            node = node.head
        governor = node.head
        if node.dep_ == "acl" and governor.lemma_.lower() in _CLAIMS and governor.dep_ == "dobj":
            governor = governor.head  # "the army rejected claims that it had killed civilians"
        elif node.dep_ == "relcl" and governor.dep_ == "dobj" and pronoun.lower_ == "it":
            governor = governor.head  # "the EU extended the sanctions it imposed on Belarus"
        elif node.dep_ != "ccomp" or (governor.lemma_.lower() not in REPORTING
                                      and governor.lemma_.lower() not in _DENIALS):
            return []
        if governor.pos_ not in ("VERB", "AUX"):
            return []
        subj, _ = subject_of(governor)
        return self.index.actors(subj)[:1] if subj is not None else []

    def complement_target(self, verb: Token) -> list[Mention]:
        """ "threatened to break relations with Guyana", "threatened to strike Israeli nuclear
        facilities": the target of what the infinitive says (also when the parser takes it
        for a clause of purpose)."""
        comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None) or next(
            (c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VB"
             and any(a.lower_ == "to" for a in c.children)), None)
        if comp is None:
            return []
        obj = object_of(comp)
        found = self.index.actors(obj) if obj is not None else []
        for p in ("with", "on", "against", "to", "at"):
            if found:
                break
            tok = prep_object([comp] + ([obj] if obj is not None else []), p)
            found = self.index.actors(tok) if tok is not None else []
        if not found and obj is not None:
            found = self.owner_state(obj) or self.victims(obj, comp)
        return found

    def victims(self, head: Token, verb: Token) -> list[Mention]:
        """Who was hit when the object names no actor: whoever uses what was hit ("sites used by
        Iran-backed militias"), else the people or forces of the place it was hit in ("killed
        dozens of people in Gaza" -> PSECVL, "struck military sites south of Damascus" ->
        SYRMIL, "shelled Kherson" -> UKR)."""
        for t in head.subtree:
            if t.dep_ == "agent" and t.head.i != verb.i:  # (not the attack's own "by")
                by = next((o for o in t.children if o.dep_ == "pobj"), None)
                if by is not None and self.index.actors(by):
                    return self.index.actors(by)[:1]
        noun = head
        if noun.lemma_.lower() in _QUANTITIES:  # "dozens of people"
            of = prep_object([noun], "of")
            noun = of if of is not None else noun
        ship = self.vessel_owner(noun)
        if ship:
            return ship
        country = None
        subject = subject_of(verb)[0] if verb.pos_ in ("VERB", "AUX") else None
        aimed = [p for p in (subject.children if subject is not None else ())
                 if p.dep_ == "prep" and p.lower_ in ("on", "against", "in")]  # "strikes on Gaza killed"
        # where it happened: the verb's place phrases, and for "exploded near a market in
        # Kirkuk, killing seven" those of the verb the participle hangs on
        places = [*verb.children, *(verb.head.children if verb.dep_ == "advcl" else ()),
                  *(p for a in verb.children if a.dep_ == "advmod" for p in a.children),  # "south of"
                  *(c for v in (verb.conjuncts if verb.pos_ in ("VERB", "AUX") else ())
                    for c in v.children)]  # "killed 12 and wounded dozens at a market in ..."
        for t in [*head.subtree, *(c for p in places if p.dep_ == "prep"
                                    and p.lower_ in ("in", "near", "across", "around", "at", "of")
                                    for c in p.subtree), *(c for p in aimed for c in p.subtree)]:
            place = self.index.place(t) if t.pos_ == "PROPN" else None
            mention = self.index.by_token.get(t.i)
            if place is not None:
                country = place.country
            elif mention is not None and mention.kind == "state" and mention.sector is None:
                country = mention.country
            elif t.pos_ == "ADJ" and t.dep_ == "amod" and t.head.lemma_.lower() in SETTLEMENTS:
                country = self.country_word(t.text)  # "in the central Somali town of Beledweyne"
            if country:
                break
        if country is None:
            country = next((c for mod in noun.children if mod.dep_ in ("amod", "compound")
                            for c in [self.country_word(mod.text)] if c), None)  # "Armenian posts"
        if country is None and noun.lemma_.lower() in SETTLEMENTS and prep_object([noun], "of") is None \
                and any(c.lower_ == "the" for c in noun.children):
            country = self.place_before(noun)  # "Kharkiv's mayor said forces had shelled the city"
        if country is None:
            return []
        lemma = noun.lemma_.lower()
        military = lemma in _MILITARY_THINGS or any(
            c.lower_ == "military" for c in noun.children if c.dep_ in ("amod", "compound"))
        sector = "CVL" if lemma in _PEOPLE | _CIVILIAN_PLACES else "MIL" if military else None
        return [Mention(text=noun.text, start=noun.idx, end=noun.idx + len(noun.text),
                        code=country + (sector or ""), name=None, kind="generic" if sector else "state",
                        country=country, sector=sector)]

    def place_before(self, noun: Token) -> str | None:
        """The country of the place named last before ``noun``, in its sentence or the two
        before it: what "the city" is."""
        earliest = noun.sent.start
        for _ in range(2):
            if earliest > 0:
                earliest = self.doc[earliest - 1].sent.start
        for t in reversed(self.doc[earliest:noun.i]):
            mention = self.index.by_token.get(t.i)
            if mention is not None and mention.kind == "state" and mention.country:
                return mention.country
            place = self.index.place(t) if mention is None and t.pos_ == "PROPN" and t.ent_type_ not in (
                "PERSON", "NORP") else None  # (the small model takes towns for bodies, too)
            if place is not None and place.country:
                return place.country
        return None

    def vessel_owner(self, noun: Token) -> list[Mention]:
        """Whose ship was hit or seized: "a Greek-owned tanker" is Greek business (``GRCBUS``),
        "merchant ships" and "commercial shipping" are multinational business (``MNC``)."""
        if noun.lemma_.lower() not in _VESSELS:
            return []
        for mod in noun.subtree:
            if mod.i >= noun.i:
                break
            owner = mod.text[:-len("-owned")] if mod.lower_.endswith("-owned") else (
                self.doc[mod.i - 2].text if mod.lower_ == "owned" and mod.i >= 2
                and self.doc[mod.i - 1].text == "-" else None)  # "Greek - owned", as tokenised
            if owner:
                country = self.country_word(owner)
                if country:
                    return [Mention(text=mod.text, start=mod.idx, end=mod.idx + len(mod.text),
                                    code=country + "BUS", name=None, kind="generic",
                                    country=country, sector="BUS")]
            if mod.lower_ in ("merchant", "commercial", "cargo", "container"):
                return [Mention(text=noun.text, start=noun.idx, end=noun.idx + len(noun.text),
                                code="MNC", name=None, kind="generic", country=None, sector="MNC")]
        return []

    def country_entry(self, text: str) -> ActorEntry | None:
        """The lexicon entry of a country adjective or name ("Somali", "South Korean")."""
        if self.actor_lexicon is None:
            return None
        return next((e for e in self.actor_lexicon.lookup(text, self.article.published)
                     if e.source in ("adjective", "country") and e.country), None)

    def country_word(self, text: str) -> str | None:
        """The country a country adjective or name stands for ("Somali" -> SOM)."""
        entry = self.country_entry(text)
        return entry.country if entry is not None else None

    def owner_state(self, head: Token) -> list[Mention]:
        """ "Russian missile strikes", "US sanctions": an event noun a country word modifies is
        that state's act, by its military for force and by its government otherwise."""
        code = self.noun_code(head) if head.pos_ in ("NOUN", "PROPN") else None
        if code is None or self.actor_lexicon is None:
            return []
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        # "Ukrainian drone attacks": the country word may modify the compound before the head
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children
                      if g.dep_ in ("amod", "compound", "poss")]
        for mod in modifiers:
            entry = self.country_entry(mod.text)
            if entry is not None and entry.country:
                sector = "MIL" if code[:2] in _VIOLENT else "GOV"
                return [Mention(text=mod.text, start=mod.idx, end=mod.idx + len(mod.text),
                                code=entry.country + sector, name=entry.name, kind="generic",
                                country=entry.country, sector=sector)]
        return []

    def national(self, head: Token) -> list[Mention]:
        """ "rejected a French proposal", "welcomed the South Korean offer": a thing a country
        word marks as a state's is that state's (its government's, in a political act)."""
        if head.pos_ != "NOUN" or self.actor_lexicon is None:
            return []
        for mod in head.children:
            if mod.dep_ not in ("amod", "compound", "poss"):
                continue
            words = [t for t in mod.subtree if t.dep_ != "case"]
            name = self.doc[words[0].i:words[-1].i + 1].text
            entry = self.country_entry(name)
            if entry is not None and entry.country:
                # "Sudanese hospitals" are its health sector, "a French proposal" its state's
                sector = _THING_SECTORS.get(head.lemma_.lower())
                return [Mention(text=name, start=words[0].idx, end=words[-1].idx + len(words[-1].text),
                                code=entry.country + (sector or ""), name=entry.name,
                                kind="generic" if sector else "state", country=entry.country,
                                sector=sector)]
        return []

    def more_targets(self, verb: Token, code: str, obj: Token | None, target_tok: Token | None,
                     targets: list[Mention], sources: list[Mention]) -> list[Mention]:
        """Targets a rule's slot misses, by the kind of act:

        - an appeal or a demand is addressed to who is to act ("demanded that the army stop
          blocking aid convoys": the army);
        - talks someone hosts or mediates are between their parties ("hosted talks between
          Sudan's army and the RSF");
        - aid and promises of it go to whom they are "for" ("pledged $250 million for Sudan");
        - condolences to "the families of the dead soldiers" go to civilians, not soldiers."""
        if target_tok is not None and target_tok.lemma_.lower() in _KIN | {"family"} \
                and target_tok.i not in self.index.by_token:
            return self.people(target_tok, verb, sources) or targets
        if targets and target_tok is not None and target_tok.pos_ == "NOUN" \
                and (self.noun_code(target_tok) or "")[:2] in _VIOLENT:
            # "condemned the US strikes": the state that struck, by its military
            return [replace(m, code=m.code + "MIL", sector="MIL", kind="generic")
                    if m.kind == "state" and m.sector is None and m.code and len(m.code) == 3
                    else m for m in targets]
        if targets:
            return targets
        if code[:2] in ("02", "10"):
            clause = next((c for c in verb.children if c.dep_ == "ccomp"
                           and c.lemma_.lower() not in REPORTING), None)  # (not "..., X said")
            actor = subject_of(clause)[0] if clause is not None else None
            if actor is not None:
                return self.index.actors(actor)
            if obj is not None and obj.lemma_.lower() in _LEAVING_NOUNS:
                # "demanding the resignation of the home minister": the minister is to go
                leaver = prep_object([obj], "of")
                return self.index.actors(leaver) if leaver is not None else targets
        if code[:2] == "04" and obj is not None:
            between = prep_object([obj], "between")
            if between is not None:
                return self.index.actors(between)
        if code[:2] in ("03", "07"):
            beneficiary = prep_object(([obj] if obj is not None else []) + [verb], "for")
            if beneficiary is not None:
                return self.index.actors(beneficiary)
        if code[:2] in ("17", "18", "19"):
            # "used water cannon to push back protesters": whom the force was used on
            purpose = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp")
                            and c.tag_ == "VB"), None)
            aim = object_of(purpose) if purpose is not None else None
            if aim is not None:
                return self.index.actors(aim)
        return targets

    def facing(self, verb: Token, sources: list[Mention]) -> list[Mention]:
        """Whom a show of force faces: the first other country named where the forces were
        sent ("deployed warships around Taiwan", "massed troops near Ukraine's Sumy region",
        "along its border with China")."""
        own = {m.country for m in sources if m.country}
        obj = object_of(verb)
        for prep in [*verb.children, *(obj.children if obj is not None else ())]:
            if prep.dep_ != "prep":
                continue
            for t in prep.subtree:
                m = self.index.by_token.get(t.i) or (
                    self.index.place(t) if t.pos_ == "PROPN" else None)
                if m is not None and m.country and m.country not in own:
                    return [Mention(text=m.text, start=m.start, end=m.end, code=m.country,
                                    name=m.name, kind="state", country=m.country, sector=None)]
        return []

    def people(self, head: Token, verb: Token, sources: list[Mention]) -> list[Mention]:
        """ "offered condolences to the families of the victims": people a political act is
        addressed to are the civilians of the country they are named with (the soldiers
        whose families they are), else of a place the sentence names, else of the source."""
        of = prep_object([head], "of")
        while of is not None and head.lemma_.lower() in _QUANTITIES:  # "tens of thousands of"
            head, of = of, prep_object([of], "of")
        if head.pos_ != "NOUN" or head.lemma_.lower() not in _PEOPLE | _KIN:
            return []
        inner = next((m for t in head.subtree if t.i != head.i
                      for m in [self.index.by_token.get(t.i)] if m is not None and m.country), None)
        country = inner.country if inner is not None else None
        if country is None:
            country = next((m.country for t in self.sent if t.pos_ == "PROPN"
                            for m in [self.index.place(t)] if m is not None and m.country), None)
        if country is None:
            country = next((m.country for m in sources if m.country), None)
        if country is None:
            return []
        return [Mention(text=head.text, start=head.idx, end=head.idx + len(head.text),
                        code=country + "CVL", name=None, kind="generic", country=country,
                        sector="CVL")]

    def code_adjective(self, n: int, adjective: Token) -> None:
        """ "Villaraza said he was hopeful", "the bloc is deeply concerned about the arrests"."""
        code, origin = self.lex.adjectives[adjective.lower_]
        act = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
        if act is not None and act.lemma_.lower() in self.lex.verbs and self.choose(act) is not None:
            return  # "Tehran was ready to share its findings": the sharing, intended, is the event
        verb = adjective.head
        subj, _ = subject_of(verb)
        sources = self.index.actors(subj) if subj is not None else []
        target_tok = next((prep_object([adjective], p) for p in ("about", "over", "with", "by")
                           if prep_object([adjective], p) is not None), None)
        targets = self.index.actors(target_tok) if target_tok is not None else []
        self.note(adjective, f"rule {origin} -> {code}; source {[m.code for m in sources]}")
        modality = self.modality(verb)
        for s in sources:
            for t in _or_none(targets):
                if t is None or s.code != t.code:
                    self.add(n, adjective.idx, adjective.idx + len(adjective.text), code, s, t,
                             modality)

    def modality(self, verb: Token) -> Modality:
        negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
                      for c in verb.children)  # "did not attack", "would never recognise"
        future = any(c.lower_ in _MODAL_FUTURE and c.dep_ == "aux" for c in verb.children)
        hypothetical = any(c.lower_ in _MODAL_HYPOTHETICAL and c.dep_ == "aux" for c in verb.children)
        attributed: str | None = None
        node = verb
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                    for m in c.children) for c in verb.children)
        if conditional:
            hypothetical = future = True  # "Israel would release prisoners if Hamas frees ..."
        elif any(c.lower_ == "would" and c.dep_ == "aux" for c in verb.children) \
                and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING:
            hypothetical, future = False, True  # "said ministers would meet": reported future
        if (verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX")) or _when_clause(verb) or (
                verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
                    c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)):
            # "would keep targeting ships", "will try to ram": the modal is on the verb the
            # act hangs on, or the first of two verbs that share it ("will reopen the
            # crossings and withdraw heavy weapons")
            outer = self.modality(verb.head)
            future, hypothetical = future or outer.future, hypothetical or outer.hypothetical
        for _ in range(4):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
                hypothetical = True
            head = node.head
            if head.i == node.i:
                break
            lemma = head.lemma_.lower()
            if node.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in _ACCUSING:
                # "accused Moscow of targeting civilians": the accuser's claim
                attributed = attributed or self.code_of(subject_of(head.head)[0])
            if node.dep_ in ("xcomp", "pcomp", "ccomp") and lemma in _DENIALS:
                negated = True
                attributed = attributed or self.code_of(subject_of(head)[0])
            if node.dep_ == "xcomp" and lemma in ("enough", "unable", "too"):
                hypothetical = True  # "were not enough to retake the capital": a capacity
            if node.dep_ == "xcomp" and lemma in ("fail", "refuse", "decline"):
                negated = True  # "the authorities had failed to protect reporters"
            if node.dep_ in ("xcomp", "acl") and lemma in _INTENT:
                future = True  # "plans to sign", and "a plan to sign"
            if node.dep_ == "ccomp" and lemma in REPORTING and (head.i < verb.i or inside_quotation(verb)):
                # "X said Y attacked Z", and anything said inside quotation marks
                attributed = attributed or self.code_of(subject_of(head)[0])
            if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "prep"):
                break
            node = head
        return Modality(negated=negated, hypothetical=hypothetical, future=future,
                        attributed_to=attributed)

    def code_of(self, token: Token | None) -> str | None:
        if token is None:
            return None
        actors = self.index.actors(token)
        return actors[0].code if actors else None

    def add(self, n: int, start: int, end: int, code: str, source: Mention | None,
            target: Mention | None, modality: Modality, noun: bool = False) -> None:
        key = (n, code, source.code if source else None, target.code if target else None, start)
        if key in self.seen:
            return
        self.seen.add(key)
        if target is None and code in _HOSTED and self.lex.cameo and not (
                modality.future or modality.negated):
            return  # a visit or a hosting with no one visited or hosted ("visited the site")
        if code == "074" and self.lex.cameo and (
                target is None or (source is not None and target.country == source.country)):
            return  # protection is given to others: "we will protect our people" is no aid
        if modality.future and code in _INTENT_OF and self.lex.cameo:
            code = _INTENT_OF[code]
        elif modality.future and not modality.negated and code[:2] in _THREAT_OF and self.lex.cameo \
                and source is not None and source.code and modality.attributed_to \
                and modality.attributed_to[:3] == source.code[:3]:
            # force a side says it will use ("we will pursue them", "the group would keep
            # targeting ships", per its spokesman): a threat
            code = _THREAT_OF[code[:2]]
        if code.startswith("171") and source is not None and source.sector in ("CVL", "OPP") \
                and self.lex.cameo:
            code = "145"  # "protesters set fire to a police station": a violent protest
        info = self.lex.info(code)
        if code[:2] not in _STATE_AS_SUCH and code != "062" and self.lex.cameo:
            # military cooperation (062) is the states'; a threat of force (138) is the
            # government's, against the state, and aid sent to a country ("military aid to
            # Ukraine", "will deploy a mission to Somalia") goes to the country; a
            # dictionary's codes are as written
            source = _government(source)
            if not code.startswith(_TO_THE_STATE):
                target = _government(target)
        if self.lex.cameo:
            source, target = _same_country(source, target), _same_country(target, source)
            if source is not None and target is not None and source.code == target.code:
                return  # "Yemen" and "the government" of the same sentence are one actor
        sent = self.sent
        text = doc_text(self.doc)
        slots = "both" if source and target else "source" if source else "target"
        confidence = _CONFIDENCE[slots] - (0.15 if noun else 0.0)
        self.events.append(Event(
            event_id=f"{self.article.id}:{next(self.numbers)}",
            sentence=n,
            evidence=Span(text[sent.start_char:sent.end_char], sent.start_char, sent.end_char),
            trigger=Span(text[start:end], start, end),
            cameo=info.cameo,
            plover=info.plover,
            source=_ref(source),
            target=_ref(target),
            modality=modality,
            confidence=round(confidence, 2),
        ))


# Who acts on people of its own country (police, a government, its courts), and the people
# acted on who carry no country of their own ("Police in Nairobi fired at protesters").
_AUTHORITIES = frozenset({"COP", "GOV", "JUD", "LEG", "SPY"})
_PEOPLE_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "HLH", "AGR", "MED", "REF", "COP"})


def _participle(verb: Token) -> bool:
    """A past participle telling of the noun it follows ("a pact signed in Niamey")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")


def _when_clause(verb: Token) -> bool:
    """A clause of time hung on a verb ("would review it when they meet")."""
    return verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "after", "before", "until")
        for c in verb.children)


def _same_country(m: Mention | None, other: Mention | None) -> Mention | None:
    """A country-less group of people (``CVL``, ``OPP``...) that a country's authorities act
    on, or that acts on them, belongs to that country; so do country-less troops fighting a
    country's rebels."""
    if m is None or other is None or m.country or not other.country or m.code != m.sector:
        return m
    civil_war = m.sector == "MIL" and other.sector in ("REB", "OPP")  # "government troops"
    if not civil_war and (m.sector not in _PEOPLE_SECTORS
                          or not ({m.sector, other.sector} & _AUTHORITIES)):
        return m
    return replace(m, code=other.country + (m.sector or ""), country=other.country)


def _object_words(head: Token | None) -> set[str]:
    """The words an object's noun is matched by: its lemma and form, and what a container or
    kind noun says it holds ("28 trucks of food": food; "air defence systems": defence)."""
    if head is None:
        return set()
    words = {head.lemma_.lower(), head.lower_}
    if head.pos_ == "PROPN" and head.i + 1 < len(head.doc):
        words.add(head.doc[head.i + 1].lower_)  # "the Kerem Shalom crossing", split by the parser
    if head.lemma_.lower() in _KINDS_OF:
        words |= {c.lemma_.lower() for c in head.children if c.dep_ == "compound"}
    if head.lemma_.lower() in _CONTAINERS:
        of = prep_object([head], "of")
        if of is not None:
            words |= {of.lemma_.lower(), of.lower_}
    return words


def _government(m: Mention | None) -> Mention | None:
    """A state named in a political act is its government: "Qatar urged Israel" is QATGOV ->
    ISRGOV. In force and territory ("Russia struck Ukraine") the state stays itself."""
    if m is None or m.kind != "state" or m.sector is not None or not m.code or len(m.code) != 3:
        return m
    return Mention(text=m.text, start=m.start, end=m.end, code=m.code + "GOV", name=m.name,
                   kind=m.kind, country=m.country, sector="GOV")


# Nouns that present something as showing what someone did ("as evidence that X ...").
_EVIDENCE = frozenset({"evidence", "proof", "sign", "indication", "example"})


def claim_subject(verb: Token) -> Token | None:
    """Who a verb's "as evidence that X did ..." is about: the subject of the clause on an
    evidence noun after "as" under the verb (the parser may hang "as" on a clause inside the
    object, so the whole phrase is searched)."""
    for token in verb.subtree:
        if token.lemma_.lower() in _EVIDENCE and token.head.lower_ == "as":
            for clause in token.children:
                if clause.dep_ in ("acl", "ccomp", "relcl"):
                    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")),
                                   None)
                    if subject is not None:
                        return subject
    return None


_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "him", "she", "her",
                       "we", "our", "us", "i", "my", "you", "your", "itself", "themselves"})


def _split_codes(m: Mention) -> list[Mention]:
    """A dictionary actor with several codes ("[FRO/BIL/SAM]") is each of them."""
    if not m.code or "/" not in m.code:
        return [m]
    return [replace(m, code=code) for code in m.code.split("/") if code]


def _after(verb: Token) -> list[Token]:
    """The verb's phrase after the verb: where a dictionary pattern's words are looked for."""
    return [t for t in verb.subtree if t.i > verb.i]


def _in_order(words: tuple[frozenset[str], ...], tokens: Iterable[Token]) -> bool:
    """Whether ``tokens`` hold one word or phrase of each set, in order (see ``match_end``)."""
    return match_end(words, tokens) is not None


def _mentions_any(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether ``text`` holds any of ``phrases`` as whole words, in any case."""
    lowered = " " + " ".join(_WORD.findall(text.lower())) + " "
    return any(f" {p} " in lowered for p in phrases)


_WORD = re.compile(r"[\w'-]+")


def _or_none(actors: list[Mention]) -> list[Mention | None]:
    return list(actors) if actors else [None]


def _ref(m: Mention | None) -> ActorRef | None:
    if m is None:
        return None
    return ActorRef(m.text, m.start, m.end, m.code, m.country, m.sector, m.name)
