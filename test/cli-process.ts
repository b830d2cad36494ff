import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../src/features/demo/seed-demo.js';

const CLI = fileURLToPath(new URL('../bin/tarjotin.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tarjotin ARGS` as its own process, as a person at a terminal would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `tarjotin serve` on a free loopback port and resolves once it listens. */
export function startServer(env: NodeJS.ProcessEnv, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...process.env, SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Tarjotin on (http:\/\/localhost:\d+)/.exec(output);
      if (match) resolve({ child, pid: child.pid!, url: match[1]!.replace('localhost', '127.0.0.1'), output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
}

/** A browser-like client of a server over HTTP: keeps the session cookie and sends the CSRF token on writes. */
export class HttpClient {
  #cookie = '';
  #csrf = '';

  constructor(private readonly baseUrl: string) {}

  /** The session's cookie and CSRF token, for a request made by other means. */
  headers(): Record<string, string> {
    return { ...(this.#cookie ? { cookie: this.#cookie } : {}), ...(this.#csrf ? { 'x-csrf-token': this.#csrf } : {}) };
  }

  async request(method: string, path: string, body?: unknown) {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...this.headers() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: json as any, headers: response.headers };
  }

  async login(email: string, password = DEMO_PASSWORD) {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    this.#cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    this.#csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }
}
