"""Readers for TABARI/PETRARCH-format dictionaries: verbs, actors, agents and discards.

The formats, as PETRARCH's manual and its validation dictionaries use them:

- Comments run from ``#`` to the end of a line; ``<!-- ... -->`` blocks may span lines.
- **Verbs.** A synset is ``&NAME`` followed by ``+WORD`` lines. A verb block starts with a
  header ``--- VERB [CODE] ---`` (``[---]``: no code of its own), then the verb's lines:
  ``VERB {FORM FORM}`` gives irregular forms, ``+PHRASE {FORMS}`` a multi-word verb, and
  ``- PATTERN [CODE]`` a pattern: words before and after ``*`` (the verb), ``_`` joining words
  that must be adjacent, ``$``/``+`` the source/target slots, ``%`` a compound actor,
  ``&SYNSET`` a synset reference. Codes may be ``[---]``, letters-suffixed (``[075A]``) or
  paired (``[013:012]``).
- **Actors.** ``NAME [CODE]`` or ``NAME`` followed by indented code lines; ``+ALIAS`` lines
  add names; a code may be restricted by date: ``[CODE <950601]`` (before that day),
  ``[CODE >990816]`` (from that day on), ``[CODE 19950601 - 19990815]`` (both days included),
  so that consecutive restrictions tile the calendar as the validation dictionary writes them.
  Dates are ``YYMMDD`` (years 00-29 are 20xx) or ``YYYYMMDD``.
- **Agents.** ``!SET! = A, B`` defines a substitution set; ``NAME {PLURALS} [~CODE]`` an agent
  (``{}``: no plural; without braces the plural is the regular English one); ``!SET!``
  inside a name stands for each member.
- **Discards.** One phrase per line; ``+`` marks a story-level discard.

Every parse error names the file, the line and what was expected. Underscores in names are
kept as written; ``words()`` gives the spaced form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from eventwire.errors import InputError

_COMMENT = re.compile(r"<!--.*?-->", re.S)
# "--- VERB [CODE] ---"; a second code block and a missing closing "---" (when a comment
# took it) are tolerated, as PETRARCH tolerates them.
_HEADER = re.compile(r"^---\s+(.+?)\s+\[([^\]]*)\]\s*((?:\[[^\]]*\]\s*)*)(?:---)?\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")


class DictionaryError(InputError):
    """A line of a dictionary file cannot be read."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path, self.line, self.problem = path, line, problem
        super().__init__(f"{path} line {line}: {problem}")


def words(name: str) -> str:
    """A dictionary name as text: underscores become spaces."""
    return " ".join(name.replace("_", " ").split())


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, content without comments) for the non-blank lines of a file; line
    numbers survive the removal of multi-line comments."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read the dictionary {path}: {exc}") from exc
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        content = _uncomment(raw)
        if content.strip():
            out.append((number, content))
    return out


def _uncomment(line: str) -> str:
    """The line up to its comment: a "#" outside square brackets ("[###]" is a code)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


# ---- verbs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """``- BEFORE * AFTER [CODE]``: the words around the verb, as written."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    star: str = "*"  # "_*", "*_" or "_*_" when the verb is joined to its neighbour
    line: int = field(default=0, compare=False)

    @property
    def text(self) -> str:
        return " ".join([*self.before, self.star, *self.after]).replace(" _", "_").replace("_ ", "_")


@dataclass(frozen=True)
class VerbForm:
    """A verb (or ``+``-marked phrase) and its irregular forms."""

    phrase: str
    forms: tuple[str, ...] = ()
    compound: bool = False  # a "+PHRASE" line: a multi-word verb
    code: str | None = None  # "PHRASE [CODE]": the phrase codes on its own


@dataclass
class VerbBlock:
    verb: str
    code: str | None
    forms: list[VerbForm] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    other_codes: tuple[str, ...] = ()  # a header's further code blocks


@dataclass
class VerbDictionary:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)


def _code(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "---") else value


def _split_pattern(body: str) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """Words before the ``*`` of a pattern, the star with its joins, and the words after."""
    spaced = re.sub(r"_?\*_?", lambda m: f" {m.group()} ", body)
    tokens = spaced.split()
    star = next((i for i, t in enumerate(tokens) if "*" in t), None)
    if star is None:
        return None
    return tuple(tokens[:star]), tokens[star], tuple(tokens[star + 1:])


