/**
 * Device-level facts kept (encrypted) in the user's store: the device id this user is registered
 * with (sent with every push) and her name for local authorship until the server stamps the record.
 */
import type { LocalStore } from './local-store.ts';

export type DeviceInfo = { deviceId: string; userName: string };

export const DEVICE_KEY = 'device';

export function deviceInfoOf(value: unknown): DeviceInfo {
  const v = value as Partial<DeviceInfo> | undefined;
  return {
    deviceId: typeof v?.deviceId === 'string' ? v.deviceId : '',
    userName: typeof v?.userName === 'string' ? v.userName : '',
  };
}

export const getDeviceInfo = (store: LocalStore): DeviceInfo => deviceInfoOf(store.state.meta.get(DEVICE_KEY));

export async function setDeviceInfo(store: LocalStore, info: DeviceInfo): Promise<void> {
  await store.transact((tx) => tx.setMeta(DEVICE_KEY, info));
}
