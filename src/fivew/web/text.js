// The article text with its evidence marked: quotes coloured by speaker, event evidence,
// triggers, places, dates and layout parts. Spans may overlap, so the text is cut at every
// span boundary and each piece becomes one <span> carrying the classes of all spans that
// cover it, plus data-refs naming them (q3 = quote 3, e1 = event 1...). Offsets are
// character offsets into record.text; JS strings index UTF-16 code units, which is what
// Python's str indexes only for BMP text, so astral characters are mapped first.

import { el, validSpan } from './dom.js';

// Python counts code points, JS code units: convert a code-point offset to a JS index.
function indexer(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return (n) => n;
  const units = [];
  let u = 0;
  for (const ch of text) { units.push(u); u += ch.length; }
  units.push(u);
  return (n) => units[n];
}

function collect(record, colourOf) {
  const spans = [];
  const add = (span, cls, extra = {}) => spans.push({ start: span.start, end: span.end, cls, ...extra });
  for (const part of record.parts || []) {
    if (part.kind !== 'body') add(part, `part-${String(part.kind).replace(/[^a-z]/g, '')}`);
  }
  (record.quotes || []).forEach((q, i) => {
    const colour = colourOf(q.speaker);
    add(q, `q q-${q.kind === 'direct' ? 'direct' : 'indirect'}`, { id: `q${i}`, colour,
      title: `${q.speaker?.name || 'unknown speaker'} (${q.kind || 'quote'})` });
    if (q.speaker) add(q.speaker, 'spk', { id: `q${i}`, colour });
    if (q.cue) add(q.cue, 'cue', { id: `q${i}` });
  });
  (record.events || []).forEach((ev, i) => {
    if (ev.evidence) add(ev.evidence, 'ev', { id: `e${i}` });
    if (ev.trigger) add(ev.trigger, 'trig', { id: `e${i}`, title: ev.type });
    // Actors carry no mark of their own (the text would drown in underlines); they light
    // up with their event when it is selected.
    for (const actor of [ev.source, ev.target]) if (actor) add(actor, 'act', { id: `e${i}` });
  });
  (record.places || []).forEach((p, i) => add(p, 'place', { id: `p${i}`, title: p.name }));
  (record.dates || []).forEach((d, i) => add(d, 'date', { id: `d${i}`, title: d.value || 'unresolved' }));
  return spans;
}

// Fill `container` with the text; return Map(ref id -> [span elements]).
export function renderText(container, record, colourOf) {
  const text = String(record.text ?? '');
  const at = indexer(text);
  const length = [...text].length;
  const spans = collect(record, colourOf)
    .filter((s) => validSpan(s, length))
    .map((s) => ({ ...s, start: at(s.start), end: at(s.end) }));
  // One sweep over the boundaries: spans open at their start and close at their end, so
  // each piece is covered by exactly the spans open over it (no search of every span).
  const opening = new Map();
  const closing = new Map();
  for (const s of spans) {
    if (!opening.has(s.start)) opening.set(s.start, []);
    if (!closing.has(s.end)) closing.set(s.end, []);
    opening.get(s.start).push(s);
    closing.get(s.end).push(s);
  }
  const bounds = [...new Set([0, text.length, ...opening.keys(), ...closing.keys()])].sort((a, b) => a - b);
  const open = new Set();
  const refs = new Map();
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    for (const s of closing.get(a) || []) open.delete(s);
    for (const s of opening.get(a) || []) open.add(s);
    const piece = text.slice(a, b);
    if (open.size === 0) fragment.append(piece);
    else fragment.append(segment(piece, [...open], refs));
  }
  container.replaceChildren(fragment);
  return refs;
}

function segment(piece, covering, refs) {
  const node = el('span', { text: piece });
  covering.sort((x, y) => x.start - y.start || y.end - x.end); // outer first, inner last
  const classes = new Set();
  const ids = new Set();
  for (const s of covering) {
    for (const c of s.cls.split(' ')) classes.add(c);
    if (s.colour) node.style.setProperty('--c', s.colour); // the innermost span wins
    if (s.title) node.title = s.title;
    if (s.id) ids.add(s.id);
  }
  node.className = [...classes].join(' ');
  if (ids.size) node.dataset.refs = [...ids].join(' ');
  for (const id of ids) {
    if (!refs.has(id)) refs.set(id, []);
    refs.get(id).push(node);
  }
  return node;
}
