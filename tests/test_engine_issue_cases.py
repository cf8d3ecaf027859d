"""Every case of issue 8 ("Right speaker, right words on real news pages"), each in
sentences written for this test (not taken from the real pages): who speaks, how the
speaker was found, which words are theirs, which cues are no attribution, and the type
of an unnamed source."""

from __future__ import annotations

import pytest

import attrib
from attrib import Resolution, SourceType, Statement
from attrib.render.provenance import provenance

CHECKER = attrib.Checker()


def statements(text: str) -> tuple[Statement, ...]:
    return CHECKER.extract(text)


def at_cue(text: str, cue: str, occurrence: int = 1) -> Statement:
    """The statement whose cue covers the ``occurrence``-th ``cue`` in ``text``."""
    pos = -1
    for _ in range(occurrence):
        pos = text.index(cue, pos + 1)
    found = [st for st in statements(text) if st.cue.start <= pos < st.cue.end]
    assert found, f"no statement at {cue!r}: {[(s.cue_text, s.source.text) for s in statements(text)]}"
    return found[0]


def content(text: str, st: Statement) -> str:
    return " | ".join(c.of(text) for c in st.content)


# -- pronouns ---------------------------------------------------------------------------

def test_pronoun_skips_a_word_that_only_opens_a_sentence() -> None:
    text = ("Hours after the vote, Senator Maria Lenz spoke to reporters outside the chamber. "
            '"We will appeal," she said.')
    src = at_cue(text, "said").source
    assert src.resolved == "Maria Lenz"
    assert src.resolution is Resolution.PRONOUN
    assert src.antecedent is not None and src.antecedent.of(text) == "Maria Lenz"


def test_pronoun_never_resolves_to_a_place() -> None:
    text = ("Kenya signed the trade deal on Monday. Trade minister Ruth Kamau praised it in Nairobi. "
            '"This is a good day for farmers," she said.')
    assert at_cue(text, "said").source.resolved == "Ruth Kamau"
    assert "Kenya" not in (at_cue(text, "said").source.resolved or "")


def test_pronoun_points_at_a_person_named_not_only_at_earlier_speakers() -> None:
    text = ("The mayor said the bridge would reopen in May. A spokesman for the river authority, "
            "Major Tom Adeyemi, distanced the agency from the plan. "
            '"We were never consulted," he said.')
    src = at_cue(text, "said", 2).source
    assert src.resolved == "Tom Adeyemi"
    assert src.type is SourceType.PERSON


def test_pronoun_agrees_in_gender_with_two_people_in_one_sentence() -> None:
    text = 'Anna Novak met Peter Hale on Tuesday. "The talks were useful," she said. "We agree," he added.'
    assert at_cue(text, "said").source.resolved == "Anna Novak"
    assert at_cue(text, "added").source.resolved == "Peter Hale"


def test_a_pronoun_after_its_own_cue_is_not_its_addressee() -> None:
    text = ('Lena Fischer runs the largest ferry line. Omar Reyes praised her on stage. '
            '"You built something rare," he told Fischer.')
    assert at_cue(text, "told").source.resolved == "Omar Reyes"


def test_a_pronoun_points_at_the_subject_that_opens_its_own_sentence() -> None:
    text = ("Two pilots, Ivo Renn and Piet Marsh, spoke to the board. \"The pier held,\" Renn "
            "replied. Marsh, in his evidence, faulted what he called \"shortcuts\" in the repairs. "
            '"The bolts were never checked," he said.')
    assert at_cue(text, "called").source.resolved == "Piet Marsh"
    assert at_cue(text, "said").source.resolved == "Piet Marsh"
    # an object in its own sentence is no antecedent: the earlier speaker is
    text = 'Ivo Renn spoke first. The board thanked Piet Marsh, and "We are done," he said.'
    assert at_cue(text, "said").source.resolved == "Ivo Renn"


def test_he_never_points_at_a_title_of_common_words() -> None:
    text = ("The agency chose the Harbour Landing System in May. The landing system is new. "
            '"We need it," he said.')
    assert at_cue(text, "said").source.resolved is None
    text = 'Saeb Erekat met the envoy on Monday. "We need it," he said.'
    assert at_cue(text, "said").source.resolved == "Saeb Erekat"


@pytest.mark.parametrize("dash", [" — ", ", "])
def test_a_first_name_alone_before_who_is_a_person(dash: str) -> None:
    text = ("Many savers follow the investor Warren Buffett's advice on index funds. "
            f"Tommy{dash}who goes only by his first name online{',' if dash == ', ' else ' —'} retired at 51. "
            "He saved from his 20s on, he wrote in a blog post.")
    assert at_cue(text, "wrote").source.resolved == "Tommy"


def test_a_pronoun_never_points_at_a_person_its_own_words_name() -> None:
    text = ('Jack Moss coached for 30 years. He was replaced by Tim Lowe in 2020. '
            '"I learned a lot from Jack," he said.')
    assert at_cue(text, "said").source.resolved == "Tim Lowe"


def test_a_person_in_a_comparison_is_no_antecedent() -> None:
    text = ("Ada Moss moved to Nashville at 54, more nervous about it than Rose Vane ever was. "
            "“It was terrifying,” she said.")
    assert at_cue(text, "said").source.resolved == "Ada Moss"


def test_a_pronoun_passes_over_the_person_its_quotation_names() -> None:
    text = ("A cheerful woman in her 80s, Edna Vole lives by the harbour in Tarnby. She spoke warmly "
            "of her late nephew. She gave me the address of his sister, Ruth Kell. "
            "“I cannot believe Ruth would hide his books,” she said.")
    assert at_cue(text, "said").source.resolved == "Edna Vole"


