"""WARC archives and RSS/Atom feeds become Articles; bad ones become error Articles."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from fivew.ingest import read_paths

PARAGRAPHS = [
    "The city council of Aldford voted on Wednesday to close the old river bridge to cars "
    "after engineers found deep cracks in two of its stone arches.",
    "Cyclists and people on foot may still cross, the council said, while repairs that could "
    "take two years are planned and paid for.",
    "Shop owners on both banks said the closure would cost them customers, and asked for a "
    "free bus across the new bridge further downstream.",
]


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2023-06-07"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()


def write_warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)

        def response(uri: str, payload: bytes, kind: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers))

        writer.write_record(writer.create_warc_record(
            "https://news.example/bridge", "request", payload=io.BytesIO(b"GET /bridge HTTP/1.1\r\n\r\n")))
        response("https://news.example/bridge", page("Aldford closes river bridge", PARAGRAPHS),
                 "text/html; charset=utf-8")
        response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        response("https://news.example/menu", b"<html><body><a href='/'>Home</a></body></html>",
                 "text/html")


@pytest.mark.parametrize("name,gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str, gzip: bool) -> None:
    write_warc(tmp_path / name, gzip)
    articles = list(read_paths([str(tmp_path / name)]))
    assert len(articles) == 2  # the page and the navigation-only page; not the image
    good, menu = articles
    assert good.ok and good.url == "https://news.example/bridge"
    assert good.source == f"{tmp_path / name}#https://news.example/bridge"
    assert good.title == "Aldford closes river bridge"
    assert "deep cracks" in good.text and good.published == "2023-06-07"
    assert not menu.ok and menu.errors[0].code == "no_article"


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "broken.warc").write_bytes(b"this is not an archive\n" * 5)
    [article] = read_paths([str(tmp_path / "broken.warc")])
    assert not article.ok and article.errors[0].code == "unreadable"
    assert "WARC" in article.errors[0].message


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Aldford Gazette</title><link>https://gazette.example/</link>
<item><title>Aldford closes river bridge</title><link>https://gazette.example/bridge</link>
<pubDate>Wed, 07 Jun 2023 09:30:00 GMT</pubDate>
<description>Short teaser only.</description>
<content:encoded><![CDATA[{html}]]></content:encoded></item>
<item><title>Market moves to the square</title><link>https://gazette.example/market</link>
<pubDate>Thu, 08 Jun 2023 10:00:00 GMT</pubDate>
<description>The Saturday market will move to the cathedral square from July, traders said after a vote on Tuesday.</description></item>
<item><title>Nothing here</title><link>https://gazette.example/empty</link></item>
</channel></rss>
""".replace("{html}", "".join(f"<p>{p}</p>" for p in PARAGRAPHS))

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>
<entry><title>Ferry service resumes</title><link href="https://harbour.example/ferry"/>
<id>tag:harbour.example,2023:ferry</id><updated>2023-05-02T08:00:00Z</updated>
<published>2023-05-01T18:00:00Z</published><author><name>Ines Ward</name></author>
<content type="html">&lt;p&gt;The island ferry sailed again on Monday after a week of storms kept it in port.&lt;/p&gt;&lt;p&gt;Its operator said extra crossings would run until Friday.&lt;/p&gt;</content>
</entry></feed>
"""


@pytest.mark.parametrize("name", ["gazette.rss", "gazette.xml"])
def test_rss_items_become_articles(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(RSS, encoding="utf-8")
    bridge, market, empty = read_paths([str(tmp_path / name)])
    assert bridge.ok and bridge.title == "Aldford closes river bridge"
    assert bridge.url == "https://gazette.example/bridge"
    assert bridge.published == "2023-06-07T09:30:00" and bridge.updated is None
    # content:encoded wins over the teaser; one paragraph per line after the title
    assert bridge.text == "Aldford closes river bridge\n\n" + "\n\n".join(PARAGRAPHS)
    assert [p.kind for p in bridge.parts] == ["title", "body", "body", "body"]
    for part in bridge.body:
        assert bridge.text[part.start : part.end] in PARAGRAPHS
    assert market.ok and "cathedral square" in market.text
    assert not empty.ok and empty.errors[0].code == "empty"


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    (tmp_path / "harbour.atom").write_text(ATOM, encoding="utf-8")
    [ferry] = read_paths([str(tmp_path / "harbour.atom")])
    assert ferry.ok and ferry.authors == ["Ines Ward"]
    assert ferry.published == "2023-05-01T18:00:00" and ferry.updated == "2023-05-02T08:00:00"
    assert ferry.text.splitlines()[2] == (
        "The island ferry sailed again on Monday after a week of storms kept it in port."
    )
    assert ferry.source.endswith("#tag:harbour.example,2023:ferry")


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "config.xml").write_text("<?xml version='1.0'?><settings><a>1</a></settings>")
    [article] = read_paths([str(tmp_path / "config.xml")])
    assert not article.ok and "not an RSS or Atom feed" in article.errors[0].message


def test_a_broken_feed_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "broken.rss").write_bytes(b"\x00\x01 definitely not xml")
    [article] = read_paths([str(tmp_path / "broken.rss")])
    assert not article.ok and article.errors[0].code == "unreadable"
