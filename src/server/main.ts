/**
 * The server process (`node src/server/main.ts`), the only module with side effects: reads the
 * configuration, opens the database, listens, and shuts down cleanly on SIGTERM/SIGINT (close the
 * HTTP server, then the database).
 */
import { buildApp } from './app.ts';
import { ConfigError, parseConfig } from './config.ts';
import { createUserCommand } from './routes/public.ts';
import { countUsers } from './store/accounts.ts';
import { purgeAuditEvents } from './store/audit.ts';
import { openStore } from './store/db.ts';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const store = openStore({ dataDir: config.dataDir });
  const app = await buildApp({ store, config });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(daily);
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
    } finally {
      store.close();
    }
    process.exit(0);
  };
  // Audit retention: events (the server's and the devices') older than AUDIT_RETENTION_DAYS go, at start and daily.
  const purge = () => {
    const removed = purgeAuditEvents(store.db, config.auditRetentionDays, new Date());
    if (removed > 0) app.log.info({ removed }, 'audit events past retention purged');
  };
  purge();
  // Journal material is never purged (a database trigger refuses deleting records); the setting is the floor.
  app.log.info({ journalRetentionYears: config.journalRetentionYears }, 'journal material is kept, never purged');
  const daily = setInterval(purge, 86_400_000);
  daily.unref();
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Tusind Dage is running at http://${host}:${port} (data in ${store.path})`);
  if (countUsers(store.db) === 0) {
    console.log('No accounts yet. Create the first one with:');
    console.log(`  ${createUserCommand}`);
    console.log('or a demo account with fictitious data: npm run --silent admin -- create-demo');
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('The server could not start:', error);
  process.exit(1);
});
