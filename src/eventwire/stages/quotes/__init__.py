"""Direct and indirect quotes with their speakers, linked to the events inside them.

Direct quotes are what the quotation marks delimit (``marks``). Each takes its speaker from
the attribution beside it: a speech verb outside the marks in the same sentence, after the
quote when the quote ends in a comma ("...," Power told reporters) or before it
(Churkin said: "..."), else the speech verb or clause the quoted words hang on ("called the
draft 'one-sided'"). A quote with no attribution of its own that opens a paragraph, or that
continues the quotation of the paragraph before, is the previous quote's speaker's.

Indirect quotes are the complements of speech verbs (``lexicons/speech_verbs.tsv``): the
clause after "said (that)", the clause "officials said" follows, the infinitive of "urged X
to", the gerund of "accused X of", the object of "denied", the clause "according to X"
stands in.

The speaker is the verb's subject (the object of "quoted X as saying", whose subject is the
outlet, recorded as ``via``; the object of "according to"), resolved through the actors
stage: the person mention in the subject ("Russia's foreign minister, Sergei Lavrov"),
surnames and pronouns included, gives the full name and code. Events whose trigger lies in a
quote are linked to it, and an event inside a direct quote with no attribution yet is
attributed to the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.lexicons.speech import speech_verbs
from eventwire.records import ActorRef, Article, CodedSpan, Event, Mention, Quote
from eventwire.stages import Found, Resources
from eventwire.stages.grammar import clause_subject, doc_text, entities
from eventwire.stages.quotes.marks import Part, quotation_parts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SENTENCE_END = frozenset({".", "?", "!"})
_SUBJECTS = ("nsubj", "nsubjpass")
_PERSONAL = frozenset({"he", "she"})
_PRONOUNS = _PERSONAL | {"it", "they", "we"}
# How far back (in paragraphs) an unattributed quote looks for the speaker it continues.
_RUN_PARAGRAPHS = 2


@dataclass(frozen=True)
class Attribution:
    cue: str
    speaker: CodedSpan | None
    via: CodedSpan | None = None


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The quotes stage's entry point (see the module docstring)."""
    finder = _Finder(doc, found.mentions)
    quotes = finder.direct() + finder.indirect()
    quotes.sort(key=lambda q: (q.start, q.kind))
    quotes = finder.resolve_pronouns(quotes)
    quotes, events = _link_events(quotes, found.events)
    events += _implied_accusations(quotes, events, resources, article.id)
    return replace(found, quotes=tuple(quotes), events=tuple(events))


