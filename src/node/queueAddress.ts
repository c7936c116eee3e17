/**
 * A Redis queue's address as users write it (`--queue redis://host:6379/0`): checked before anything
 * connects, and shown in messages without its password. Kept apart from the Redis client, so checking
 * a command line loads no queue library.
 */

/** The address without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** What is wrong with a queue address, if anything. */
export function queueUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `--queue takes a Redis address such as redis://127.0.0.1:6379, got ${JSON.stringify(text)}`;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return `--queue takes a redis:// or rediss:// address, got ${JSON.stringify(redactUrl(text))}`;
  }
  if (url.pathname.length > 1 && !/^\/\d{1,2}$/.test(url.pathname)) {
    return `the path of a Redis address is a database number (redis://host:6379/0), got ${JSON.stringify(url.pathname)}`;
  }
  return undefined;
}
