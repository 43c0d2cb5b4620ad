// A map of the article's places: the bundled country outlines (world.json, Natural Earth
// 1:110m) in an equirectangular projection zoomed to the places, with one marker per
// distinct place. No tiles, no network: everything drawn is in this package.

import { svg, truncate } from './dom.js';

let world = null;

// The outlines, fetched once from this server; an empty world if that fails.
export async function loadWorld() {
  if (!world) {
    world = fetch('/static/world.json')
      .then((r) => (r.ok ? r.json() : { countries: [] }))
      .catch(() => ({ countries: [] }));
  }
  return world;
}

const finite = (v) => typeof v === 'number' && Number.isFinite(v);

// Places grouped by location: [{name, lat, lon, ids: ['p0', 'p3']}].
function markers(places) {
  const byKey = new Map();
  (places || []).forEach((p, i) => {
    if (!finite(p.lat) || !finite(p.lon) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) return;
    const key = `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
    if (!byKey.has(key)) byKey.set(key, { name: p.name || p.text, lat: p.lat, lon: p.lon, ids: [] });
    byKey.get(key).ids.push(`p${i}`);
  });
  return [...byKey.values()];
}

// The visible window in degrees around the markers (the whole world without any), with
// the aspect ratio (width / height) of the drawing area.
function frame(points, aspect) {
  if (points.length === 0) {
    const h = 360 / aspect; // centred on 12°N, midway between the Arctic coast and 60°S
    return { lon0: -180, lat1: 12 + h / 2, w: 360, h, kx: 1 };
  }
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const kx = Math.max(Math.cos((midLat * Math.PI) / 180), 0.3); // keep shapes recognisable
  const xs = lons.map((l) => l * kx);
  let w = Math.max(Math.max(...xs) - Math.min(...xs), 12) * 1.6;
  let h = Math.max(Math.max(...lats) - Math.min(...lats), 6) * 1.6;
  if (w < aspect * h) w = aspect * h; else h = w / aspect;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...lats) + Math.min(...lats)) / 2;
  return { lon0: cx - w / 2, lat1: cy + h / 2, w, h, kx };
}

function ringPath(ring, kx) {
  let d = '';
  for (let i = 0; i + 1 < ring.length; i += 2) {
    const jump = i > 0 && Math.abs(ring[i] - ring[i - 2]) > 180; // crossing the antimeridian
    d += `${i === 0 || jump ? 'M' : 'L'}${(ring[i] * kx).toFixed(2)} ${(-ring[i + 1]).toFixed(2)}`;
  }
  return `${d}Z`;
}

// Draw into `target` (an <svg>); return the number of markers drawn.
export function drawMap(target, places, outlines, onSelect) {
  const points = markers(places);
  const box = target.getBoundingClientRect();
  const aspect = box.width > 0 && box.height > 0 ? box.width / box.height : 2;
  const f = frame(points, Math.min(Math.max(aspect, 1), 4));
  target.replaceChildren();
  target.setAttribute('viewBox', `${f.lon0} ${-f.lat1} ${f.w} ${f.h}`);
  target.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  target.append(svg('rect', { class: 'sea', x: f.lon0, y: -f.lat1, width: f.w, height: f.h }));
  const land = svg('g', { class: 'land' });
  for (const country of outlines.countries || []) {
    const d = (country.rings || []).map((r) => ringPath(r, f.kx)).join('');
    if (d) land.append(svg('path', { d }, svg('title', { text: country.name || '' })));
  }
  target.append(land);
  const r = f.w / 90;
  for (const p of points) {
    const x = p.lon * f.kx;
    const y = -p.lat;
    const g = svg('g', { class: 'marker-group', tabindex: 0 });
    g.append(svg('circle', { class: 'marker', cx: x, cy: y, r, dataset: { refs: p.ids.join(' ') } }));
    g.append(svg('text', { class: 'marker-label', x: x + r * 1.4, y: y + r * 0.6, 'font-size': r * 2.6,
      text: truncate(p.name, 24) }));
    g.append(svg('title', { text: `${p.name} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}): ${p.ids.length} mention(s)` }));
    g.addEventListener('click', () => onSelect(p.ids));
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter') onSelect(p.ids); });
    target.append(g);
  }
  return points.length;
}
