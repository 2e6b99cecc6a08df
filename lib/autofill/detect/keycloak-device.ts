/**
 * The name of the OTP device selected in Keycloak's chooser, shown only when the user has
 * several devices: the checked radio's `<label>` in the old theme, the tile named by the hidden
 * `input#selectedCredentialId` in `keycloak.v2`. Null when there is no chooser.
 * @see ../../../../shared/keycloak-pages.md (OTP entry page: several OTP devices)
 */
export function selectedDeviceName(form: HTMLFormElement): string | null {
  const radios = [
    ...form.querySelectorAll<HTMLInputElement>('input[type="radio"][name="selectedCredentialId"]'),
  ];
  if (radios.length > 0) {
    const label = radios.find((radio) => radio.checked)?.labels?.[0];
    return label ? tileTitle(label) : null;
  }
  const tiles = [...form.querySelectorAll<HTMLElement>('[id^="kc-otp-credential-"]:not(input)')];
  if (tiles.length === 0) return null;
  // The hidden value is what gets submitted, so it wins over the tile's look.
  const id = form.querySelector<HTMLInputElement>('input#selectedCredentialId')?.value ?? '';
  const tile =
    (id ? tiles.find((t) => namesCredential(t, id)) : undefined) ?? tiles.find(looksSelected);
  return tile ? tileTitle(tile) : null;
}

/** A v2 tile carries its credential id in `onclick="toggleOTP(i, 'id')"` or a data attribute. */
function namesCredential(tile: HTMLElement, id: string): boolean {
  const onclick = tile.getAttribute('onclick') ?? '';
  return (
    Object.values(tile.dataset).includes(id) ||
    onclick.includes(`'${id}'`) ||
    onclick.includes(`"${id}"`)
  );
}

/** PatternFly marks the chosen tile `pf-m-selected`; custom themes may use ARIA instead. */
function looksSelected(tile: HTMLElement): boolean {
  return (
    tile.classList.contains('pf-m-selected') ||
    ['aria-selected', 'aria-checked', 'aria-pressed'].some((a) => tile.getAttribute(a) === 'true')
  );
}

/** The tile's title (the device name), without its icon's white space. */
function tileTitle(el: Element): string | null {
  const title = el.querySelector('[class*="tile__title"]') ?? el;
  const text = (title.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
