"""The PLOVER ontology (`data/plover.yaml`) and the event cue lexicon (`data/event_cues.yaml`).

Both files are read once and validated here: every type, mode and context a cue names must
exist in the ontology, and every section must have the documented shape. Errors raise
`DataFileError` naming the file and the offending key, so a user who extends a file knows
what to fix. The formats are documented in the files' comment headers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from fivew.data import DataFileError, load_yaml

_MODE = re.compile(r"^[a-z][a-z_-]*$")


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type: its modes (name -> CAMEO root override or None)."""

    name: str
    cameo: str
    quad: str
    requires_target: bool
    modes: dict[str, str | None]

    def cameo_for(self, mode: str | None) -> str:
        """The nearest CAMEO root code for this type and mode."""
        return (self.modes.get(mode) if mode else None) or self.cameo


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    contexts: frozenset[str]


@dataclass(frozen=True)
class Sense:
    """One meaning of a cue word: the event it signals, under which conditions."""

    lemma: str
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()  # verbs: allowed object head words (any if empty)
    modifiers: frozenset[str] = frozenset()  # nouns: a required modifier word (any if empty)
    subjects: frozenset[str] = frozenset()  # verbs: alternative to objects: allowed subject words
    negated_type: str | None = None  # what a negated cue becomes (None: stays, negated=True)
    negated_mode: str | None = None
    words: tuple[str, ...] = ()  # the cue's words after the first ("down" in "lay down")
    exclude: frozenset[str] = frozenset()  # words that rule the sense out when near the cue
    requires: frozenset[str] = frozenset()  # one of these words must occur in the sentence
    # verbs: True when the sense needs a direct object (or passive subject), False when it
    # takes none (no object, no complement clause), None when either will do
    transitive: bool | None = None
    needs_target: bool = False  # no event unless the sentence names whom it concerns


@dataclass(frozen=True)
class CueLexicon:
    """The validated cue lexicon. Word forms map to the senses of their lemma."""

    verbs: dict[str, tuple[Sense, ...]]  # word form of the first word -> senses
    nouns: dict[str, tuple[Sense, ...]]
    attributed: dict[str, tuple[Sense, ...]]
    modifier_modes: dict[str, dict[str, str]]
    light_verbs: frozenset[str]
    undergo_verbs: dict[str, str | None]  # verb form -> preposition (None: direct object)
    content_types: frozenset[str]
    content_modes: dict[str, dict[str, str]]
    content_retype: dict[str, dict[str, str]]  # promise type -> {content type -> new type}
    future_types: dict[str, str]
    source_preps: frozenset[str]
    target_preps: frozenset[str]
    pair_preps: frozenset[str]
    negation_words: frozenset[str]
    negation_governors: frozenset[str]
    hedges: frozenset[str]
    plans: frozenset[str]
    demands: frozenset[str]
    speech_verbs: frozenset[str]
    reason_subordinators: tuple[str, ...]
    reason_prepositions: tuple[str, ...]
    purpose_infinitive: bool
    first_person: frozenset[str]
    conditions: frozenset[str]
    scene_preps: frozenset[str]
    local_sectors: frozenset[str]
    of_source_types: frozenset[str]
    symmetric_types: frozenset[str]
    scene_types: frozenset[str]
    collective_words: frozenset[str]
    theme_object_types: frozenset[str]
    event_anaphors: frozenset[str]
    refusal_conditions: frozenset[str]
    natural_causes: frozenset[str]
    purpose_content: dict[str, frozenset[str]]
    offered_types: dict[str, str]
    offer_words: frozenset[str]
    decision_words: frozenset[str]  # "agreed to ban": a punishment decided is no threat
    blame_adverbs: frozenset[str]  # "said X opened fire first": an accusation against X
    quantity_heads: frozenset[str]
    transnational: frozenset[str] = frozenset()
    foreign_words: frozenset[str] = frozenset()  # "the foreign troops": from elsewhere
    foreign_offices: frozenset[str] = frozenset()  # "the foreign ministry" is a state's own
    leader_titles: frozenset[str] = frozenset()  # "President X" in a story filed from X's state
    beneficiary_preps: frozenset[str] = frozenset()  # "aid for Ukraine": for -> target
    beneficiary_types: frozenset[str] = frozenset()
    on_target_types: frozenset[str] = frozenset()  # a light verb's "on X" is their target
    decision_anaphors: frozenset[str] = frozenset()  # "criticised the decision": another's act
    infinitive_target_types: frozenset[str] = frozenset()  # "commitment to defend X": X
    # "rallied outside the Chinese consulate": a protest at a state's mission is aimed at it
    scene_modes: frozenset[str] = frozenset()  # "a curfew in Gressier": the town's
    site_types: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()
    reciprocal_types: frozenset[str] = frozenset()  # "X and Y agreed": each the other's target
    reciprocal_cues: frozenset[str] = frozenset()  # lemmas mutual by meaning ("swap")
    one_sided_objects: frozenset[str] = frozenset()  # "signed the joint statement": not mutual
    conditional_types: dict[str, str] = field(default_factory=dict)  # "would cut gas if": THREATEN
    act_objects: frozenset[str] = frozenset()  # "military action against X": an act, not a party
    go_between_modes: frozenset[str] = frozenset()  # co-mediators are not each other's party
    exchanged_captives: frozenset[str] = frozenset()  # two states free each other's people
    denial_verbs: frozenset[str] = frozenset()  # "denied that ...": aimed at the accuser
    denied_claims: frozenset[str] = frozenset()  # "dismissed the claims": likewise
    provocations: frozenset[str] = frozenset()  # types a threat naming no one answers
    answers: frozenset[str] = frozenset()  # "vowed to retaliate": a threat of an answer
    light_verb_preps: frozenset[tuple[str, str]] = frozenset()  # ("stood", "in") solidarity
    unreal_governors: frozenset[str] = frozenset()  # word forms: their complement is not done
    partitives: frozenset[str] = frozenset()  # "three days of exercises": stand for the act
    held_types: frozenset[str] = frozenset()  # arrests: their uncoded object is held people
    held_people: frozenset[str] = frozenset()  # "detained three suspects"
    crowd_types: frozenset[str] = frozenset()  # protests: their uncoded subject is a crowd
    own_people_modes: frozenset[str] = frozenset()  # a curfew with no target: the imposer's people


