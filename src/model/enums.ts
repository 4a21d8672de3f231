import { registerEnumType } from 'type-graphql';
import { CONFIDENCE_GRADES, Confidence as ConfidenceName } from '../domain/confidence';
import { ITEM_STATUSES, ItemStatus as ItemStatusName } from '../domain/status';
import { CREDENTIAL_STATES, CredentialState as CredentialStateName } from '../domain/validity';
import {
  CERTIFICATION_LEVELS,
  CertificationLevel as CertificationLevelName,
  PLAN_OBJECTIVES,
  PlanObjective as PlanObjectiveName,
  REQUIREMENT_MODES,
  RequirementMode as RequirementModeName,
} from '../domain/vocabulary';

/**
 * Every GraphQL enum. The values are the domain's words (src/domain/), so an enum here is only
 * their GraphQL face: the object type-graphql registers, and its descriptions.
 */
const enumOf = <const V extends readonly string[]>(values: V) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in V[number]]: K };

export const Confidence = enumOf(CONFIDENCE_GRADES);
export type Confidence = ConfidenceName;
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How sure a fact is.',
  valuesConfig: {
    OFFICIAL: {
      description: 'A Microsoft page says so (directly, or in a dated copy that quotes it).',
    },
    SECONDARY: { description: 'Only other sources say so: blogs, trainers, prep sites.' },
    UNCONFIRMED: {
      description:
        'Believed, but no collected source shows it. Never present it as certain; check the listed page.',
    },
  },
});

export const ItemStatus = enumOf(ITEM_STATUSES);
export type ItemStatus = ItemStatusName;
registerEnumType(ItemStatus, {
  name: 'ItemStatus',
  description: 'Where an item stands in its lifecycle on a given day.',
  valuesConfig: {
    UNKNOWN: {
      description:
        'No source shows whether it existed that day: the earliest source that shows it is from `lifecycle.knownSince`. Plans treat it as not available.',
    },
    UPCOMING: { description: 'Not available yet (before `availableFrom`).' },
    BETA: { description: 'Available in beta (up to `betaUntil`).' },
    ACTIVE: { description: 'Available, no retirement announced.' },
    RETIRING: {
      description: 'Still available, but its retirement is announced (see `retiredOn`).',
    },
    BLOCKED: {
      description:
        "Not retired by its own dates, but of no use that day: a certification every way to which needs something retired or not yet available (see `paths`' `noPathReason`), or a course whose exams can no longer be taken. Derived from the requirements, not from a source.",
    },
    RETIRED: {
      description:
        'No longer available: cannot be newly taken or earned after `retiredOn`. Held ones still count where Microsoft accepts them.',
    },
  },
});

export const CertificationLevel = enumOf(CERTIFICATION_LEVELS);
export type CertificationLevel = CertificationLevelName;
registerEnumType(CertificationLevel, { name: 'CertificationLevel' });

export const RequirementMode = enumOf(REQUIREMENT_MODES);
export type RequirementMode = RequirementModeName;
registerEnumType(RequirementMode, {
  name: 'RequirementMode',
  valuesConfig: {
    ALL_OF: { description: 'Every item must be met.' },
    ONE_OF: { description: 'Any one item is enough: the learner chooses.' },
  },
});

export const PlanObjective = enumOf(PLAN_OBJECTIVES);
export type PlanObjective = PlanObjectiveName;
registerEnumType(PlanObjective, {
  name: 'PlanObjective',
  description: 'What the best plan minimises. An exam shared by two branches counts once.',
  valuesConfig: {
    FEWEST_EXAMS: { description: 'The number of exams still to pass.' },
    FEWEST_COURSE_DAYS: {
      description:
        'Days of instructor-led preparation (what Microsoft publishes for its courses): for each exam, the shortest course that prepares for it (0 when no course does). Exams whose courses have no known length are avoided where possible and listed in `costUnknownFor`.',
    },
    FEWEST_COURSE_HOURS: {
      description:
        'Hours of preparation: for each exam, the shortest course that prepares for it (0 when no course does). Exams whose courses have no known duration are avoided where possible and listed in `costUnknownFor`.',
    },
    LOWEST_EXAM_COST: {
      description:
        'Exam fees in US dollars. Exams without a known price are avoided where possible and listed in `costUnknownFor`.',
    },
  },
});

export enum RequirementNodeKind {
  CERTIFICATION = 'CERTIFICATION',
  EXAM = 'EXAM',
  GROUP = 'GROUP',
}
registerEnumType(RequirementNodeKind, { name: 'RequirementNodeKind' });

export enum RequirementEdgeType {
  REQUIRES = 'REQUIRES',
  ONE_OF = 'ONE_OF',
}
registerEnumType(RequirementEdgeType, { name: 'RequirementEdgeType' });

export enum DiagramFormat {
  MERMAID = 'MERMAID',
}
registerEnumType(DiagramFormat, {
  name: 'DiagramFormat',
  valuesConfig: {
    MERMAID: { description: 'Mermaid flowchart text, for Markdown, wikis and mermaid.js.' },
  },
});

export const CredentialState = enumOf(CREDENTIAL_STATES);
export type CredentialState = CredentialStateName;
registerEnumType(CredentialState, {
  name: 'CredentialState',
  description:
    'Where a held credential stands on the day asked, under the validity policy of the day it was earned (docs/validity.md).',
  valuesConfig: {
    ACTIVE: { description: 'Valid, and its renewal window has not opened yet.' },
    RENEWAL_OPEN: {
      description:
        'Valid and counting, and renewable now: the window runs from `renewalOpensOn` to `validUntil`.',
    },
    EXPIRED: {
      description:
        'Past `validUntil`: it counts toward nothing and cannot be renewed; it must be earned again.',
    },
    DOES_NOT_EXPIRE: {
      description:
        'Its policy never expires it (fundamentals), or it is an exam pass; also a code given without dates.',
    },
    RETIRED_BUT_HELD: {
      description:
        'The certification is retired: it can no longer be earned or renewed, but counts until it expires.',
    },
  },
});
