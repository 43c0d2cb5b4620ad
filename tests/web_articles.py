"""Hand-built analysed articles for the API and web-page tests (no model needed).

Every record is placed at real offsets found in the text, like the pipeline's output, so
the page and the API are tested on the full output contract before the extraction stages
fill it. The stories are invented; the places are real so the map has something to show.
"""

from __future__ import annotations

from fivew.ingest import from_text
from fivew.records import Actor, Article, Event, Place, Quantity, Quote, Speaker, TimeExpr
from store_helpers import span

STALLED = (
    "Talks stall as shelling resumes near Kharkiv\n\n"
    "By Maria Lopez\n\n"
    "March 14, 2023\n\n"
    "Negotiators met in Istanbul on Tuesday but failed to agree on a prisoner exchange, "
    "officials said.\n\n"
    "\u201cWe came here in good faith, and we leave with nothing,\u201d said Andriy Kovalenko, "
    "a deputy foreign minister, after the meeting.\n\n"
    "The regional governor, Olena Marchuk, said at least 12 people were killed when artillery "
    "struck a market in Kharkiv on Monday night.\n\n"
    "Moscow denied targeting civilians. \u201cOur forces strike only military objects,\u201d "
    "defence ministry spokesman Pavel Orlov told reporters, adding that the claims were "
    "\u201cfabricated.\u201d\n\n"
    "Turkish officials said they would host a new round of talks in Ankara in April.\n\n"
    "Marchuk said emergency crews were still searching the rubble on Tuesday."
)


def who(text: str, name: str, mention: str, after: int = 0, **kw: str) -> Speaker:
    s = span(text, mention, after)
    return Speaker(name=name, text=mention, start=s.start, end=s.end, **kw)


def actor(text: str, name: str, mention: str, country: str | None, sector: str) -> Actor:
    s = span(text, mention)
    return Actor(name=name, text=mention, start=s.start, end=s.end, country=country,
                 sector=sector)


def said(text: str, words: str, speaker: Speaker, cue: str, kind: str = "direct",
         after: int = 0) -> Quote:
    s = span(text, words, after)
    return Quote(text=words, start=s.start, end=s.end, kind=kind,  # type: ignore[arg-type]
                 cue=span(text, cue, s.start if kind == "direct" else after), speaker=speaker)


def place(text: str, name: str, lat: float, lon: float, country: str, after: int = 0) -> Place:
    s = span(text, name, after)
    return Place(name, s.text, s.start, s.end, lat=lat, lon=lon, country=country,
                 feature="city")


def when(text: str, words: str, value: str, precision: str, after: int = 0) -> TimeExpr:
    s = span(text, words, after)
    return TimeExpr(s.text, s.start, s.end, value, precision, "past")  # type: ignore[arg-type]


