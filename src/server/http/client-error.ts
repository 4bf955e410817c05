/**
 * Errors below HTTP (a request Node cannot parse, a header overflow): answered in the API's error
 * shape with `Cache-Control: no-store` instead of Fastify's bare default, then the socket is closed.
 */
import type { Socket } from 'node:net';

export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'payload_too_large', message: 'The request headers are too large.' }
      : { code: 'invalid_request', message: 'The request is not valid HTTP.' },
  });
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncache-control: no-store\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
