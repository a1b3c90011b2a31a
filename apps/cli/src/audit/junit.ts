import { XMLBuilder } from 'fast-xml-parser';
import { sanitize } from '../output/sanitize.js';
import { ownerLabel } from './labels.js';
import type { AuditReport } from './report.js';
import { reachesThreshold } from './severity.js';
import type { Finding } from './types.js';

/** XML 1.0 has no escape for these: noncharacters and lone surrogates become U+FFFD. */
const notXml =
  /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Server text as XML can hold it (the builder escapes `<`, `&` and quotes). */
function text(value: string): string {
  return sanitize(value).replace(notXml, '\uFFFD');
}

function failure(finding: Finding) {
  const body = [finding.message, finding.command ? `fix: ${finding.command}` : ''].filter(Boolean);
  // Each line sanitised alone, so the line break between them stays a line break.
  return {
    '@_message': text(
      `${finding.severity} ${finding.kind}: ${finding.tokenName} (${finding.tokenId})`,
    ),
    '@_type': finding.kind,
    '#text': body.map(text).join('\n'),
  };
}

/**
 * The audit as JUnit XML for CI test reports: one test case per owner, one `<failure>` per
 * finding at or above `--fail-on` (none with `--fail-on none`), an `<error>` for an owner that
 * could not be read and `<skipped>` for one that was skipped.
 */
export function auditJunit(report: AuditReport): string {
  const failing = report.findings.filter((f) => reachesThreshold(f.severity, report.failOn));
  const key = (vendor: string, owner: { kind: string; id?: string }) =>
    `${vendor}/${owner.kind}/${owner.id ?? ''}`;
  const missing = new Map(
    report.notAudited.map((entry) => [key(entry.vendor, entry.owner), entry]),
  );
  const listing = report.notAudited.filter((entry) => entry.owner.kind === 'applications');
  const cases = [...report.sources, ...listing].map((source) => {
    const id = key(source.vendor, source.owner);
    const problem = missing.get(id);
    const failures = failing.filter((f) => key(f.vendor, f.owner) === id).map(failure);
    return {
      '@_name': text(ownerLabel(source.vendor, source.owner)),
      '@_classname': `tokenkit.audit.${source.vendor}.${source.owner.kind}`,
      ...(failures.length > 0 ? { failure: failures } : {}),
      ...(problem && !problem.skipped ? { error: { '@_message': text(problem.reason) } } : {}),
      ...(problem?.skipped ? { skipped: { '@_message': text(problem.reason) } } : {}),
    };
  });
  const errors = report.notAudited.filter((entry) => !entry.skipped).length;
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'tokenkit audit',
      '@_tests': cases.length,
      '@_failures': failing.length,
      '@_errors': errors,
      testsuite: {
        '@_name': 'tokenkit audit',
        '@_tests': cases.length,
        '@_failures': failing.length,
        '@_errors': errors,
        '@_skipped': report.notAudited.length - errors,
        '@_timestamp': report.generatedAt,
        testcase: cases,
      },
    },
  });
}
