import { Router } from 'express';
import { DatabaseAvailability } from '../db/availability';

/** The longest /health/ready waits for Neo4j to answer its probe. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * `/health/live`: the process is up and its event loop answers (200 while it runs, stopping or
 * not). `/health/ready`: it should get traffic: 200 while Neo4j answers a probe, 503 while Neo4j
 * is unreachable (the API still answers catalog reads from its last snapshot then, marked
 * `stale`) and once a shutdown has begun. Bodies are small JSON, never cached, and carry no
 * driver text.
 */
export class Health {
  private stopping = false;
  readonly router: Router;

  constructor(private readonly availability: DatabaseAvailability) {
    this.router = Router();
    this.router.use((_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    });
    this.router.get('/live', (_req, res) => {
      res.json({ status: this.stopping ? 'stopping' : 'live' });
    });
    this.router.get('/ready', async (_req, res) => {
      if (this.stopping) {
        res.status(503).json({ status: 'stopping' });
        return;
      }
      const answers = await withTimeout(this.availability.check(), PROBE_TIMEOUT_MS);
      const state = this.availability.state();
      if (answers) {
        res.json({ status: 'ready', database: 'reachable', since: state.since });
      } else {
        res.status(503).json({
          status: 'unavailable',
          database: 'unreachable',
          since: state.reachable ? new Date().toISOString() : state.since,
          catalog: 'stale: answering from the last snapshot read',
        });
      }
    });
  }

  /** A shutdown began: readiness says 503 from now on, so balancers send traffic elsewhere. */
  markStopping(): void {
    this.stopping = true;
  }
}

function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    check,
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]).finally(() => clearTimeout(timer));
}
