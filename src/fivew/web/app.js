// The fivew page: paste an article (POST /extract) or open a stored one (/articles), then
// show its text with quotes, events, places and dates marked, lists of each, a timeline
// and a map. Every piece of article data enters the DOM as text (see dom.js).

import { el, PALETTE, safeLink, truncate } from './dom.js';
import { initLibrary, showQuotesBy } from './library.js';
import { drawMap, loadWorld } from './map.js';
import { renderText } from './text.js';
import { drawTimeline } from './timeline.js';

const $ = (id) => document.getElementById(id);
const state = { refs: new Map(), colours: new Map(), record: null, opening: 0 };

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch { /* not JSON: reported below */ }
  if (!response.ok) {
    throw new ApiError(response.status, body?.error || 'error',
      body?.message || `${response.status} ${response.statusText}`);
  }
  return body;
}

function status(message, kind = 'info') {
  const node = $('status');
  node.textContent = message;
  node.className = `status ${kind}`;
}

// ---- speakers and colours --------------------------------------------------------------

const speakerKey = (s) => (s ? s.entity_id || String(s.name || s.text || '').toLowerCase() : 'unknown');

function colourOf(speaker) {
  const key = speakerKey(speaker);
  if (!state.colours.has(key)) state.colours.set(key, PALETTE[state.colours.size % PALETTE.length]);
  return state.colours.get(key);
}

function speakersOf(quotes) {
  const found = new Map();
  quotes.forEach((q, i) => {
    const key = speakerKey(q.speaker);
    if (!found.has(key)) found.set(key, { speaker: q.speaker, ids: [] });
    found.get(key).ids.push(`q${i}`);
  });
  return [...found.values()].sort((a, b) => b.ids.length - a.ids.length);
}

// ---- selection: scroll to and flash the evidence ---------------------------------------

// The list entry of a quote or event (`q3`, `e1`), if it has one.
const listItem = (id) => (/^[qe]\d+$/.test(id) ? document.querySelector(`.items [data-ref="${id}"]`) : null);

// Scroll the sidebar (only the sidebar) so that `item` shows near its top.
function reveal(item) {
  const bar = item.closest('.sidebar');
  if (bar) bar.scrollTop += item.getBoundingClientRect().top - bar.getBoundingClientRect().top - 48;
}

// Highlight the text of records `ids` and the list entry `item` (by default that of the first
// record with one); scroll the text to it unless `scrollText` is false.
function select(ids, item = ids.map(listItem).find(Boolean), scrollText = true) {
  for (const node of document.querySelectorAll('.current')) node.classList.remove('current', 'flash');
  if (item) { item.classList.add('current'); reveal(item); }
  const nodes = ids.flatMap((id) => state.refs.get(id) || []);
  for (const node of nodes) {
    node.classList.add('current');
    void node.getBoundingClientRect(); // restart the flash animation on a second click
    node.classList.add('flash');
  }
  if (nodes.length && scrollText) {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    nodes[0].scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  }
}

// A click on marked text selects the innermost quote or event there and shows its entry.
function selectFromText(event) {
  const mark = event.target.closest('[data-refs]');
  if (!mark) return;
  const refs = mark.dataset.refs.split(' ').filter((id) => /^[qe]\d+$/.test(id));
  if (refs.length) select([refs[refs.length - 1]], listItem(refs[refs.length - 1]), false);
}

function clickable(node, ids) {
  node.tabIndex = 0;
  node.addEventListener('click', () => select(ids, node));
  node.addEventListener('keydown', (e) => {
    if (e.target !== node) return; // a button inside handles its own keys
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(ids, node); }
  });
  return node;
}

// ---- the article view ------------------------------------------------------------------

function actorLabel(actor) {
  if (!actor) return '—';
  return actor.country ? `${actor.name || actor.text} (${actor.country})` : actor.name || actor.text;
}

function quantity(q, what) {
  if (!q) return null;
  const qualifier = q.qualifier && q.qualifier !== 'exact' ? `${q.qualifier} ` : '';
  return `${qualifier}${q.value} ${what}`;
}

function badge(text, cls = '') { return el('span', { class: `badge ${cls}`, text }); }

