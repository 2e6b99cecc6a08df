import type { SiteCode } from '../messaging';
import type { DeviceChoice } from './device-chooser';

type Choice =
  | { kind: 'one'; code: SiteCode; select?: DeviceChoice }
  | { kind: 'several'; codes: SiteCode[] }
  | { kind: 'none' };

/**
 * Which account's code belongs in the field. With Keycloak's device chooser, the account whose
 * recorded device name matches a device wins — and if that device isn't the selected one, it is
 * selected (a code for the other device would be refused). Otherwise one account is the answer
 * and several need the user.
 */
export function chooseCode(codes: SiteCode[], devices: DeviceChoice[]): Choice {
  if (codes.length === 0) return { kind: 'none' };
  if (devices.length > 0) {
    const selected = devices.find((d) => d.selected);
    const onSelected = selected && codes.find((c) => c.deviceName === selected.label);
    if (onSelected) return { kind: 'one', code: onSelected };
    for (const device of devices) {
      const code = codes.find((c) => c.deviceName === device.label);
      if (code) return { kind: 'one', code, select: device };
    }
  }
  const [only] = codes;
  return codes.length === 1 && only ? { kind: 'one', code: only } : { kind: 'several', codes };
}
