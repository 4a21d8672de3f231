import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

/**
 * Apollo keeps two caches keyed by query text, and both grow with every text a client invents
 * (a fresh alias, a comment): the parsed and validated documents, and the texts registered as
 * persisted queries. Apollo's default caps them at 30 MiB as JSON, but a parsed document keeps its
 * whole token list alive (every AST node's `loc` points into it), so in the heap it weighs up to
 * about 80 bytes per character of its text: measured, several times its JSON size. Under a soak
 * (bench/README.md) the default store kept tens of thousands of documents and the process's RSS
 * climbed by about 80 MiB a minute. Here both are bounded by entries and by bytes estimated from
 * what the heap really holds.
 */
export interface CacheBounds {
  /** Parsed documents kept (most recently used first). */
  documents: number;
  /** Their estimated heap bytes. */
  documentBytes: number;
  /** Persisted query texts kept. */
  persistedQueries: number;
  /** Their bytes (UTF-16, as V8 may hold them). */
  persistedQueryBytes: number;
}

export const DEFAULT_CACHE_BOUNDS: CacheBounds = {
  documents: 1000,
  documentBytes: 32 * 2 ** 20,
  persistedQueries: 1000,
  persistedQueryBytes: 8 * 2 ** 20,
};

/** Heap bytes a parsed document retains per character of its text (measured, rounded up). */
export const DOCUMENT_BYTES_PER_CHAR = 80;

/** What a parsed document costs the heap: its text's length times the measured factor. */
export function documentHeapBytes(document: DocumentNode): number {
  const length = document.loc?.source.body.length ?? JSON.stringify(document).length;
  return Math.max(1, length * DOCUMENT_BYTES_PER_CHAR);
}

/** Apollo's documentStore, bounded by entries and estimated bytes. */
export function boundedDocumentStore(
  bounds: CacheBounds = DEFAULT_CACHE_BOUNDS,
): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    max: bounds.documents,
    maxSize: bounds.documentBytes,
    sizeCalculation: documentHeapBytes,
  });
}

/** The cache of persisted query texts (and Apollo's other uses of `cache`), bounded too. */
export function boundedQueryCache(bounds: CacheBounds = DEFAULT_CACHE_BOUNDS): InMemoryLRUCache {
  return new InMemoryLRUCache<string>({
    max: bounds.persistedQueries,
    maxSize: bounds.persistedQueryBytes,
    sizeCalculation: (text: string) => Math.max(1, text.length * 2),
  });
}
