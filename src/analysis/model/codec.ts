import type { LinearModel } from './linear.js';

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
    JSON.stringify({ name: model.name, kind: model.kind, labels: model.labels, dim: model.dim, bias: model.bias, charWeight: model.charWeight, scales, counts: bodies.map(weightsIn), meta: model.meta }),
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
    name: string; kind: LinearModel['kind']; labels: string[]; dim: number; bias: number[]; charWeight: number; scales: number[]; counts?: number[];
    meta: Record<string, unknown>;
  };
  const rowTotal = header.kind === 'binary' ? 1 : header.labels.length;
  const model = { name: header.name, kind: header.kind, labels: header.labels, dim: header.dim, bias: header.bias, charWeight: header.charWeight, meta: header.meta } as LinearModel;
  // The weights are read on first use: a bank restored from its file (bank-file.ts) never needs them.
  let sparse: NonNullable<LinearModel['sparse']> | undefined;
  // The file's bytes are let go once read.
  let bytes: Uint8Array | undefined = buf;
  const readSparse = () => {
    if (!sparse) {
      sparse = decodeRows(bytes!, 8 + headerLength, rowTotal, header.scales, header.counts);
      bytes = undefined;
    }
    return sparse;
  };
  Object.defineProperty(model, 'sparse', {
    enumerable: true,
    configurable: true,
    get: readSparse,
  });
  // Dense rows are built on first use (training, scoring without a bank), from the sparse weights.
  let dense: Float32Array[] | undefined;
  Object.defineProperty(model, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => (dense ??= readSparse().idx.map((idx, r) => {
      const row = new Float32Array(header.dim);
      const q = readSparse().q[r];
      const scale = header.scales[r];
      for (let i = 0; i < idx.length; i++) row[idx[i]] = q[i] * scale;
      return row;
    })),
    set: (rows: Float32Array[]) => {
      dense = rows;
    },
  });
  return model;
}

// Each row's weights go straight into typed arrays of the size the header gives (files written before it gave them
// are counted first).
function decodeRows(buf: Uint8Array, start: number, rowTotal: number, scales: number[], counts: number[] | undefined): NonNullable<LinearModel['sparse']> {
  const sparse = { scales, idx: [] as Int32Array[], q: [] as Int8Array[] };
  let off = start;
  for (let r = 0; r < rowTotal; r++) {
    let count = counts?.[r] ?? 0;
    if (counts === undefined) for (let at = off; ; count++) {
      let delta = 0;
      let shift = 0;
      let b: number;
      do {
        b = buf[at++];
        delta |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      if (delta === 0) break;
      at++;
    }
    const idx = new Int32Array(count);
    const q = new Int8Array(count);
    let pos = -1;
    for (let i = 0; ; i++) {
      // Most gaps between weights fit one byte.
      let delta = buf[off++];
      if (delta & 0x80) {
        delta &= 0x7f;
        let shift = 7;
        let b: number;
        do {
          b = buf[off++];
          delta |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
      }
      if (delta === 0) break;
      pos += delta;
      idx[i] = pos;
      q[i] = (buf[off++] << 24) >> 24;
    }
    sparse.idx.push(idx);
    sparse.q.push(q);
  }
  return sparse;
}

// How many weights a row's bytes hold (each is a varint delta then one byte), written in the header so that
// reading needs one pass.
function weightsIn(body: Uint8Array): number {
  let n = 0;
  for (let at = 0; ; n++) {
    while (body[at] & 0x80) at++;
    if (body[at++] === 0) return n;
    at++;
  }
}

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}
