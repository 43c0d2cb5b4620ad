"""Copy of the baseline entities stage (commit 120016b), kept for bench_entities.py.

Named entities, grouped into one `Entity` per person, organisation or place.

Baseline: every NER span is a name mention; a shorter person name ("Sidorov") joins the
fullest name that ends with it ("Ivan Sidorov"). Pronouns and descriptions are resolved
by `fivew.extract.coref` where present.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from fivew.records import Article, Entity, Mention

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    """One `Entity` per distinct referent among the doc's named-entity spans."""
    spans = [ent for ent in doc.ents if ent.label_ in ENTITY_LABELS]
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        groups.setdefault((span.label_, _key(span)), []).append(span)
    # Attach short person names to the longest name that ends with them.
    persons = sorted((k for k in groups if k[0] == "PERSON"), key=lambda k: -len(k[1]))
    for label, key in list(persons):
        for longer_label, longer in persons:
            if longer != key and longer.endswith(" " + key) and (label, key) in groups:
                groups.setdefault((longer_label, longer), []).extend(groups.pop((label, key)))
                break
    entities = []
    for n, ((label, _), members) in enumerate(
        sorted(groups.items(), key=lambda kv: min(s.start_char for s in kv[1]))
    ):
        members.sort(key=lambda s: s.start_char)
        fullest = max(members, key=lambda s: len(s.text))
        first = members[0]
        entities.append(
            Entity(
                entity_id=f"E{n + 1}",
                name=fullest.text,
                label=label,
                text=first.text,
                start=first.start_char,
                end=first.end_char,
                mentions=tuple(Mention(s.text, s.start_char, s.end_char) for s in members),
            )
        )
    return entities


def _key(span: Span) -> str:
    words = [t.text for t in span if not (t.i == span.start and t.lower_ == "the")]
    return " ".join(words).replace("’s", "").replace("'s", "")
