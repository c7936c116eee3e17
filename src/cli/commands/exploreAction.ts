/** What `civsim explore` does (commands/explore.ts holds the options and help). */
import { ExploreFolderError, explorerFiles, writeExplorerFolder } from '../../node/exploreBuild.ts';
import { serveExplorer } from '../../node/exploreServer.ts';
import { say } from '../say.ts';
import { loadForCommand } from './runAction.ts';
import type { ExploreArgs } from './explore.ts';

/** Runs the command; returns the exit code (serving returns only once interrupted). */
export async function explore(args: ExploreArgs): Promise<number> {
  if (args.scenario !== undefined && !(await loadForCommand(args.scenario, args))) return 2;
  const files = await explorerFiles({ scenario: args.scenario });
  if (args.build !== undefined) {
    try {
      const folder = await writeExplorerFolder(args.build, files);
      process.stdout.write(`${folder}\n`);
      if (!args.quiet)
        say(`wrote the explorer (${files.size} files): open ${folder}/index.html through a web server`);
      return 0;
    } catch (error) {
      if (error instanceof ExploreFolderError) {
        say(error.message);
        return 2;
      }
      throw error;
    }
  }
  let server;
  try {
    server = await serveExplorer(files, { port: args.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      say(`cannot serve on port ${args.port}: ${code === 'EADDRINUSE' ? 'it is in use' : 'not allowed'}`);
      return 2;
    }
    throw error;
  }
  process.stdout.write(`${server.url}\n`);
  if (!args.quiet) say(`the explorer is at ${server.url} (Ctrl-C stops it)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
