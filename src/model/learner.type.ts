import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CatalogItem } from './catalog-item.type';
import { Certification } from './certification.type';
import { CredentialState } from './enums';
import { Plan } from './plan.type';
import { DateScalar } from './scalars';
import { ValidityPolicy } from './validity-policy.type';

@InputType({
  description:
    'A credential the learner holds, with the day every requirement was met and, if ever, the day it was last renewed. Without earnedOn it is held and valid, as a bare `holding` code.',
})
export class HeldCredentialInput {
  @Field({ description: 'Certification slug or exam code, any letter case.' })
  code!: string;

  @Field(() => DateScalar, { nullable: true })
  earnedOn?: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The latest renewal (earlier yearly renewals are taken to have been made in time). Must fall inside a renewal window: a renewal after expiry is refused.',
  })
  renewedOn?: Date | null;
}

export const LEARNER_ACTION_KINDS = ['RENEWAL_OPENS', 'RENEW_BY', 'EXPIRES', 'EARN_AGAIN'] as const;
export type LearnerActionKind = (typeof LEARNER_ACTION_KINDS)[number];
export const LearnerActionKind = Object.fromEntries(LEARNER_ACTION_KINDS.map((k) => [k, k])) as {
  [K in LearnerActionKind]: K;
};
registerEnumType(LearnerActionKind, {
  name: 'LearnerActionKind',
  description: 'Something a learner must do, or that happens to a credential, on a day.',
  valuesConfig: {
    RENEWAL_OPENS: { description: 'The renewal window opens: the assessment can be taken.' },
    RENEW_BY: { description: 'The last day to renew; the day after, it expires.' },
    EXPIRES: { description: 'The last day it counts; it cannot be renewed (retired).' },
    EARN_AGAIN: { description: 'It has expired: its required exams must be passed again.' },
  },
});

@ObjectType({ description: 'A dated step for one held credential.' })
export class LearnerAction {
  @Field(() => DateScalar)
  on!: string;

  @Field(() => LearnerActionKind)
  kind!: LearnerActionKind;

  @Field({ description: 'The credential it is about.' })
  code!: string;

  @Field()
  description!: string;
}

@ObjectType({ description: 'What a held credential expiring costs (or, expired, has cost).' })
export class ExpiryCost {
  @Field(() => DateScalar, { nullable: true, description: 'The first day without it.' })
  from?: string;

  @Field(() => [Certification], {
    description:
      'Certifications the learner meets with it but not without it (not held in their own right).',
  })
  stopsMeeting!: Certification[];

  @Field(() => Plan, {
    nullable: true,
    description: 'The plan to earn it again from the rest of what is held; null for an exam.',
  })
  reEarn?: Plan | null;
}

@ObjectType({ description: 'One held credential on the day asked.' })
export class HeldCredential {
  @Field({ description: 'The code as the catalog writes it.' })
  code!: string;

  @Field(() => CatalogItem, { description: 'The certification or exam.' })
  item!: CatalogItem;

  @Field(() => DateScalar, { nullable: true })
  earnedOn?: string;

  @Field(() => DateScalar, { nullable: true })
  renewedOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The last day it counts; null when it does not expire or no dates were given.',
  })
  validUntil?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The first day it can be renewed; null when it cannot be.',
  })
  renewalOpensOn?: string;

  @Field(() => CredentialState)
  state!: CredentialState;

  @Field({ description: 'Whether it counts toward anything that day (not when EXPIRED).' })
  counts!: boolean;

  @Field(() => ValidityPolicy, {
    nullable: true,
    description: 'The policy of the day it was earned; null for exams.',
  })
  policy?: ValidityPolicy;
}

@ObjectType({ description: 'What a learner holds, for how long, and what to do when.' })
export class Learner {
  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => [HeldCredential], { description: 'In the order given.' })
  credentials!: HeldCredential[];

  @Field(() => [LearnerAction], { description: 'Upcoming actions in date order.' })
  actions!: LearnerAction[];
}