@functools.cache
def load_ontology() -> Ontology:
    return build_ontology(load_yaml("plover.yaml"))


@functools.cache
def load_cues() -> CueLexicon:
    return build_cues(load_yaml("event_cues.yaml"), load_ontology())


def build_ontology(raw: Any, source: str = "fivew/data/plover.yaml") -> Ontology:
    """Validate the parsed plover.yaml; raise DataFileError naming `source` and the key."""

    def fail(msg: str) -> DataFileError:
        return DataFileError(f"data file {source}: {msg}")

    if not isinstance(raw, dict) or not isinstance(raw.get("types"), dict):
        raise fail("needs a `types` mapping")
    types = {}
    for name, spec in raw["types"].items():
        if not isinstance(name, str) or not name.isupper() or not isinstance(spec, dict):
            raise fail(f"type {name!r} must be an upper-case name mapping to its fields")
        cameo = spec.get("cameo")
        if not isinstance(cameo, str) or not re.fullmatch(r"\d\d", cameo):
            raise fail(f"types.{name}.cameo must be a two-digit string such as \"04\"")
        modes: dict[str, str | None] = {}
        for mode, detail in (spec.get("modes") or {}).items():
            if not isinstance(mode, str) or not _MODE.match(mode):
                raise fail(f"types.{name}.modes: bad mode name {mode!r}")
            override = detail.get("cameo") if isinstance(detail, dict) else None
            if override is not None and not re.fullmatch(r"\d\d", str(override)):
                raise fail(f"types.{name}.modes.{mode}.cameo must be two digits")
            modes[mode] = str(override) if override is not None else None
        types[name] = EventType(name, cameo, str(spec.get("quad", "")),
                                bool(spec.get("requires_target", False)), modes)
    contexts = raw.get("contexts") or {}
    if not isinstance(contexts, dict):
        raise fail("`contexts` must map context names to descriptions")
    return Ontology(types, frozenset(str(c) for c in contexts))


