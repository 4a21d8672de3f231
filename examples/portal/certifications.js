/* global document, window, fetch, URL, URLSearchParams */
// "My certifications": what a learner holds, judged on a day by the certgraph API's
// `learner(holdings:, asOf:)`: each credential's state (active, renewal open, expired, does not
// expire), how long it counts, what it counts toward, and the actions in date order; plus a link
// to the same holdings as an iCalendar feed (GET /learner/calendar.ics) to import into a calendar.

const params = new URLSearchParams(window.location.search);
const API = params.get('api') ?? 'http://localhost:4000/graphql';
const today = () => new Date().toISOString().slice(0, 10);

const QUERY = `query MyCertifications($holdings: [HeldCredentialInput!]!, $asOf: Date) {
  learner(holdings: $holdings, asOf: $asOf) {
    asOf
    credentials {
      code state validUntil renewalOpensOn
      item { name }
      unlocks { certification { code name } earned }
    }
    actions { on kind code description }
  }
}`;

const STATE_TEXT = {
  ACTIVE: 'active',
  RENEWAL_OPEN: 'renewal open',
  EXPIRED: 'expired',
  DOES_NOT_EXPIRE: 'does not expire',
  RETIRED_BUT_HELD: 'retired, still held',
};

/** `code:earnedOn[:renewedOn]`, as the calendar feed takes it, as a HeldCredentialInput. */
function heldOf(text) {
  const [code, earnedOn, renewedOn] = text.trim().split(':');
  return { code, ...(earnedOn && { earnedOn }), ...(renewedOn && { renewedOn }) };
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(state, text) {
  const status = document.querySelector('#status');
  status.dataset.state = state;
  status.textContent = text;
}

async function learner(holdings, asOf) {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { holdings, asOf } }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data.learner;
}

function showCredentials(view) {
  const rows = document.querySelector('#credentials tbody');
  rows.replaceChildren();
  for (const held of view.credentials) {
    const row = element('tr');
    row.dataset.code = held.code;
    row.dataset.state = held.state;
    const name = element('td');
    name.append(
      element('strong', '', held.item.name),
      element('br'),
      element('code', '', held.code),
    );
    const state = element('td');
    state.append(element('span', `state ${held.state}`, STATE_TEXT[held.state] ?? held.state));
    const toward = element(
      'td',
      'unlocks',
      held.unlocks.map((u) => `${u.certification.name}${u.earned ? ' (met)' : ''}`).join(', ') ||
        '–',
    );
    row.append(
      name,
      state,
      element('td', 'valid-until', held.validUntil ?? '–'),
      element('td', 'renewal-opens', held.renewalOpensOn ?? '–'),
      toward,
    );
    rows.append(row);
  }
  document.querySelector('#credentials').hidden = false;
  const actions = document.querySelector('#actions');
  actions.replaceChildren(
    ...view.actions.map((action) => {
      const item = element('li', action.kind, `${action.on}: ${action.description}`);
      item.dataset.kind = action.kind;
      return item;
    }),
  );
  document.querySelector('#actions-title').hidden = view.actions.length === 0;
}

function offerFeed(lines, asOf) {
  const feed = new URL('/learner/calendar.ics', API);
  for (const line of lines) feed.searchParams.append('holding', line);
  feed.searchParams.set('asOf', asOf);
  document.querySelector('#calendar').href = feed.href;
  document.querySelector('#feed').hidden = false;
}

async function show() {
  const lines = params
    .getAll('holding')
    .flatMap((value) => value.split('\n'))
    .filter((l) => l.trim());
  const asOf = params.get('asOf') || today();
  document.querySelector('#holdings').value = lines.join('\n');
  document.querySelector('#as-of').value = asOf;
  if (lines.length === 0) return;
  say('loading', 'Loading…');
  try {
    const view = await learner(lines.map(heldOf), asOf);
    showCredentials(view);
    offerFeed(
      lines.map((l) => l.trim()),
      asOf,
    );
    say('done', `As of ${view.asOf}.`);
  } catch (error) {
    say('error', `Could not read your certifications: ${error.message}`);
  }
}

document.querySelector('#holdings-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const next = new URLSearchParams();
  if (params.has('api')) next.set('api', API);
  for (const line of document.querySelector('#holdings').value.split('\n')) {
    if (line.trim()) next.append('holding', line.trim());
  }
  next.set('asOf', document.querySelector('#as-of').value || today());
  window.location.search = next.toString();
});

void show();