function renderSpeakers(quotes) {
  const list = speakersOf(quotes);
  $('speaker-count').textContent = list.length ? `(${list.length})` : '';
  $('speakers').replaceChildren(...(list.length ? list.map(({ speaker, ids }) => {
    const about = [speaker?.role, speaker?.affiliation, speaker?.country].filter(Boolean).join(', ');
    const item = el('li', { class: 'speaker' },
      el('span', { class: 'swatch', style: { '--c': colourOf(speaker) } }),
      el('span', { class: 'name', text: speaker?.name || 'unknown speaker' }),
      about ? el('span', { class: 'role', text: about }) : null,
      el('span', { class: 'n', text: `${ids.length} quote${ids.length === 1 ? '' : 's'}` }));
    if (speaker?.name) {
      item.append(el('button', { type: 'button', class: 'link', text: 'all their stored quotes',
        title: `List every stored quote by ${speaker.name}`,
        onclick: (e) => { e.stopPropagation(); showQuotesBy(api, speaker.name); } }));
    }
    return clickable(item, ids);
  }) : [el('li', { class: 'empty', text: 'No attributed quotes found.' })]));
}

function renderQuotes(quotes) {
  $('quote-count').textContent = quotes.length ? `(${quotes.length})` : '';
  $('quotes').replaceChildren(...(quotes.length ? quotes.map((q, i) => clickable(el('li', { class: 'quote-item', dataset: { ref: `q${i}` }, style: { '--c': colourOf(q.speaker) } },
    el('div', { class: 'line' },
      el('span', { class: 'swatch' }),
      el('strong', { text: q.speaker?.name || 'unknown speaker' }),
      badge(q.kind || 'quote', `kind-${q.kind}`),
      q.cue ? el('span', { class: 'cue-text', text: q.cue.text }) : null),
    el('q', { text: truncate(q.text, 220) })), [`q${i}`])) : [el('li', { class: 'empty', text: 'No quotes found.' })]));
}

function renderEvents(events) {
  $('event-count').textContent = events.length ? `(${events.length})` : '';
  $('events').replaceChildren(...(events.length ? events.map((ev, i) => {
    const flags = [
      ev.negated ? badge('negated', 'warn') : null,
      ev.modality && ev.modality !== 'asserted' ? badge(ev.modality, 'soft') : null,
      ev.mode ? badge(ev.mode, 'soft') : null,
      ...(ev.context || []).map((c) => badge(c, 'soft')),
    ];
    const facts = [
      ev.date?.value ? `when: ${ev.date.value} (“${ev.date.text}”)` : null,
      ev.place ? `where: ${ev.place.name}` : null,
      quantity(ev.fatalities, 'killed'), quantity(ev.injuries, 'injured'),
      ev.reported_by ? `according to ${ev.reported_by.name}` : null,
      ev.reason ? `why: ${truncate(ev.reason.text, 80)}` : null,
    ].filter(Boolean);
    const item = el('li', { class: 'event-item', dataset: { ref: `e${i}` } },
      el('div', { class: 'line' }, badge(ev.type || 'EVENT', 'type'), ...flags.filter(Boolean),
        typeof ev.confidence === 'number' ? el('span', { class: 'conf', text: `${Math.round(ev.confidence * 100)}%` }) : null),
      el('div', { class: 'actors' },
        el('span', { class: 'actor', text: actorLabel(ev.source) }),
        el('span', { class: 'arrow', text: ` —${ev.trigger?.text || ''}→ ` }),
        el('span', { class: 'actor', text: actorLabel(ev.target) })),
      facts.length ? el('div', { class: 'facts', text: facts.join(' · ') }) : null,
      ev.evidence ? el('blockquote', { class: 'evidence', text: truncate(ev.evidence.text, 240) }) : null);
    return clickable(item, [`e${i}`]);
  }) : [el('li', { class: 'empty', text: 'No events found.' })]));
}

function renderPlaces(places) {
  const names = new Map();
  places.forEach((p, i) => {
    const key = p.name || p.text;
    if (!names.has(key)) names.set(key, { place: p, ids: [] });
    names.get(key).ids.push(`p${i}`);
  });
  $('place-count').textContent = names.size ? `(${names.size})` : '';
  $('places').replaceChildren(...(names.size ? [...names.entries()].map(([name, { place, ids }]) => clickable(
    el('li', { class: 'chip', title: place.country || '' }, el('span', { text: name }),
      ids.length > 1 ? el('span', { class: 'n', text: `×${ids.length}` }) : null), ids))
    : [el('li', { class: 'empty', text: 'No places found.' })]));
}

