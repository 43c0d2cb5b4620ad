// Browse the database: stored articles, or quotes and events across all of them, with
// the API's filters and paging. Each result links to its article (#article=ID), with
// quotes and events also naming the record to select once it is open (&select=...).

import { el, truncate } from './dom.js';

const LABELS = { articles: 'articles', quotes: 'quotes', events: 'events' };
const state = { mode: 'articles', offset: 0, limit: 10, latest: 0, pending: 0 };

const articleLink = (id, select, text) => el('a', {
  href: `#article=${encodeURIComponent(id)}${select ? `&select=${select}` : ''}`, text });

function countsLine(item) {
  const counts = ['quote', 'event', 'place'].map((k) => {
    const n = item[`n_${k}s`];
    return typeof n === 'number' ? `${n} ${k}${n === 1 ? '' : 's'}` : null;
  });
  return [item.published, ...counts].filter(Boolean).join(' · ');
}

const source = (row) => [row.article_published, row.article_title].filter(Boolean).join(' · ');

const RENDER = {
  articles: (item) => el('li', {}, articleLink(item.id, null, item.title || item.id),
    el('span', { class: 'meta', text: countsLine(item) })),
  quotes: (row) => el('li', {},
    articleLink(row.article_id, `q:${row.start}:${row.end}`,
      `${row.speaker_name || 'unknown speaker'}: \u201c${truncate(row.text, 140)}\u201d`),
    el('span', { class: 'meta', text: source(row) })),
  events: (row) => el('li', {},
    articleLink(row.article_id, `e:${row.evidence_start}:${row.trigger_start}`,
      `${row.event_type}${row.negated ? ' (negated)' : ''}: ${row.source_actor || '—'} → `
      + `${row.target_actor || '—'}`),
    el('span', { class: 'meta', text: [row.event_date, truncate(row.evidence_text, 100)].filter(Boolean).join(' · ') }),
    el('span', { class: 'meta', text: source(row) })),
};

function params(form) {
  const query = new URLSearchParams({ limit: state.limit, offset: state.offset });
  for (const input of form.querySelectorAll('[data-modes] input')) {
    const label = input.closest('[data-modes]');
    if (!label.dataset.modes.split(' ').includes(state.mode)) continue;
    const value = input.value.trim();
    if (value) query.set(input.name, input.dataset.upper ? value.toUpperCase() : value);
  }
  return query;
}

async function load(api) {
  const list = document.getElementById('results');
  const form = document.getElementById('library-filter');
  const request = ++state.latest; // answers can arrive out of order: show only the last
  list.dataset.pending = String(++state.pending);
  try {
    const page = await api(`/${state.mode}?${params(form)}`);
    if (request !== state.latest) return;
    document.body.dataset.db = 'yes';
    list.replaceChildren(...(page.items.length ? page.items.map(RENDER[state.mode])
      : [el('li', { class: 'empty', text: `No stored ${LABELS[state.mode]} match.` })]));
    const last = Math.min(page.offset + page.items.length, page.total);
    document.getElementById('page-info').textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : '';
    document.getElementById('prev-page').disabled = page.offset === 0;
    document.getElementById('next-page').disabled = last >= page.total;
  } catch (err) {
    if (request !== state.latest) return;
    if (err.status === 503) document.body.dataset.db = 'no';
    const text = err.status === 503
      ? 'No database: start the server with fivew serve --db FILE to browse stored articles.'
      : err.message;
    list.replaceChildren(el('li', { class: 'empty', text }));
  } finally {
    list.dataset.pending = String(--state.pending);
  }
}

function setMode(mode) {
  state.mode = mode;
  state.offset = 0;
  for (const tab of document.querySelectorAll('#library [role=tab]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.mode === mode));
  }
  for (const label of document.querySelectorAll('#library-filter [data-modes]')) {
    label.hidden = !label.dataset.modes.split(' ').includes(mode);
  }
}

// List every stored quote by `speaker` (the legend's "all quotes" link).
export function showQuotesBy(api, speaker) {
  setMode('quotes');
  const form = document.getElementById('library-filter');
  for (const input of form.querySelectorAll('input')) input.value = '';
  form.querySelector('input[name="speaker"]').value = speaker;
  document.getElementById('library').scrollIntoView({ block: 'start' });
  return load(api);
}

export function initLibrary(api) {
  for (const tab of document.querySelectorAll('#library [role=tab]')) {
    tab.addEventListener('click', () => { setMode(tab.dataset.mode); load(api); });
  }
  document.getElementById('library-filter').addEventListener('submit', (e) => {
    e.preventDefault(); state.offset = 0; load(api);
  });
  document.getElementById('prev-page').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - state.limit); load(api);
  });
  document.getElementById('next-page').addEventListener('click', () => {
    state.offset += state.limit; load(api);
  });
  setMode('articles');
  load(api);
}