def test_the_writers_i_is_nobody_a_pronoun_points_at() -> None:
    text = ("Edna Vole lives by the harbour in Tarnby. But she was surprised when I asked her "
            "about the books. “I cannot believe it,” she said.")
    assert at_cue(text, "asked").source.resolution is Resolution.UNRESOLVED
    assert at_cue(text, "said").source.resolved == "Edna Vole"


def test_a_pronoun_points_at_a_person_named_after_the_same_pronoun() -> None:
    text = "She gave the keys to the harbourmaster, Ruth Kell. “The quay is safe,” she said."
    assert at_cue(text, "said").source.resolved == "Ruth Kell"


def test_a_pronoun_and_a_name_speak_together_and_they_points_back_at_both() -> None:
    text = ("Fares can be cut only so far, says planner Ines Ortiz. Income matters more, she and "
            "her husband Tom explained on their podcast. Cutting costs takes effort, they said.")
    assert at_cue(text, "explained").source.resolved == "Ines Ortiz and Tom"
    assert at_cue(text, "said").source.resolved == "Ines Ortiz and Tom"


def test_a_name_and_a_role_with_a_name_speak_together() -> None:
    text = "The fares will rise, Ines Ortiz and her husband Tom Ortiz explained."
    assert at_cue(text, "explained").source.resolved == "Ines Ortiz and Tom Ortiz"


def test_a_role_no_one_had_stays_unresolved() -> None:
    text = "Mark Vole pleaded guilty to fraud on Monday. The judge said he would be sentenced in May."
    assert at_cue(text, "said").source.resolved is None  # not the defendant named before


def test_a_pronoun_points_at_the_subject_of_the_clause_set_before_its_own() -> None:
    text = "When the skipper Tom Lee looked inside the hold, he thought he was seeing things."
    assert at_cue(text, "thought").source.resolved == "Tom Lee"
    text = ("Coach Bill Vane was upbeat after the loss. While the team missed injured striker Tom Reed, "
            "he said the defence had played well.")
    assert at_cue(text, "said").source.resolved == "Bill Vane"  # an object there is no subject


def test_a_speaker_known_by_a_first_name_alone_has_its_gender() -> None:
    text = ("The writer Elin Vole kept a diary. In 1997, Elin wrote, she met the skipper Tom Lee at a "
            "fair. She asked him for a story. “No,” he said.")
    assert at_cue(text, "said").source.resolved == "Tom Lee"


def test_it_and_they_point_at_bodies() -> None:
    text = ("The Harbour Authority rejected the offer on Friday. It said the talks were over. "
            "Dock workers' unions called a strike. They said the pay offer was an insult.")
    it = at_cue(text, "said").source
    assert it.resolved == "Harbour Authority"
    assert it.type in (SourceType.GOVERNMENT, SourceType.ORGANIZATION)
    they = at_cue(text, "said", 2).source
    assert they.resolved != "Harbour Authority"  # a group of people, not the body two sentences back


def test_a_pronoun_with_no_one_to_point_at_says_so() -> None:
    text = 'While the council met, protesters gathered outside. "We are not leaving," she said.'
    src = at_cue(text, "said").source
    assert src.resolved in (None, "she")
    assert src.resolution is Resolution.UNRESOLVED
    assert src.confidence < 0.5


# -- names ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "resolved"), [
    ("Sen. Lindsey Marsh said the bill would pass.", "Sen. Lindsey Marsh", "Lindsey Marsh"),
    ('"Not yet," said Sen. Lindsey Marsh.', "Sen. Lindsey Marsh", "Lindsey Marsh"),
    ("Lt. Col. Dana Whitfield told reporters the base was secure.", "Lt. Col. Dana Whitfield",
     "Dana Whitfield"),
    ("Mr. Obeng said the ferry would be sold.", "Mr. Obeng", "Obeng"),
])
def test_a_title_never_cuts_a_name(text: str, source: str, resolved: str) -> None:
    st = statements(text)[0]
    assert st.source.text == source
    assert st.source.resolved == resolved


def test_short_forms_link_to_the_full_name_met_earlier() -> None:
    text = ("Barack Obama opened the summit. Chancellor Tom Reeves spoke next. "
            "Mr Obama said the fund was ready. Mr. Reeves said it was not. Reeves added that talks would go on.")
    obama = at_cue(text, "said").source
    assert obama.resolved == "Barack Obama"
    assert obama.resolution is Resolution.SHORT_FORM
    assert obama.antecedent is not None and obama.antecedent.of(text) == "Barack Obama"
    assert at_cue(text, "said", 2).source.resolved == "Tom Reeves"
    assert at_cue(text, "added").source.resolved == "Tom Reeves"


def test_an_appositive_after_the_subject_names_the_speaker() -> None:
    text = "Another witness, Fiona Hale, said the call was unusual."
    src = statements(text)[0].source
    assert src.resolved == "Fiona Hale"
    assert src.type is SourceType.PERSON


def test_a_source_never_runs_over_a_sentence_break() -> None:
    text = "The envoy met Donald Trump. Sondland said the meeting was brief."
    src = at_cue(text, "said").source
    assert src.text == "Sondland"
    assert "." not in src.text


def test_a_country_that_speaks_is_its_government_not_a_person() -> None:
    text = "Kenya said it would review the contract."
    src = statements(text)[0].source
    assert src.type is SourceType.GOVERNMENT


# -- content ----------------------------------------------------------------------------

def test_content_stops_where_the_writer_weighs_the_claim() -> None:
    text = "Reed has said he expects to save $30 million, but that may be hard to do without cuts."
    assert content(text, at_cue(text, "said")) == "he expects to save $30 million"
    text = "She said the plan was sound but that it could still fail."  # "but that" reporting on
    assert content(text, at_cue(text, "said")).endswith("it could still fail")


