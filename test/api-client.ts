import type { FastifyInstance, InjectOptions } from 'fastify';
import { DEMO_PASSWORD } from '../src/features/demo/seed-demo.js';

/** Calls the API in-process as one browser would: keeps the session cookie and sends the CSRF token on writes. */
export class ApiClient {
  #cookie: string | undefined;
  #csrf: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  /** A client signed in as the given person (a demo account, by default with the demo password). */
  static async signedIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD) {
    const client = new ApiClient(app);
    await client.login(email, password);
    return client;
  }

  async request(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url: `/api/v1${url}`,
      payload: payload as InjectOptions['payload'],
      headers: {
        ...(this.#cookie ? { cookie: this.#cookie } : {}),
        ...(this.#csrf ? { 'x-csrf-token': this.#csrf } : {}),
        ...headers,
      },
    });
    return { status: response.statusCode, body: safeJson(response.body), raw: response.rawPayload, headers: response.headers };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);

  async login(email: string, password = DEMO_PASSWORD) {
    const response = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'tarjotin_session');
    this.#cookie = `tarjotin_session=${cookie!.value}`;
    this.#csrf = response.json().csrfToken;
    return response.json();
  }
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
