/**
 * A receipt logo from a picture: scaled to a width in printer dots, then turned to black and white with
 * Floyd–Steinberg error diffusion, which keeps greys and photos readable where a plain threshold would
 * print blobs. Transparent pixels count as paper. Pure: the page gives it the pixels from a canvas.
 */

/** Printer dots per row of the logo: 384 fits 58 mm paper and sits centred on 80 mm. */
export const DEFAULT_LOGO_WIDTH = 384;
export const MAX_LOGO_WIDTH = 576;
export const MAX_LOGO_HEIGHT = 400;

export interface LogoRaster {
  width: number;
  height: number;
  /** Rows of ceil(width / 8) bytes, most significant bit first, 1 = black (ESC/POS GS v 0). */
  bits: Uint8Array;
}

/** The size to draw a picture at: `width` dots wide, height in proportion and capped (then narrower). */
export function logoSize(
  imageWidth: number,
  imageHeight: number,
  width = DEFAULT_LOGO_WIDTH,
): { width: number; height: number } {
  if (imageWidth <= 0 || imageHeight <= 0) throw new Error('The picture has no pixels');
  let w = Math.min(Math.max(8, Math.round(width)), MAX_LOGO_WIDTH);
  let h = Math.max(8, Math.round((imageHeight * w) / imageWidth));
  if (h > MAX_LOGO_HEIGHT) {
    w = Math.max(8, Math.round((imageWidth * MAX_LOGO_HEIGHT) / imageHeight));
    h = MAX_LOGO_HEIGHT;
  }
  return { width: w, height: h };
}

/** RGBA pixels (as a canvas gives them) of `width` x `height` to the printer's 1-bit rows. */
export function ditherToRaster(rgba: Uint8ClampedArray, width: number, height: number): LogoRaster {
  if (rgba.length !== width * height * 4) throw new Error('Pixel data does not match the size');
  // Luminance over a white page, 0 (black) .. 255 (white); alpha blends towards the paper.
  const grey = new Float32Array(width * height);
  for (let i = 0; i < width * height; i += 1) {
    const r = rgba[i * 4] ?? 255;
    const g = rgba[i * 4 + 1] ?? 255;
    const b = rgba[i * 4 + 2] ?? 255;
    const a = (rgba[i * 4 + 3] ?? 255) / 255;
    const lum = 0.299 * r + 0.587 * g + 0.114 * b;
    grey[i] = lum * a + 255 * (1 - a);
  }
  const rowBytes = Math.ceil(width / 8);
  const bits = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      const old = grey[i] ?? 255;
      const black = old < 128;
      if (black) {
        const at = y * rowBytes + (x >> 3);
        bits[at] = (bits[at] ?? 0) | (0x80 >> (x & 7));
      }
      const error = old - (black ? 0 : 255);
      spread(grey, width, height, x + 1, y, (error * 7) / 16);
      spread(grey, width, height, x - 1, y + 1, (error * 3) / 16);
      spread(grey, width, height, x, y + 1, (error * 5) / 16);
      spread(grey, width, height, x + 1, y + 1, error / 16);
    }
  }
  return { width, height, bits };
}

function spread(
  grey: Float32Array,
  width: number,
  height: number,
  x: number,
  y: number,
  amount: number,
): void {
  if (x < 0 || x >= width || y >= height) return;
  const i = y * width + x;
  grey[i] = (grey[i] ?? 255) + amount;
}

/** Whether a dot of the raster is black (for drawing the preview). */
export function isBlack(raster: LogoRaster, x: number, y: number): boolean {
  const rowBytes = Math.ceil(raster.width / 8);
  return ((raster.bits[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

/** The raster's bits as base64, as the hub takes them. */
export function rasterBase64(raster: LogoRaster): string {
  let binary = '';
  for (const byte of raster.bits) binary += String.fromCharCode(byte);
  return btoa(binary);
}