def test_content_stops_at_the_reporters_rebuttal() -> None:
    text = ("Mayor Voss assailed the auditor as a partisan, though there is no indication she has "
            "shown any partisanship.")
    st = at_cue(text, "assailed")
    assert "no indication" not in content(text, st)
    assert "the auditor as a partisan" in content(text, st)


def test_both_halves_of_an_interrupted_quote() -> None:
    text = '"We won the vote," she said, "and now the real work begins."'
    assert content(text, statements(text)[0]) == "We won the vote, | and now the real work begins."


@pytest.mark.parametrize("text", [
    "“We won the vote,” she told reporters, “and now the real work begins.”",
    "“We won the vote,” she said on Tuesday, “and now the real work begins.”",
    "“We won the vote,” she said in a statement, “and now the real work begins.”",
])
def test_both_halves_with_an_addressee_a_time_or_a_channel_between(text: str) -> None:
    assert content(text, statements(text)[0]) == "We won the vote, | and now the real work begins."


@pytest.mark.parametrize("text", [
    '"We won the vote," she told the crew. " Now the real work begins."',  # a stray space after the mark
    "“We won the vote,” she told the crew. “ Now the real work begins.”",
])
def test_a_quoted_sentence_after_a_stray_space(text: str) -> None:
    assert content(text, statements(text)[0]) == "We won the vote, | Now the real work begins."


def test_the_quote_after_the_cue_not_a_title_before_it() -> None:
    text = ("After playing “Harbour Lights,” the singer told the crowd, “We should go on the road "
            "again.”")
    assert content(text, at_cue(text, "told")) == "We should go on the road again."
    text = "The pier was “older than the town,” Ortiz said, “and it will outlive us.”"
    assert content(text, at_cue(text, "said")) == "The pier was “older than the town,” | and it will outlive us."


def test_a_quote_carried_over_paragraphs() -> None:
    text = ('Erik Dahl said the yard would close.\n\n"We tried everything. Nobody wanted the ships."\n\n'
            "The yard employs 300 people.")
    st = statements(text)[0]
    assert "Nobody wanted the ships." in content(text, st)
    assert "300 people" not in content(text, st)


def test_a_quoted_sentence_goes_on_with_the_reported_speech_before_it() -> None:
    text = ("The tide gauge, Ortiz said, is always sensing the sea. “Once the salt goes out of "
            "whack, the cells react.” The council meets on Monday.")
    st = at_cue(text, "said")
    assert content(text, st).endswith("the cells react.")
    assert "council" not in content(text, st)


def test_a_quoted_sentence_with_its_own_cue_after_it_goes_on_with_no_one_else() -> None:
    text = ("“What is the plan if the ferry fails?” Moss asked. Lee noted the ferry was in service. "
            "“But what if it fails?” Moss asked again.")
    assert "what if it fails" not in content(text, at_cue(text, "noted"))
    assert "what if it fails" not in content(text, at_cue(text, "asked"))
    assert content(text, at_cue(text, "asked", 2)) == "But what if it fails?"


def test_bullets_after_said_colon() -> None:
    text = "The governor also said:\n• taxes will not rise\n• the schools will stay open\n\nThe crowd cheered."
    st = statements(text)[0]
    assert content(text, st) == "taxes will not rise | the schools will stay open"


def test_a_quoted_title_does_not_cut_the_content_to_one_word() -> None:
    text = 'Her film "Parasite" changed how studios think about subtitles, the director said.'
    assert content(text, statements(text)[0]).startswith('Her film "Parasite" changed')


# -- cues that are no attribution -------------------------------------------------------

NOTES = ("TIP-INS\n\nGulls: Ada Moss missed her third game with a sore knee.\n\n"
         "Terns: Lee Cole left in the second half.\n\nUP NEXT\n\n"
         "Gulls: Host the Terns on Friday.\n\nTerns: Visit the Gulls on Friday.")


