/**
 * Taking turns on the event loop. The path questions (plans, paths, unlocks), requirement graphs
 * and search are synchronous CPU work over the in-memory catalog; an operation that asks many of
 * them (aliases, long lists) would otherwise run them all in one go, and every other request,
 * however small, would wait for the whole of it. Each such call is queued here instead and run
 * in a later turn of the event loop (setImmediate), at most a slice of time's worth per turn, so
 * between two slices Node reads sockets and answers the lookups that came in meanwhile.
 * Calls run in the order they were asked (FIFO): two heavy operations interleave.
 * docs/limits.md has the measurements.
 */

/** How long one turn may run queued work before letting the event loop poll again. */
export const TURN_SLICE_MS = 2;

type Task = () => void;

const queue: Task[] = [];
let head = 0;
let scheduled = false;

function runSlice(): void {
  const until = performance.now() + TURN_SLICE_MS;
  do {
    const task = queue[head];
    queue[head++] = undefined as unknown as Task;
    task();
  } while (head < queue.length && performance.now() < until);
  if (head === queue.length) {
    queue.length = 0;
    head = 0;
    scheduled = false;
  } else {
    setImmediate(runSlice);
  }
}

/** Runs `work` in a coming turn of the event loop; its result or error, when it ran. */
export function inTurn<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    if (!scheduled) {
      scheduled = true;
      setImmediate(runSlice);
    }
  });
}
