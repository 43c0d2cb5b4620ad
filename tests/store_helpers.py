"""Hand-built analysed articles for store tests (no model): records placed at real offsets."""

from __future__ import annotations

from pathlib import Path

from fivew.ingest import from_text
from fivew.records import (
    Actor,
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quantity,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)


def span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def speaker(text: str, name: str, mention: str, **kw: str) -> Speaker:
    s = span(text, mention)
    return Speaker(name=name, text=mention, start=s.start, end=s.end, **kw)


def actor(text: str, name: str, mention: str, country: str, sector: str = "GOV",
          **kw: object) -> Actor:
    s = span(text, mention)
    return Actor(name=name, text=mention, start=s.start, end=s.end, country=country,
                 sector=sector, **kw)  # type: ignore[arg-type]


def quote(text: str, said: str, who: Speaker, cue: str, date: str | None = None) -> Quote:
    s = span(text, said)
    return Quote(text=said, start=s.start, end=s.end, kind="direct", cue=span(text, cue),
                 speaker=who, date=date)


def event(text: str, type_: str, trigger: str, sentence: str, source: Actor, target: Actor,
          **kw: object) -> Event:
    return Event(type=type_, mode=None, context=("military",), cameo="12",
                 trigger=span(text, trigger), evidence=span(text, sentence),
                 source=source, target=target, **kw)  # type: ignore[arg-type]


TALKS = (
    "Ministers reject harbour proposal\n\n"
    "By Ada Lovel\n\n"
    "March 14, 2022\n\n"
    "The foreign ministry of Northland rejected the harbour proposal from Southland on Monday, "
    "officials said.\n\n"
    "\"We will not sign a document that gives away our fishing rights,\" spokeswoman Mara Vell "
    "told reporters in Porto Alto.\n\n"
    "Southland's envoy Tomas Brek said a ceasefire along the coast was still possible.\n\n"
    "Two fishermen were killed in the clash near the harbour last week, the coast guard said."
)


WIRE = (
    "Harbour workers walk out over pay\n\n"
    "Dock workers at the port of Calder walked off the job on Tuesday after talks over a new "
    "pay deal collapsed late on Monday night, union leaders said.\n\n"
    "The strike halted the loading of grain and timber ships, and about forty vessels were "
    "waiting at anchor outside the harbour by the afternoon, according to the port authority.\n\n"
    "The union said its members had not received a rise in three years while the cost of "
    "housing near the docks had doubled. The port operator said its offer was fair and that it "
    "remained open to further talks.\n\n"
    "A spokesman for the regional government urged both sides to return to the table and said "
    "the minister for transport would meet union officials on Thursday."
)
# The same wire story as another outlet runs it: new headline, one word changed, a sentence cut.
WIRE_COPY = (
    "Calder dockers strike as pay talks fail\n\n"
    "Dock workers at the port of Calder walked off the job on Tuesday after talks over a new "
    "pay deal collapsed late on Monday night, union leaders said.\n\n"
    "The strike halted the loading of grain and timber ships, and about forty vessels were "
    "waiting at anchor outside the harbour by the evening, according to the port authority.\n\n"
    "The union said its members had not received a rise in three years while the cost of "
    "housing near the docks had doubled. The port operator said its offer was fair.\n\n"
    "A spokesman for the regional government urged both sides to return to the table and said "
    "the minister for transport would meet union officials on Thursday."
)
OTHER = (
    "Library reopens after flood repairs\n\n"
    "The central library in the river town of Meldon reopened its doors on Saturday, eight "
    "months after floodwater ruined the ground floor and much of its local history collection.\n\n"
    "Volunteers spent the winter drying and cataloguing thousands of damaged books, and a new "
    "reading room for children was built where the archive used to be, the council said."
)


