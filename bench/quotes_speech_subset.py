"""Recall on the PolNeAR attributions whose gold cue is a speech word of fivew's lexicon.

    PYTHONPATH=src python bench/quotes_speech_subset.py GOLD PRED

PolNeAR attributes beliefs, intentions and evidence too ("wants", "polls show"); this
diagnostic keeps the gold attributions whose own cue contains a word of `cues.yaml` outside
the `belief` group (or "according to") and reports recall and speaker-span accuracy on
them. Predictions are not filtered, so precision is undefined for the subset.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from fivew.evaluate import load_gold, load_predictions, score_quotes
from fivew.evaluate.gold import GoldArticle, GoldQuote
from fivew.extract.cues import lexicon


def is_speech(article: GoldArticle, quote: GoldQuote) -> bool:
    lex = lexicon()
    words = " ".join(article.text[a:b] for a, b in quote.cue).lower().split()
    return "according" in words or any(
        w in lex.forms and lex.forms[w][1] != "belief" for w in words)


def main() -> None:
    gold = load_gold(sys.argv[1])
    preds = load_predictions(sys.argv[2])
    subset = [replace(g, quotes=[q for q in g.quotes if is_speech(g, q)]) for g in gold]
    n, total = sum(len(g.quotes) for g in subset), sum(len(g.quotes) for g in gold)
    for threshold in (0.3, 0.8):
        s, _ = score_quotes(subset, preds, threshold, merge_fragments=True)
        print(f"speech-cue subset ({n} of {total} gold) at {int(100 * threshold)}%: "
              f"recall {100 * s.recall:.1f}%, speaker by span "
              f"{100 * (s.speaker_span.value or 0):.1f}%")


if __name__ == "__main__":
    main()
