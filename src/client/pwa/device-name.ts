/**
 * A name an administrator recognises in the device list ("iPad (Safari)", "Android (Chrome)")
 * instead of the raw user agent. iPadOS Safari presents itself as a Mac: a Mac with a touch
 * screen is an iPad. No fingerprinting beyond that: the device's own id is what identifies it.
 */

export function deviceName(userAgent: string, maxTouchPoints = 0): string {
  const ua = userAgent;
  const device =
    /iPad/.test(ua) || (/Macintosh/.test(ua) && maxTouchPoints > 1)
      ? 'iPad'
      : /iPhone/.test(ua)
        ? 'iPhone'
        : /Android/.test(ua)
          ? 'Android'
          : /Windows/.test(ua)
            ? 'Windows'
            : /Macintosh/.test(ua)
              ? 'Mac'
              : /CrOS/.test(ua)
                ? 'Chromebook'
                : /Linux/.test(ua)
                  ? 'Linux'
                  : 'Enhed';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\/|FxiOS/.test(ua)
      ? 'Firefox'
      : /Chromium\//.test(ua)
        ? 'Chromium'
        : /Chrome\/|CriOS/.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : null;
  return browser ? `${device} (${browser})` : device;
}
