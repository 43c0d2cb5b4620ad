// DOM helpers. Untrusted text (anything from an article or the API) only ever enters the
// page through textContent, Text nodes or attribute values set here: never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(node, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style') for (const [k, v] of Object.entries(value)) node.style.setProperty(k, v);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  return node;
}

// An HTML element; children are nodes or strings (strings become Text nodes).
export function el(tag, props = {}, ...children) {
  const node = apply(document.createElement(tag), props);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// An SVG element (same props as el).
export function svg(tag, props = {}, ...children) {
  const node = apply(document.createElementNS(SVG_NS, tag), props);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// A link only for http(s) addresses; anything else (javascript:, data:) is shown as text.
export function safeLink(url, label) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return el('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank', text: label });
    }
  } catch { /* not a URL: fall through to text */ }
  return document.createTextNode(label);
}

// A span of the article is usable when its offsets are integers inside the text.
export function validSpan(span, length) {
  return Boolean(span) && Number.isInteger(span.start) && Number.isInteger(span.end)
    && span.start >= 0 && span.start < span.end && span.end <= length;
}

export function truncate(text, max) {
  const clean = String(text ?? '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

// Distinct, colour-blind-friendlier hues (Tableau 10, then two more); speakers beyond
// twelve reuse them (the legend still names each).
export const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1',
  '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac', '#17becf', '#bcbd22'];