def talks_article(text: str = TALKS, **meta: str) -> Article:
    """An article with one of every record kind, offsets found in `text`."""
    a = from_text(text, source="talks.txt", **meta)  # type: ignore[arg-type]
    vell = speaker(text, "Mara Vell", "Mara Vell", role="spokeswoman", country="NLD")
    brek = speaker(text, "Tomas Brek", "Tomas Brek", country="SLD")
    m = span(text, "Mara Vell")
    a.entities = [Entity("E1", "Mara Vell", "PERSON", m.text, m.start, m.end,
                         mentions=(Mention(m.text, m.start, m.end),), role="spokeswoman")]
    b, envoy = span(text, "Tomas Brek"), span(text, "envoy")
    a.entities.append(Entity("E2", "Tomas Brek", "PERSON", b.text, b.start, b.end, mentions=(
        Mention(envoy.text, envoy.start, envoy.end, "nominal"), Mention(b.text, b.start, b.end),
    ), role="envoy", country="SLD"))
    a.quotes = [
        quote(text, "We will not sign a document that gives away our fishing rights", vell,
              "told", date="2022-03-14"),
        quote(text, "a ceasefire along the coast was still possible", brek, "said"),
    ]
    north = actor(text, "Northland foreign ministry", "The foreign ministry of Northland", "NLD")
    south = actor(text, "Southland", "Southland", "SLD", role="envoy", inferred=True)
    porto = span(text, "Porto Alto")
    place = Place("Porto Alto", porto.text, porto.start, porto.end, geonames_id=12345,
                  lat=41.1, lon=-8.6, country="NLD", feature="city")
    monday = span(text, "on Monday")
    date = TimeExpr(monday.text, monday.start, monday.end, "2022-03-14", "day", "past")
    killed = span(text, "Two fishermen")
    sentence = ("The foreign ministry of Northland rejected the harbour proposal from "
                "Southland on Monday, officials said.")
    officials = speaker(text, "officials", "officials")
    a.events = [
        event(text, "REJECT", "rejected", sentence, north, south, place=place, date=date,
              modality="reported", reported_by=officials),
        event(text, "ASSAULT", "killed", "Two fishermen were killed in the clash near the "
              "harbour last week, the coast guard said.", south, north,
              fatalities=Quantity(2, "exact", killed.text, killed.start, killed.end)),
    ]
    a.places = [place]
    a.dates = [date]
    return a


SHORT_NEWS = [
    "Rail union calls off weekend strike\n\nThe rail workers' union called off a strike planned "
    "for Saturday after the operator raised its pay offer to six percent, a union official said "
    "on Thursday.",
    "Wildfire forces evacuation of hill villages\n\nFirefighters in the province of Varna Alta "
    "ordered hundreds of residents to leave three hill villages on Sunday as strong winds drove "
    "a wildfire towards their homes.",
    "Central bank holds rates steady\n\nThe central bank kept its main interest rate at four "
    "percent on Tuesday, saying inflation was falling more slowly than it had expected in the "
    "spring.",
]


def write_corpus(folder: Path) -> dict[str, int]:
    """Text files, a JSONL file with a bad line, an empty and a binary file in `folder`.

    Returns how many articles should be stored as ok and as errors.
    """
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("talks.txt", TALKS), ("wire.txt", WIRE), ("library.txt", OTHER)):
        (folder / name).write_text(text, encoding="utf-8")
    lines = [json.dumps({"text": t, "title": t.split("\n")[0]}) for t in SHORT_NEWS]
    (folder / "feed.jsonl").write_text("\n".join([*lines[:2], "{not json", lines[2]]) + "\n")
    (folder / "empty.txt").write_text("\n\n")
    (folder / "scan.txt").write_bytes(b"\x00\xff\x10" * 300)
    return {"ok": 6, "error": 3}


def write_0001_store(path: Path) -> None:
    """A database file as fivew wrote it before migration 0002, holding one article 'old'."""
    import duckdb

    from fivew.store.schema import MIGRATIONS

    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for statement in MIGRATIONS[0][1]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, '0001_initial', now()::TIMESTAMP)")
    con.execute("INSERT INTO articles (id, content_hash, source, text, status, seq) "
                "VALUES ('old', 'old', 'old.txt', 'An old story.', 'ok', 1)")
    con.close()