def stalled_talks() -> Article:
    """Quotes by four speakers (one quoted twice), four events, three places, four dates."""
    t = STALLED
    a = from_text(t, source="stalled.txt")
    kovalenko = who(t, "Andriy Kovalenko", "Andriy Kovalenko", role="deputy foreign minister",
                    country="UKR")
    marchuk = who(t, "Olena Marchuk", "Olena Marchuk", role="regional governor", country="UKR")
    marchuk2 = who(t, "Olena Marchuk", "Marchuk", after=t.index("Turkish"),
                   role="regional governor", country="UKR")
    orlov = who(t, "Pavel Orlov", "Pavel Orlov", role="defence ministry spokesman",
                affiliation="Russian Defence Ministry", country="RUS")
    turks = who(t, "Turkish officials", "Turkish officials", country="TUR")
    a.quotes = [
        said(t, "We came here in good faith, and we leave with nothing", kovalenko, "said"),
        said(t, "at least 12 people were killed when artillery struck a market in Kharkiv on "
             "Monday night", marchuk, "said", "indirect", after=t.index("Olena")),
        said(t, "Our forces strike only military objects", orlov, "told"),
        said(t, "the claims were \u201cfabricated.\u201d", orlov, "adding", "mixed",
             after=t.index("adding")),
        said(t, "they would host a new round of talks in Ankara in April", turks, "said",
             "indirect", after=t.index("Turkish")),
        said(t, "emergency crews were still searching the rubble on Tuesday", marchuk2, "said",
             "indirect", after=t.index("Marchuk said")),
    ]
    istanbul = place(t, "Istanbul", 41.01, 28.98, "TUR")
    kharkiv = place(t, "Kharkiv", 49.99, 36.23, "UKR", after=t.index("market"))
    ankara = place(t, "Ankara", 39.93, 32.86, "TUR")
    a.places = [place(t, "Kharkiv", 49.99, 36.23, "UKR"), istanbul, kharkiv,
                place(t, "Moscow", 55.76, 37.62, "RUS"), ankara]
    tuesday = when(t, "on Tuesday", "2023-03-14", "day")
    monday = when(t, "on Monday night", "2023-03-13", "day")
    april = when(t, "in April", "2023-04", "month")
    a.dates = [tuesday, monday, april,
               when(t, "on Tuesday", "2023-03-14", "day", after=t.index("rubble"))]
    first = "Negotiators met in Istanbul on Tuesday but failed to agree on a prisoner exchange, officials said."
    strike = ("The regional governor, Olena Marchuk, said at least 12 people were killed when "
              "artillery struck a market in Kharkiv on Monday night.")
    a.events = [
        Event("CONSULT", "meet", (), "04", span(t, "met"), span(t, first),
              actor(t, "negotiators", "Negotiators", None, "GOV"), None, place=istanbul,
              date=tuesday, confidence=0.8),
        Event("ASSAULT", "firearms", ("military",), "19", span(t, "struck"), span(t, strike),
              actor(t, "artillery", "artillery", None, "MIL"),
              actor(t, "market", "a market", "UKR", "CVL"), modality="reported",
              reported_by=marchuk, place=kharkiv, date=monday,
              fatalities=Quantity(12, "at least", "at least 12 people",
                                  *_bounds(t, "at least 12 people")), confidence=0.7),
        Event("ASSAULT", None, (), "18", span(t, "targeting"),
              span(t, "Moscow denied targeting civilians."),
              actor(t, "Russia", "Moscow", "RUS", "GOV"), actor(t, "civilians", "civilians",
                                                                None, "CVL"),
              negated=True, modality="reported", confidence=0.6),
        Event("CONSULT", "host", (), "04", span(t, "host"),
              span(t, "Turkish officials said they would host a new round of talks in Ankara "
                   "in April."),
              actor(t, "Turkey", "Turkish officials", "TUR", "GOV"), None,
              modality="planned", place=ankara, date=april, confidence=0.6),
    ]
    return a


def _bounds(text: str, words: str) -> tuple[int, int]:
    s = span(text, words)
    return s.start, s.end


HOSTILE = (
    "Council <b>votes</b> on budget\n\n"
    "By <i>Staff</i>\n\n"
    "The council met on Monday. <script>window.__pwned=1</script> "
    "Critics posted <img src=x onerror=\"window.__pwned=1\"> online.\n\n"
    "\u201cThis <iframe src=javascript:alert(1)> is not acceptable,\u201d said "
    "<svg onload=window.__pwned=1>Ann Lee</svg>, a councillor."
)


def hostile() -> Article:
    """Markup and script in the text, the title, a speaker's name and a place name."""
    t = HOSTILE
    a = from_text(t, source="hostile.txt", title="<img src=x onerror=\"window.__pwned=1\">Budget")
    lee = who(t, "<svg onload=window.__pwned=1>Ann Lee</svg>",
              "<svg onload=window.__pwned=1>Ann Lee</svg>", role="<b>councillor</b>")
    a.quotes = [said(t, "This <iframe src=javascript:alert(1)> is not acceptable", lee, "said")]
    s = span(t, "<script>window.__pwned=1</script>")
    a.places = [Place("<img src=x onerror=window.__pwned=1>", s.text, s.start, s.end,
                      lat=51.5, lon=-0.12)]
    return a