@pytest.mark.parametrize(("text", "cue"), [
    ("Newly revealed emails show the plan was approved in May.", "revealed"),
    ("The hiker was found dead on Sunday.", "found"),
    ("The new police chief reported for duty on Monday.", "reported"),
    ("Lamb pleaded not guilty to all charges.", "pleaded"),
    ("Prosecutors questioned accused sex trafficker Dirk Vale on Monday.", "accused"),
    ("The Nasdaq added 20.72 points to close at 8,540.", "added"),
    ("Contributing: Lena Moss, Weld Herald", ":"),
    ("Disclaimer: The views of our guest writers are their own.", ":"),  # the page's furniture
    ("Sign Up: Get the morning briefing in your inbox.", ":"),
    ("Council Budget Approved, Plus New Fees Announced", "Announced"),
    ("The militia seized the city, where it declared a caliphate in 2014.", "declared"),
    # a set phrase opening its clause is the writer's sentence adverbial (rules/lexicons/set-phrases.yaml)
    ("That said, the two councils might still merge next year.", "said"),
    ("The fare rise was small. But having said that, riders were angry.", "said"),
    # "found" with a person, a reflexive or "ways" after it is no finding
    ("Officers found him hiding in a shed behind the depot.", "found"),
    ("The senator found herself in a tight race after the debate.", "found"),
    ("Ferry operators found ways to cut their fuel bills.", "found"),
    ("Divers found and freed the trapped seal on Sunday.", "found"),
    ("A family friend found the skipper's van in the harbour lot.", "found"),  # a thing found
    ("Elin found contact details for the family, whom she had never met.", "found"),
    # an event brought to its end is no conclusion drawn
    ("The inquiry concluded its last public hearing on Friday.", "concluded"),
    ("The choir's tour concludes Nov. 3 in Leeds.", "concludes"),
    # appearing before a body is no statement: how, when, or a relative clause, then no content
    ("Two inspectors testified side-by-side before the harbour board on Monday.", "testified"),
    ("Ruiz was the second pilot testifying Monday who saw the crash.", "testifying"),
    # a thing given its name after an indefinite noun phrase (rules/lexicons/naming-verbs.yaml)
    ("A new residents' group called Save Our Pier met on Monday.", "called"),
    ("She read a poem called “Low Tide” at the memorial.", "called"),
    ("Cells spot worms by a small molecule called succinate, a waste product.", "called"),
    # taking something on, and an event going on, are no belief and no speech
    ("The new chair assumed the role of peacemaker at once.", "assumed"),
    ("The ferry strike continues Nov. 19 at the northern docks.", "continues"),
    # writing a work is authorship, no statement (`not_object` in rules/cues.yaml)
    ("She wrote forty songs for the band that winter.", "wrote"),
    ("Ortiz wrote her first novel in a caravan by the harbour.", "wrote"),
    # a physical act on a place or a thing is no reaction (`not_object`)
    ("Masked men attacked the union office in Port Selden overnight.", "attacked"),
    ("The skipper slammed the door of the wheelhouse and cast off.", "slammed"),
    # the reader addressed outside a quotation is no source (rules/lexicons/reader-pronouns.yaml)
    ("If you want to sell the house before spring, start with the roof.", "want"),
    ("You know the fares will rise again by June.", "know"),
    # a subject that denies there is a source (rules/lexicons/no-sources.yaml)
    ("No one knew what had become of the ferry's owners.", "knew"),
    ("Nobody said the pier would close.", "said"),
    # the writer's own belief or wish, outside a quotation (rules/lexicons/writer-pronouns.yaml)
    ("I wanted to buy a copy of the tide tables, but they were sold out.", "wanted"),
    ("We will never know why the crew turned back.", "know"),
    # a thought of someone is no belief held (`not_before: [of]`)
    ("When the deal was struck, the skipper thought of his old crew.", "thought"),
    # a passive participle with its agent: the subject before it is no source
    ("The regatta, celebrated by lighting lamps along the quay, ends on Sunday.", "celebrated"),
    ("The plan, backed by the dockers' union, goes to a vote on Friday.", "backed"),
    # "show" the noun, not the verb
    ("The Harbour Lights show on Sept. 12 sold out at once.", "show"),
    ("As shown off at the boat show this week, the ferry has a long range.", "shown"),  # "As" is nobody
    ("She wrote songs for the television show “Harbour Lights” for three years.", "show"),
    ("The harbour projects cost the city millions.", "projects"),
    ("The meeting held that day drew 200 people.", "held"),
    ("She held that job for a decade before she retired.", "held"),  # no clause after "that"
    ("The family claimed the skipper's body and left town.", "claimed"),
    ("He put it on the table and left.", "put it"),
    ("A neighbour found the car in the lot and called 911.", "called"),
    ("The skipper called police when the boat went missing.", "called"),
    # withholding is no denial (`not_object`, `not_before` of the denying group)
    ("The ministry is denying flu vaccines to detainees at the port.", "denying"),
    ("The court denied him bail on Friday.", "denied"),
    # the writer's inference from appearances (the hedge and speculation rules flag it)
    ("The crew seemed to be tired after the night shift.", "seemed"),
    ("The hostages appeared pale and gaunt in the video.", "appeared"),
    # a forecast with nothing after it is no attribution (agentless.expected still flags it)
    ("A storm soaked the quay on Tuesday and more rain was expected Wednesday.", "was expected"),
    ("The council maintained the roads until 1990.", "maintained"),
    ("The old king ruled the port for a decade.", "ruled"),
    ("The ferry costs $5 per person.", "per"),
    ("The skipper still found it difficult to talk about the wreck.", "found"),
    ("The song became a gift to the women who wrote it.", "wrote"),
    ("The tale he wrote where the tide never turns is short.", "wrote"),
    ("Cutting your costs takes continued effort over many years.", "continued"),  # an adjective
    ("The family claimed the skipper's body and left town.", "claimed"),  # taking, not claiming
    ("The storm claimed three lives on the coast.", "claimed"),
    ("In the novel, a woman you think might become a pirate becomes a nun.", "think"),  # the reader
    # a second verb of the source after "and", and a phrase of time before it, are no content
    ("After that, Moss wrote, and wrote, and wrote.", "wrote"),
    ("I found them at last, and asked them for comment on the story.", "asked"),  # a request
    ("If he is holding a poorly described parcel, it is a ghost story.", "described"),  # an adjective
    ("The fires continued, showing that the ban is not enforced.", "continued"),  # the writer's inference
    ("Otherwise, you may consider continuing coverage through a former employer.", "continuing"),  # a gerund
    ("The lessons learned in Tarnby could guide other ports.", "learned"),  # a participle after its noun
    ("Everyone on the quay called him Skip.", "called"),  # a nickname given
    ("Correction added Nov. 18, 2019: The caption misnamed the skipper.", "added"),  # a date, no speaker
    ("Vole Capital, a firm that boasts a reputation for deep cuts, bought the Herald.", "boasts"),  # having
    ("The new skiff isn’t expected until next year.", "expected"),  # a passive with its "be" contracted
    ("The lamps show as you walk past the quay.", "show"),
    # a clause is no source: the "that" after "found" opens what was found, not a relative clause
    ("When she looked, Kell found that the shoal had twice the fish previously reported.", "reported"),
    ("Lights give messages, such as suggesting a lane change.", "suggesting"),  # a gerund
    ("In a long interview with the Herald, Moss confessed to the theft.", "confessed"),  # no content
    # a label opening several notes is a list's heading, not a speaker ("the Gulls" is a team)
    (NOTES, ": Ada"),
    (NOTES, ": Visit"),
])
def test_not_an_attribution(text: str, cue: str) -> None:
    pos = text.index(cue)
    assert not [st for st in statements(text) if st.cue.start <= pos < st.cue.end]


