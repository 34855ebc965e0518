import { cas } from './cas.js';
import { nci } from './nci.js';
import type { ScaleProtocol, ScaleProtocolName, ScaleProtocolOptions } from './protocol.js';
import { toledo8217 } from './toledo8217.js';

export function createScaleProtocol(name: ScaleProtocolName, options: ScaleProtocolOptions): ScaleProtocol {
  switch (name) {
    case 'toledo8217':
      return toledo8217(options);
    case 'nci':
      return nci();
    case 'cas':
      return cas();
  }
}
