import { Duplex } from 'node:stream';

export class PacketTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`MQTT packet of ${size} bytes is over the broker's limit`);
    this.name = 'PacketTooLargeError';
  }
}

/**
 * Reads MQTT fixed headers as bytes go by and fails the connection as soon as a packet announces a
 * remaining length over `maxPacketBytes`. aedes' parser has no size limit and would buffer a packet of
 * any size before our authorizePublish could look at it; this guard stops it at the header instead.
 */
export class FrameSizeGuard {
  private phase: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private left = 0;

  constructor(private readonly maxPacketBytes: number) {}

  /** Throws PacketTooLargeError (or a plain Error for a malformed length) when the stream must stop. */
  check(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.phase === 'body') {
        const take = Math.min(this.left, chunk.length - i);
        this.left -= take;
        i += take;
        if (this.left === 0) this.phase = 'type';
        continue;
      }
      const byte = chunk[i++] ?? 0;
      if (this.phase === 'type') {
        this.phase = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        continue;
      }
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.lengthBytes += 1;
      if (this.length > this.maxPacketBytes) throw new PacketTooLargeError(this.length);
      if (byte & 0x80) {
        if (this.lengthBytes === 4) throw new Error('malformed MQTT remaining length');
        continue;
      }
      this.left = this.length;
      this.phase = this.length === 0 ? 'type' : 'body';
    }
  }
}

/**
 * Wraps a socket (TCP, or the ws stream of a WebSocket) in a Duplex that aedes can own: bytes are checked
 * by the guard on the way in, writes (batched, see writev) and backpressure pass through, destroying one
 * destroys both.
 */
export function guardConnection(
  inner: Duplex,
  maxPacketBytes: number,
  onTooLarge: (error: PacketTooLargeError) => void,
): Duplex {
  const guard = new FrameSizeGuard(maxPacketBytes);
  // A write is reported done on the next turn of the event loop, not the next tick: until then this stream
  // buffers what aedes writes (each delivery runs in its own setImmediate), so all the packets a busy turn
  // has for one client leave in one write. A quiet connection still writes each packet at once.
  const send = (data: Buffer, callback: (error?: Error | null) => void) => {
    inner.write(data, (error) => {
      if (error) callback(error);
      else setImmediate(callback);
    });
  };
  const outer: Duplex = new Duplex({
    read() {
      inner.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      send(chunk, callback);
    },
    // mqtt-packet corks the stream around the 4-6 small writes of each packet; without writev they would
    // still reach the socket one at a time (a syscall and a TCP segment or WebSocket frame each, each
    // waiting for the previous one's callback). This hands everything buffered over in one write.
    writev(chunks, callback) {
      const buffers = chunks.map(({ chunk }) => chunk as Buffer);
      send(buffers.length === 1 ? (buffers[0] as Buffer) : Buffer.concat(buffers), callback);
    },
    final(callback) {
      inner.end(callback);
    },
    destroy(error, callback) {
      inner.destroy();
      callback(error);
    },
  });
  inner.on('data', (chunk: Buffer) => {
    try {
      guard.check(chunk);
    } catch (error) {
      if (error instanceof PacketTooLargeError) onTooLarge(error);
      outer.destroy(error as Error);
      return;
    }
    if (!outer.push(chunk)) inner.pause();
  });
  inner.on('end', () => outer.push(null));
  inner.on('close', () => outer.destroy());
  inner.on('error', (error) => outer.destroy(error));
  return outer;
}
