/**
 * File-system errors in words a user can act on. Writing results can fail for reasons outside civsim (a
 * full disk, a read-only mount, a path that is too long): each becomes one line that says where and why,
 * never a stack trace.
 */

const reasons: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'the path is too long',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  EEXIST: 'something already exists there',
  ENOENT: 'a folder on the way does not exist',
  EMFILE: 'too many open files',
  EIO: 'an input/output error (is the disk failing or disconnected?)',
  ELOOP: 'too many symbolic links',
  EFBIG: 'the file is too large for the file system',
  ENOTSUP: 'this file system does not allow creating a folder there',
};

/** The errno code of a Node file-system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file-system call failed, in words ("no space left on the device"). */
export function fileErrorReason(error: unknown): string {
  const code = errorCode(error);
  if (code && reasons[code]) return reasons[code];
  return error instanceof Error ? error.message : String(error);
}

/** A file-system error that is not civsim's fault (ENOSPC, EROFS, EACCES…), with where it happened. */
export class OutputError extends Error {
  constructor(
    /** What civsim was doing, e.g. "cannot write results to results/x/y.partial". */
    readonly doing: string,
    override readonly cause: unknown,
  ) {
    super(`${doing}: ${fileErrorReason(cause)}`);
    this.name = 'OutputError';
  }

  get code(): string | undefined {
    return errorCode(this.cause);
  }
}

/** Whether an error comes from the file system (has an errno code) rather than from a bug. */
export function isFileSystemError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}
