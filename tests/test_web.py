"""The web page in a real headless Chromium (Selenium), served by a real uvicorn server.

Stored articles come from hand-built records (tests/web_articles.py) in a DuckDB file;
pasted articles go through POST /extract and the real pipeline.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fivew.api import create_app
from fivew.api.extract import Extractor
from fivew.ingest import from_text
from fivew.records import Article
from fivew.store import Store
from server_helpers import running
from web_articles import HOSTILE, STALLED, hostile, said, stalled_talks, who

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip("the web-page tests need Chromium and its driver: apt-get install chromium "
                "chromium-driver", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow
MAX_BYTES = 50_000
_reloads = itertools.count()


def empty_article() -> Article:
    return from_text("Quiet day\n\nNothing happened in the town on Sunday, and nobody said "
                     "anything about it to anyone at all.", source="quiet.txt")


def wire_copy() -> Article:
    """The stalled-talks story as another outlet ran it: same body, another byline."""
    text = STALLED.replace("By Maria Lopez", "By Wire Staff")
    return from_text(text, source="copy.txt")


def astral_article() -> Article:
    """Characters outside the BMP before a quote: Python and JS count them differently."""
    text = ("Fans cheered 🎉🎉 in the square. \u201cWe waited 🏆 thirty years for this,\u201d "
            "said Rui Costa, the club's captain.")
    article = from_text(text, source="astral.txt", title="Cup final", layout=False)
    costa = who(text, "Rui Costa", "Rui Costa", role="captain")
    article.quotes = [said(text, "We waited 🏆 thirty years for this", costa, "said")]
    return article


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[str]:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("web") / "fivew.duckdb"
    with Store(path) as store:
        store.add([stalled_talks(), hostile(), empty_article(), astral_article()])
        store.add([wire_copy()])
    app = create_app(path, max_bytes=MAX_BYTES, extractor=Extractor(pipeline=pipeline))
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 "--window-size=1280,720",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # A driver path given: Selenium Manager has nothing to find and downloads nothing.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def wait(browser: webdriver.Chrome, condition: Any, timeout: float = 20) -> Any:
    return WebDriverWait(browser, timeout).until(lambda d: condition(d))


def open_page(browser: webdriver.Chrome, site: str, article_id: str | None = None) -> None:
    """Load the page afresh (a new query string forces a reload) and wait until shown."""
    fragment = f"#article={article_id}" if article_id else ""
    browser.get(f"{site}/?visit={next(_reloads)}{fragment}")
    if article_id:
        wait(browser, lambda d: d.execute_script("return document.body.dataset.ready") == "true")


def pwned(browser: webdriver.Chrome) -> Any:
    return browser.execute_script("return window.__pwned")


def markup_inside(browser: webdriver.Chrome, selector: str) -> int:
    return int(browser.execute_script(
        "return document.querySelectorAll(arguments[0]).length",
        f"{selector} script, {selector} img, {selector} iframe, {selector} b, {selector} i"))


def in_view(browser: webdriver.Chrome, element: WebElement) -> bool:
    return bool(browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", element))


def submit(browser: webdriver.Chrome, text: str, title: str = "") -> None:
    box = browser.find_element(By.ID, "in-text")
    browser.execute_script("arguments[0].value = arguments[1]", box, text)
    browser.execute_script("arguments[0].value = arguments[1]",
                           browser.find_element(By.ID, "in-title"), title)
    browser.find_element(By.ID, "analyse").click()


# ---- untrusted text stays text -------------------------------------------------------------


PASTED = ("Clinic reopens after storm\n\n"
          "The clinic in Braga reopened on Monday. <script>window.__pwned=1</script> "
          "Residents shared photos <img src=x onerror=\"window.__pwned=1\"> of the repairs, "
          "and the mayor said the work cost <b>less</b> than expected.")


def test_pasted_article_with_html_is_shown_as_text_and_never_run(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site)
    submit(browser, PASTED, title="<img src=x onerror=\"window.__pwned=1\">Clinic")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready") == "true")
    shown = browser.find_element(By.ID, "article-text").get_attribute("textContent")
    assert shown == PASTED
    assert "<script>window.__pwned=1</script>" in browser.find_element(By.ID, "article-text").text
    assert browser.find_element(By.ID, "article-title").text.startswith("<img src=x")
    assert markup_inside(browser, "#view") == 0
    assert pwned(browser) is None


PAGE = ("<html><head><title>Ferry service resumes</title>"
        "<script>window.__pwned=1</script></head><body><nav>Home | World</nav><article>"
        "<h1>Ferry service resumes</h1>"
        "<p>The ferry between the two islands resumed service on Wednesday after a two-week "
        "strike, the operator said, and more crossings will be added in summer.</p>"
        "<p>Union leaders said the new contract &lt;b&gt;guarantees&lt;/b&gt; rest days "
        "for crews, and that the dispute over pay had been settled for now.</p>"
        "<img src=x onerror=\"window.__pwned=1\"></article></body></html>")


def test_pasted_html_page_is_read_as_an_article(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site)
    browser.find_element(By.ID, "in-html").click()
    submit(browser, PAGE)
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready") == "true")
    shown = browser.find_element(By.ID, "article-text").get_attribute("textContent")
    assert "resumed service on Wednesday" in shown
    assert "the new contract <b>guarantees</b> rest days" in shown  # entities decoded, as text
    assert "<p>" not in shown and "Home | World" not in shown
    assert browser.find_element(By.ID, "article-title").text == "Ferry service resumes"
    assert markup_inside(browser, "#view") == 0
    assert pwned(browser) is None


def test_stored_article_with_html_everywhere_is_escaped(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = hostile()
    open_page(browser, site, article.id)
    assert browser.find_element(By.ID, "article-text").get_attribute("textContent") == HOSTILE
    assert browser.find_element(By.ID, "article-title").text == article.title
    speaker = browser.find_element(By.CSS_SELECTOR, "#speakers .name").text
    assert speaker == "<svg onload=window.__pwned=1>Ann Lee</svg>"
    assert "<b>councillor</b>" in browser.find_element(By.CSS_SELECTOR, "#speakers .role").text
    labels = [e.get_attribute("textContent")
              for e in browser.find_elements(By.CSS_SELECTOR, "#map .marker-label")]
    assert labels and labels[0].startswith("<img src=x")
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#results a")]
    assert article.title in titles
    assert markup_inside(browser, "body") == 0
    # Only the page's own two charts are SVG: the speaker's <svg onload> stayed text.
    assert len(browser.find_elements(By.CSS_SELECTOR, "#view svg")) == 2
    assert pwned(browser) is None


# ---- evidence: click to scroll and flash -----------------------------------------------


def marks(browser: webdriver.Chrome, ref: str) -> list[WebElement]:
    return browser.find_elements(By.CSS_SELECTOR, f'#article-text [data-refs~="{ref}"]')


def click(browser: webdriver.Chrome, element: WebElement) -> None:
    browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", element)


def test_clicking_an_event_scrolls_to_its_evidence_and_flashes_it(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site, article.id)
    items = browser.find_elements(By.CSS_SELECTOR, "#events li.event-item")
    assert len(items) == len(article.events)
    last = items[-1]
    ref = last.get_attribute("data-ref")
    evidence = marks(browser, ref)
    browser.execute_script("window.scrollTo(0, 0)")
    assert not in_view(browser, evidence[0]), "the evidence starts below the fold"
    click(browser, last)  # a script click: Selenium's own would scroll the page itself
    wait(browser, lambda d: in_view(d, evidence[0]))
    assert all("current" in e.get_attribute("class") for e in evidence)
    assert "current" in last.get_attribute("class")
    event = max(article.events, key=lambda e: e.evidence.start)
    assert "".join(e.get_attribute("textContent") for e in evidence) == event.evidence.text
    actors = browser.find_elements(By.CSS_SELECTOR, "#article-text .act.current")
    assert {a.get_attribute("textContent") for a in actors} == {event.source.text}
    others = [e for e in browser.find_elements(By.CSS_SELECTOR, "#article-text .current")
              if e not in evidence]
    assert others == [], "only the selected evidence is highlighted"


def test_quotes_are_coloured_by_speaker_and_selectable(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site, article.id)
    colour = {}
    for i, quote in enumerate(article.quotes):
        segments = marks(browser, f"q{i}")
        quoted = [s for s in segments if "q" in s.get_attribute("class").split()]
        assert "".join(s.get_attribute("textContent") for s in quoted) == quote.text
        colour.setdefault(quote.speaker.name, set()).add(
            browser.execute_script("return arguments[0].style.getPropertyValue('--c')", quoted[0]))
    assert all(len(c) == 1 for c in colour.values()), "one colour per speaker"
    assert len({next(iter(c)) for c in colour.values()}) == len(colour), "speakers differ"
    legend = browser.find_elements(By.CSS_SELECTOR, "#speakers li.speaker")
    assert {li.find_element(By.CSS_SELECTOR, ".name").text for li in legend} == set(colour)
    item = browser.find_elements(By.CSS_SELECTOR, "#quotes li.quote-item")[2]
    item.click()
    wait(browser, lambda d: "current" in marks(d, "q2")[0].get_attribute("class"))


def test_clicking_marked_text_shows_its_record_in_the_lists(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site, article.id)
    last = len(article.quotes) - 1  # the last quote: its entry starts out of the list's view
    entry = browser.find_element(By.CSS_SELECTOR, f'#quotes [data-ref="q{last}"]')
    quoted = next(s for s in marks(browser, f"q{last}") if "q" in s.get_attribute("class").split())
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", quoted)
    click(browser, quoted)
    wait(browser, lambda d: "current" in entry.get_attribute("class"))
    assert browser.execute_script(
        "const bar = document.querySelector('.sidebar').getBoundingClientRect();"
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= bar.top && r.bottom <= bar.bottom;", entry), "the entry is scrolled into view"


def test_timeline_selects_the_dated_event_entry(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site, stalled_talks().id)
    monday = next(i for i in browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")
                  if "ASSAULT" in i.get_attribute("textContent"))
    click(browser, monday)
    current = browser.find_elements(By.CSS_SELECTOR, "#events li.current")
    assert len(current) == 1 and "ASSAULT" in current[0].text


def test_map_has_a_marker_per_place_and_markers_select_mentions(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site, article.id)
    markers = browser.find_elements(By.CSS_SELECTOR, "#map circle.marker")
    assert len(markers) == len({p.name for p in article.places})
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map .land path")) > 100
    kharkiv = next(m for m in markers if m.get_attribute("data-refs").count("p") == 2)
    click(browser, kharkiv)
    current = browser.find_elements(By.CSS_SELECTOR, "#article-text .place.current")
    assert [c.get_attribute("textContent") for c in current] == ["Kharkiv", "Kharkiv"]


def test_timeline_shows_dates_and_selects_them(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site, article.id)
    items = browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")
    # Tuesday (two dates, an event, the publication), Monday night (+ event), April (+ event).
    assert len(items) == 3
    april = next(i for i in items if "in April" in i.get_attribute("textContent"))
    click(browser, april)
    texts = {e.get_attribute("textContent")
             for e in browser.find_elements(By.CSS_SELECTOR, "#article-text .date.current")}
    assert texts == {"in April"}


def test_astral_characters_do_not_shift_highlights(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = astral_article()
    open_page(browser, site, article.id)
    quoted = [s for s in marks(browser, "q0") if "q" in s.get_attribute("class").split()]
    assert "".join(s.get_attribute("textContent") for s in quoted) == article.quotes[0].text
    speaker = browser.find_element(By.CSS_SELECTOR, "#article-text .spk")
    assert speaker.get_attribute("textContent") == "Rui Costa"


# ---- empty results and errors ----------------------------------------------------------


def test_article_without_records_shows_empty_states(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site, empty_article().id)
    for list_id, message in [("speakers", "No attributed quotes"), ("quotes", "No quotes"),
                             ("events", "No events"), ("places", "No places")]:
        assert message in browser.find_element(By.ID, list_id).text
    assert browser.find_element(By.ID, "map-empty").is_displayed()
    assert browser.find_element(By.ID, "timeline-empty").is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "#map circle.marker") == []


def test_api_errors_are_shown_to_the_user(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site)
    submit(browser, "Officials said the talks would go on. " * (MAX_BYTES // 30))
    status = browser.find_element(By.ID, "status")
    wait(browser, lambda d: "error" in status.get_attribute("class"))
    assert "larger than the server's limit" in status.text
    assert browser.find_element(By.ID, "view").get_attribute("hidden") is not None


def test_page_loads_only_its_own_files_without_errors(browser, site) -> None:  # type: ignore[no-untyped-def]
    browser.get_log("browser")  # drop what earlier tests logged
    open_page(browser, site, stalled_talks().id)
    severe = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == [], "script errors or Content-Security-Policy violations"
    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(site) for u in urls), urls
    assert any(u.endswith("/static/world.json") for u in urls)


def test_stored_articles_open_from_the_list(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site)
    link = wait(browser, lambda d: next((a for a in d.find_elements(
        By.CSS_SELECTOR, "#results a") if a.text == article.title), None))
    assert "4 events" in browser.find_element(By.ID, "results").text
    link.click()
    wait(browser, lambda d: d.find_element(By.ID, "article-title").text == article.title)
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#quotes li.quote-item"))
         == len(article.quotes))


def test_events_can_be_selected_from_the_keyboard(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site, stalled_talks().id)
    first = browser.find_element(By.CSS_SELECTOR, "#events li.event-item")
    browser.execute_script("arguments[0].focus()", first)
    first.send_keys("\n")
    wait(browser, lambda d: all("current" in e.get_attribute("class") for e in marks(d, "e0")))


def show(browser: webdriver.Chrome, mode: str, **filters: str) -> list[WebElement]:
    """List stored quotes or events with filters; return the result links."""
    browser.find_element(By.CSS_SELECTOR, f'#library [data-mode="{mode}"]').click()
    for name, value in filters.items():
        box = browser.find_element(By.CSS_SELECTOR, f'#library-filter input[name="{name}"]')
        box.clear()
        box.send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#library-filter button[type=submit]").click()
    wait(browser, lambda d: d.find_element(By.ID, "results").get_attribute("data-pending") == "0")
    return browser.find_elements(By.CSS_SELECTOR, "#results a")


def test_stored_quotes_are_listed_by_speaker_and_open_selected(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site)
    links = show(browser, "quotes", speaker="orlov")
    assert len(links) == 2 and all(a.text.startswith("Pavel Orlov: ") for a in links)
    wanted = next(q for q in article.quotes if q.text in links[-1].text.replace("\u2026", ""))
    links[-1].click()
    wait(browser, lambda d: d.find_element(By.ID, "article-title").text == article.title)
    index = article.quotes.index(wanted)
    wait(browser, lambda d: all("current" in e.get_attribute("class")
                                for e in marks(d, f"q{index}")))
    item = browser.find_element(By.CSS_SELECTOR, f'#quotes [data-ref="q{index}"]')
    assert "current" in item.get_attribute("class")


def test_stored_events_are_filtered_by_type_and_country(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site)
    links = show(browser, "events", type="assault", source_country="rus")
    assert [a.text for a in links] == ["ASSAULT (negated): Russia → civilians"]
    links[0].click()
    wait(browser, lambda d: any("current" in e.get_attribute("class")
                                for e in d.find_elements(By.CSS_SELECTOR, "#article-text .ev")))
    current = browser.find_elements(By.CSS_SELECTOR, "#article-text .ev.current")
    assert "".join(e.get_attribute("textContent") for e in current) == \
        "Moscow denied targeting civilians."


def test_quote_listing_shows_markup_as_text(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site)
    links = show(browser, "quotes", speaker="ann lee")
    assert [a.text for a in links] == [
        "<svg onload=window.__pwned=1>Ann Lee</svg>: \u201cThis <iframe src=javascript:alert(1)> "
        "is not acceptable\u201d"]
    assert markup_inside(browser, "#library") == 0
    assert browser.find_elements(By.CSS_SELECTOR, "#library svg, #library iframe") == []
    assert pwned(browser) is None


# ---- the text renderer, property-tested in the browser ---------------------------------

RENDER = """
const [record, done] = [arguments[0], arguments[arguments.length - 1]];
import('/static/text.js').then(({ renderText }) => {
  const box = document.createElement('div');
  const refs = renderText(box, record, () => '#123456');
  const joined = {};
  for (const [id, nodes] of refs) joined[id] = nodes.map((n) => n.textContent).join('');
  done({ text: box.textContent, joined, markup: box.querySelectorAll('*:not(span)').length });
}).catch((e) => done({ error: String(e) }));
"""

ALPHABET = "ab <>&\"'\n\u00e9\u201c\u201d\U0001F389\U0001F3C6"


def spans_in(text: str, draw_pairs: list[tuple[int, int]]) -> list[dict]:
    return [{"start": min(a, b) % (len(text) + 1), "end": max(a, b) % (len(text) + 1)}
            for a, b in draw_pairs]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=ALPHABET, min_size=1, max_size=60),
       pairs=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6))
def test_rendered_text_is_the_text_and_each_mark_is_its_span(browser, site, text: str,  # type: ignore[no-untyped-def]
                                                             pairs: list) -> None:
    if not browser.current_url.startswith(site):
        open_page(browser, site)
    spans = [s for s in spans_in(text, pairs) if s["start"] < s["end"]]
    quotes = [{"text": text[s["start"] : s["end"]], "kind": "direct", "speaker": None, **s}
              for s in spans[::2]]
    places = [{"name": "x", "text": text[s["start"] : s["end"]], **s} for s in spans[1::2]]
    record = {"text": text, "quotes": quotes, "places": places}
    result = browser.execute_async_script(RENDER, record)
    assert "error" not in result, result
    assert result["text"] == text
    assert result["markup"] == 0
    for i, quote in enumerate(quotes):
        assert result["joined"][f"q{i}"] == quote["text"]
    for i, place in enumerate(places):
        assert result["joined"][f"p{i}"] == place["text"]


def test_near_copies_link_to_each_other(browser, site) -> None:  # type: ignore[no-untyped-def]
    original, copy = stalled_talks(), wire_copy()
    open_page(browser, site, copy.id)
    link = browser.find_element(By.CSS_SELECTOR, "#article-meta a")
    assert link.text == "this article"
    link.click()
    wait(browser, lambda d: d.find_element(By.ID, "article-meta").text.endswith(
        f"1 near-copy: {copy.id}"))
    assert browser.execute_script("return location.hash") == f"#article={original.id}"


def test_legend_lists_a_speakers_stored_quotes(browser, site) -> None:  # type: ignore[no-untyped-def]
    open_page(browser, site, stalled_talks().id)
    orlov = next(li for li in browser.find_elements(By.CSS_SELECTOR, "#speakers li.speaker")
                 if li.find_element(By.CSS_SELECTOR, ".name").text == "Pavel Orlov")
    click(browser, orlov.find_element(By.CSS_SELECTOR, "button.link"))
    wait(browser, lambda d: d.find_element(By.ID, "results").get_attribute("data-pending") == "0"
         and len(d.find_elements(By.CSS_SELECTOR, "#results a")) == 2)
    links = browser.find_elements(By.CSS_SELECTOR, "#results a")
    assert all(a.text.startswith("Pavel Orlov: ") for a in links)
    assert browser.find_element(By.CSS_SELECTOR, '#library [data-mode="quotes"]') \
        .get_attribute("aria-selected") == "true"
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text .current") == [], \
        "the link does not also select the speaker's quotes"


def layout_marks(browser: webdriver.Chrome) -> dict[str, str]:
    """Layout class -> the text drawn with it (title, byline, dates...), in text order."""
    pieces = browser.execute_script(
        "return [...document.querySelectorAll('#article-text span[class*=\"part-\"]')]"
        ".map(s => [[...s.classList].find(c => c.startsWith('part-')), s.textContent])")
    shown: dict[str, str] = {}
    for cls, text in pieces:  # other marks (a place in the title) cut a part into pieces
        shown[cls] = shown.get(cls, "") + text
    return shown


def test_stored_article_is_laid_out_like_a_fresh_one(browser, site) -> None:  # type: ignore[no-untyped-def]
    article = stalled_talks()
    open_page(browser, site, article.id)
    stored = layout_marks(browser)
    expected: dict[str, str] = {}
    for part in article.parts:
        if part.kind != "body":
            key = f"part-{part.kind}"
            expected[key] = expected.get(key, "") + article.text[part.start:part.end]
    assert stored == expected and stored["part-title"] == article.title
    open_page(browser, site)
    submit(browser, article.text)  # the same text analysed afresh by POST /extract
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready") == "true")
    assert layout_marks(browser) == stored
