// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BadgeIcon } from '../../../components/removal/BadgeList';
import { isZohoImageUrl } from '../../../utils/platform/zoho/datacenters';

afterEach(cleanup);

const icon = (iconUrl: string | null, name = 'mvp 2026') =>
  render(<BadgeIcon badge={{ id: '1', name, iconUrl }} />).container.querySelector('.br-icon')!;

describe('badge icons', () => {
  it('loads an icon served by Zoho, without a referrer', () => {
    const img = icon('https://desk.zoho.com/portal/api/publicImages/6').querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://desk.zoho.com/portal/api/publicImages/6');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it.each([
    ['a custom host', 'https://www.zylker.com/badge1.jpg'],
    ['plain http on a Zoho host', 'http://desk.zoho.com/portal/api/publicImages/6'],
    ['a look-alike host', 'https://desk.zoho.com.evil.example/x.png'],
    ['a Zoho name inside another host', 'https://img.zohostatic.com.evil.example/x.png'],
    ['a port', 'https://desk.zoho.com:8443/x.png'],
    ['credentials', 'https://user@desk.zoho.com/x.png'],
    ['a data URL', 'data:image/svg+xml,<svg/>'],
    ['not a URL', 'badge1.jpg'],
  ])('shows the letter avatar, never the image, for %s', (_, url) => {
    const box = icon(url);
    expect(box.querySelector('img')).toBeNull();
    expect(box.textContent).toBe('M');
  });

  it('shows the letter avatar when there is no icon at all', () => {
    expect(icon(null, ' beta').textContent).toBe('B');
    expect(icon(null, '').textContent).toBe('★');
  });

  it('trusts every data center and Zoho static hosts', () => {
    expect(isZohoImageUrl('https://desk.zohocloud.ca/i.png')).toBe(true);
    expect(isZohoImageUrl('https://img.zohostatic.com/badges/1.png')).toBe(true);
    expect(isZohoImageUrl('https://static.zohocdn.com/badges/1.png')).toBe(true);
    expect(isZohoImageUrl('https://zohostatic.com.attacker.net/1.png')).toBe(false);
  });
});
