/**
 * The preview's server-sent events: each open viewer hears of every new
 * layout (`pages`), its photocopy preflight's warnings (`warnings`), the
 * formats after it (`formats`) or a problem in the source (`problem`); a
 * viewer that connects late is sent the last of each kind at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type PreviewEvent = 'pages' | 'warnings' | 'formats' | 'problem';

export interface PreviewEvents {
  /** Sends `payload` to every viewer, and keeps it for the ones to come. */
  send(event: PreviewEvent, payload: object): void;
  /** Answers a request for /events: the last messages, then every one after. */
  listen(request: IncomingMessage, response: ServerResponse): void;
  /** Ends every viewer's stream. */
  close(): void;
}

interface Message {
  event: PreviewEvent;
  data: string;
}

const wire = (message: Message): string => `event: ${message.event}\ndata: ${message.data}\n\n`;

export function createPreviewEvents(): PreviewEvents {
  const clients = new Set<ServerResponse>();
  /** The last layout's pages, or the last problem; its preflight's warnings; its formats. */
  let last: Message | undefined;
  let lastWarnings: Message | undefined;
  let lastFormats: Message | undefined;
  return {
    send(event, payload) {
      const message = { event, data: JSON.stringify(payload) };
      if (event === 'formats') lastFormats = message;
      else if (event === 'warnings') lastWarnings = message;
      else {
        last = message;
        if (event === 'pages') lastWarnings = undefined;
      }
      for (const client of clients) client.write(wire(message));
    },
    listen(request, response) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      clients.add(response);
      request.on('close', () => clients.delete(response));
      for (const message of [last, lastWarnings, lastFormats]) if (message) response.write(wire(message));
    },
    close() {
      for (const client of clients) client.end();
    },
  };
}
