import { Field, Int, ObjectType } from 'type-graphql';
import { CertificationLevel, Confidence } from './enums';
import { DateScalar } from './scalars';

@ObjectType({ description: 'Where one part of a validity policy comes from, and how sure it is.' })
export class PolicyFact {
  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => [String], { description: 'URLs of the pages that state it.' })
  sources!: string[];

  @Field(() => [String], { description: 'Quotes, interpretations and what only others say.' })
  notes!: string[];
}

@ObjectType({ description: 'How a certification under a policy is renewed.' })
export class RenewalRule extends PolicyFact {
  @Field({
    description: 'What the learner does, e.g. a free online assessment on Microsoft Learn.',
  })
  method!: string;

  @Field(() => Int, { description: 'The window opens this many calendar months before expiry.' })
  opensMonthsBeforeExpiry!: number;

  @Field(() => Int, { description: 'A renewal moves the expiry this many months later.' })
  extendsMonths!: number;
}

@ObjectType({ description: 'What happens when a certification under a policy expires.' })
export class ExpiryRule extends PolicyFact {
  @Field()
  rule!: string;
}

@ObjectType({
  description:
    'How long certifications of some levels (or single certifications) count once earned, for those earned from `validFrom` to `validUntil`; each part sourced and graded.',
})
export class ValidityPolicy {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => [CertificationLevel], { description: 'Levels it covers.' })
  levels!: CertificationLevel[];

  @Field(() => [String], {
    description: 'Certifications it covers by code (these win over a policy for their level).',
  })
  certifications!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'First day of earning it governs.' })
  validFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of earning it governs.' })
  validUntil?: string;

  @Field({ description: 'False: certifications under it never expire.' })
  expires!: boolean;

  @Field(() => Int, { nullable: true, description: 'Months a newly earned one is valid.' })
  validityMonths?: number;

  @Field(() => PolicyFact, { description: 'The sources of `expires` and `validityMonths`.' })
  validity!: PolicyFact;

  @Field(() => RenewalRule, { nullable: true, description: 'Null: it cannot be renewed.' })
  renewal?: RenewalRule;

  @Field(() => ExpiryRule, { nullable: true })
  onExpiry?: ExpiryRule;
}
