/**
 * Device-level facts kept in the meta table: the device id (made once, sent with every push) and
 * the signed-in user's name for local authorship until the server stamps the record.
 */
import type { TusindDageDb } from './db.ts';

export type DeviceInfo = { deviceId: string; userName: string };

const DEVICE_KEY = 'device';

export async function getDeviceInfo(database: TusindDageDb): Promise<DeviceInfo> {
  const existing = await database.meta.get(DEVICE_KEY);
  if (existing && isDeviceInfo(existing.value)) return existing.value;
  return database.transaction('rw', database.meta, async () => {
    const again = await database.meta.get(DEVICE_KEY);
    if (again && isDeviceInfo(again.value)) return again.value;
    const info: DeviceInfo = { deviceId: crypto.randomUUID(), userName: '' };
    await database.meta.put({ key: DEVICE_KEY, value: info });
    return info;
  });
}

export async function setUserName(database: TusindDageDb, userName: string): Promise<void> {
  const info = await getDeviceInfo(database);
  await database.meta.put({ key: DEVICE_KEY, value: { ...info, userName } });
}

function isDeviceInfo(value: unknown): value is DeviceInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DeviceInfo).deviceId === 'string' &&
    typeof (value as DeviceInfo).userName === 'string'
  );
}