function renderMeta(record) {
  $('article-title').textContent = record.title || 'Untitled article';
  const bits = [];
  if (record.published) bits.push(`published ${record.published}`);
  if (record.updated) bits.push(`updated ${record.updated}`);
  if (record.authors?.length) bits.push(`by ${record.authors.join(', ')}`);
  const meta = $('article-meta');
  meta.replaceChildren(bits.join(' · '));
  if (record.url) meta.append(bits.length ? ' · ' : '', safeLink(record.url, record.url));
  // Near-duplicates (wire copies) found by the store: link the original and the copies.
  if (record.duplicate_of) {
    meta.append(' · a near-copy of ', el('a', { href: `#article=${encodeURIComponent(record.duplicate_of)}`, text: 'this article' }));
  }
  if (record.copies?.length) {
    meta.append(` · ${record.copies.length} near-cop${record.copies.length === 1 ? 'y' : 'ies'}: `,
      ...record.copies.flatMap((id, i) => [i ? ', ' : '', el('a', { href: `#article=${encodeURIComponent(id)}`, text: id })]));
  }
  $('article-errors').replaceChildren(...(record.errors || []).map((e) =>
    el('li', { text: `${e.code}: ${e.message}` })));
}

export async function showArticle(record) {
  state.record = record;
  state.colours = new Map();
  const quotes = record.quotes || [];
  renderMeta(record);
  // Colours are assigned in speaker order (most quoted first) so the legend reads well.
  for (const { speaker } of speakersOf(quotes)) colourOf(speaker);
  state.refs = renderText($('article-text'), record, colourOf);
  renderSpeakers(quotes);
  renderQuotes(quotes);
  renderEvents(record.events || []);
  renderPlaces(record.places || []);
  $('view').hidden = false;
  $('timeline').classList.remove('hidden');
  const dated = drawTimeline($('timeline'), record, (ids) => select(ids));
  $('timeline').classList.toggle('hidden', dated === 0);
  $('timeline-empty').hidden = dated > 0;
  const outlines = await loadWorld();
  if (state.record !== record) return; // another article was opened meanwhile
  $('map').classList.remove('hidden'); // drawn at its real size, so measured visible
  const placed = drawMap($('map'), record.places || [], outlines, (ids) => select(ids));
  $('map').classList.toggle('hidden', placed === 0); // an empty world says nothing
  $('map-empty').hidden = placed > 0;
  document.body.dataset.ready = 'true';
}

// ---- inputs: paste an article, or open a stored one ------------------------------------

async function analyse(event) {
  event.preventDefault();
  const text = $('in-text').value;
  if (!text.trim()) { status('Paste an article first.', 'error'); return; }
  const body = $('in-html').checked ? { html: text } : { text };
  if ($('in-title').value.trim()) body.title = $('in-title').value.trim();
  if ($('in-published').value) body.published = $('in-published').value;
  $('analyse').disabled = true;
  const token = ++state.opening;
  document.body.dataset.ready = 'false';
  status('Analysing…');
  try {
    const record = await api('/extract', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (token !== state.opening) return;
    await showArticle(record);
    const n = (k) => (record[k] || []).length;
    status(`Found ${n('quotes')} quotes, ${n('events')} events, ${n('places')} places, ${n('dates')} dates.`, 'ok');
    history.replaceState(null, '', location.pathname);
  } catch (err) {
    status(`Could not analyse the article: ${err.message}`, 'error');
  } finally {
    $('analyse').disabled = false;
  }
}

async function openArticle(id, selection = null) {
  const token = ++state.opening; // a later click wins over an earlier, slower answer
  document.body.dataset.ready = 'false';
  status('Loading…');
  try {
    const record = await api(`/articles/${encodeURIComponent(id)}`);
    if (token !== state.opening) return;
    await showArticle(record);
    status('');
    if (selection) selectRecord(selection);
  } catch (err) {
    status(`Could not open the article: ${err.message}`, 'error');
  }
}

// #article=ID opens a stored article; &select=q:START:END (a quote) or
// &select=e:EVIDENCE_START:TRIGGER_START (an event) then selects one of its records.
function route() {
  const args = new URLSearchParams(location.hash.slice(1));
  if (args.get('article')) openArticle(args.get('article'), args.get('select'));
}

function selectRecord(spec) {
  const [kind, a, b] = String(spec).split(':');
  if (kind !== 'q' && kind !== 'e') return; // the hash is user input: nothing else is meant
  const record = state.record;
  const index = kind === 'q'
    ? (record.quotes || []).findIndex((q) => q.start === +a && q.end === +b)
    : (record.events || []).findIndex((e) => e.evidence?.start === +a && e.trigger?.start === +b);
  if (index < 0) return;
  const ref = `${kind}${index}`;
  select([ref], document.querySelector(`[data-ref="${ref}"]`));
}

function start() {
  $('extract-form').addEventListener('submit', analyse);
  window.addEventListener('hashchange', route);
  $('article-text').addEventListener('click', selectFromText);
  initLibrary(api);
  route();
}

start();
