#!/usr/bin/env node
import { parseCliArgs, USAGE } from './cli-options.js';
import { startMockServer } from './start-mock-server.js';

/** Runs `tokenkit-mock`: start, print url and credentials, stay up until SIGINT/SIGTERM. */
async function main(argv: readonly string[]): Promise<number> {
  let request: ReturnType<typeof parseCliArgs>;
  try {
    request = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`tokenkit-mock: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (request.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const mock = await startMockServer(request.options);
  request.seedStore(mock.store);
  request.applyFaults(mock.faults);
  // Listen for the stop signal before printing: whoever reads the output may signal at once.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const info = { url: mock.url, losant: mock.losant, instana: mock.instana };
  if (request.json) {
    process.stdout.write(`${JSON.stringify(info)}\n`);
  } else {
    process.stdout.write(
      [
        `tokenkit mock server listening on ${mock.url}`,
        '',
        'Losant:',
        `  LOSANT_API_URL=${mock.url}`,
        `  LOSANT_ACCESS_TOKEN=${mock.losant.accessToken}`,
        `  instanceId=${mock.losant.instanceId} applicationId=${mock.losant.applicationId} userId=${mock.losant.userId}`,
        'Instana:',
        `  INSTANA_BASE_URL=${mock.url}`,
        `  INSTANA_API_TOKEN=${mock.instana.apiToken}`,
        '',
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
  await stopped;
  await mock.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `tokenkit-mock: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
