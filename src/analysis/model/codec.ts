import { emptyModel, type LinearModel } from './linear.js';

const MAGIC = 0x52434831; // "RCH1"

/**
 * Compact weights file: a JSON header then, per row, the non-zero weights as varint index deltas and int8 values
 * scaled by the row's largest weight. Quantisation moves a probability by well under a percent.
 */
export function encodeModel(model: LinearModel): Uint8Array {
  const scales: number[] = [];
  const bodies: Uint8Array[] = [];
  for (const row of model.rows) {
    let max = 0;
    for (let i = 0; i < row.length; i++) max = Math.max(max, Math.abs(row[i]));
    const scale = max / 127 || 1;
    scales.push(scale);
    const bytes: number[] = [];
    let last = -1;
    for (let i = 0; i < row.length; i++) {
      const q = Math.round(row[i] / scale);
      if (q === 0) continue;
      writeVarint(bytes, i - last);
      bytes.push(q & 0xff);
      last = i;
    }
    writeVarint(bytes, 0);
    bodies.push(Uint8Array.from(bytes));
  }
  const header = new TextEncoder().encode(
    JSON.stringify({ name: model.name, kind: model.kind, labels: model.labels, dim: model.dim, bias: model.bias, charWeight: model.charWeight, scales, meta: model.meta }),
  );
  const total = 8 + header.length + bodies.reduce((a, b) => a + b.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, header.length);
  out.set(header, 8);
  let off = 8 + header.length;
  for (const b of bodies) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}

export function decodeModel(buf: Uint8Array): LinearModel {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(0) !== MAGIC) throw new Error('not a Ruche model file');
  const headerLength = view.getUint32(4);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + headerLength))) as {
    name: string; kind: LinearModel['kind']; labels: string[]; dim: number; bias: number[]; charWeight: number; scales: number[];
    meta: Record<string, unknown>;
  };
  const model = emptyModel(header.name, header.kind, header.labels, header.dim);
  model.bias = header.bias;
  model.charWeight = header.charWeight;
  model.meta = header.meta;
  let off = 8 + headerLength;
  for (let r = 0; r < model.rows.length; r++) {
    const row = model.rows[r];
    const scale = header.scales[r];
    let pos = -1;
    for (;;) {
      let delta = 0;
      let shift = 0;
      let b: number;
      do {
        b = buf[off++];
        delta |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      if (delta === 0) break;
      pos += delta;
      row[pos] = ((buf[off++] << 24) >> 24) * scale;
    }
  }
  return model;
}

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}
