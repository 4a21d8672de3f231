import { ItemKind } from '../seed/catalog';
import { importNote, LEARN_CATALOG_API } from './map-records';
import { Change, FieldValue, Skip } from './report';

/** An item already in the seeds, as plain data. */
export interface ExistingItem {
  value: Record<string, unknown>;
  /** Fields whose YAML node defines an anchor (`&name`): editing it would change its aliases too. */
  anchored: string[];
}
export type ExistingItems = Record<ItemKind, Map<string, ExistingItem>>;

export interface NewItem {
  kind: ItemKind;
  code: string;
  value: Record<string, unknown>;
}

export interface MergePlan {
  added: NewItem[];
  changed: Change[];
  skipped: Skip[];
}

export interface PlanOptions {
  /** The input's file name, for the provenance note of new items. */
  fileName: string;
  /** YYYY-MM-DD: the import's date, and the day requirements are compared as of. */
  date: string;
}

const KINDS: ItemKind[] = ['certifications', 'exams', 'courses'];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Collects a plan's decisions per kind, so that the report lists them kind by kind. */
export class MergeBuilder {
  private readonly added: Record<ItemKind, NewItem[]> = {
    certifications: [],
    exams: [],
    courses: [],
  };
  private readonly changed: Record<ItemKind, Change[]> = {
    certifications: [],
    exams: [],
    courses: [],
  };
  private readonly skipped: Record<ItemKind, Skip[]> = {
    certifications: [],
    exams: [],
    courses: [],
  };

  constructor(
    readonly existing: ExistingItems,
    readonly options: PlanOptions,
  ) {}

  skip(kind: ItemKind, record: string, reason: string): void {
    this.skipped[kind].push({ record, reason });
  }

  addedCodes(kind: ItemKind): string[] {
    return this.added[kind].map((item) => item.code);
  }

  /** A new item, with the provenance every imported item carries. */
  add(kind: ItemKind, code: string, fields: Record<string, unknown>, url?: string): void {
    const { notes = [], ...rest } = fields as { notes?: string[] };
    const value: Record<string, unknown> = {
      ...rest,
      confidence: 'official',
      sources: url ? [url, LEARN_CATALOG_API] : [LEARN_CATALOG_API],
      notes: [importNote(this.options.fileName, this.options.date), ...notes],
    };
    for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
    this.added[kind].push({ kind, code, value });
  }

  /**
   * Proposes values for an existing item's fields (undefined: nothing to propose). A changed
   * item also gets the record's url among its sources.
   */
  update(
    kind: ItemKind,
    code: string,
    record: { uid: string; url?: string },
    proposed: [string, FieldValue | undefined][],
  ): void {
    const item = this.existing[kind].get(code)!;
    const changes: Change[] = [];
    const change = (field: string, to: FieldValue) => {
      const from = item.value[field] as FieldValue | undefined;
      if (item.anchored.includes(field)) {
        this.skip(
          kind,
          record.uid,
          `${field} not changed: its YAML value is an anchor that other items alias; edit it by hand`,
        );
      } else {
        changes.push(
          from === undefined ? { kind, code, field, to } : { kind, code, field, from, to },
        );
      }
    };
    for (const [field, to] of proposed) {
      if (to !== undefined && !same(item.value[field], to)) change(field, to);
    }
    const sources = Array.isArray(item.value.sources) ? (item.value.sources as string[]) : [];
    const source = record.url ?? LEARN_CATALOG_API;
    if (changes.length > 0 && !sources.includes(source)) change('sources', [...sources, source]);
    this.changed[kind].push(...changes);
  }

  plan(unread: Skip[]): MergePlan {
    return {
      added: KINDS.flatMap((kind) => this.added[kind]),
      changed: KINDS.flatMap((kind) => this.changed[kind]),
      skipped: [...KINDS.flatMap((kind) => this.skipped[kind]), ...unread],
    };
  }
}
