import type { AddressInfo, Server } from 'node:net';

export class PortInUseError extends Error {
  constructor(
    readonly setting: string,
    readonly port: number,
  ) {
    super(`${setting}: port ${port} is already in use by another program; set ${setting} to a free port`);
    this.name = 'PortInUseError';
  }
}

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export interface BindOptions {
  /** The environment variable that sets this port, named in errors. */
  setting: string;
  host: string;
  port: number;
  /** A taken port may be swapped for a free one only when it is a default and the hub runs the demo. */
  mayMove: boolean;
}

export interface Bound {
  port: number;
  movedFrom: number | null;
}

export async function bindPort(server: Server, options: BindOptions): Promise<Bound> {
  try {
    return { port: await listenOnce(server, options.host, options.port), movedFrom: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (!options.mayMove) throw new PortInUseError(options.setting, options.port);
    return { port: await listenOnce(server, options.host, 0), movedFrom: options.port };
  }
}