def read_verbs(path: str | Path) -> VerbDictionary:
    """A verb dictionary: its synsets and its verb blocks with their patterns."""
    path = Path(path)
    d = VerbDictionary()
    block: VerbBlock | None = None
    synset: str | None = None
    for number, line in _lines(path):
        stripped = line.strip()
        if stripped.startswith("---"):
            m = _HEADER.match(stripped)
            if m is None:
                raise DictionaryError(str(path), number, "expected a verb header '--- VERB [CODE] ---'")
            block = VerbBlock(m.group(1), _code(m.group(2)), line=number,
                              other_codes=tuple(c for c in map(_code, _CODE.findall(m.group(3))) if c))
            d.blocks.append(block)
            synset = None
        elif stripped.startswith("&") and " " not in stripped:
            synset = stripped
            d.synsets[synset] = []
        elif stripped.startswith("+") and synset is not None:
            d.synsets[synset].append(stripped[1:].strip())
        elif stripped.startswith("-"):
            if block is None:
                raise DictionaryError(str(path), number, "a pattern before any '--- VERB [CODE] ---' header")
            m = _CODE.search(stripped)
            if m is None:
                raise DictionaryError(str(path), number, "expected a pattern code such as [112]")
            parts = _split_pattern(stripped[1:m.start()])
            if parts is None:
                raise DictionaryError(str(path), number, "expected '*' (the verb) in the pattern")
            block.patterns.append(Pattern(parts[0], parts[2], _code(m.group(1)), parts[1], number))
            synset = None
        else:
            if block is None:
                raise DictionaryError(str(path), number,
                                      "expected a synset '&NAME', its '+WORD' lines or a verb header")
            synset = None
            m = re.match(r"^(\+?)([^{\[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$", stripped)
            if m is None:
                raise DictionaryError(str(path), number, "expected 'VERB {FORMS}' or '+PHRASE {FORMS}'")
            forms = tuple(f.lstrip("+") for f in (m.group(3) or "").split())
            code = _code(m.group(4)) if m.group(4) is not None else None
            block.forms.append(VerbForm(m.group(2), forms, bool(m.group(1)), code))
    return d


# ---- actors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatedCode:
    """A code, valid from ``start`` and/or until ``end`` (inclusive) when they are given."""

    code: str | None
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class ActorDef:
    names: list[str]
    codes: list[DatedCode] = field(default_factory=list)
    line: int = field(default=0, compare=False)

    def code_on(self, day: date | None) -> str | None:
        """The code for an article of this date: a restricted code that holds, else the
        unrestricted one."""
        dated = [c for c in self.codes if (c.start or c.end) and day is not None and c.valid_on(day)]
        if dated:
            return dated[0].code
        plain = [c for c in self.codes if not (c.start or c.end)]
        return plain[0].code if plain else None


def parse_date(text: str) -> date:
    """``YYMMDD`` (years 00-29 are 20xx) or ``YYYYMMDD``."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(text)
    if len(text) == 6:
        yy = int(text[:2])
        return date(2000 + yy if yy < 30 else 1900 + yy, int(text[2:4]), int(text[4:6]))
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _dated_code(body: str, path: Path, number: int) -> DatedCode:
    m = re.fullmatch(r"\s*(\S+)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*", body)
    if m is None:
        raise DictionaryError(str(path), number,
                              "expected [CODE], [CODE <DATE], [CODE >DATE] or [CODE DATE - DATE]")
    try:
        if m.group(2) == "<":  # strictly before: the day itself belongs to what follows
            return DatedCode(_code(m.group(1)), None, parse_date(m.group(3)) - timedelta(days=1))
        if m.group(2) == ">":
            return DatedCode(_code(m.group(1)), parse_date(m.group(3)), None)
        if m.group(4):
            return DatedCode(_code(m.group(1)), parse_date(m.group(4)), parse_date(m.group(5)))
    except ValueError:
        raise DictionaryError(str(path), number, "expected dates as YYMMDD or YYYYMMDD") from None
    return DatedCode(_code(m.group(1)))


def read_actors(path: str | Path) -> list[ActorDef]:
    """An actor dictionary: each actor's names (first the main one) and dated codes."""
    path = Path(path)
    actors: list[ActorDef] = []
    for number, line in _lines(path):
        stripped = line.strip()
        if stripped.startswith("["):
            if not actors:
                raise DictionaryError(str(path), number, "a code line before any actor name")
            for body in _CODE.findall(stripped):
                actors[-1].codes.append(_dated_code(body, path, number))
        elif stripped.startswith("+"):
            if not actors:
                raise DictionaryError(str(path), number, "an alias '+NAME' before any actor name")
            actors[-1].names.append(stripped[1:].strip())
        else:
            m = re.fullmatch(r"([^\[\]]+?)\s*((?:\[[^\]]*\]\s*)*)", stripped)
            if m is None:
                raise DictionaryError(str(path), number, "expected 'NAME [CODE]'")
            actor = ActorDef([m.group(1).strip()], line=number)
            for body in _CODE.findall(m.group(2)):
                actor.codes.append(_dated_code(body, path, number))
            actors.append(actor)
    return actors


