'use strict';
// Oracle for GraphAttn.Neo4j.Tests: the official Neo4j JavaScript PackStream codec packs, unpacks, chunks and
// dechunks values described in a tagged JSON form, so the C# codec is checked against code nobody here wrote.
// Tagged form: null | true | false | {i:"decimal"} | {f:"16 hex digits of the IEEE bits"} | {s:"text"} |
// {b:"hex"} | {l:[...]} | {m:[[key, value], ...] sorted by key} | {S:signature, F:[...]}.
// Reads one JSON request from stdin, writes one JSON reply to stdout.
const fs = require('fs');
const bolt = require('neo4j-driver-bolt-connection');
const { Packer, Unpacker } = bolt.packstream.v1;
const { alloc, Chunker, Dechunker } = bolt.channel;
const Structure = require('neo4j-driver-bolt-connection/lib/packstream/structure').default;
const { isInt } = require('neo4j-driver-core');

function toJs(t) {
  if (t === null || t === true || t === false) return t;
  if ('i' in t) return BigInt(t.i);
  if ('f' in t) return Buffer.from(t.f, 'hex').readDoubleBE(0);
  if ('s' in t) return t.s;
  if ('b' in t) return new Int8Array(Buffer.from(t.b, 'hex'));
  if ('l' in t) return t.l.map(toJs);
  if ('m' in t) return Object.fromEntries(t.m.map(([k, v]) => [k, toJs(v)]));
  if ('S' in t) return new Structure(t.S, t.F.map(toJs));
  throw new Error('bad tag ' + JSON.stringify(t));
}

function toTagged(v) {
  if (v === null || v === true || v === false) return v;
  if (isInt(v)) return { i: v.toString() };
  if (typeof v === 'number') { const b = Buffer.alloc(8); b.writeDoubleBE(v, 0); return { f: b.toString('hex') }; }
  if (typeof v === 'string') return { s: v };
  if (v instanceof Int8Array) return { b: Buffer.from(v.buffer, v.byteOffset, v.length).toString('hex') };
  if (Array.isArray(v)) return { l: v.map(toTagged) };
  if (v instanceof Structure) return { S: v.signature, F: v.fields.map(toTagged) };
  if (typeof v === 'object') {
    return { m: Object.keys(v).sort().map((k) => [k, toTagged(v[k])]) };
  }
  throw new Error('unexpected value ' + String(v));
}

// Collects what a Chunker flushes, standing in for a socket.
function sink() {
  const parts = [];
  return { parts, write: (buf) => parts.push(Buffer.from(buf._buffer.subarray(0, buf.length))) };
}

function packOne(value) {
  const out = sink();
  const chunker = new Chunker(out, 1 << 20);
  new Packer(chunker).packable(toJs(value))();
  chunker.flush();
  // Strip the 2-byte chunk header the chunker put in front of the single chunk.
  return Buffer.concat(out.parts).subarray(2).toString('hex');
}

function unpackOne(hex) {
  try {
    const buf = alloc(Buffer.from(hex, 'hex'));
    const value = new Unpacker().unpack(buf);
    if (buf.remaining() !== 0) return { error: 'trailing bytes' };
    return { value: toTagged(value) };
  } catch (e) {
    return { error: String(e.message || e) };
  }
}

function chunk(messages, bufferSize) {
  const out = sink();
  const chunker = new Chunker(out, bufferSize);
  const packer = new Packer(chunker);
  for (const m of messages) {
    packer.packStruct(m.S, m.F.map((f) => packer.packable(toJs(f))));
    chunker.messageBoundary();
  }
  chunker.flush();
  return Buffer.concat(out.parts).toString('hex');
}

function dechunk(bytes, onMessage) {
  const dechunker = new Dechunker();
  dechunker.onmessage = onMessage;
  dechunker.write(alloc(bytes));
}

function bench(file, repeats) {
  const bytes = fs.readFileSync(file);
  const times = [];
  let records = 0;
  for (let r = 0; r < repeats; r++) {
    records = 0;
    const unpacker = new Unpacker();
    const start = process.hrtime.bigint();
    dechunk(bytes, (msg) => { if (unpacker.unpack(msg).signature === 0x71) records++; });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { records, ms: times };
}

const req = JSON.parse(fs.readFileSync(0, 'utf8'));
let reply;
switch (req.op) {
  case 'pack': reply = { hex: req.values.map(packOne) }; break;
  case 'unpack': reply = { results: req.hex.map(unpackOne) }; break;
  case 'chunk': reply = { hex: chunk(req.messages, req.bufferSize || 1400) }; break;
  case 'dechunk': {
    const messages = [];
    const unpacker = new Unpacker();
    dechunk(Buffer.from(req.hex, 'hex'), (msg) => messages.push(toTagged(unpacker.unpack(msg))));
    reply = { messages };
    break;
  }
  case 'bench': reply = bench(req.file, req.repeats || 3); break;
  default: throw new Error('unknown op ' + req.op);
}
process.stdout.write(JSON.stringify(reply));
