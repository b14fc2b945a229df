/**
 * The local Lex runtime's HTTP server: ONE port for h2c (HTTP/2 with prior knowledge, what the
 * default `@aws-sdk/client-lex-runtime-v2` client speaks in Node) and HTTP/1.1. The first bytes of
 * each connection decide: the HTTP/2 preface `PRI * HTTP/2.0` goes to an http2 server, anything
 * else to an http server; both share one handler (LEX.md §1, STACK.md).
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttp2Server, type Http2Session } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { DEFAULT_LEX_PORT, LOCAL_HOST } from '../../workflows/local-defaults';
import { handleLexRequest, type WireRequest, type WireResponse } from './handle-lex-request';
import type { LexRuntime } from './lex-runtime-types';
import { silentRuntimeLogger, type RuntimeLogger } from './runtime-logger';

export { DEFAULT_LEX_PORT };
const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** What the server is started with. */
export type LexServerOptions = { runtime: LexRuntime; port?: number; host?: string; logger?: RuntimeLogger };

/** A listening server. */
export type LexServer = { url: string; port: number; close(): Promise<void> };

/** Starts listening; `port: 0` picks a free port. */
export async function startLexServer({
  runtime,
  port = DEFAULT_LEX_PORT,
  host = LOCAL_HOST,
  logger = silentRuntimeLogger,
}: LexServerOptions): Promise<LexServer> {
  const handle = (request: WireRequest, response: WireResponse) => {
    handleLexRequest(runtime, request, response, logger).catch((error: unknown) =>
      logger.error('lex response failure', { error: String(error) }),
    );
  };
  const http1 = createHttpServer(handle);
  http1.keepAliveTimeout = 65_000;
  const http2 = createHttp2Server(handle);
  const sessions = new Set<Http2Session>();
  http2.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  http2.on('sessionError', (error: Error) => logger.error('lex h2 session error', { error: error.message }));
  const sockets = new Set<Socket>();

  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', (error) => logger.info('lex connection error', { error: error.message }));
    let buffered = Buffer.alloc(0);
    const sniff = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const length = Math.min(buffered.length, HTTP2_PREFACE.length);
      const isPrefix = buffered.subarray(0, length).equals(HTTP2_PREFACE.subarray(0, length));
      if (isPrefix && length < HTTP2_PREFACE.length) return;
      socket.off('data', sniff);
      socket.pause();
      socket.unshift(buffered);
      if (isPrefix) {
        http2.emit('connection', socket);
      } else {
        http1.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', sniff);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
        http1.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