class _Finder:
    def __init__(self, doc: Doc, mentions: tuple[Mention, ...]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.parts = quotation_parts(self.text)
        self.quoted = [False] * len(doc)  # token -> inside a direct quotation (marks included)
        for part in self.parts:
            span = doc.char_span(part.open, part.outer_end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.quoted[t.i] = True
        self.verbs = speech_verbs()

    # ---- direct quotes -------------------------------------------------------------------

    def direct(self) -> list[Quote]:
        quotes: list[Quote] = []
        found: list[Attribution | None] = [self.attribution(p) for p in self.parts]
        # A quotation running over paragraphs has one speaker, whichever part names it.
        for i in range(len(self.parts) - 1, 0, -1):
            if self.parts[i].continues and found[i - 1] is None:
                found[i - 1] = found[i]
        for i, part in enumerate(self.parts):
            attribution = found[i]
            if attribution is None and i:
                earlier = self.parts[i - 1]
                gap = part.paragraph - earlier.paragraph
                if gap == 0 or ((part.continues or self._opens_paragraph(part))
                                and gap <= _RUN_PARAGRAPHS):
                    attribution = found[i - 1]
                    found[i] = attribution
            quotes.append(Quote(
                kind="direct", text=self.text[part.start:part.end], start=part.start,
                end=part.end, cue=attribution.cue if attribution else None,
                speaker=attribution.speaker if attribution else None,
                via=attribution.via if attribution else None))
        return quotes

    def _opens_paragraph(self, part: Part) -> bool:
        line_start = self.text.rfind("\n", 0, part.open) + 1
        return not self.text[line_start:part.open].strip()

    def attribution(self, part: Part) -> Attribution | None:
        """The speech verb beside a quote, or the one its words hang on."""
        tokens = self.doc.char_span(part.start, part.end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            return None
        opening = self.doc.char_span(part.open, part.open + 1, alignment_mode="expand")
        closing = self.doc.char_span(part.outer_end - 1, part.outer_end, alignment_mode="expand")
        before = self._frame(opening.start - 1 if opening is not None else tokens.start - 1, -1)
        after = self._frame(closing.end if closing is not None and part.close is not None
                            else tokens.end, 1)
        ends_open = self.text[part.end:part.outer_end].strip(" \"\u201d") in (",", "") and \
            self.text[part.start:part.outer_end].rstrip(" \"\u201d").endswith((",", "?", "!"))
        order = (after, before) if ends_open or not _ends_with(before, (":", ",")) else (before, after)
        for window in order:
            verb = next((t for t in window if self._is_speech(t)), None)
            if verb is not None:
                return self.attribute(verb)
        return self._governing(tokens)

    def _frame(self, i: int, step: int) -> list[Token]:
        """The words outside quotation marks next to a quote, from token ``i`` on, up to the
        sentence's end, the paragraph's end or another quote (nearest first)."""
        out: list[Token] = []
        while 0 <= i < len(self.doc):
            t = self.doc[i]
            if "\n" in t.text or self.quoted[i] or (step < 0 and t.text in _SENTENCE_END):
                break
            out.append(t)
            if step > 0 and t.text in _SENTENCE_END:
                break
            i += step
        return out

    def _governing(self, tokens: Span) -> Attribution | None:
        """For a quote inside a sentence: the speech verb above it, else the verb whose clause
        it is part of ("called the plan 'a betrayal'")."""
        root = tokens.root
        node = root.head
        if node.i == root.i or self.quoted[node.i]:
            return None
        first_verb: Token | None = None
        for _ in range(8):
            if self._is_speech(node):
                return self.attribute(node)
            if first_verb is None and node.pos_ in ("VERB", "AUX"):
                first_verb = node
            if node.head.i == node.i:
                break
            node = node.head
        if first_verb is None:
            return None
        subject = clause_subject(first_verb)
        return Attribution(first_verb.text, self.coded(subject)) if subject is not None else None

    def _is_speech(self, token: Token) -> bool:
        if self.quoted[token.i]:
            return False
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            return True
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.verbs

    # ---- the speaker ---------------------------------------------------------------------

    def attribute(self, verb: Token) -> Attribution:
        """Cue, speaker and outlet of a speech verb."""
        if verb.lower_ == "according":
            to = next(c for c in verb.children if c.lower_ == "to")
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            return Attribution("according to", self.coded(obj))
        quoting = self._quoting_verb(verb)
        if quoting is not None:  # "the agency quoted X as saying" / "X was quoted as saying"
            subject = _child(quoting, "nsubj")
            speaker = _child(quoting, "dobj") or _child(quoting, "nsubjpass")
            if speaker is None:
                return Attribution("quoted ... as saying", None, self.coded(subject))
            agent = _child(quoting, "agent")
            outlet = subject if subject is not None else (
                _child(agent, "pobj") if agent is not None else None)
            return Attribution("quoted ... as saying", self.coded(speaker), self.coded(outlet))
        return Attribution(verb.text, self.coded(_subject(verb)))

    @staticmethod
    def _quoting_verb(verb: Token) -> Token | None:
        if verb.lemma_.lower() == "quote":
            return verb
        head = verb.head
        if verb.dep_ in ("pcomp", "pobj") and head.lower_ == "as" and head.head.lemma_.lower() == "quote":
            return head.head
        return None

    def coded(self, token: Token | None) -> CodedSpan | None:
        """The speaker a subject stands for: the person it names if any, else the actor it
        names, else its own words, uncoded."""
        if token is None:
            return None
        lo, hi = _noun_phrase(token)
        start, end = self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        covering = [m for m in self.mentions if m.start <= token.idx < m.end]
        person = next((m for m in covering + inside if m.kind == "person"), None)
        best = person or next(iter(covering), None) or next(iter(inside), None)
        if best is None:
            return self._named_person(lo, hi) or CodedSpan(self.text[start:end], start, end)
        code = best.code
        if best.kind == "state" and code is not None and len(code) == 3:
            code += "GOV"  # a state that speaks is its government ("Norway urged ...")
        return CodedSpan(best.text, best.start, best.end, code, best.name)

    def _named_person(self, lo: int, hi: int) -> CodedSpan | None:
        """A person the actors stage could not code ("Harbour master Ines Carvalho"): the
        name the parser tags, a surname widened to the full name given earlier."""
        person = next((e for e in entities(self.doc)
                       if e.label_ == "PERSON" and lo <= e.start and e.end - 1 <= hi), None)
        if person is None:
            return None
        name = person.text
        if len(person) == 1:
            earlier = [e for e in entities(self.doc) if e.label_ == "PERSON" and e.end <= person.start
                       and len(e) > 1 and e[-1].text == person.text]
            if earlier:
                name = earlier[0].text
        return CodedSpan(person.text, person.start_char, person.end_char, None, name)

    def resolve_pronouns(self, quotes: list[Quote]) -> list[Quote]:
        """A speaker left as a bare pronoun ("it said", "she added") is the previous quote's
        speaker of the same kind, else the last actor of that kind named before it."""
        out: list[Quote] = []
        previous: CodedSpan | None = None
        for q in quotes:
            speaker = q.speaker
            if speaker is not None and speaker.code is None and speaker.text.lower() in _PRONOUNS:
                personal = speaker.text.lower() in _PERSONAL
                if previous is not None and previous.code is not None \
                        and (previous.name is not None) == personal and self._near(previous, speaker):
                    resolved: CodedSpan | None = previous
                else:
                    resolved = self._antecedent(speaker, personal)
                if resolved is not None:
                    speaker = replace(resolved, text=speaker.text, start=speaker.start, end=speaker.end)
                    q = replace(q, speaker=speaker)
            if speaker is not None and speaker.code is not None:
                previous = speaker
            out.append(q)
        return out

    def _near(self, earlier: CodedSpan, later: CodedSpan) -> bool:
        return self.text.count("\n", earlier.start, later.start) <= _RUN_PARAGRAPHS

    def _antecedent(self, pronoun: CodedSpan, personal: bool) -> CodedSpan | None:
        """The last person (for he/she), or the last coded actor that was a subject (for
        it/they), named in the pronoun's paragraph or the one before."""
        floor = self.text.rfind("\n", 0, self.text.rfind("\n", 0, pronoun.start)) + 1
        for m in reversed(self.mentions):
            if m.end > pronoun.start or m.code is None:
                continue
            if m.start < floor:
                break
            if personal and m.kind == "person":
                return CodedSpan(m.text, m.start, m.end, m.code, m.name)
            if not personal and m.kind != "person" and m.text.lower() not in _PRONOUNS:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and span.root.dep_ in _SUBJECTS:
                    code = m.code + "GOV" if m.kind == "state" and len(m.code) == 3 else m.code
                    return CodedSpan(m.text, m.start, m.end, code, m.name)
        return None

    # ---- indirect speech -----------------------------------------------------------------

    def indirect(self) -> list[Quote]:
        quotes: dict[tuple[int, int], Quote] = {}
        for verb in self.doc:
            if not self._is_speech(verb):
                continue
            content = self._content(verb)
            if content is None:
                continue
            lo, hi = content
            start, end = self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])
            if (start, end) in quotes or self._mostly_quoted(lo, hi):
                continue
            attribution = self.attribute(verb)
            quotes[(start, end)] = Quote(
                kind="indirect", text=self.text[start:end], start=start, end=end,
                cue=attribution.cue, speaker=attribution.speaker, via=attribution.via)
        return list(quotes.values())

    def _content(self, verb: Token) -> tuple[int, int] | None:
        """First and last token of what a speech verb reports."""
        if verb.lower_ == "according":
            clause = verb.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            if clause.pos_ not in ("VERB", "AUX"):
                return None
            return _trim([t for t in clause.subtree if not verb.left_edge.i <= t.i <= verb.right_edge.i])
        shapes = self.verbs.get(verb.lemma_.lower(), frozenset())
        quoting = self._quoting_verb(verb)
        if quoting is not None and verb.i == quoting.i:
            return None  # the content hangs on "saying"
        if "clause" in shapes:
            complement = _child(verb, "ccomp")
            if complement is not None:
                return _trim(list(complement.subtree))
        if "to" in shapes:
            infinitive = _child(verb, "xcomp") or next(
                (x for c in verb.children if c.dep_ in ("dobj", "prep")
                 for x in c.subtree if x.dep_ == "xcomp"), None)
            if infinitive is not None and any(c.lower_ == "to" for c in infinitive.children):
                return _trim(list(infinitive.subtree))
        if "of" in shapes:
            obj = _child(verb, "dobj")
            for prep in [*verb.children, *(obj.children if obj is not None else ())]:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    gerund = _child(prep, "pcomp")
                    if gerund is not None:
                        return _trim(list(gerund.subtree))
        if "object" in shapes:
            obj = _child(verb, "dobj") or _child(verb, "xcomp")
            if obj is not None:
                return _trim(list(obj.subtree))
        if "after" in shapes and verb.i > verb.sent.start:
            return self._preceding_clause(verb)
        return None

    def _preceding_clause(self, verb: Token) -> tuple[int, int] | None:
        """The clause a trailing attribution follows: "The port was shelled, officials said."
        (the parser makes "said" the root with the clause before it, or a parataxis of it)."""
        if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i < verb.i:
            head = verb.head
            tokens = [t for t in head.subtree if not verb.left_edge.i <= t.i <= verb.right_edge.i]
            return _trim([t for t in tokens if t.i < verb.left_edge.i])
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i),
                      None)
        if clause is not None:
            return _trim(list(clause.subtree))
        return None

    def _mostly_quoted(self, lo: int, hi: int) -> bool:
        """Whether the reported content is a direct quote (then it is one, not two)."""
        words = [i for i in range(lo, hi + 1) if not self.doc[i].is_punct]
        return not words or sum(self.quoted[i] for i in words) >= 0.8 * len(words)


