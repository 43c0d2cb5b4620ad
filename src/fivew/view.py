"""A readable terminal view of articles and their records (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from fivew.records import Actor, Article, Place

SNIPPET = 90


def _cut(text: str, width: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def article_view(article: Article) -> Panel:
    """One panel per article: metadata, layout, then each kind of record found."""
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("title", article.title or "—")
    head.add_row("authors", ", ".join(article.authors) or "—")
    head.add_row("published", article.published or "—")
    head.add_row("updated", article.updated or "—")
    counts: dict[str, int] = {}
    for part in article.parts:
        counts[part.kind] = counts.get(part.kind, 0) + 1
    head.add_row("layout", ", ".join(f"{n} {k}" for k, n in counts.items()) or "—")
    blocks: list = [head]
    for error in article.errors:
        style = "red" if error.fatal else "yellow"
        blocks.append(Text(f"{'error' if error.fatal else 'warning'} [{error.code}] {error.message}", style=style))
    text = article.text

    if article.quotes:
        table = Table(title=f"Quotes ({len(article.quotes)})", title_justify="left", expand=True)
        table.add_column("speaker", ratio=2, min_width=16)
        table.add_column("kind", min_width=8)
        table.add_column("cue", min_width=9)
        table.add_column("quote", ratio=5)
        for q in article.quotes:
            speaker = q.speaker.name if q.speaker else "?"
            if q.speaker and q.speaker.role:
                speaker += f" ({q.speaker.role})"
            table.add_row(speaker, q.kind, q.cue.text if q.cue else "", _cut(q.text, 160))
        blocks.append(table)
    if article.events:
        table = Table(title=f"Events ({len(article.events)})", title_justify="left", expand=True)
        # Actor names wrap at word boundaries; a minimum width keeps "Ukrainian officials"
        # from being folded into a column of syllables on an 80-column terminal.
        table.add_column("type", min_width=10, overflow="fold")
        table.add_column("source", min_width=12, ratio=2)
        table.add_column("target", min_width=12, ratio=2)
        table.add_column("flags", min_width=9, overflow="fold")
        table.add_column("evidence", ratio=5)
        for e in article.events:
            flags = ", ".join(
                f for f in (("negated" if e.negated else ""), e.modality if e.modality != "asserted" else "",
                            f"{e.fatalities.qualifier} {e.fatalities.value} dead" if e.fatalities else "")
                if f
            )
            table.add_row(
                e.type + (f"\n/{e.mode}" if e.mode else ""),
                _actor(e.source), _actor(e.target), flags,
                _cut(text[e.evidence.start : e.evidence.end], 160),
            )
        blocks.append(table)
    if article.places:
        # One row per gazetteer entry: a place named ten times is still one place.
        grouped: dict[tuple[str, str | None], list[Place]] = {}
        for p in article.places:
            grouped.setdefault((p.name, p.country), []).append(p)
        table = Table(title=f"Places ({len(grouped)} in {len(article.places)} mentions)", title_justify="left")
        for col in ("place", "country", "lat, lon", "mentions"):
            table.add_column(col)
        for (name, country), mentions in grouped.items():
            first = mentions[0]
            coords = f"{first.lat:.2f}, {first.lon:.2f}" if first.lat is not None and first.lon is not None else ""
            forms = ", ".join(dict.fromkeys(m.text for m in mentions))
            table.add_row(name, country or "", coords, f"{len(mentions)}: {_cut(forms, 40)}")
        blocks.append(table)
    if article.dates:
        table = Table(title=f"Dates ({len(article.dates)})", title_justify="left")
        for col in ("mention", "value", "precision"):
            table.add_column(col)
        for d in article.dates:
            table.add_row(d.text, d.value or "?", d.precision)
        blocks.append(table)
    if article.entities:
        names = ", ".join(
            f"{e.name} [{e.label}{'/' + e.country if e.country else ''}]" for e in article.entities[:30]
        )
        blocks.append(Text(f"Entities ({len(article.entities)}): {names}", overflow="fold"))
    return Panel(Group(*blocks), title=f"[bold]{article.source}", title_align="left")


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    code = "".join(x for x in (actor.country or "", actor.sector or "") if x)
    return f"{actor.name} {code}".strip()


def print_articles(articles: list[Article], console: Console | None = None) -> None:
    console = console or Console()
    for article in articles:
        console.print(article_view(article))
