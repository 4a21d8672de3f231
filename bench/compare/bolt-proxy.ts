/**
 * A counting TCP proxy in front of Neo4j's Bolt port, one listening port per tier, so that each
 * tier's Neo4j round trips can be counted without looking inside the tier. It forwards bytes
 * untouched and reads the client's Bolt messages on the side: RUN (a query) and BEGIN (an explicit
 * transaction); a RUN outside BEGIN…COMMIT is an auto-commit transaction of its own.
 *
 * It runs in a child process of its own (fork), so that its work neither slows the load generator
 * nor lands in the CPU time of a tier.
 */
import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface BoltCounts {
  queries: number;
  transactions: number;
}

const RUN = 0x10;
const BEGIN = 0x11;
const COMMIT = 0x12;
const ROLLBACK = 0x13;
const RESET = 0x0f;
/** The server's answer to the handshake when it negotiates through a manifest (Bolt 5.7+). */
const MANIFEST_V1 = 0x000001ff;

/**
 * Reads one connection's client-to-server bytes: the 20-byte preamble, the manifest reply if the
 * server asked for one (a 4-byte version and a varint), then chunked messages
 * (u16 length + data, a zero length ends the message). A message is a PackStream struct: a marker
 * byte, then its signature.
 */
class BoltReader {
  private preamble = 20;
  private manifestReply: 'none' | 'version' | 'varint' = 'none';
  private manifestVersionLeft = 4;
  private header: number[] = [];
  private chunkLeft = 0;
  private messageOffset = 0;
  private inTransaction = false;

  constructor(private readonly counts: BoltCounts) {}

  /** The server chose a version: when it sent a manifest instead, the client answers it first. */
  serverChose(version: number): void {
    if (version === MANIFEST_V1) this.manifestReply = 'version';
  }

  read(data: Buffer): void {
    let i = 0;
    while (i < data.length) {
      if (this.preamble > 0) {
        const n = Math.min(this.preamble, data.length - i);
        this.preamble -= n;
        i += n;
      } else if (this.manifestReply === 'version') {
        const n = Math.min(this.manifestVersionLeft, data.length - i);
        this.manifestVersionLeft -= n;
        i += n;
        if (this.manifestVersionLeft === 0) this.manifestReply = 'varint';
      } else if (this.manifestReply === 'varint') {
        if ((data[i++] & 0x80) === 0) this.manifestReply = 'none';
      } else if (this.chunkLeft === 0) {
        this.header.push(data[i++]);
        if (this.header.length === 2) {
          this.chunkLeft = (this.header[0] << 8) | this.header[1];
          this.header = [];
          if (this.chunkLeft === 0) this.messageOffset = 0; // end of message
        }
      } else {
        const n = Math.min(this.chunkLeft, data.length - i);
        if (this.messageOffset <= 1 && this.messageOffset + n > 1) {
          this.message(data[i + 1 - this.messageOffset]);
        }
        this.messageOffset += n;
        this.chunkLeft -= n;
        i += n;
      }
    }
  }

  private message(signature: number): void {
    if (signature === RUN) {
      this.counts.queries++;
      if (!this.inTransaction) this.counts.transactions++;
    } else if (signature === BEGIN) {
      this.counts.transactions++;
      this.inTransaction = true;
    } else if (signature === COMMIT || signature === ROLLBACK || signature === RESET) {
      this.inTransaction = false;
    }
  }
}

function listen(target: { host: string; port: number }, counts: BoltCounts): Promise<number> {
  // Without noDelay, Nagle's algorithm holds back each small Bolt message until the previous one
  // is acknowledged: a delayed-ACK stall of ~40 ms per transaction that no tier would have.
  const server = net.createServer({ noDelay: true }, (client) => {
    const upstream = net.connect({ ...target, noDelay: true });
    const reader = new BoltReader(counts);
    let versionBytes: Buffer | null = Buffer.alloc(0);
    client.on('data', (data) => {
      reader.read(data);
      upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (versionBytes !== null) {
        versionBytes = Buffer.concat([versionBytes, data]);
        if (versionBytes.length >= 4) {
          reader.serverChose(versionBytes.readUInt32BE(0));
          versionBytes = null;
        }
      }
      client.write(data);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

type Request = { kind: 'start'; target: { host: string; port: number }; names: string[] };

/** Child side: listen for each name, then answer `counts` requests until the parent goes. */
function serve(): void {
  const counts = new Map<string, BoltCounts>();
  const answer = async (message: Request | { kind: 'counts' }) => {
    if (message.kind === 'start') {
      const ports: Record<string, number> = {};
      for (const name of message.names) {
        counts.set(name, { queries: 0, transactions: 0 });
        ports[name] = await listen(message.target, counts.get(name)!);
      }
      process.send!({ kind: 'ports', ports });
    } else {
      process.send!({ kind: 'counts', counts: Object.fromEntries(counts) });
    }
  };
  process.on('message', (message: Request | { kind: 'counts' }) => void answer(message));
  process.on('disconnect', () => process.exit(0));
}

export interface BoltProxy {
  /** bolt:// URI for each tier name. */
  uris: Record<string, string>;
  counts(): Promise<Record<string, BoltCounts>>;
  stop(): void;
  pid: number;
}

export async function startBoltProxy(boltUri: string, names: string[]): Promise<BoltProxy> {
  const url = new URL(boltUri);
  const child: ChildProcess = fork(__filename, ['--serve'], { stdio: 'inherit' });
  const reply = <T>(kind: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { kind: string } & T) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = () => reject(new Error('the Bolt proxy exited'));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const started = reply<{ ports: Record<string, number> }>('ports');
  child.send({ kind: 'start', target: { host: url.hostname, port: Number(url.port) }, names });
  const { ports } = await started;
  return {
    uris: Object.fromEntries(names.map((name) => [name, `bolt://127.0.0.1:${ports[name]}`])),
    counts: async () => {
      const answer = reply<{ counts: Record<string, BoltCounts> }>('counts');
      child.send({ kind: 'counts' });
      return (await answer).counts;
    },
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
    pid: child.pid!,
  };
}

if (require.main === module && process.argv.includes('--serve')) serve();
