"""Cue-verb details on news-style sentences written for these tests: questions, "added"
without a clause, and "quoted X as saying"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import assert_offsets, only_quote
from fivew.records import Article

Analyse = Callable[..., Article]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The candidate shook hands and asked workers if they planned to vote on Saturday.",
     "if they planned to vote on Saturday", "candidate"),
    ("Councillor Mia Holt asked officials whether the library would stay open.",
     "whether the library would stay open", "Mia Holt"),
    ("Reporters asked the minister if the border would reopen before winter.",
     "if the border would reopen before winter", "Reporters"),
])
def test_question_clause_is_the_content(analyse: Analyse, text: str, content: str,
                                        speaker: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    q = only_quote(article, content)
    assert q.speaker is not None and speaker in q.speaker.text


@pytest.mark.parametrize("text", [
    "The mayor said the bridge would close if the river rose further.",
    "Officials said the plant would reopen if inspectors approved the repairs.",
])
def test_if_clause_of_a_statement_stays_inside_it(analyse: Analyse, text: str) -> None:
    """An if-clause is content only for question verbs: after "said" it is part of the
    statement, not a separate one."""
    article = analyse(text)
    assert len(article.quotes) == 1, [q.text for q in article.quotes]
    assert " if " in article.quotes[0].text


@pytest.mark.parametrize("text", [
    "The company added 200 jobs in March, the agency's figures showed.",
    "Senator Rand Paul asked how it is conservative to add a trillion dollars in spending.",
    "The storm added to the pressure on the city's budget.",
])
def test_add_with_only_an_object_is_no_statement(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert not any("jobs" in q.text or "trillion" in q.text or "pressure" in q.text
                   for q in article.quotes if q.cue is not None and q.cue.text.startswith("add"))


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("“We are ready for the vote,” she added.", "We are ready for the vote", "she"),
    ("He added that the talks would resume on Monday.", "the talks would resume", "He"),
])
def test_add_with_a_clause_or_quote_is_a_statement(analyse: Analyse, text: str,
                                                   content: str, speaker: str) -> None:
    q = only_quote(analyse(text), content)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The newspaper quoted the minister as saying the talks had failed.",
     "the talks had failed", "minister"),
    ("State television quoted a senior general as saying that troops would withdraw.",
     "troops would withdraw", "general"),
])
def test_quoted_as_saying_names_the_one_quoted(analyse: Analyse, text: str, content: str,
                                               speaker: str) -> None:
    q = only_quote(analyse(text), content)
    assert q.speaker is not None and speaker in q.speaker.text, q.speaker


def test_quoting_a_source_is_not_content(analyse: Analyse) -> None:
    article = analyse("“It came to a head,” the paper reported, quoting an anonymous official.")
    assert [q.text for q in article.quotes] == ["It came to a head"]


@pytest.mark.parametrize(("text", "title"), [
    ("Senator Dana Cole told CBS’ “Face the Nation” that the bill would pass.",
     "Face the Nation"),
    ("The governor wrote an essay titled “Coal Isn’t the Villain,” the paper reported.",
     "Coal Isn’t the Villain"),
    ("She said on “Larry King Now” that she would not run.", "Larry King Now"),
])
def test_quoted_titles_are_not_statements(analyse: Analyse, text: str, title: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    assert not any(q.kind == "direct" and title in q.text for q in article.quotes), [
        (q.kind, q.text) for q in article.quotes]


@pytest.mark.parametrize("inner", ["We will win this fight", "NO MORE WAR", "It is over",
                                   "Thank You"])
def test_spoken_words_are_not_titles(inner: str) -> None:
    from fivew.extract.quotes import is_title

    assert not is_title(inner)


@pytest.mark.parametrize(("text", "floating", "speaker"), [
    ("Nurse Ada Obi says the ward needs more staff. “We cannot keep going like this.”",
     "We cannot keep going like this", "Ada Obi"),
    ("The farmers said the new rules would ruin them. \"Nobody asked us anything.\"",
     "Nobody asked us anything", "farmers"),
])
def test_quote_after_an_indirect_statement_in_its_paragraph(
        analyse: Analyse, text: str, floating: str, speaker: str) -> None:
    q = only_quote(analyse(text), floating)
    assert q.kind == "direct" and q.speaker is not None and speaker in q.speaker.text


def test_quote_in_a_new_paragraph_does_not_continue_an_indirect_one(analyse: Analyse) -> None:
    article = analyse("The farmers said the new rules would ruin them.\n\n"
                      "“A sad day for the whole valley.”")
    assert [q.text for q in article.quotes] == ["the new rules would ruin them"]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The law, which critics say discriminates against the poor, takes effect in May.",
     "against the poor", "critics"),
    ("The plan, which officials said would save $2 billion, was approved on Monday.",
     "would save $2 billion", "officials"),
    ("It was a finish that the senator said defied all expectations.",
     "defied all expectations", "senator"),
])
def test_speaker_inside_a_relative_clause(analyse: Analyse, text: str, content: str,
                                          speaker: str) -> None:
    """"the law, which critics say ...": the critics speak, not the law."""
    q = only_quote(analyse(text), content)
    assert q.speaker is not None and speaker in q.speaker.text, q.speaker


def test_relative_pronoun_subject_still_names_the_antecedent(analyse: Analyse) -> None:
    q = only_quote(analyse("The ministry, which said the outbreak was contained, declined to "
                    "comment further."), "the outbreak was contained")
    assert q.speaker is not None and "ministry" in q.speaker.text


@pytest.mark.parametrize("text", [
    "The governor maintained a comfortable lead in the polls through the summer.",
    "Organisers found a new sponsor to replace the bank.",
    "A student asked a question about tuition fees.",
    "Both unions pledged their support to the striking drivers.",
    "The coach answered the phone on the first ring.",
    "The actor posted a photo of the flooded street with the tag #Help.",
    "The senator wrote a book about the war in 2009.",
])
def test_object_alone_is_not_a_statement(analyse: Analyse, text: str) -> None:
    assert analyse(text).quotes == []


@pytest.mark.parametrize(("text", "content"), [
    ("The governor maintained that the budget was balanced.", "the budget was balanced"),
    ("A federal study found that emissions had fallen by a third.",
     "emissions had fallen by a third"),
    ("The union pledged that no member would cross the picket line.",
     "no member would cross the picket line"),
    ("The mayor wrote on Facebook that the pool would reopen in June.",
     "the pool would reopen in June"),
])
def test_clause_after_those_verbs_is_a_statement(analyse: Analyse, text: str,
                                                 content: str) -> None:
    only_quote(analyse(text), content)


@pytest.mark.parametrize(("text", "starts", "speaker"), [
    ("The plan would “destroy thousands of jobs,” the union said.", "The plan would",
     "union"),
    ("Inspectors missed the warning signs and “should have acted much sooner,” said "
     "Interior Minister Petra Lind.", "Inspectors missed", "Petra Lind"),
    ('The four states hold few delegates and "better reflect the country," the campaign '
     'manager wrote.', "The four states", "manager"),
])
def test_quote_finishing_a_sentence_makes_it_mixed(analyse: Analyse, text: str, starts: str,
                                                   speaker: str) -> None:
    """A quote that opens in lower case mid-sentence, claimed by the cue after it, finishes
    a statement that starts with the sentence."""
    article = analyse(text)
    assert_offsets(article)
    assert len(article.quotes) == 1, [(q.kind, q.text) for q in article.quotes]
    q = article.quotes[0]
    assert q.kind == "mixed" and q.text.startswith(starts), q.text
    assert q.speaker is not None and speaker in q.speaker.text


@pytest.mark.parametrize("text", [
    "“We will fight on,” the union said.",
    "Prices rose again. “we expected worse,” a trader said.",
])
def test_quote_opening_its_sentence_stays_direct(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert [q.kind for q in article.quotes] == ["direct"], [q.text for q in article.quotes]


@pytest.mark.parametrize(("text", "inner", "speaker"), [
    ("“Kind of baffling as to why the mayor is so openly laying out her budget plan a "
     "week early. #Justdoit,” he wrote on Sunday.", "Kind of baffling", "he"),
    ("“Time to act. #ClimateStrike,” Greta Lund wrote.", "Time to act", "Greta Lund"),
])
def test_quoted_word_parsed_as_subject_does_not_hide_the_speaker(
        analyse: Analyse, text: str, inner: str, speaker: str) -> None:
    """The parser sometimes makes the last word inside the quote a second subject of the
    cue after it; the speaker is the unquoted one."""
    q = only_quote(analyse(text), inner)
    assert q.speaker is not None and q.speaker.text == speaker, q.speaker


@pytest.mark.parametrize(("text", "floating"), [
    ("“We could not afford another increase,” Premier Ana Costa told reporters. "
     "“We listened.”", "We listened."),
    ("“The bridge stays closed,” the engineer said. “Never again!”", "Never again!"),
])
def test_two_word_sentence_after_a_quote_floats(analyse: Analyse, text: str,
                                                floating: str) -> None:
    q = only_quote(analyse(text), floating)
    assert q.kind == "direct" and q.speaker is not None


def test_two_word_term_after_a_quote_does_not_float(analyse: Analyse) -> None:
    article = analyse("“The bridge stays closed,” the engineer said. "
                      "Residents called it a “Dead End” for the town.")
    assert not any("Dead End" in q.text for q in article.quotes if q.kind == "direct")
