import { describe, expect, it } from 'vitest';
import {
  ditherToRaster,
  isBlack,
  logoSize,
  MAX_LOGO_HEIGHT,
  rasterBase64,
} from '../../web-ui/admin/store/logo-raster.js';

function pixels(
  width: number,
  height: number,
  at: (x: number, y: number) => [number, number, number, number],
) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) data.set(at(x, y), (y * width + x) * 4);
  return data;
}

function blackShare(width: number, height: number, raster: ReturnType<typeof ditherToRaster>): number {
  let black = 0;
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) if (isBlack(raster, x, y)) black += 1;
  return black / (width * height);
}

describe('receipt logo raster', () => {
  it('keeps the picture’s proportions at the paper’s width, and caps the height', () => {
    expect(logoSize(800, 200)).toEqual({ width: 384, height: 96 });
    expect(logoSize(100, 100, 576)).toEqual({ width: 400, height: 400 });
    const tall = logoSize(100, 1000);
    expect(tall.height).toBe(MAX_LOGO_HEIGHT);
    expect(tall.width).toBe(40);
    expect(() => logoSize(0, 10)).toThrow();
  });

  it('prints black as black, white and transparent as paper, and packs 8 dots a byte, MSB first', () => {
    const width = 12;
    const raster = ditherToRaster(
      pixels(width, 2, (x, y) =>
        y === 0 && x < 4 ? [0, 0, 0, 255] : y === 1 ? [0, 0, 0, 0] : [255, 255, 255, 255],
      ),
      width,
      2,
    );
    expect(raster.bits).toEqual(new Uint8Array([0xf0, 0x00, 0x00, 0x00]));
    expect(rasterBase64(raster)).toBe(Buffer.from([0xf0, 0, 0, 0]).toString('base64'));
  });

  it('renders a mid grey as about half the dots, spread out rather than in blocks', () => {
    const size = 64;
    const raster = ditherToRaster(
      pixels(size, size, () => [128, 128, 128, 255]),
      size,
      size,
    );
    expect(blackShare(size, size, raster)).toBeGreaterThan(0.4);
    expect(blackShare(size, size, raster)).toBeLessThan(0.6);
    // No run of 8 equal dots in a row anywhere: diffusion, not a threshold.
    for (let y = 0; y < size; y += 1) {
      const row = Array.from({ length: size }, (_, x) => isBlack(raster, x, y));
      const runs = row.join('').match(/(true,?){8}|(false,?){8}/g);
      expect(runs, `row ${y}`).toBeNull();
    }
  });

  it('refuses pixel data that does not fit the size', () => {
    expect(() => ditherToRaster(new Uint8ClampedArray(10), 2, 2)).toThrow();
  });
});
