/**
 * `civsim explore [SCENARIO]`: the explorer, a page that runs the models in the browser — levers from
 * the model's schema, live charts with uncertainty bands, two policies side by side, shareable links,
 * downloads. Served on 127.0.0.1 at a free port (the URL is printed), or written to a folder with
 * --build DIR for any static host or a course website. The action is in ./exploreAction.ts.
 */
import type { Argv, CommandModule } from 'yargs';
import { usageFail } from './usageFail.ts';

export interface ExploreArgs {
  scenario?: string;
  build?: string;
  port?: number;
  quiet: boolean;
}

/** What is wrong with the options, or undefined. */
export function exploreArgsProblem(args: Partial<Record<keyof ExploreArgs, unknown>>): string | undefined {
  if (args.port !== undefined) {
    const port = args.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
      return `--port must be a whole number from 0 to 65535, got ${JSON.stringify(port) ?? String(port)}`;
    }
  }
  if (args.build !== undefined && (typeof args.build !== 'string' || args.build.length === 0)) {
    return '--build must be one folder path';
  }
  if (args.build !== undefined && args.port !== undefined)
    return '--port serves the page; --build writes it: give one';
  return undefined;
}

function builder(setExit: (code: number) => void) {
  return (y: Argv) =>
    y
      .positional('scenario', {
        type: 'string',
        describe: 'A scenario file to open first (the shipped scenarios are always there)',
      })
      .option('build', {
        alias: 'b',
        type: 'string',
        describe: 'Write the page to this folder (for a static host) instead of serving it',
      })
      .option('port', { type: 'number', describe: 'Serve on this port of 127.0.0.1 (default: a free one)' })
      .option('quiet', {
        alias: 'q',
        type: 'boolean',
        default: false,
        describe: 'Print only the URL (or the folder)',
      })
      .check((argv) => exploreArgsProblem(argv as Partial<Record<keyof ExploreArgs, unknown>>) ?? true)
      .fail(usageFail('explore', setExit))
      .example('$0 explore', 'Serve the explorer on 127.0.0.1 and print its URL (Ctrl-C stops it)')
      .example('$0 explore scenarios/classics/schelling-mesa-small.yaml', 'Open a scenario first')
      .example('$0 explore my-country.yaml --port 8080', 'Your own scenario, on a fixed port')
      .example('$0 explore --build site/explorer', 'Write the page to a folder for any static web host')
      .wrap(Math.min(120, y.terminalWidth()))
      .epilogue(
        [
          'The models run in the browser (Web Workers), on the same engine and model code as the command',
          'line; the server only serves files, and the page loads nothing from outside. A built folder is',
          'written complete or not at all, and replaces only an earlier explorer build.',
          'Exit codes: 0 done (or stopped with Ctrl-C), 1 failed, 2 bad scenario, folder or arguments.',
        ].join('\n'),
      );
}

export function exploreCommand(setExit: (code: number) => void): CommandModule<object, ExploreArgs> {
  return {
    command: 'explore [scenario]',
    describe: 'Explore the models in a browser: levers, live charts, two policies side by side',
    builder: builder(setExit) as unknown as CommandModule<object, ExploreArgs>['builder'],
    handler: async (args) => {
      if (exploreArgsProblem(args)) return;
      const { explore } = await import('./exploreAction.ts');
      setExit(await explore(args));
    },
  };
}