# -- cues that were missed --------------------------------------------------------------

@pytest.mark.parametrize(("text", "cue", "source"), [
    ("The company claims the fire was an accident.", "claims", "The company"),
    ("The minister divulged that the talks had failed.", "divulged", "The minister"),
    ("The union calls on the council to act before winter.", "calls on", "The union"),
    ("Vance tried to suggest that the vote had been rigged.", "suggest", "Vance"),
    ("The mayor took to Twitter to say the bridge was safe.", "say", "The mayor"),
    ("A survey of riders found that most back the fare rise.", "found", "A survey of riders"),
    ("You said on Monday the fares would fall.", "said", "You"),  # an interviewer, in a transcript
    ("The inquiry concluded that the crew had not been trained.", "concluded", "The inquiry"),
    ("The ombudsman concluded his account was accurate.", "concluded", "The ombudsman"),
    ("The skipper assumed the storm would pass by noon.", "assumed", "The skipper"),
    ("The union called Friday for a new pay offer.", "called", "The union"),
    ("The harbour master called Ortiz a reckless skipper.", "called", "The harbour master"),
    ("A reporter for the Herald called the plan a gamble.", "called", "A reporter for the Herald"),
    ("A skipper called it reckless.", "called", "A skipper"),
    ("Ortiz wrote a letter to the council saying the pier was unsafe.", "wrote", "Ortiz"),
    ("Polls show Ortiz ahead by six points.", "show", "Polls"),
    ("Ortiz denied that he had sold the pier.", "denied", "Ortiz"),
    ("The ministry denied the vaccine was unsafe.", "denied", "The ministry"),  # a clause, not withheld
    ("Ines Ortiz denied her husband had sold the pier.", "denied", "Ines Ortiz"),
    ("“The pier held,” said Will Renn.", "said", "Will Renn"),  # a first name that is also a verb
    ("Records show for the first time that the pier was sold.", "show", "Records"),
    ("Harbour police reported at least 5,000 people walked the pier.", "reported", "Harbour police"),
    ("The appeals court ruled that the pier must reopen.", "ruled", "The appeals court"),
    ("As Lena Moss reports for the Herald, the pier will close in May.", "reports", "Lena Moss"),
    ("The pier, per the harbour board, will close in May.", "per", "the harbour board"),
    ("A group of skippers, alarmed that the pier is closing, is urging the council to act.", "urging",
     "A group of skippers"),  # a participle aside and an auxiliary between source and cue
    ("The ferry will lose money this winter, say experts.", "say", "experts"),  # a bare group, inverted
    ("The ferry will lose money, say local officials.", "say", "local officials"),
    ("The Harbour Commission on tides and safety found that in 2015, nine boats sank.", "found",
     "The Harbour Commission on tides and safety"),
    ("As Ortiz put it, “The pier is older than the town.”", "put it", "Ortiz"),
    ("The board has maintained that the pier is safe.", "maintained", "The board"),
    ("The budget office projects that fares will rise by June.", "projects", "The budget office"),
    ("The skipper still bemoans that the pier was sold.", "bemoans", "The skipper"),
    ("Councillor Moss was skeptical the money would come.", "was skeptical", "Councillor Moss"),
    ("I asked the harbour master whether the pier was safe.", "asked", "I"),  # an exchange the writer reports
    ("\"I think the pier will close,\" Ortiz said. \"We want it open.\"", "said", "Ortiz"),
    ('Tarnby criticised the sale, with harbour chief Ines Ortiz warning of "dire consequences".',
     "warning", "harbour chief Ines Ortiz"),  # "with" and a participle: its subject speaks
    ("The minister emphasised that the talks would go on.", "emphasised", "The minister"),  # British
    ("Smoke will return this week, with forecasters warning that the air will turn foul.", "warning",
     "forecasters"),  # a group of people (people-groups.yaml) stands as a source
    ("Many skippers are in debt, and politicians are worried that a levy could sink them.", "are worried",
     "politicians"),
    ("The mayor turned to Twitter last month to describe the pier as “a ruin.”", "describe", "The mayor"),
    ("The union sharply criticised the sale of the pier.", "criticised", "The union"),
])
def test_cues_that_must_be_read(text: str, cue: str, source: str) -> None:
    st = at_cue(text, cue)
    assert st.source.text == source


def test_the_subject_of_a_relative_clause_with_no_that() -> None:
    # "the one cost she said ...": the pronoun is the speaker, not the noun phrase it follows
    text = ("Harbour master Ines Ortiz met the press on Friday. The levy is the one cost she said "
            "the port could not carry.")
    src = at_cue(text, "said").source
    assert src.text == "she"
    assert src.resolved == "Ines Ortiz"
    # the object of a relative clause with its pronoun stays in the source phrase
    text = "Analysts who have done the sums say the port will lose money."
    assert at_cue(text, "say").source.text == "Analysts who have done the sums"


@pytest.mark.parametrize("text", [
    "The mayor, in a letter to residents, said the pier would close.",
    "The mayor, on Twitter, said the pier would close.",
])
def test_an_aside_between_the_source_and_the_cue(text: str) -> None:
    st = at_cue(text, "said")
    assert st.source.text == "The mayor"
    assert content(text, st) == "the pier would close"


def test_a_clause_after_the_cue_is_not_skipped_to_a_later_that() -> None:
    text = "The union stressed the decision would not change the fact that the pier was unsafe."
    assert content(text, at_cue(text, "stressed")).startswith("the decision would not change")
    text = "She said on Tuesday that the pier was unsafe."  # a time phrase before "that" is
    assert content(text, at_cue(text, "said")) == "the pier was unsafe"


def test_the_antecedent_of_a_relative_that_is_the_source() -> None:
    text = "The board published a report that found the pier was unsafe."
    st = at_cue(text, "found")
    assert (st.source.text, st.source.type) == ("a report", SourceType.DOCUMENT)


