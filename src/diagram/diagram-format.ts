import { registerEnumType } from 'type-graphql';

export enum DiagramFormat {
  MERMAID = 'MERMAID',
}
registerEnumType(DiagramFormat, {
  name: 'DiagramFormat',
  valuesConfig: {
    MERMAID: { description: 'Mermaid flowchart text, for Markdown, wikis and mermaid.js.' },
  },
});
