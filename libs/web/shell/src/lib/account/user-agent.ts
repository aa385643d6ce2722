/** A session's device, as people recognise it. */
export interface DeviceDescription {
  label: string;
  /** Whether it looks like a phone or tablet (for the icon). */
  mobile: boolean;
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/**
 * "Chrome on Windows" from a user-agent string. Rough on purpose: it only has to let someone
 * tell their own devices apart, and product names are not translated.
 */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const agent = userAgent ?? '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  const mobile = /Mobile|Android|iPhone|iPad/.test(agent);
  if (browser && system) {
    return { label: $localize`:Device in the sessions list, e.g. Chrome on Windows:${browser}:browser: on ${system}:system:`, mobile };
  }
  if (browser || system) return { label: (browser ?? system) as string, mobile };
  return { label: $localize`:Device in the sessions list when the browser is not known:Unknown browser`, mobile };
}
