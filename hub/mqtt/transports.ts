import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { guardConnection, type PacketTooLargeError } from './frame-guard.js';

/** Room for the fixed header, topic and message id on top of the payload cap. */
const PACKET_OVERHEAD_BYTES = 4096;

export interface TransportDeps {
  /** Hands a connection to aedes, with the address it came from (for the rate limit and the logs). */
  accept(connection: Duplex, address: string, request?: IncomingMessage): void;
  maxPayloadBytes: number;
  onTooLarge(address: string, error: PacketTooLargeError): void;
}

/** Every raw socket we handed out, so close() can end connections that never finished CONNECT. */
export class OpenSockets {
  private readonly sockets = new Set<Duplex>();

  track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

function hand(deps: TransportDeps, open: OpenSockets, inner: Duplex, address: string, req?: IncomingMessage) {
  open.track(inner);
  const maxPacket = deps.maxPayloadBytes + PACKET_OVERHEAD_BYTES;
  const connection = guardConnection(inner, maxPacket, (error) => {
    deps.onTooLarge(address, error);
  });
  deps.accept(connection, address, req);
}

/** MQTT over TCP for devices and driver hosts. The caller binds it with bindPort (HUB_MQTT_PORT). */
export function createTcpTransport(deps: TransportDeps, open: OpenSockets): Server {
  return createServer((socket: Socket) => {
    socket.setNoDelay(true);
    hand(deps, open, socket, socket.remoteAddress ?? 'unknown');
  });
}

/**
 * MQTT over WebSocket at `path` on the hub's HTTP server (one origin for the browser till). Upgrades to
 * other paths are refused, unless another part of the hub listens for upgrades too: then they are its.
 * Returns the detach function.
 */
export function attachWebSocketTransport(
  server: HttpServer,
  path: string,
  deps: TransportDeps,
  open: OpenSockets,
): () => void {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxPayloadBytes + PACKET_OVERHEAD_BYTES,
  });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://hub').pathname;
    if (pathname !== path) {
      if (server.listenerCount('upgrade') === 1) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      hand(deps, open, stream, req.socket.remoteAddress ?? 'unknown', req);
    });
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    wss.close();
  };
}
