/** What a learner holds and for how long (docs/validity.md); dated so they answer the same any day. */
export const LEARNER_EXAMPLES: { query: string; variables?: Record<string, unknown> }[] = [
  {
    query: `# What I hold, for how long: an associate in its renewal window, an expired one, an exam pass.
query Learner($holdings: [HeldCredentialInput!]!, $asOf: Date) {
  learner(holdings: $holdings, asOf: $asOf) {
    credentials {
      code
      state
      validUntil
      renewalOpensOn
      policy { id }
      unlocks { certification { code } earned remainingExamCount }
      ifExpired { from stopsMeeting { code } reEarn { path { exams { code } } } }
    }
    actions { on kind code description }
  }
}
`,
    variables: {
      holdings: [
        { code: 'azure-administrator', earnedOn: '2026-03-01' },
        { code: 'azure-developer', earnedOn: '2024-05-10' },
        { code: 'AZ-400', earnedOn: '2026-06-01' },
      ],
      asOf: '2026-12-02',
    },
  },
  {
    query: `# A plan over time: what the held associate's validity means for it.
query PlanOverTime($holdings: [HeldCredentialInput!], $asOf: Date) {
  plan(target: "devops-engineer", holdings: $holdings, asOf: $asOf) {
    path { exams { code name } }
    warnings
    renewals { on kind code }
  }
}
`,
    variables: {
      holdings: [{ code: 'azure-administrator', earnedOn: '2026-03-01' }],
      asOf: '2026-12-02',
    },
  },
  {
    query: `# How long certifications count, and how they are renewed, each part sourced and graded.
query ValidityPolicies {
  validityPolicies {
    id
    levels
    validFrom
    validUntil
    expires
    validityMonths
    validity { confidence sources notes }
    renewal { method opensMonthsBeforeExpiry extendsMonths confidence sources }
    onExpiry { rule confidence sources }
  }
}
`,
  },
];
