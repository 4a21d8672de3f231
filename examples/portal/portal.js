/* global document, window, fetch, URL, URLSearchParams, TextEncoder, crypto */
// An example portal page: asks the certgraph API (on another origin) for a certification's
// requirement graph and paths on a day (`asOf`) with a GET request and an automatic persisted
// query, then draws the requirements as a diagram and each path as a row of steps. Items retired
// by that day are marked with the day they retired, unconfirmed requirements and paths are
// marked as such, and when no path is left the page says why and where Microsoft points instead.

const params = new URLSearchParams(window.location.search);
const API = params.get('api') ?? 'http://localhost:4000/graphql';

/** Today in UTC, as the API counts days: the default of `asOf`. */
const today = () => new Date().toISOString().slice(0, 10);

// Retired and retiring items come from the two lists at the end, since the requirement graph
// gives each node its status but not its dates: one request, one cacheable answer.
const QUERY = `query PortalPaths($code: String!, $asOf: Date!) {
  certification(code: $code) {
    code
    name
    status(asOf: $asOf)
    retiredOn
    replacedBy { code name }
    successor { __typename code name }
    diagram(format: MERMAID, asOf: $asOf)
    requirementGraph(asOf: $asOf) {
      asOf
      root
      nodes { id kind code name level mode status confidence }
      edges { from to type position confidence }
    }
    paths(first: 20, asOf: $asOf) {
      asOf
      totalCount
      noPathReason
      nodes {
        examCount
        confidence
        steps {
          exam { code name status(asOf: $asOf) }
          completes { code name status(asOf: $asOf) }
        }
      }
    }
  }
  retiredCertifications: certifications(asOf: $asOf, status: [RETIRED, RETIRING], first: 100) {
    nodes { code retiredOn }
  }
  retiredExams: exams(asOf: $asOf, status: [RETIRED, RETIRING], first: 100) {
    nodes { code retiredOn }
  }
}`;

/**
 * GET, so browsers and CDNs can cache the answer. Apollo's CSRF prevention lets a GET through
 * only with a header a plain link or form can't send; sending it makes the browser ask the API
 * first (a CORS preflight), which succeeds only for origins in the API's CORS_ORIGINS.
 * Automatic persisted queries keep the URL short: the hash alone, then the query once if the
 * server doesn't know it yet.
 */