def test_the_source_before_a_relative_clause() -> None:
    text = ("The source, who said he had spoken to people inside the compound, told Reuters the "
            "guards had left.")
    st = at_cue(text, "told")
    assert st.source.text == "The source"
    assert st.source.type is SourceType.ANONYMOUS


# -- source types -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "stype"), [
    ("American officials said the strike had been called off.", SourceType.ANONYMOUS),
    ("A senior political source said the minister would resign.", SourceType.ANONYMOUS),
    ("One academic said the figures did not add up.", SourceType.ANONYMOUS),
    ("Staff on short-term contracts say they were never told.", SourceType.VAGUE),
    ("Officials said the pier would close.", SourceType.ANONYMOUS),  # a capital opening the sentence
    ("Critics say the fare is too high.", SourceType.VAGUE),
])
def test_unnamed_sources(text: str, stype: SourceType) -> None:
    st = statements(text)[0]
    assert st.source.type is stype
    assert st.source.resolution is Resolution.UNNAMED


@pytest.mark.parametrize("text", ["Republicans said the hearing was a sham.",
                                  "Democrats argued the vote was fair."])
def test_a_partys_members_are_the_party_not_a_person(text: str) -> None:
    assert statements(text)[0].source.type is SourceType.ORGANIZATION


@pytest.mark.parametrize("text", [
    ("“The tide turned,” Ines Ortiz, a researcher at the Institute for Tides, Ports and Weather "
     "think tank told the Herald."),
    ("“The tide turned,” Ines Ortiz, a researcher at the Institute for Tides, Ports and Weather, "
     "a think tank, told the Herald."),
    ("“The tide turned, and with it a ‘new era’ for the port,” Ines Ortiz, a researcher at the "
     "Institute for Tides, Ports, and Weather, told the Herald in a statement."),  # a comma before the cue
])
def test_a_name_before_a_role_whose_words_hold_commas(text: str) -> None:
    st = at_cue(text, "told")
    assert st.source.text == "Ines Ortiz"
    assert st.source.role is not None and st.source.role.startswith("a researcher at the Institute")
    assert content(text, st).startswith("The tide turned")


@pytest.mark.parametrize(("text", "resolved"), [
    ("The Kessel Space Agency delayed the launch. The agency said the engine had failed.",
     "Kessel Space Agency"),
    ("NAVCOM announced the plan on Monday. The agency said the satellite was ready.", "NAVCOM"),
    ("The Selden Water Board raised prices. The utility said costs had doubled.", "Selden Water Board"),
    ("The Home Office cut 200 jobs. Brenmark Industries objected. The ministry said demand fell.",
     "Home Office"),
    ("Tarn Media bought the Herald. Rivals such as Vole Co. face the same costs. Vole lost $3 million, "
     "and the company said its debt grew.", "Vole Co"),  # "Co." makes a firm
])
def test_a_generic_noun_points_back_at_the_last_body_of_its_kind(text: str, resolved: str) -> None:
    assert at_cue(text, "said").source.resolved == resolved


def test_a_government_noun_never_points_at_a_firm() -> None:
    text = "Brenmark Industries cut 200 jobs. The department said demand fell."
    assert at_cue(text, "said").source.resolved is None


def test_a_stray_closing_mark_opens_no_quotation() -> None:
    text = 'Ortiz said the pier was old." The council voted on Monday to close it.'
    assert content(text, at_cue(text, "said")) == 'the pier was old."'
    text = 'The mayor spoke. " 2020 was hard," she said.'  # a loose mark before a figure opens one
    assert content(text, at_cue(text, "said")) == "2020 was hard,"


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("The Supreme Court held that the law was void.", "held", "The Supreme Court"),
    ("The rules say that drivers must stop.", "say", "The rules"),
    ("She claimed the land belonged to her grandfather.", "claimed", "She"),
    ("The family claimed the body showed signs of torture.", "claimed", "The family"),
    ("The assembly reported a loss.", "reported", "The assembly"),  # an -ly noun, no adverb
    ("The family said the body was found.", "said", "The family"),  # "family" is no adverb
    ("A US ally said the strike was legal.", "said", "A US ally"),
    ('"We will sail," he continued, saying the crew was ready.', "continued", "he"),  # a quotation before
    ('"We won," the skipper boasted.', "boasted", "the skipper"),
    ("He was quoted as saying the pier would close.", "saying", "He"),
    ("Police found the van was stolen in May.", "found", "Police"),  # a clause after the thing
])
def test_guards_that_must_not_overreach(text: str, cue: str, source: str) -> None:
    assert at_cue(text, cue).source.text == source


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor said at a meeting held on Tuesday that the pier would close.", "the pier would close"),
    ("As the mayor said Tuesday, the budget is tight.", "the budget is tight"),
    ("Ortiz said the pier would reopen, but that will take years.",
     "the pier would reopen, but that will take years"),  # the speaker's own caveat
    ('"We won the vote," she told the U.N., "and now we work."', "We won the vote, | and now we work."),
    ("After hitting “Harbour Lights,” the singer said: “Let’s tour.”", "Let’s tour."),
    ("If the union agrees, the strike ends, the mayor said.", "If the union agrees, the strike ends"),
    # a statement in a clause set before the main one ends with that clause (rules/lexicons/subordinators.yaml)
    ("Although the mayor said the pier, which is old, would close, it stayed open.",
     "the pier, which is old, would close"),
    ("While Tarnby wants to buy the ferry, it has balked at the price.", "to buy the ferry"),
    ("Once again the minister said that schools, harbours and roads would get more money.",
     "schools, harbours and roads would get more money"),  # no main clause after those commas
    # a source set inside its content, with a role and a place: the predicate after it is content
    ("This system, says Ruth Kell, an ecologist at the University of Tarn, Selden, guides the shoals.",
     "This system | guides the shoals"),
    ("The pier will close, says Ruth Kell, a harbour official, citing costs.", "The pier will close"),
])
def test_contents_that_must_not_change(text: str, expected: str) -> None:
    assert content(text, statements(text)[0]) == expected