def _trim(tokens: list[Token]) -> tuple[int, int] | None:
    """First and last token of a content stretch, without a leading "that"/"to", surrounding
    punctuation or a trailing conjunction."""
    if not tokens:
        return None
    ids = sorted(t.i for t in tokens)
    doc = tokens[0].doc
    lo, hi = ids[0], ids[-1]
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space
                        or (doc[lo].lower_ in ("that", "to") and doc[lo].dep_ in ("mark", "aux"))):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc") \
            and doc[hi].text not in ("?", "!"):
        hi -= 1
    if hi - lo < 1:
        return None
    return lo, hi


def _noun_phrase(token: Token) -> tuple[int, int]:
    """The subject's words: the noun with what precedes it and any apposition after it, not
    relative clauses or trailing prepositional phrases."""
    lo = token.left_edge.i
    hi = token.i
    for child in token.rights:
        if child.dep_ == "appos" or (child.dep_ == "punct" and child.i == hi + 1):
            hi = max(hi, child.right_edge.i if child.dep_ == "appos" else hi)
    while hi > token.i and token.doc[hi].is_punct:
        hi -= 1
    return lo, hi


def _subject(verb: Token) -> Token | None:
    """Who speaks: the verb's subject, the shared subject of conjoined verbs ("accused Kyiv
    of ... and warned"), or the subject of the clause a participle hangs on ("..., saying")."""
    node = verb
    for _ in range(4):
        subject = _child(node, "nsubj") or _child(node, "nsubjpass")
        if subject is not None:
            return subject
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    subject = clause_subject(verb)
    if subject is None and verb.dep_ == "ROOT":
        # a subject the parser hung elsewhere: "..., Ambassador Vitaly Churkin said:" and
        # the inverted "..., said Churkin."
        for near in (verb.nbor(-1) if verb.i else None,
                     verb.nbor(1) if verb.i + 1 < len(verb.doc) else None):
            if near is not None and near.pos_ in ("PROPN", "NOUN", "PRON"):
                return near
    return subject


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _ends_with(window: list[Token], marks: tuple[str, ...]) -> bool:
    return bool(window) and window[0].text in marks


