/** A small but real WebM file (EBML header, segment info with its duration, one VP8 track with its size, one frame), written byte by byte: no encoder runs here. */
const id = (hex: number) => { const b: number[] = []; let v = hex; while (v > 0) { b.unshift(v & 0xff); v = Math.floor(v / 256); } return b; };
const size = (n: number) => [0x01, 0, 0, (n / 2 ** 32) & 0xff, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const el = (hex: number, body: number[]) => [...id(hex), ...size(body.length), ...body];
const uint = (n: number) => { const b: number[] = []; do { b.unshift(n & 0xff); n = Math.floor(n / 256); } while (n > 0); return b; };
const str = (s: string) => [...Buffer.from(s, 'ascii')];
const f64 = (x: number) => { const b = Buffer.alloc(8); b.writeDoubleBE(x); return [...b]; };
export function tinyWebm(width: number, height: number, durationMs: number): Uint8Array {
  const header = el(0x1a45dfa3, [...el(0x4286, uint(1)), ...el(0x42f7, uint(1)), ...el(0x42f2, uint(4)), ...el(0x42f3, uint(8)), ...el(0x4282, str('webm')), ...el(0x4287, uint(2)), ...el(0x4285, uint(2))]);
  const info = el(0x1549a966, [...el(0x2ad7b1, uint(1_000_000)), ...el(0x4489, f64(durationMs)), ...el(0x4d80, str('ruche')), ...el(0x5741, str('ruche'))]);
  const track = el(0xae, [...el(0xd7, uint(1)), ...el(0x73c5, uint(1)), ...el(0x83, uint(1)), ...el(0x86, str('V_VP8')), ...el(0xe0, [...el(0xb0, uint(width)), ...el(0xba, uint(height))])]);
  const cluster = el(0x1f43b675, [...el(0xe7, uint(0)), ...el(0xa3, [0x81, 0x00, 0x00, 0x80, 0x00])]);
  return new Uint8Array([...header, ...el(0x18538067, [...info, ...el(0x1654ae6b, track), ...cluster])]);
}
