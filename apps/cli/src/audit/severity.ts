/** How bad a finding is, least to most. */
export const severities = ['low', 'medium', 'high', 'critical'] as const;

/** One of {@link severities}. */
export type Severity = (typeof severities)[number];

/** `--fail-on`: a severity, or `none` to never fail. */
export type FailOn = Severity | 'none';

/** The values `--fail-on` accepts. */
export const failOnChoices: readonly FailOn[] = ['none', ...severities];

/** 0 for low … 3 for critical. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** Whether a finding of `severity` should fail a run with `--fail-on failOn`. */
export function reachesThreshold(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && severityRank(severity) >= severityRank(failOn);
}
