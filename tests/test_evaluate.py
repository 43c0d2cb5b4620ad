"""The quote scorer on tiny synthetic gold/prediction pairs, the gold readers, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivew.cli import main
from fivew.evaluate import load_gold, load_predictions, score_quotes
from fivew.evaluate.brat import derive_kind, load_brat_folder, parse_ann
from fivew.evaluate.gold import GoldArticle, GoldError, GoldQuote, GoldSpeaker, text_hash
from fivew.evaluate.quotes import PredQuote, coverage, match, normalise_name

TEXT = "“We are ready,” the general said. Officials said the plan had failed. Done."
#       0         1         2         3         4         5         6         7


def gold_article(*quotes: GoldQuote) -> GoldArticle:
    return GoldArticle(name="a", text=TEXT, quotes=list(quotes), source="a.json")


def gq(start: int, end: int, name: str | None = None, speaker: tuple[int, int] | None = None,
       kind: str | None = None) -> GoldQuote:
    sp = GoldSpeaker(name, (speaker,) if speaker else ()) if name or speaker else None
    return GoldQuote(((start, end),), kind, sp)


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        ((10, 20), (10, 20), 1.0),
        ((10, 20), (15, 40), 0.5),
        ((10, 20), (0, 12), 0.2),
        ((10, 20), (20, 30), 0.0),
    ],
)
def test_coverage_is_the_share_of_gold_characters(gold: tuple[int, int], pred: tuple[int, int],
                                                  expected: float) -> None:
    assert coverage(gq(*gold), PredQuote(*pred)) == pytest.approx(expected)


def test_coverage_counts_all_fragments_of_a_discontinuous_gold_quote() -> None:
    g = GoldQuote(((0, 10), (20, 30)), None, None)
    assert coverage(g, PredQuote(0, 10)) == pytest.approx(0.5)


def test_matching_is_one_to_one_and_prefers_higher_coverage() -> None:
    gold = [gq(0, 10), gq(12, 20)]
    pred = [PredQuote(0, 20), PredQuote(0, 9)]
    pairs = match(gold, pred, 0.3)
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_thresholds_change_the_verdict() -> None:
    article = gold_article(gq(34, 68, "Officials", (34, 43)))
    preds = {text_hash(TEXT): [PredQuote(34, 50, "indirect", "Officials", (34, 43))]}
    low, _ = score_quotes([article], preds, 0.3)
    high, _ = score_quotes([article], preds, 0.8)
    assert (low.matched, high.matched) == (1, 0)
    assert low.precision == low.recall == low.f1 == 1.0
    assert high.f1 == 0.0


def test_precision_recall_and_speaker_accuracy() -> None:
    article = gold_article(
        gq(1, 14, "Gen. Ana Ruiz", (16, 27), "direct"),
        gq(34, 68, "Officials", (34, 43), "indirect"),
    )
    preds = {text_hash(TEXT): [
        PredQuote(1, 14, "direct", "gen ana ruiz", (20, 27)),  # name differs only in case/dots
        PredQuote(39, 68, "mixed", "The Ministry", (0, 5)),  # wrong speaker and kind
        PredQuote(69, 74, "direct", None, None),  # spurious
    ]}
    scores, missing = score_quotes([article], preds, 0.3)
    assert missing == []
    assert (scores.gold, scores.predicted, scores.matched) == (2, 3, 2)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == 1.0
    assert (scores.speaker_span.hit, scores.speaker_span.total) == (1, 2)
    assert (scores.speaker_name.hit, scores.speaker_name.total) == (1, 2)
    assert (scores.kind.hit, scores.kind.total) == (1, 2)
    assert len(scores.spurious) == 1


def test_missing_prediction_counts_as_nothing_found() -> None:
    scores, missing = score_quotes([gold_article(gq(1, 14))], {}, 0.3)
    assert missing == ["a"] and scores.recall == 0.0 and scores.predicted == 0


@pytest.mark.parametrize("a, b", [("The Kremlin", "Kremlin"), ("UK’s Ministry", "uk ministry"),
                                  ("Dr. Ana Ruiz", "dr ana ruiz")])
def test_name_normalisation(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def write_gold(tmp_path: Path, quotes: list[dict], text: str = TEXT) -> Path:
    (tmp_path / "art.txt").write_text(text, encoding="utf-8")
    gold = {"format": "fivew-gold/1", "article": {"path": "art.txt", "layout": False},
            "quotes": quotes, "events": [{"type": "CONSULT"}]}
    path = tmp_path / "art.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_gold_json_round_trip(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [{"start": 1, "end": 14, "text": "We are ready,", "kind": "direct",
                                  "speaker": {"name": "the general", "start": 16, "end": 27}}])
    [article] = load_gold(path)
    assert article.text == TEXT and article.events == [{"type": "CONSULT"}]
    assert article.quotes[0].speaker is not None
    assert article.quotes[0].speaker.spans == ((16, 27),)


@pytest.mark.parametrize(
    "quote, message",
    [
        ({"start": 1, "end": 14, "text": "wrong words"}, "text"),
        ({"start": 50, "end": 500}, "outside"),
        ({"start": 1}, "integer"),
        ({"start": 1, "end": 14, "kind": "quoted"}, "kind"),
    ],
)
def test_bad_gold_is_rejected_with_the_file_named(tmp_path: Path, quote: dict, message: str) -> None:
    path = write_gold(tmp_path, [quote])
    with pytest.raises(GoldError, match=message) as err:
        load_gold(path)
    assert str(path) in str(err.value)


ANN = (
    "T1\tSource 34 43\tOfficials\n"
    "T2\tCue 44 48\tsaid\n"
    "T3\tContent 49 67\tthe plan had failed\n"
    "T4\tAttribution 44 48\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 1 8;8 14\tWe are ready,\n"
    "T6\tCue 28 32\tsaid\n"
    "T7\tAttribution-no-source 28 32\tsaid\n"
    "E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
    "T8\tDiscard 69 74\tDone.\n"
)


def test_brat_relations_become_gold_quotes(tmp_path: Path) -> None:
    rels = parse_ann(ANN)
    assert rels[0] == {"Content": [(49, 67)], "Cue": [(44, 48)], "Source": [(34, 43)]}
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions" / "doc_ab12.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "doc_cd34.ann").write_text("", encoding="utf-8")
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    [article] = load_brat_folder(tmp_path)  # two annotators: the first file is used
    assert len(article.quotes) == 2
    indirect, direct = article.quotes
    assert indirect.kind == "indirect" and indirect.speaker is not None
    assert direct.kind == "direct" and direct.speaker is None


def test_derived_kind() -> None:
    quoted = [(1, 14)]
    assert derive_kind(TEXT, [(1, 14)], quoted) == "direct"
    assert derive_kind(TEXT, [(1, 32)], quoted) == "mixed"
    assert derive_kind(TEXT, [(34, 68)], quoted) == "indirect"


def test_cli_scores_saved_predictions(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [{"start": 34, "end": 67, "kind": "indirect",
                                  "speaker": {"name": "Officials", "start": 34, "end": 43}}])
    pred = tmp_path / "pred.jsonl"
    record = {"text": TEXT, "quotes": [{"start": 39, "end": 67, "kind": "indirect",
                                        "speaker": {"name": "officials", "start": 34, "end": 43}}]}
    pred.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert list(load_predictions(pred)) == [text_hash(TEXT)]
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    at30, at80 = report["quotes"]
    assert at30["f1"] == 1.0 and at30["speaker_name_accuracy"] == 1.0
    assert at80["matched"] == 1  # 28 of 33 characters: above 80%


def test_event_only_gold_leaves_quotes_unscored(tmp_path: Path) -> None:
    # a gold file listing events but no quotes did not annotate quotes: the quote found in
    # the prediction must not count as spurious, and the report must not show quote F1 0
    gold = write_gold(tmp_path, [])
    pred = tmp_path / "pred.jsonl"
    record = {"text": TEXT, "quotes": [{"start": 1, "end": 14, "kind": "direct"}]}
    pred.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = load_gold(gold)
    scores, _ = score_quotes([article], load_predictions(pred), 0.3)
    assert (scores.gold, scores.predicted) == (0, 0)
    text = CliRunner().invoke(main, ["evaluate", str(gold), str(pred)])
    assert text.exit_code == 0, text.output
    assert "quotes: not scored" in text.output and "F1   0.0%" not in text.output
    as_json = json.loads(CliRunner().invoke(main, ["evaluate", str(gold), str(pred),
                                                   "--format", "json"]).output)
    assert as_json["quote_articles"] == 0 and as_json["quotes"] == []
    # without events, an empty quote list is a real answer: the prediction is spurious
    quote_gold = gold_article()
    scores, _ = score_quotes([quote_gold], {text_hash(TEXT): [PredQuote(1, 14, "direct", None)]}, 0.3)
    assert (scores.gold, scores.predicted, scores.matched) == (0, 1, 0)


def test_cli_needs_pred_or_run(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [])
    result = CliRunner().invoke(main, ["evaluate", str(gold)])
    assert result.exit_code != 0 and "--run" in result.output


def test_merge_fragments_does_not_count_a_second_fragment_as_spurious() -> None:
    # one gold statement in two fragments ("“A,” the general said. “B.”"), two predictions
    article = gold_article(GoldQuote(((1, 14), (34, 68)), "direct", None))
    preds = {text_hash(TEXT): [PredQuote(34, 68), PredQuote(1, 14)]}
    strict, _ = score_quotes([article], preds, 0.3)
    merged, _ = score_quotes([article], preds, 0.3, merge_fragments=True)
    assert (strict.matched, strict.predicted, strict.precision) == (1, 2, 0.5)
    assert (merged.matched, merged.predicted, merged.fragments) == (1, 1, 1)
    assert merged.precision == 1.0


def test_run_reports_articles_whose_stage_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                  ) -> None:
    # a stage that fails leaves its records empty; the scores then say less than they
    # seem to, so `evaluate --run` names the article and the error on stderr
    import fivew.pipeline as pipeline

    def boom(doc: object, article: object) -> list[object]:
        raise RecursionError("too deep")

    original = pipeline.Pipeline.__init__

    def with_failing_stage(self: pipeline.Pipeline, model: str | None = None, **_: object) -> None:
        original(self, model=model, stages=(pipeline.Stage("events", boom),))

    monkeypatch.setattr(pipeline.Pipeline, "__init__", with_failing_stage)
    gold = write_gold(tmp_path, [])
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--run"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "events stage failed" in result.stderr
    assert "RecursionError" in result.stderr