def _link_events(quotes: list[Quote], events: tuple[Event, ...]) -> tuple[list[Quote], list[Event]]:
    """Each quote lists the events triggered inside it; an event inside a direct quote with no
    attribution yet is attributed to the quote's speaker."""
    linked = []
    updated = {e.event_id: e for e in events}
    for q in quotes:
        inside = [e for e in events if q.start <= e.trigger.start < q.end]
        linked.append(replace(q, events=tuple(e.event_id for e in inside)))
        if q.kind != "direct" or q.speaker is None or q.speaker.code is None:
            continue
        for e in inside:
            current = updated[e.event_id]
            if current.modality.attributed_to is None:
                modality = replace(current.modality, attributed_to=q.speaker.code)
                updated[e.event_id] = replace(current, modality=modality)
    return linked, [updated[e.event_id] for e in events]


# Roots of cooperation (03-08): helping an armed group is what a speaker accuses someone of.
_COOPERATION = frozenset({"03", "04", "05", "06", "07", "08"})
_ARMED = ("REB", "INS", "TER", "UAF")


def _armed_group(ref: ActorRef | None) -> bool:
    return ref is not None and ref.code is not None and (
        ref.code.startswith("IMG") or any(ref.code.endswith(s) for s in _ARMED))


def _implied_accusations(quotes: list[Quote], events: list[Event], resources: Resources,
                         article_id: str) -> list[Event]:
    """A speaker who says, in their own words, that another state or body supports an armed
    group accuses it: "the White House is defending Islamic State" in a Russian spokeswoman's
    quote is also ACCUSE (112) by her government on the White House's."""
    numbers = [int(e.event_id.rsplit(":", 1)[1]) for e in events
               if e.event_id.rsplit(":", 1)[-1].isdigit()]
    next_number = max(numbers, default=0) + 1
    info = resources.event_lexicon.info("112")
    out: list[Event] = []
    for q in quotes:
        if q.kind != "direct" or q.speaker is None or q.speaker.code is None:
            continue
        for e in events:
            if e.event_id not in q.events or e.cameo.root not in _COOPERATION:
                continue
            if e.source is None or e.source.code is None or not _armed_group(e.target):
                continue
            if e.source.code[:3] == q.speaker.code[:3]:
                continue  # one's own side helping is no accusation
            speaker = ActorRef(q.speaker.text, q.speaker.start, q.speaker.end, q.speaker.code,
                               q.speaker.code[:3], q.speaker.code[3:] or None, q.speaker.name)
            out.append(replace(e, event_id=f"{article_id}:{next_number}", cameo=info.cameo,
                               plover=info.plover, source=speaker, target=e.source,
                               modality=replace(e.modality, attributed_to=None),
                               confidence=round(e.confidence * 0.8, 2)))
            next_number += 1
    return out