def build_cues(raw: Any, ontology: Ontology, source: str = "fivew/data/event_cues.yaml"
               ) -> CueLexicon:
    """Validate the parsed event_cues.yaml against the ontology."""

    def fail(msg: str) -> DataFileError:
        return DataFileError(f"data file {source}: {msg}")

    if not isinstance(raw, dict):
        raise fail("must be a mapping of sections")

    def words(section: str, value: Any = None) -> frozenset[str]:
        value = raw.get(section) if value is None else value
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise fail(f"`{section}` must be a list of strings (quote yes/no/on/off)")
        return frozenset(w.lower() for w in value)

    def type_name(value: Any, where: str) -> str:
        if value not in ontology.types:
            raise fail(f"{where}: {value!r} is not a PLOVER type in plover.yaml")
        return str(value)

    def mode_name(type_: str, value: Any, where: str) -> str:
        if value not in ontology.types[type_].modes:
            raise fail(f"{where}: {value!r} is not a mode of {type_} in plover.yaml")
        return str(value)

    def senses(section: str, plural: bool) -> dict[str, tuple[Sense, ...]]:
        table: dict[str, list[Sense]] = {}
        for lemma, spec in (raw.get(section) or {}).items():
            where = f"{section}.{lemma}"
            specs = spec if isinstance(spec, list) else [spec]
            for n, one in enumerate(specs):
                sense = _sense(str(lemma), one, f"{where}[{n}]", type_name, mode_name, ontology, fail)
                first, *_ = str(lemma).lower().split()
                extra = [str(f).lower() for f in (one.get("forms") or [])]
                for form in {*_inflect(first, plural), *extra}:
                    table.setdefault(form, []).append(sense)
        return {k: tuple(v) for k, v in table.items()}

    verbs = senses("verbs", plural=False)
    nouns = senses("nouns", plural=True)
    attributed = senses("attributed", plural=False)
    modifier_modes: dict[str, dict[str, str]] = {}
    for type_, table in (raw.get("modifier_modes") or {}).items():
        type_name(type_, "modifier_modes")
        modifier_modes[type_] = {
            str(w).lower(): mode_name(type_, m, f"modifier_modes.{type_}.{w}") for w, m in table.items()
        }
    undergo: dict[str, str | None] = {}
    for pair in raw.get("undergo_verbs") or []:
        if not isinstance(pair, list) or not 1 <= len(pair) <= 2:
            raise fail(f"undergo_verbs: {pair!r} must be [verb] or [verb, preposition]")
        for form in _inflect(str(pair[0]).lower(), plural=False) | _irregular_be(pair[0]):
            undergo[form] = str(pair[1]).lower() if len(pair) == 2 else None
    content_modes = {}
    for type_, table in (raw.get("content_modes") or {}).items():
        type_name(type_, "content_modes")
        content_modes[type_] = {
            str(k): mode_name(type_, v, f"content_modes.{type_}.{k}") for k, v in (table or {}).items()
        }
    future = {type_name(k, "future_types"): type_name(v, f"future_types.{k}")
              for k, v in (raw.get("future_types") or {}).items()}
    conditional = {type_name(k, "conditional_types"): type_name(v, f"conditional_types.{k}")
                   for k, v in (raw.get("conditional_types") or {}).items()}
    args = raw.get("noun_arguments") or {}
    neg = raw.get("negation") or {}
    mod = raw.get("modality") or {}
    reasons = raw.get("reason_markers") or {}
    return CueLexicon(
        verbs=verbs,
        nouns=nouns,
        attributed=attributed,
        modifier_modes=modifier_modes,
        light_verbs=frozenset(f for w in words("light_verbs") for f in _inflect(w, plural=False)),
        undergo_verbs=undergo,
        content_types=frozenset(type_name(t, "content_types")
                                for t in raw.get("content_types") or []),
        content_modes=content_modes,
        content_retype={type_name(k, "content_retype"): {
            type_name(c, f"content_retype.{k}"): type_name(t, f"content_retype.{k}.{c}")
            for c, t in (v or {}).items()} for k, v in (raw.get("content_retype") or {}).items()},
        future_types=future,
        conditional_types=conditional,
        source_preps=words("noun_arguments.source", args.get("source", [])),
        target_preps=words("noun_arguments.target", args.get("target", [])),
        pair_preps=words("noun_arguments.pair", args.get("pair", [])),
        negation_words=words("negation.words", neg.get("words", [])),
        negation_governors=words("negation.governors", neg.get("governors", [])),
        hedges=words("modality.hedges", mod.get("hedges", [])),
        plans=words("modality.plans", mod.get("plans", [])),
        demands=words("modality.demands", mod.get("demands", [])),
        speech_verbs=words("speech_verbs"),
        reason_subordinators=tuple(words("reason_markers.subordinators",
                                         reasons.get("subordinators", []))),
        reason_prepositions=tuple(words("reason_markers.prepositions",
                                        reasons.get("prepositions", []))),
        purpose_infinitive=bool(reasons.get("purpose_infinitive", False)),
        first_person=words("first_person"),
        conditions=words("conditions"),
        scene_preps=words("noun_arguments.scene", args.get("scene", [])),
        local_sectors=frozenset(w.upper() for w in words("local_sectors")),
        of_source_types=frozenset(type_name(t, "noun_arguments.of_source")
                                  for t in args.get("of_source") or []),
        symmetric_types=frozenset(type_name(t, "noun_arguments.symmetric")
                                  for t in args.get("symmetric") or []),
        scene_types=frozenset(type_name(t, "noun_arguments.scene_types")
                              for t in args.get("scene_types") or []),
        quantity_heads=words("quantity_heads"),
        collective_words=words("collective_words"),
        offered_types={type_name(k, "offered_types"): type_name(v, f"offered_types.{k}")
                       for k, v in (raw.get("offered_types") or {}).items()},
        offer_words=words("offer_words"),
        decision_words=words("decision_words"),
        blame_adverbs=words("blame_adverbs"),
        event_anaphors=words("event_anaphors"),
        decision_anaphors=words("decision_anaphors", raw.get("decision_anaphors", [])),
        refusal_conditions=words("refusal_conditions"),
        natural_causes=words("natural_causes"),
        purpose_content={type_name(k, "purpose_content"): frozenset(
            type_name(t, f"purpose_content.{k}") for t in v or [])
            for k, v in (raw.get("purpose_content") or {}).items()},
        theme_object_types=frozenset(type_name(t, "theme_object_types")
                                     for t in raw.get("theme_object_types") or []),
        transnational=words("transnational", raw.get("transnational", [])),
        foreign_words=words("foreign_words", raw.get("foreign_words", [])),
        foreign_offices=words("foreign_offices", raw.get("foreign_offices", [])),
        leader_titles=words("leader_titles", raw.get("leader_titles", [])),
        reciprocal_types=frozenset(type_name(t, "reciprocal_types")
                                   for t in raw.get("reciprocal_types") or []),
        light_verb_preps=_pairs(raw.get("light_verb_preps") or [], fail),
        reciprocal_cues=words("reciprocal_cues", raw.get("reciprocal_cues", [])),
        one_sided_objects=words("one_sided_objects", raw.get("one_sided_objects", [])),
        act_objects=words("act_objects", raw.get("act_objects", [])),
        go_between_modes=words("go_between_modes", raw.get("go_between_modes", [])),
        exchanged_captives=words("exchanged_captives", raw.get("exchanged_captives", [])),
        denial_verbs=words("denials.verbs", (raw.get("denials") or {}).get("verbs", [])),
        denied_claims=words("denials.claims", (raw.get("denials") or {}).get("claims", [])),
        provocations=frozenset(type_name(t, "provocations.types")
                               for t in (raw.get("provocations") or {}).get("types", [])),
        answers=words("provocations.answers", (raw.get("provocations") or {}).get("answers", [])),
        beneficiary_preps=words("noun_arguments.beneficiary", args.get("beneficiary", [])),
        beneficiary_types=frozenset(type_name(t, "noun_arguments.beneficiary_types")
                                    for t in args.get("beneficiary_types") or []),
        on_target_types=frozenset(type_name(t, "noun_arguments.on_target_types")
                                  for t in args.get("on_target_types") or []),
        infinitive_target_types=frozenset(
            type_name(t, "noun_arguments.infinitive_target_types")
            for t in args.get("infinitive_target_types") or []),
        scene_modes=words("noun_arguments.scene_modes", args.get("scene_modes", [])),
        site_types=frozenset(type_name(t, "noun_arguments.site_types")
                             for t in args.get("site_types") or []),
        sites=words("noun_arguments.sites", args.get("sites", [])),
        partitives=frozenset(f for w in words("partitives", raw.get("partitives", []))
                             for f in _inflect(w, plural=True)),
        held_types=frozenset(type_name(t, "held_types") for t in raw.get("held_types") or []),
        crowd_types=frozenset(type_name(t, "crowd_types") for t in raw.get("crowd_types") or []),
        held_people=frozenset(f for w in words("held_people", raw.get("held_people", []))
                              for f in _inflect(w, plural=True)),
        unreal_governors=frozenset(f for w in words("unreal_governors", raw.get("unreal_governors", []))
                                   for f in _inflect(w, plural=False)),
        own_people_modes=words("own_people_modes", raw.get("own_people_modes", [])),
    )


