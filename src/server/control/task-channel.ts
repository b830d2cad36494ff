import { randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { lockAddress, type DataDirHolder } from '../db/data-dir-lock.js';

/**
 * The channel over which a CLI command hands its work to the server that holds the embedded
 * database, so that only one process ever writes it. One task per connection, newline-delimited
 * JSON: the client sends `{token, task, args}`; the server answers with `progress` and `info`
 * events and ends with one `outcome`. The token is in the holder file, which only its owner can read.
 */

export interface TaskEvents {
  progress(stage: string, done: number, total: number): void;
  info(message: string): void;
}

/** What a person fixing their input needs: a message, and each bad field or row. */
export interface TaskFailure {
  message: string;
  issues?: { path: string; row?: number; message: string }[];
}

export type TaskOutcome = { ok: true; result: unknown } | { ok: false; failure: TaskFailure };

export type TaskRunner = (task: string, args: unknown, events: TaskEvents) => Promise<TaskOutcome>;

type ServerLine =
  | { progress: { stage: string; done: number; total: number } }
  | { info: string }
  | { outcome: TaskOutcome };

const MAX_REQUEST_BYTES = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;

export function newControlToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers handed-over tasks on the lock's socket. Unexpected errors go to `onError`, the client gets a short line. */
export function answerTasks(socket: net.Server, token: string, run: TaskRunner, onError: (error: unknown, task: string) => void) {
  socket.on('connection', (connection) => {
    const send = (line: ServerLine) => {
      if (!connection.destroyed) connection.write(`${JSON.stringify(line)}\n`);
    };
    const finish = (outcome: TaskOutcome) => {
      send({ outcome });
      connection.end(() => connection.destroy());
    };
    // A client gets a few seconds to say what it wants; the task itself may then take long.
    connection.setTimeout(REQUEST_TIMEOUT_MS, () => connection.destroy());
    let received = 0;
    connection.on('data', (chunk) => {
      received += chunk.length;
      if (received > MAX_REQUEST_BYTES) connection.destroy();
    });
    connection.on('error', () => connection.destroy());
    const lines = createInterface({ input: connection });
    lines.once('line', (line) => {
      lines.close();
      connection.setTimeout(0);
      let request: { token?: unknown; task?: unknown; args?: unknown };
      try {
        request = JSON.parse(line);
      } catch {
        return finish({ ok: false, failure: { message: 'The request was not JSON.' } });
      }
      if (!sameToken(request.token, token)) return finish({ ok: false, failure: { message: 'The control token is wrong; only the server\'s owner can hand it tasks.' } });
      const task = String(request.task);
      const events: TaskEvents = {
        progress: (stage, done, total) => send({ progress: { stage, done, total } }),
        info: (message) => send({ info: message }),
      };
      run(task, request.args, events).then(finish, (error: unknown) => {
        onError(error, task);
        finish({ ok: false, failure: { message: 'The server failed to run the task; its log has the details.' } });
      });
    });
  });
}

/** Hands a task to the server holding `dataDir` and relays its events; resolves with its outcome. */
export function handOverTask(dataDir: string, holder: DataDirHolder, task: string, args: unknown, events: TaskEvents): Promise<TaskOutcome> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(lockAddress(dataDir));
    let outcome: TaskOutcome | undefined;
    connection.on('connect', () => connection.write(`${JSON.stringify({ token: holder.controlToken, task, args })}\n`));
    connection.on('error', (error) => reject(new Error(`Could not reach the server holding ${dataDir}: ${error.message}`)));
    createInterface({ input: connection }).on('line', (line) => {
      let message: ServerLine;
      try {
        message = JSON.parse(line) as ServerLine;
      } catch {
        connection.destroy(new Error('the server answered something that is not JSON'));
        return;
      }
      if ('progress' in message) events.progress(message.progress.stage, message.progress.done, message.progress.total);
      else if ('info' in message) events.info(message.info);
      else outcome = message.outcome;
    });
    connection.on('close', () =>
      outcome ? resolve(outcome) : reject(new Error(`The server holding ${dataDir} closed the connection before the task ended.`)),
    );
  });
}
