/* global document, window, fetch, URLSearchParams, sessionStorage */
// An example curator page: signs in with a bearer token (CURATOR_TOKEN, or a JWT with the
// curator role), retires an exam through the API's `retire` mutation (a POST with an
// Authorization header, so the browser asks the API first: CORS must allow the origin), and
// shows the learners' page (index.html) beside it, drawn again after the change.

const params = new URLSearchParams(window.location.search);
const API = params.get('api') ?? 'http://localhost:4000/graphql';
const code = params.get('code') ?? 'devops-engineer';
const asOf = params.get('asOf') ?? new Date().toISOString().slice(0, 10);

const RETIRE = `mutation CuratorRetire($code: String!, $retiredOn: Date!, $sources: [String!]!, $expectedVersion: Int) {
  retire(code: $code, retiredOn: $retiredOn, sources: $sources, expectedVersion: $expectedVersion) {
    catalogVersion
    item { code name retiredOn }
    change { who at }
  }
}`;

const result = document.getElementById('result');
const say = (state, text) => {
  result.dataset.state = state;
  result.textContent = text;
};

async function post(query, variables, token) {
  const response = await fetch(API, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The learners' page for the same certification and day; `revalidate` skips cached answers. */
function drawPortal() {
  const portal = new URLSearchParams({ api: API, code, asOf, revalidate: String(Date.now()) });
  document.getElementById('portal').src = `index.html?${portal}`;
}

let version;
async function readVersion() {
  const body = await post('query CuratorVersion { catalogVersion }', {});
  version = body.data?.catalogVersion;
}

const token = () => sessionStorage.getItem('curator-token');

function signedIn() {
  document.getElementById('who').textContent = token() ? 'Signed in.' : '';
  document.getElementById('retire').hidden = !token();
  if (token()) say('idle', `Retire an exam; the drawing below is ${code} as of ${asOf}.`);
}

document.getElementById('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('curator-token', document.getElementById('token').value.trim());
  signedIn();
});

document.getElementById('retire').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('loading', 'Retiring …');
  try {
    const body = await post(
      RETIRE,
      {
        code: document.getElementById('exam').value.trim(),
        retiredOn: document.getElementById('retired-on').value,
        sources: [document.getElementById('source').value.trim()],
        expectedVersion: version,
      },
      token(),
    );
    if (body.errors) {
      const [error] = body.errors;
      say('error', `${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
      if (error.extensions?.code === 'CONFLICT') await readVersion();
      return;
    }
    const { retire } = body.data;
    version = retire.catalogVersion;
    say(
      'done',
      `${retire.item.code} retires after ${retire.item.retiredOn} (catalog version ${version}, by ${retire.change.who}).`,
    );
    drawPortal();
  } catch {
    say('error', `Could not reach ${API} from ${window.location.origin}: is it in CORS_ORIGINS?`);
  }
});

signedIn();
void readVersion();
drawPortal();
