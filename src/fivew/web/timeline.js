// A timeline of the article's resolved dates and dated events, drawn as SVG. Each item
// is a point (a day) or a bar (a week, month, year or interval) in its own lane so that
// labels do not collide; clicking one selects its span in the text.

import { svg, truncate } from './dom.js';

const DAY = 86400000;

// ISO 8601 value -> [startMs, endMs) or null: 2022-03-21, 2022-03, 2022, 2022-W12, a/b.
export function parseRange(value) {
  if (typeof value !== 'string' || !value) return null;
  if (value.includes('/')) {
    const [a, b] = value.split('/', 2).map(parseRange);
    return a && b ? [a[0], Math.max(b[1], a[0] + DAY)] : null;
  }
  let m = value.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) { const t = Date.UTC(+m[1], +m[2] - 1, +m[3]); return [t, t + DAY]; }
  m = value.match(/^(\d{4})-W(\d{2})$/);
  if (m) {
    const jan4 = Date.UTC(+m[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (+m[2] - 1) * 7 * DAY;
    return [monday, monday + 7 * DAY];
  }
  m = value.match(/^(\d{4})-(\d{2})$/);
  if (m) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1)];
  m = value.match(/^(\d{4})$/);
  if (m) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1)];
  return null;
}

function items(record) {
  const found = [];
  const published = parseRange(record.published);
  if (published) found.push({ kind: 'published', label: 'published', range: published, value: record.published });
  (record.dates || []).forEach((d, i) => {
    const range = parseRange(d.value);
    if (range) found.push({ kind: 'date', id: `d${i}`, label: d.text, range, value: d.value });
  });
  (record.events || []).forEach((ev, i) => {
    const range = parseRange(ev.date?.value);
    if (range) found.push({ kind: 'event', id: `e${i}`, label: ev.type, range, value: ev.date.value });
  });
  return group(found);
}

// Items on the same day (or the same interval) share one mark: "on Tuesday, CONSULT".
function group(found) {
  const byRange = new Map();
  for (const it of found) {
    const key = `${it.range[0]}/${it.range[1]}`;
    if (!byRange.has(key)) byRange.set(key, { range: it.range, labels: [], ids: [], kinds: new Set(), value: it.value });
    const g = byRange.get(key);
    if (!g.labels.includes(it.label)) g.labels.push(it.label);
    if (it.id) g.ids.push(it.id);
    g.kinds.add(it.kind);
  }
  return [...byRange.values()].map((g) => ({
    range: g.range, ids: g.ids, value: g.value, label: g.labels.join(', '),
    kind: g.kinds.has('event') ? 'event' : g.kinds.has('date') ? 'date' : 'published',
  }));
}

const fmt = (ms, withYear) => new Date(ms).toLocaleDateString('en-GB', {
  day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' });

// Draw into `target` (an <svg>); return how many items were drawn (0: nothing to show).
export function drawTimeline(target, record, onSelect) {
  const all = items(record);
  // The publication date alone is no timeline: show it only beside something else.
  const list = all.some((it) => it.kind !== 'published') ? all : [];
  target.replaceChildren();
  if (list.length === 0) return 0;
  let lo = Math.min(...list.map((it) => it.range[0]));
  let hi = Math.max(...list.map((it) => it.range[1]));
  const pad = Math.max((hi - lo) * 0.04, DAY);
  lo -= pad; hi += pad;
  const width = Math.max(target.clientWidth || 0, 480);
  const margin = 14;
  const x = (t) => margin + ((t - lo) / (hi - lo)) * (width - 2 * margin);
  const lanes = [];
  const placed = list.sort((a, b) => a.range[0] - b.range[0]).map((it) => {
    const x0 = x(it.range[0]);
    const x1 = Math.max(x(it.range[1]), x0 + 2);
    const isPoint = it.range[1] - it.range[0] <= DAY;
    const textW = 6.4 * Math.min(String(it.label).length, 40);
    let labelX = isPoint ? (x0 + x1) / 2 + 9 : x1 + 5;
    let anchor = 'start';
    let [left, right] = [x0 - 6, labelX + textW];
    if (right > width - 2) { // no room on the right: label to the left of the mark
      labelX = isPoint ? (x0 + x1) / 2 - 9 : x0 - 5;
      anchor = 'end';
      [left, right] = [labelX - textW, x1 + 6];
    }
    let lane = lanes.findIndex((end) => end < left);
    if (lane < 0) { lane = lanes.length; lanes.push(0); }
    lanes[lane] = right + 6;
    return { ...it, x0, x1, lane, isPoint, labelX, anchor };
  });
  const laneH = 22;
  const axisY = 14 + lanes.length * laneH;
  target.setAttribute('viewBox', `0 0 ${width} ${axisY + 26}`);
  target.setAttribute('height', axisY + 26);
  target.append(svg('line', { class: 'axis', x1: margin, x2: width - margin, y1: axisY, y2: axisY }));
  const withYear = new Date(lo).getUTCFullYear() !== new Date(hi).getUTCFullYear() || hi - lo > 300 * DAY;
  for (let k = 0; k <= 4; k += 1) {
    const t = lo + ((hi - lo) * k) / 4;
    const anchor = k === 0 ? 'start' : k === 4 ? 'end' : 'middle';
    target.append(svg('line', { class: 'tick', x1: x(t), x2: x(t), y1: axisY, y2: axisY + 4 }));
    target.append(svg('text', { class: 'tick-label', x: x(t), y: axisY + 17, 'text-anchor': anchor, text: fmt(t, withYear) }));
  }
  for (const it of placed) {
    const y = 8 + it.lane * laneH;
    const g = svg('g', { class: `tl-item tl-${it.kind}`, tabindex: it.ids.length ? 0 : null, dataset: { refs: it.ids.join(' ') } });
    if (it.isPoint) g.append(svg('circle', { cx: (it.x0 + it.x1) / 2, cy: y + 6, r: 5 }));
    else g.append(svg('rect', { x: it.x0, y: y + 1, width: it.x1 - it.x0, height: 10, rx: 3 }));
    g.append(svg('text', { x: it.labelX, y: y + 10, 'text-anchor': it.anchor, text: truncate(it.label, 40) }));
    g.append(svg('title', { text: `${it.label}: ${it.value}` }));
    if (it.ids.length) {
      g.addEventListener('click', () => onSelect(it.ids));
      g.addEventListener('keydown', (e) => { if (e.key === 'Enter') onSelect(it.ids); });
    }
    target.append(g);
  }
  return placed.length;
}
