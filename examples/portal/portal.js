/* global document, window, fetch, URL, URLSearchParams, TextEncoder, crypto */
// An example portal page: asks the certgraph API (on another origin) for a certification's
// requirement graph and paths with a GET request and an automatic persisted query, then draws
// the requirements as a diagram and each path as a row of steps.

const params = new URLSearchParams(window.location.search);
const API = params.get('api') ?? 'http://localhost:4000/graphql';

const QUERY = `query PortalPaths($code: String!) {
  certification(code: $code) {
    code
    name
    diagram(format: MERMAID)
    requirementGraph {
      root
      nodes { id kind code name level mode }
      edges { from to type position }
    }
    paths(first: 20) {
      totalCount
      nodes {
        examCount
        steps {
          exam { code name }
          completes { code name }
        }
      }
    }
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
  const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  return response.json();
}

async function sha256(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- drawing ---------------------------------------------------------------------------

/** Retired exams and certifications are marked once the catalog records a status. */
const isRetired = (node) => node.status === 'RETIRED';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function box(node) {
  const el = element('div', `box ${node.kind.toLowerCase()}`);
  el.dataset.code = node.code;
  el.dataset.kind = node.kind;
  if (isRetired(node)) el.classList.add('retired');
  el.append(element('span', 'code', node.code), element('span', 'name', node.name));
  el.title = node.name;
  return el;
}

const arrow = () => element('div', 'arrow', '↓');

/**
 * Top to bottom: what comes first is drawn first. A certification is its requirements, an
 * arrow, then its own box; a ONE_OF group puts its alternatives side by side.
 */
function draw(graph) {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const out = new Map();
  for (const edge of graph.edges) {
    if (!out.has(edge.from)) out.set(edge.from, []);
    out.get(edge.from).push(edge);
  }
  const children = (id) =>
    (out.get(id) ?? []).sort((a, b) => a.position - b.position).map((e) => e.to);

  function requirement(id, path) {
    const node = nodes.get(id);
    if (!node || path.has(id)) return element('div', 'box missing', '?');
    const inner = new Set(path).add(id);
    if (node.kind === 'EXAM') return box(node);
    if (node.kind === 'GROUP' && node.mode === 'ONE_OF') {
      const group = element('div', 'one-of');
      group.append(element('div', 'label', 'one of'));
      const row = element('div', 'alternatives');
      children(id).forEach((child, i) => {
        if (i > 0) row.append(element('div', 'or', 'or'));
        row.append(requirement(child, inner));
      });
      group.append(row);
      return group;
    }
    const column = element('div', 'all-of');
    children(id).forEach((child, i) => {
      if (i > 0) column.append(arrow());
      column.append(requirement(child, inner));
    });
    if (node.kind === 'CERTIFICATION') {
      if (column.childElementCount > 0) column.append(arrow());
      column.append(box(node));
    }
    return column;
  }

  return requirement(graph.root, new Set());
}

/** One row per path: each exam, then the certifications it completes, in order. */
function drawPaths(paths) {
  const list = element('ol', 'paths');
  for (const path of paths.nodes) {
    const row = element('li', 'path');
    row.append(
      element('span', 'count', `${path.examCount} exam${path.examCount === 1 ? '' : 's'}`),
    );
    path.steps.forEach((step, i) => {
      if (i > 0) row.append(element('span', 'then', '→'));
      row.append(box({ ...step.exam, kind: 'EXAM' }));
      for (const certification of step.completes) {
        row.append(element('span', 'then', '→'), box({ ...certification, kind: 'CERTIFICATION' }));
      }
    });
    list.append(row);
  }
  return list;
}

// ---- page ------------------------------------------------------------------------------

const status = document.getElementById('status');
function say(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

async function show(code) {
  say('loading', `Asking ${API} …`);
  const diagram = document.getElementById('diagram');
  const mermaid = document.getElementById('mermaid');
  try {
    const { certification } = await graphql(QUERY, { code });
    if (!certification) {
      say('not-found', `No certification "${code}" in the catalog.`);
      diagram.replaceChildren();
      document.getElementById('paths').replaceChildren();
      document.getElementById('paths-title').textContent = '';
      return;
    }
    document.getElementById('title').textContent = certification.name;
    document.getElementById('legend').hidden = false;
    diagram.replaceChildren(draw(certification.requirementGraph));
    const { totalCount } = certification.paths;
    document.getElementById('paths-title').textContent =
      `${totalCount} way${totalCount === 1 ? '' : 's'} to earn it, fewest exams first`;
    document.getElementById('paths').replaceChildren(drawPaths(certification.paths));
    mermaid.querySelector('pre').textContent = certification.diagram;
    mermaid.hidden = false;
    say('ready', `Drawn from ${API} (GET, persisted query).`);
  } catch (error) {
    diagram.replaceChildren();
    document.getElementById('paths').replaceChildren();
    document.getElementById('paths-title').textContent = '';
    say(
      'error',
      error instanceof TypeError
        ? `Could not read ${API} from this page's origin (${window.location.origin}): is the API running, and is this origin in its CORS_ORIGINS?`
        : `The API answered with an error: ${error.message}`,
    );
  }
}

const input = document.getElementById('code');
input.value = params.get('code') ?? input.value;
document.getElementById('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  void show(input.value.trim());
});
void show(input.value.trim());