def test_a_name_in_a_clause_before_the_source_is_not_the_source() -> None:
    text = "When Ines Ortiz, a local skipper, arrived, the council said the pier was closed."
    assert at_cue(text, "said").source.text == "the council"


def test_a_persons_surname_wins_over_a_bodys_first_word() -> None:
    text = ("The Kessel Foundation pledged money. Ada Kessel, its founder, spoke first. "
            "Kessel said the grant was final.")
    st = at_cue(text, "said")
    assert (st.source.resolved, st.source.type) == ("Ada Kessel", SourceType.PERSON)


def test_the_second_half_never_reaches_over_a_sentence() -> None:
    text = "“We won the vote,” she told reporters. Ortiz replied: “Now the real work begins.”"
    assert content(text, at_cue(text, "told")) == "We won the vote,"


def test_a_name_he_points_at_is_a_person() -> None:
    text = "Kwabena Asante studied the hull. He recalled that it looked like a whale's rib."
    st = at_cue(text, "recalled")
    assert (st.source.resolved, st.source.type) == ("Kwabena Asante", SourceType.PERSON)


def test_he_may_point_at_a_name_with_one_common_word() -> None:
    text = 'Mandla Stone spoke to the board about the old stone pier. "We need it," he said.'
    assert at_cue(text, "said").source.resolved == "Mandla Stone"


@pytest.mark.parametrize(("text", "cue", "source", "said"), [
    ("Despite Mr. Ortiz's Oct. 11 announcement that the pier would reopen, the gates stayed shut.",
     "announcement", "Mr. Ortiz", "the pier would reopen"),
    ("The ferry sailed despite an earlier declaration by the harbour board that the storm was too "
     "strong.", "declaration", "the harbour board", "the storm was too strong"),
    ("The vote went ahead despite Ortiz's claim that it was rigged, prompting a protest.", "claim",
     "Ortiz", "it was rigged"),
])
def test_a_noun_of_saying_with_its_possessor_or_agent(text: str, cue: str, source: str, said: str) -> None:
    st = at_cue(text, cue)
    assert (st.source.text, content(text, st)) == (source, said)


@pytest.mark.parametrize(("text", "cue"), [
    ("The claim that the pier is unsafe is old.", "claim"),  # no one is said to make it
    ("His claim that the pier was safe was disputed.", "claim"),  # the subject: where it ends is unclear
    ("He pointed to Cooke's testimony that concluded the pier was unsafe.", "testimony"),  # a relative
    ("Officials rejected Ortiz's claim that the land was his, saying it lacked proof.", "claim"),  # an object
    ("She disputed his statement that summer and filed a suit.", "statement"),
    ("Residents filed a complaint by email that the pier was unsafe.", "complaint"),  # a channel
    ("He cited a claim by , that it was fine.", "claim"),
])
def test_nouns_of_saying_that_give_no_statement(text: str, cue: str) -> None:
    # "Officials rejected Ortiz's claim ..., saying ...": the participle stays the officials'
    if "saying" in text:
        assert at_cue(text, "saying").source.text == "Officials"
    pos = text.index(cue)
    assert not [st for st in statements(text) if st.cue.start <= pos < st.cue.end]


def test_a_firm_and_its_short_form_are_an_organization() -> None:
    text = ("Kestrel Freight Equities expects slower trade. Kestrel said freight rates would "
            "fall. Mara E. Holt, an economist, said the cut was overdue.")
    firm = at_cue(text, "expects")
    assert firm.source.type is SourceType.ORGANIZATION  # "Equities" ends a firm's name
    short = at_cue(text, "said")
    assert (short.source.type, short.source.resolved, short.source.resolution) == (
        SourceType.ORGANIZATION, "Kestrel Freight Equities", Resolution.SHORT_FORM)
    # a middle initial makes no body of a person
    assert at_cue(text, "said", 2).source.type is SourceType.PERSON


# -- provenance -------------------------------------------------------------------------

def test_every_source_says_how_it_was_found() -> None:
    text = ("Colonel Ryan Dillon, a spokesman for the coalition, addressed the press. "
            '"We do not agree," he said. Dillon added that talks would go on. '
            "Officials said the deal was close. The plan is expected to pass.")
    assert at_cue(text, "said").source.resolution is Resolution.PRONOUN
    assert at_cue(text, "added").source.resolution is Resolution.SHORT_FORM
    assert at_cue(text, "said", 2).source.resolution is Resolution.UNNAMED
    assert at_cue(text, "is expected").source.resolution is Resolution.NONE
    assert all(0.0 <= st.source.confidence <= 1.0 for st in statements(text))


def test_the_provenance_line() -> None:
    text = 'Colonel Ryan Dillon addressed the press. "We do not agree," he said.'
    line = provenance(at_cue(text, "said").source, text)
    assert line.startswith("“he” → Ryan Dillon (pronoun, named 1 sentence before; sure ")


# -- found while reading real pages ------------------------------------------------------

def test_content_goes_on_after_the_cue_when_a_clause_follows() -> None:
    # The clause after the cue needs a finite verb the engine can tell without a tagger
    # ("do", "would", a past form): "most use one" is not read (a known gap). This test
    # once took the first statement, "some buyers want", and passed by its content alone.
    text = 'While some buyers carry two phones, and "we love them for it," Rhee said, most do it all on one.'
    st = at_cue(text, "said")
    assert content(text, st).endswith("most do it all on one")
    circumstance = '"We have waited long enough," Okafor said, standing at the gate.'
    assert "standing" not in content(circumstance, statements(circumstance)[0])


