/**
 * The HTTP server: probes, then the API, then the sign-in form's post, then pages (signed-in only), then the page
 * handler; and the sockets it holds, so that a shutdown can end the ones a client never closes.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { text, wordText } from '../errors';
import type { ErrorText } from '../errors';
import { headersLocale } from './request-locale';

/** Answers a request and returns true, or returns false to pass it on. */
type Handler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface HttpServerDeps {
  ops: Handler;
  api: Handler;
  /** `POST /login`, the sign-in page's form sent without its script. */
  loginForm: Handler;
  /** Answers (true) page requests that need a sign-in or the first-run setup. */
  pageGate(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Everything else (the Next.js request handler); 404 when absent. */
  pageHandler?: (req: IncomingMessage, res: ServerResponse) => void;
  log: Logger;
}

export interface HttpServer {
  server: Server;
  /** Destroys every socket still open (WebSockets included). */
  destroySockets(): void;
}

// A page request's refusal, in the language its page would have been in.
function plain(req: IncomingMessage, res: ServerResponse, status: number, message: ErrorText): void {
  res
    .writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
    .end(wordText(message, headersLocale(req.headers)));
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const server = createServer((req, res) => {
    if (deps.ops(req, res)) return;
    if (deps.api(req, res)) return;
    if (deps.loginForm(req, res)) return;
    void deps.pageGate(req, res).then(
      (answered) => {
        if (answered) return;
        if (deps.pageHandler) return deps.pageHandler(req, res);
        plain(req, res, 404, text('errors', 'pageNotFound'));
      },
      (err: unknown) => {
        deps.log.error({ err }, 'could not check the session of a page request');
        plain(req, res, 500, text('errors', 'pageFailed'));
      },
    );
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    server,
    destroySockets() {
      for (const socket of sockets) socket.destroy();
    },
  };
}
