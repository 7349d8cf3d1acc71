"""The quotes stage on short original passages: the marks, the speakers, indirect speech."""

from __future__ import annotations

from eventwire.stages.quotes.marks import quotation_parts


def direct(result):
    return [q for q in result.quotes if q.kind == "direct"]


def indirect(result):
    return [q for q in result.quotes if q.kind == "indirect"]


def who(q):
    return (q.speaker.name or q.speaker.text) if q.speaker else None


def test_marks_pair_per_paragraph_and_runs_continue():
    text = ('"We will stay," Okafor said, "until the wells are dug."\n'
            '"The first part runs on\n'
            '"and closes here."\n'
            'She said: \u201cthe \u2018old\u2019 plan is dead.\u201d')
    parts = quotation_parts(text)
    quoted = [text[p.start:p.end] for p in parts]
    assert quoted == ["We will stay", "until the wells are dug", "The first part runs on",
                      "and closes here", "the \u2018old\u2019 plan is dead"]
    assert [p.continues for p in parts] == [False, False, False, True, False]
    assert parts[2].close is None  # the paragraph ended with the quotation still open


def test_speaker_after_and_before_the_quote_and_split_quotes(code):
    r = code('Interior Minister Halima Osei visited the border post on Monday.\n'
             '"The crossing will reopen," Osei told reporters, "but only for aid convoys."\n'
             'Her deputy, Kwame Adjei, said: "We have asked for more inspectors."')
    quotes = direct(r)
    assert [q.text for q in quotes] == ["The crossing will reopen", "but only for aid convoys",
                                        "We have asked for more inspectors"]
    assert [who(q) for q in quotes] == ["Halima Osei", "Halima Osei", "Kwame Adjei"]
    assert quotes[0].cue == "told"


def test_a_run_of_quoted_paragraphs_keeps_its_speaker(code):
    r = code('Harbour master Ines Carvalho described the night of the storm.\n'
             '"The first wave took the breakwater," Carvalho said.\n'
             '"By midnight the fuel jetty was gone too."\n'
             '"Nobody here has seen anything like it."')
    assert [who(q) for q in direct(r)] == ["Ines Carvalho"] * 3


def test_outlet_that_quoted_the_speaker_is_recorded_as_via(code):
    r = code('The Lakeside Courier newspaper quoted Foreign Minister Tomas Brandt as saying '
             '"the embassy will stay open."')
    q = direct(r)[0]
    assert who(q) == "Tomas Brandt" and q.cue == "quoted ... as saying"
    assert q.via is not None and "Lakeside Courier" in q.via.text


def test_pronoun_and_organisation_speakers(code):
    r = code("Germany's foreign ministry summoned the envoy on Friday.\n"
             'It said the decision was "final and not open to discussion."\n'
             "Nigeria urged both sides to return to the table.")
    quoted = direct(r)[0]
    assert quoted.text == "final and not open to discussion"
    assert quoted.speaker is not None and quoted.speaker.code == "DEUGOV"
    urge = next(q for q in indirect(r) if q.cue == "urged")
    # a state that speaks is its government
    assert urge.text == "return to the table" and urge.speaker.code == "NGAGOV"


def test_indirect_speech_shapes(code):
    r = code("Police said that two suspects had been arrested near the market. "
             "The dam was damaged overnight, officials said. "
             "The opposition accused the governor of rigging the count. "
             "The army denied that its units had fired on the crowd.")
    texts = {q.cue: q.text for q in indirect(r)}
    assert texts["said"] in ("two suspects had been arrested near the market",
                             "The dam was damaged overnight")
    assert {q.text for q in indirect(r)} >= {"two suspects had been arrested near the market",
                                              "The dam was damaged overnight",
                                              "rigging the count", "its units had fired on the crowd"}


def test_a_quote_without_any_attribution_has_no_speaker(code):
    r = code('Protesters marched through the old town on Sunday. One banner read "No more '
             'curfews" in large red letters.')
    q = direct(r)[0]
    assert q.text == "No more curfews"
    assert q.speaker is None or q.speaker.code is None


def test_events_inside_a_direct_quote_are_linked_and_attributed(code):
    r = code('Armenia\'s army spokesman, Colonel Arman Petrosyan, spoke in Yerevan.\n'
             '"Azerbaijan shelled our villages again last night," Petrosyan said.')
    q = direct(r)[0]
    assert who(q) == "Arman Petrosyan"
    linked = [e for e in r.events if e.event_id in q.events]
    assert linked, [e.trigger.text for e in r.events]
    assert all(e.modality.attributed_to == q.speaker.code for e in linked)


def test_saying_another_state_backs_an_armed_group_is_an_accusation(code):
    r = code("Iran's foreign ministry spokesman, Reza Karimi, spoke in Tehran.\n"
             '"Washington is defending Islamic State," Karimi told reporters.')
    accusation = [e for e in r.events if e.cameo.code == "112"]
    assert [(e.source.code, e.target.code) for e in accusation] == [("IRNGOV", "USAGOV")]
    narrated = code("The United States has backed some rebel groups in Syria.")  # no speaker
    assert any(e.cameo.root == "05" for e in narrated.events)
    assert not any(e.cameo.code == "112" for e in narrated.events)
