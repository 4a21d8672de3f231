import { createGraphiQLFetcher, createLocalStorage, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { Kind, parse } from 'graphql';
import { createRoot } from 'react-dom/client';
import './playground.css';

/** What the server writes into the page (see src/http/playground-page.ts). */
interface PlaygroundConfig {
  endpoint: string;
  workers: { editor: string; json: string; graphql: string };
  tabs: { query: string; variables?: string; headers?: string }[];
  storageNamespace: string;
}

const config = JSON.parse(
  document.getElementById('certgraph-playground-config')!.textContent,
) as PlaygroundConfig;

// Monaco's language services run in web workers; these are bundled beside this file and served
// by the API itself, so the editor works with no connection to the internet.
(globalThis as { MonacoEnvironment?: object }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const url =
      label === 'json' || label === 'graphql' ? config.workers[label] : config.workers.editor;
    return new Worker(url, { type: 'module', name: label });
  },
};

/**
 * GraphiQL updates the operation name a moment after the editor changes, so running a query
 * right after switching tabs can send the previous tab's name. A document with one operation
 * needs no choosing: send that operation's own name.
 */
const sendToApi: Fetcher = createGraphiQLFetcher({ url: config.endpoint });
const fetcher: Fetcher = (params, options) => {
  let operations: string[] = [];
  try {
    operations = parse(params.query)
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => d.name?.value ?? '');
  } catch {
    // Not parseable here: the server will say what is wrong.
  }
  const operationName = operations.length === 1 ? operations[0] || null : params.operationName;
  // @graphiql/toolkit's result type names graphql-ws types that are not installed (the
  // playground speaks HTTP only), so the type checker sees an unresolved type here.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  return sendToApi({ ...params, operationName }, options);
};

const storage = createLocalStorage({ namespace: config.storageNamespace });
// GraphiQL 5 fills the editors from the first default tab's query but not its variables.
const firstVisit = storage.getItem('tabState') === null;

// The schema docs open beside the examples (the plugin's title is how GraphiQL names it).
createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={config.tabs}
    storage={storage}
    initialVariables={firstVisit ? config.tabs[0]?.variables : undefined}
    visiblePlugin="Documentation Explorer"
    defaultEditorToolsVisibility="variables"
  >
    <GraphiQL.Logo>certgraph</GraphiQL.Logo>
  </GraphiQL>,
);
