/** The little of PouchDB's API the benchmark's browser entry uses (the package ships no types). */
declare module 'pouchdb-browser' {
  type ReplicationResult = { docs_written: number; ok: boolean };
  class PouchDB<T = Record<string, unknown>> {
    constructor(name: string, options?: Record<string, unknown>);
    bulkDocs(docs: object[]): Promise<unknown[]>;
    get(id: string): Promise<T & { _id: string; _rev: string }>;
    put(doc: object): Promise<unknown>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    close(): Promise<void>;
    static plugin(plugin: unknown): void;
    static replicate(
      source: PouchDB<never> | PouchDB,
      target: PouchDB<never> | PouchDB,
      options?: object,
    ): Promise<ReplicationResult>;
  }
  export default PouchDB;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
