/** The sync's own entries in the store's meta (read by the status bar without loading the sync). */
export const CHECKPOINT = 'checkpoint';
export const LAST_SYNC = 'lastSync';
