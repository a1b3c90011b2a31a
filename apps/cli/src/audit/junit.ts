import { XMLBuilder } from 'fast-xml-parser';
import { sanitize } from '../output/sanitize.js';
import { ownerLabel, plural } from './labels.js';
import { ownerKey } from './owner-json.js';
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

/** One token's findings that reach `--fail-on`, as one `<failure>`: a line per finding. */
function failure(findings: readonly Finding[]) {
  // Each line sanitised alone, so the line breaks between them stay line breaks.
  const body = findings.flatMap((f) => [
    `${f.severity} ${f.kind}: ${f.message}`,
    ...(f.command ? [`fix: ${f.command}`] : []),
  ]);
  return {
    '@_message': text(findings.map((f) => `${f.severity} ${f.kind}`).join(', ')),
    '@_type': findings[0]?.kind,
    '#text': body.map(text).join('\n'),
  };
}

/** Findings by owner, then by token, in the report's order (most urgent first). */
function byOwnerAndToken(findings: readonly Finding[]): Map<string, Map<string, Finding[]>> {
  const owners = new Map<string, Map<string, Finding[]>>();
  for (const finding of findings) {
    const key = ownerKey(finding.vendor, finding.owner);
    const tokens = owners.get(key) ?? new Map<string, Finding[]>();
    owners.set(key, tokens);
    const list = tokens.get(finding.tokenId);
    if (list) list.push(finding);
    else tokens.set(finding.tokenId, [finding]);
  }
  return owners;
}

type Source = AuditReport['sources'][number] | AuditReport['notAudited'][number];

/** The test cases of one owner: one per token with findings, or one for the owner itself. */
function ownerCases(report: AuditReport, source: Source, tokens: Map<string, Finding[]>) {
  const owner = text(ownerLabel(source.vendor, source.owner));
  const classname = `tokenkit.audit.${source.vendor}.${source.owner.kind}`;
  const problem = report.notAudited.find(
    (entry) => ownerKey(entry.vendor, entry.owner) === ownerKey(source.vendor, source.owner),
  );
  if (problem) {
    const what = problem.skipped ? 'skipped' : 'error';
    return [
      { '@_name': owner, '@_classname': classname, [what]: { '@_message': text(problem.reason) } },
    ];
  }
  if (tokens.size === 0) {
    const count = 'tokens' in source ? plural(source.tokens, 'token') : 'no tokens';
    return [{ '@_name': `${owner}: ${count}, no findings`, '@_classname': classname }];
  }
  return [...tokens.values()].map((findings) => {
    const first = findings[0] as Finding;
    const failing = findings.filter((f) => reachesThreshold(f.severity, report.failOn));
    return {
      '@_name': text(
        `${ownerLabel(first.vendor, source.owner)} token ${first.tokenName} (${first.tokenId})`,
      ),
      '@_classname': classname,
      ...(failing.length > 0 ? { failure: failure(failing) } : {}),
    };
  });
}

/**
 * The audit as JUnit XML for CI test reports: one test case per owner and token with findings
 * (its findings at or above `--fail-on` in one `<failure>`; none with `--fail-on none`), one for
 * an owner without findings, an `<error>` for an owner that could not be read and `<skipped>` for
 * one that was skipped. `tests` counts the cases; `failures`, `errors` and `skipped` count cases
 * too, so they add up.
 */
export function auditJunit(report: AuditReport): string {
  const grouped = byOwnerAndToken(report.findings);
  const listing = report.notAudited.filter((entry) => entry.owner.kind === 'applications');
  const cases = [...report.sources, ...listing].flatMap((source) =>
    ownerCases(report, source, grouped.get(ownerKey(source.vendor, source.owner)) ?? new Map()),
  );
  const count = (key: string) => cases.filter((c) => key in c).length;
  const totals = {
    '@_tests': cases.length,
    '@_failures': count('failure'),
    '@_errors': count('error'),
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'tokenkit audit',
      ...totals,
      testsuite: {
        '@_name': 'tokenkit audit',
        ...totals,
        '@_skipped': count('skipped'),
        '@_timestamp': report.generatedAt,
        testcase: cases,
      },
    },
  });
}
