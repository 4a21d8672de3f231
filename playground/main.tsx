import { createGraphiQLFetcher, createLocalStorage } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import './playground.css';

/** What the server writes into the page (see src/http/playground-page.ts). */
interface PlaygroundConfig {
  endpoint: string;
  workers: { editor: string; json: string; graphql: string };
  tabs: { query: string; variables?: string }[];
  storageNamespace: string;
}

const config = JSON.parse(
  document.getElementById('certgraph-playground-config')!.textContent!,
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

const storage = createLocalStorage({ namespace: config.storageNamespace });
// GraphiQL 5 fills the editors from the first default tab's query but not its variables.
const firstVisit = storage.getItem('tabState') === null;

// The schema docs open beside the examples (the plugin's title is how GraphiQL names it).
createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={createGraphiQLFetcher({ url: config.endpoint })}
    defaultTabs={config.tabs}
    storage={storage}
    initialVariables={firstVisit ? config.tabs[0]?.variables : undefined}
    visiblePlugin="Documentation Explorer"
    defaultEditorToolsVisibility="variables"
  >
    <GraphiQL.Logo>certgraph</GraphiQL.Logo>
  </GraphiQL>,
);