# ---- agents -------------------------------------------------------------------------------


@dataclass
class AgentDef:
    name: str  # as written, substitution markers included
    plurals: tuple[str, ...] | None  # None: the regular plural; (): no plural
    code: str
    line: int = field(default=0, compare=False)


@dataclass
class AgentDictionary:
    substitutions: dict[str, list[str]] = field(default_factory=dict)
    agents: list[AgentDef] = field(default_factory=list)

    def expanded(self, agent: AgentDef) -> list[str]:
        """The names an agent stands for, each substitution marker replaced by each member."""
        names = [agent.name]
        for marker, members in self.substitutions.items():
            names = [n.replace(marker, m) for n in names for m in members] if any(
                marker in n for n in names) else names
        return names


def plural(word: str) -> str:
    """The regular English plural of a dictionary name's last word."""
    head, _, last = word.rpartition("_")
    if re.search(r"(s|x|z|ch|sh)$", last, re.I):
        last += "ES"
    elif re.search(r"[^aeiou]y$", last, re.I):
        last = last[:-1] + "IES"
    else:
        last += "S"
    return f"{head}_{last}" if head else last


def read_agents(path: str | Path) -> AgentDictionary:
    path = Path(path)
    d = AgentDictionary()
    for number, line in _lines(path):
        stripped = line.strip()
        m = re.fullmatch(r"(![A-Za-z0-9_]+!)\s*=\s*(.+)", stripped)
        if m:
            d.substitutions[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.fullmatch(r"(.+?)\s*(?:\{([^}]*)\})?\s*\[(~?[^\]]*)\]", stripped)
        if m is None:
            raise DictionaryError(str(path), number, "expected 'NAME {PLURALS} [~CODE]' or '!SET! = A, B'")
        plurals = None if m.group(2) is None else tuple(m.group(2).split())
        d.agents.append(AgentDef(m.group(1).strip(), plurals, m.group(3).strip(), number))
    return d


# ---- discards -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Discard:
    phrase: str
    story: bool  # the whole story is discarded, not only the sentence


def read_discards(path: str | Path) -> list[Discard]:
    path = Path(path)
    out = []
    for _, line in _lines(path):
        stripped = line.strip()
        story = stripped.startswith("+")
        out.append(Discard(stripped.lstrip("+").strip(), story))
    return out


# ---- writing back (round trips in tests, and for users who edit dictionaries here) ---------


def write_verbs(d: VerbDictionary) -> str:
    lines = []
    for name, members in d.synsets.items():
        lines += [name, *(f"+{m}" for m in members), ""]
    for b in d.blocks:
        extra = "".join(f" [{c}]" for c in b.other_codes)
        lines.append(f"--- {b.verb} [{b.code or '---'}]{extra} ---")
        for f in b.forms:
            forms = f" {{{' '.join(f.forms)}}}" if f.forms else ""
            code = f" [{f.code}]" if f.code else ""
            lines.append(f"{'+' if f.compound else ''}{f.phrase}{forms}{code}")
        for p in b.patterns:
            lines.append(f"- {' '.join([*p.before, p.star, *p.after])} [{p.code or '---'}]")
        lines.append("")
    return "\n".join(lines) + "\n"


def write_actors(actors: list[ActorDef]) -> str:
    def code(c: DatedCode) -> str:
        value = c.code or "---"
        if c.start and c.end:
            return f"[{value} {c.start:%Y%m%d} - {c.end:%Y%m%d}]"
        if c.end:
            return f"[{value} <{c.end + timedelta(days=1):%Y%m%d}]"
        if c.start:
            return f"[{value} >{c.start:%Y%m%d}]"
        return f"[{value}]"

    lines = []
    for a in actors:
        lines.append(a.names[0])
        lines += [f"+{n}" for n in a.names[1:]]
        lines += [f"\t{code(c)}" for c in a.codes]
    return "\n".join(lines) + "\n"