def test_a_quote_of_the_sentence_before_is_not_the_content() -> None:
    text = 'The chair wrote that "delay endangers lives." She said residents deserve better.'
    st = at_cue(text, "said")
    assert content(text, st) == "residents deserve better"


def test_a_participle_cue_is_never_inverted() -> None:
    text = "The ministry welcomed the exchange, saying the hostages had suffered."
    saying = at_cue(text, "saying")
    assert saying.source.text == "The ministry"
    assert content(text, saying) == "the hostages had suffered"


def test_a_possessive_pronoun_resolves_through_its_owner() -> None:
    text = "Governor Eric Holm vetoed the bill on Friday. His office said the vote was rushed."
    assert at_cue(text, "said").source.resolved == "Eric Holm's office"


def test_an_acronym_is_the_short_form_of_its_body() -> None:
    text = ("The World Health Organization met in Geneva. Untreated plague is almost always fatal, "
            "says WHO.")
    src = at_cue(text, "says").source
    assert src.resolved == "World Health Organization"
    assert src.resolution is Resolution.SHORT_FORM


@pytest.mark.parametrize("text", [
    "MOSS: We sail at dawn.\n\nLEE: Not in this wind.\n\nMOSS: Then we wait.",  # labels in capitals
    "Moss: We sail at dawn.\n\nLee: Not in this wind.\n\nMoss: Then we wait.",  # people, named again
    # "the Moss family" in the text makes no team of a speaker who says "we"
    "The talks followed a week of attacks on the Moss family.\n\nMoss: We sail at dawn.\n\n"
    "Lee: Not in this wind.\n\nMoss: Then the tide decides.",
])
def test_a_transcript_keeps_its_speakers(text: str) -> None:
    assert [st.source.text.lower() for st in statements(text)] == ["moss", "lee", "moss"]


def test_a_firms_first_word_stands_for_it_even_when_it_is_a_first_name() -> None:
    text = ("The private equity firm Alden Capital owns the Harbour Register. "
            "Alden on Tuesday announced that it had bought the Tarnby Gazette.")
    src = at_cue(text, "announced").source
    assert src.resolved == "Alden Capital" and src.type is SourceType.ORGANIZATION


# Sentences a review of the third pass wrote to break its guards; each once lost its
# statement (or its source) to a guard that reached too far.
@pytest.mark.parametrize(("text", "cue", "source"), [
    ("At least 12 people were killed, police said.", "said", "police"),
    ("In March the jobless rate rose to 6 percent, the labour office said.", "said", "the labour office"),
    ("On Tuesday the board voted to close the school, the district said.", "said", "the district"),
    ("In 2019 the ferry line lost $3 million, the filing showed.", "showed", "the filing"),
])
def test_a_sentence_opening_with_a_time_or_place_keeps_its_content(text: str, cue: str, source: str) -> None:
    st = at_cue(text, cue)
    assert st.source.text == source
    assert content(text, st) == text[:text.index(",")]


@pytest.mark.parametrize(("text", "source"), [
    ("Two people familiar with the plans who were not authorized to speak publicly said the merger "
     "would be announced Monday.", "Two people familiar with the plans who were not authorized to speak"),
    ("Lawyers for the accused who appeared in court said the charges were weak.",
     "Lawyers for the accused who appeared in court"),
])
def test_a_noun_before_a_relative_clause_is_no_verb(text: str, source: str) -> None:
    assert at_cue(text, "said").source.text == source  # "plans", "accused": nouns here


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Economists believed in March that the recession was over.", "believed", "Economists"),
    ("Analysts expected in a note to clients that rates would rise.", "expected", "Analysts"),
    ("Polls show as many as 40 percent of voters are undecided.", "show", "Polls"),
    ("The chief executive added April sales were the best in a decade.", "added", "The chief executive"),
    ("Both privately admitted that the plan had failed.", "admitted", "Both"),
    ("The daily reported that the minister would resign.", "reported", "The daily"),
    ("The mayor boasted record ferry use in a speech on Friday.", "boasted", "The mayor"),
    ("A study found cash payments to poor families cut child poverty by a third.", "found", "A study"),
    ("Officials said, or at least hinted, that fares would rise.", "said", "Officials"),
    ("The ministry said, and the navy confirmed, that 12 sailors were lost.", "said", "The ministry"),
])
def test_a_guard_gives_way_where_the_cue_is_a_cue(text: str, cue: str, source: str) -> None:
    assert at_cue(text, cue).source.text == source


def test_a_photo_id_ends_its_sentence() -> None:
    text = "She lost her ID. Police said she was held for six hours."
    assert at_cue(text, "said").source.text == "Police"


def test_what_goes_on_after_an_inserted_source_stays_content() -> None:
    text = "The yard will close in June, the company said, and will lay off 300 workers."
    assert content(text, at_cue(text, "said")) == "The yard will close in June | and will lay off 300 workers"


def test_a_surname_alone_has_no_gender_from_the_first_name_list() -> None:
    text = 'Kelly wrote in a memo that the plan was flawed. "We need more time," he said.'
    assert at_cue(text, "said").source.resolved == "Kelly"  # Kelly may be his surname


@pytest.mark.parametrize(("text", "stype"), [
    ("Some Democrats said privately that the vote was lost.", SourceType.VAGUE),  # members, unnamed
    ("Republicans said the hearing was a sham.", SourceType.ORGANIZATION),
])
def test_a_party_and_some_of_its_members(text: str, stype: SourceType) -> None:
    assert statements(text)[0].source.type is stype


def test_a_reciprocal_is_no_content() -> None:
    assert not statements("The talks ended without a deal, with both sides blaming each other.")