async function graphql(query, variables) {
  const hash = await sha256(query);
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
  let body = await get({ variables: JSON.stringify(variables), extensions });
  if (body.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    body = await get({ query, variables: JSON.stringify(variables), extensions });
  }
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

async function get(search) {
  const url = new URL(API);
  for (const [key, value] of Object.entries(search)) url.searchParams.set(key, value);
  // `?revalidate=…` (the curator page, after a change) asks the API again instead of the cache.
  const response = await fetch(url, {
    headers: { 'apollo-require-preflight': 'true' },
    cache: params.has('revalidate') ? 'no-cache' : 'default',
  });
  return response.json();
}

async function sha256(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- drawing ---------------------------------------------------------------------------

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * What to say about an item's status on the page's day: "retired 2026-07-31" (its last day),
 * "retiring 2026-11-30", "beta" or "not yet available"; nothing when it is simply available.
 */
function statusBadge(status, retiredOn) {
  const on = retiredOn ? ` ${retiredOn}` : '';
  const text = {
    RETIRED: `retired${on}`,
    RETIRING: `retiring${on}`,
    BETA: 'beta',
    UPCOMING: 'not yet available',
  }[status];
  if (!text) return undefined;
  const badge = element('span', `badge ${status.toLowerCase()}`, text);
  badge.dataset.status = status;
  return badge;
}

/** How sure a requirement or a path is, when that is less than a Microsoft page says. */
function confidenceBadge(confidence) {
  const text = { UNCONFIRMED: 'unconfirmed', SECONDARY: 'secondary sources' }[confidence];
  if (!text) return undefined;
  const badge = element('span', `badge ${confidence.toLowerCase()}`, text);
  badge.dataset.confidence = confidence;
  return badge;
}

/**
 * An exam or certification. `node.status` is its status on the page's day; `lifecycle` gives the
 * day it retires; `confidence` is how sure it is that it counts here (the weaker of the
 * requirement leading to it and the item's own facts), marked only when UNCONFIRMED.
 */
function box(node, { lifecycle = new Map(), confidence } = {}) {
  const el = element('div', `box ${node.kind.toLowerCase()}`);
  el.dataset.code = node.code;
  el.dataset.kind = node.kind;
  el.append(element('span', 'code', node.code), element('span', 'name', node.name));
  el.title = node.name;
  if (node.status === 'RETIRED') el.classList.add('retired');
  const status = node.status && statusBadge(node.status, lifecycle.get(node.code));
  if (status) el.append(status);
  if (confidence === 'UNCONFIRMED') {
    el.classList.add('unconfirmed');
    el.append(confidenceBadge(confidence));
  }
  return el;
}

const arrow = () => element('div', 'arrow', '↓');

/**
 * Top to bottom: what comes first is drawn first. A certification is its requirements, an
 * arrow, then its own box; a ONE_OF group puts its alternatives side by side.
 */
function draw(graph, lifecycle) {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const out = new Map();
  for (const edge of graph.edges) {
    if (!out.has(edge.from)) out.set(edge.from, []);
    out.get(edge.from).push(edge);
  }
  const children = (id) => (out.get(id) ?? []).sort((a, b) => a.position - b.position);
  const weaker = (a, b) => (a === 'UNCONFIRMED' || b === 'UNCONFIRMED' ? 'UNCONFIRMED' : a);

  /** `confidence`: the grade of the requirement that leads here (OFFICIAL for the root). */
  function requirement(id, path, confidence) {
    const node = nodes.get(id);
    if (!node || path.has(id)) return element('div', 'box missing', '?');
    const inner = new Set(path).add(id);
    const own = { lifecycle, confidence: weaker(confidence, node.confidence) };
    if (node.kind === 'EXAM') return box(node, own);
    if (node.kind === 'GROUP' && node.mode === 'ONE_OF') {
      const group = element('div', 'one-of');
      group.append(element('div', 'label', 'one of'));
      const row = element('div', 'alternatives');
      children(id).forEach((edge, i) => {
        if (i > 0) row.append(element('div', 'or', 'or'));
        row.append(requirement(edge.to, inner, weaker(confidence, edge.confidence)));
      });
      group.append(row);
      return group;
    }
    const column = element('div', 'all-of');
    children(id).forEach((edge, i) => {
      if (i > 0) column.append(arrow());
      column.append(requirement(edge.to, inner, weaker(confidence, edge.confidence)));
    });
    if (node.kind === 'CERTIFICATION') {
      if (column.childElementCount > 0) column.append(arrow());
      column.append(box(node, own));
    }
    return column;
  }

  return requirement(graph.root, new Set(), 'OFFICIAL');
}

/**
 * One row per path: each exam, then the certifications it completes, in order. A path that is
 * less than OFFICIAL says so: it relies on a requirement or item only other sources (or none)
 * show.
 */
function drawPaths(paths, lifecycle) {
  const list = element('ol', 'paths');
  for (const path of paths.nodes) {
    const row = element('li', 'path');
    row.dataset.confidence = path.confidence;
    row.append(
      element('span', 'count', `${path.examCount} exam${path.examCount === 1 ? '' : 's'}`),
    );
    const confidence = confidenceBadge(path.confidence);
    if (confidence) row.append(confidence);
    path.steps.forEach((step, i) => {
      if (i > 0) row.append(element('span', 'then', '→'));
      row.append(box({ ...step.exam, kind: 'EXAM' }, { lifecycle }));
      for (const certification of step.completes) {
        row.append(
          element('span', 'then', '→'),
          box({ ...certification, kind: 'CERTIFICATION' }, { lifecycle }),
        );
      }
    });
    list.append(row);
  }
  return list;
}

/** Why no path is left, and links to draw the replacement or successor instead. */
function drawNoPath(certification, asOf) {
  const panel = element('div', 'no-path');
  panel.append(element('p', 'reason', certification.paths.noPathReason));
  const instead = [
    certification.replacedBy && { ...certification.replacedBy, __typename: 'Certification' },
    certification.successor,
  ].filter(Boolean);
  for (const item of instead) {
    const line = element('p', 'instead');
    if (item.__typename === 'Certification') {
      const link = element('a', undefined, `Draw ${item.name} instead`);
      link.href = `?${new URLSearchParams({ ...Object.fromEntries(params), code: item.code, asOf })}`;
      line.append(link);
    } else {
      line.textContent = `Microsoft points to ${item.__typename.toLowerCase()} ${item.code} (${item.name}).`;
    }
    panel.append(line);
  }
  return panel;
}

// ---- page ------------------------------------------------------------------------------

const status = document.getElementById('status');
function say(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function clear() {
  document.getElementById('title').replaceChildren();
  document.getElementById('diagram').replaceChildren();
  document.getElementById('paths').replaceChildren();
  document.getElementById('paths-title').textContent = '';
}

async function show(code, asOf) {
  say('loading', `Asking ${API} …`);
  const diagram = document.getElementById('diagram');
  const mermaid = document.getElementById('mermaid');
  try {
    const data = await graphql(QUERY, { code, asOf });
    const { certification } = data;
    if (!certification) {
      say('not-found', `No certification "${code}" in the catalog.`);
      clear();
      return;
    }
    const lifecycle = new Map(
      [...data.retiredCertifications.nodes, ...data.retiredExams.nodes].map((item) => [
        item.code,
        item.retiredOn,
      ]),
    );
    const title = document.getElementById('title');
    title.replaceChildren(certification.name);
    const status = statusBadge(certification.status, certification.retiredOn);
    if (status) title.append(' ', status);
    document.getElementById('legend').hidden = false;
    document.getElementById('legend-day').textContent = certification.paths.asOf;
    diagram.replaceChildren(draw(certification.requirementGraph, lifecycle));
    const { totalCount, noPathReason } = certification.paths;
    document.getElementById('paths-title').textContent =
      `${totalCount} way${totalCount === 1 ? '' : 's'} to earn it on ${certification.paths.asOf}` +
      (totalCount > 1 ? ', fewest exams first' : '');
    document
      .getElementById('paths')
      .replaceChildren(
        noPathReason ? drawNoPath(certification, asOf) : drawPaths(certification.paths, lifecycle),
      );
    mermaid.querySelector('pre').textContent = certification.diagram;
    mermaid.hidden = false;
    say('ready', `Drawn from ${API} as of ${certification.paths.asOf} (GET, persisted query).`);
  } catch (error) {
    clear();
    say(
      'error',
      error instanceof TypeError
        ? `Could not read ${API} from this page's origin (${window.location.origin}): is the API running, and is this origin in its CORS_ORIGINS?`
        : `The API answered with an error: ${error.message}`,
    );
  }
}

const input = document.getElementById('code');
const day = document.getElementById('as-of');
input.value = params.get('code') ?? input.value;
const firstDay = params.get('asOf') || today();
day.value = firstDay;
document.getElementById('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  // The address names what is drawn, so it can be shared or reloaded.
  params.set('code', input.value.trim());
  params.set('asOf', day.value || today());
  window.history.replaceState(null, '', `?${params}`);
  void show(input.value.trim(), day.value || today());
});
// The address's asOf as given: a day the API cannot read is its error to explain.
void show(input.value.trim(), firstDay);
