import { describe, expect, it } from 'vitest';
import { addressKeyOf } from './login-limits.js';

describe('the address a sign-in limit counts', () => {
  it('is an IPv4 address itself, and an IPv6 address its /64 network', () => {
    expect(addressKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKeyOf('2001:db8:85a3:12:8a2e:370:7334:1')).toBe('2001:db8:85a3:12::/64');
    expect(addressKeyOf('2001:DB8:85A3:0012::1')).toBe('2001:db8:85a3:12::/64');
    expect(addressKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKeyOf('2001:db8::1')).toBe(addressKeyOf('2001:db8:0:0:ffff::2'));
    expect(addressKeyOf('::1')).toBe('0:0:0:0::/64');
  });
});
