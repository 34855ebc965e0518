import { FrameSplitter, SerialTransport, type SerialOptions } from '../transports/serial.js';
import type { ScaleAnswer, ScaleProtocol, ScaleRequest } from './protocol.js';

/**
 * The request/answer exchange with one scale over serial. Requests are strictly one at a time (a scale
 * answers whatever it was asked last), so event polling and commands queue here rather than interleave.
 */
export class ScaleLink {
  private transport: SerialTransport | null = null;
  private splitter: FrameSplitter;
  private waiter: ((answer: ScaleAnswer) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly serial: SerialOptions,
    private readonly protocol: ScaleProtocol,
    private readonly answerTimeoutMs: number,
    private readonly onLost: (err: Error) => void,
  ) {
    this.splitter = new FrameSplitter((buffer) => protocol.findFrame(buffer));
  }

  get isOpen(): boolean {
    return this.transport?.isOpen ?? false;
  }

  async open(): Promise<void> {
    const transport = new SerialTransport(this.serial);
    await transport.open();
    this.splitter.reset();
    transport.on('data', (chunk) => {
      for (const frame of this.splitter.push(chunk)) {
        const answer = this.protocol.parse(frame);
        // Frames nobody waits for are late answers to a request that already timed out: dropped.
        if (answer && this.waiter) this.waiter(answer);
      }
    });
    transport.on('lost', this.onLost);
    this.transport = transport;
  }

  async close(): Promise<void> {
    const transport = this.transport;
    this.transport = null;
    transport?.removeAllListeners();
    await transport?.close();
  }

  /** Runs every step of a request; null when the scale did not answer in time (or the port is closed). */
  request(request: ScaleRequest): Promise<ScaleAnswer | null> {
    const run = async (): Promise<ScaleAnswer | null> => {
      let answer: ScaleAnswer | null = null;
      for (const step of this.protocol.steps(request)) {
        answer = await this.exchange(step);
        if (!answer || answer.kind === 'rejected') return answer;
      }
      return answer;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async exchange(bytes: Buffer): Promise<ScaleAnswer | null> {
    const transport = this.transport;
    if (!transport?.isOpen) return null;
    const answered = new Promise<ScaleAnswer | null>((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(null);
      }, this.answerTimeoutMs);
      this.waiter = (answer) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(answer);
      };
    });
    try {
      await transport.write(bytes);
    } catch {
      this.waiter?.({ kind: 'rejected' });
      return null;
    }
    return answered;
  }
}