def _sense(lemma: str, spec: Any, where: str, type_name: Any, mode_name: Any,
           ontology: Ontology, fail: Any) -> Sense:
    if not isinstance(spec, dict):
        raise fail(f"{where} must be a mapping with at least `type`")
    unknown = set(spec) - {"type", "mode", "context", "objects", "subjects", "modifiers", "negated",
                           "forms", "exclude", "requires", "transitive", "needs_target"}
    if unknown:
        raise fail(f"{where}: unknown field(s) {sorted(unknown)}")
    type_ = type_name(spec.get("type"), where)
    mode = mode_name(type_, spec["mode"], where) if spec.get("mode") else None
    context = tuple(str(c) for c in spec.get("context") or ())
    for c in context:
        if c not in ontology.contexts:
            raise fail(f"{where}: context {c!r} is not in plover.yaml")
    neg_type = neg_mode = None
    if spec.get("negated"):
        neg_type, _, neg_mode_raw = str(spec["negated"]).partition("/")
        type_name(neg_type, f"{where}.negated")
        neg_mode = mode_name(neg_type, neg_mode_raw, f"{where}.negated") if neg_mode_raw else None
    for key in ("objects", "subjects", "modifiers", "forms", "exclude", "requires"):
        value = spec.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise fail(f"{where}.{key} must be a list of words")
    for flag in ("transitive", "needs_target"):  # transitive absent: either
        if not isinstance(spec.get(flag, False), bool):
            raise fail(f"{where}.{flag} must be true or false")
    # upper-case entries are entity labels ("GPE": any named country or city as object)
    labels = frozenset(o for o in spec.get("objects") or () if o.isupper())
    objects = frozenset(o.lower() for o in spec.get("objects") or () if not o.isupper())
    objects = frozenset(f for o in objects for f in _inflect(o, plural=True)) | labels
    return Sense(
        lemma=lemma,
        type=type_,
        mode=mode,
        context=context,
        objects=objects,
        modifiers=frozenset(m.lower() for m in spec.get("modifiers") or ()),
        subjects=frozenset(f for w in spec.get("subjects") or () for f in _inflect(w.lower(), plural=True)),
        negated_type=neg_type,
        negated_mode=neg_mode,
        words=tuple(lemma.lower().split()[1:]),
        exclude=frozenset(f for w in spec.get("exclude") or () for f in _inflect(w.lower(), plural=True)),
        requires=frozenset(f for w in spec.get("requires") or () for f in _inflect(w.lower(), plural=False)),
        transitive=spec.get("transitive"),
        needs_target=bool(spec.get("needs_target", False)),
    )


def _pairs(value: Any, fail: Any) -> frozenset[tuple[str, str]]:
    """`light_verb_preps`: a list of [verb lemma, preposition]."""
    if not isinstance(value, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p) for p in value):
        raise fail("light_verb_preps must be a list of [verb, preposition] pairs")
    # word forms, not lemmas: the parser may leave lemmas empty ("stood" is listed in `forms`)
    return frozenset((form, str(p).lower()) for v, p in value
                     for form in _inflect(str(v).lower(), plural=False))


def _irregular_be(word: Any) -> set[str]:
    return {"is", "are", "was", "were", "been", "being", "be"} if word == "be" else set()


def _inflect(word: str, plural: bool) -> set[str]:
    """Regular inflections of a noun (plural) or verb (3sg, past, participle, gerund).

    Over-generation is harmless (no real token is "visitting"); irregular forms are listed
    in the data file.
    """
    forms = {word}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"} if not plural else {word[:-1] + "ies"}
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(word + "es")
    else:
        forms.add(word + "s")
    if plural:
        return forms
    stem = word[:-1] if word.endswith("e") and not word.endswith("ee") else word
    forms |= {stem + "ed", stem + "ing"}
    if word.endswith("e"):
        forms.add(word + "d")
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms
