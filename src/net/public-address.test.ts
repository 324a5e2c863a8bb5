import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './public-address.js';

const refused = (list: string[]) => list.forEach((a) => expect(isPublicAddress(a), a).toBe(false));
const allowed = (list: string[]) => list.forEach((a) => expect(isPublicAddress(a), a).toBe(true));

describe('public addresses', () => {
  it('lets public IPv4 and IPv6 addresses through', () => {
    allowed(['1.1.1.1', '93.184.216.34', '8.8.8.8', '2606:4700::1111', '2a00:1450:4007:80e::200e', '[2606:4700::1111]']);
  });

  it('refuses private, loopback, link-local, shared, reserved and multicast IPv4', () => {
    refused([
      '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
      '100.64.0.1', '0.0.0.0', '0.1.2.3', '192.0.0.1', '192.0.2.1', '198.18.0.1', '198.51.100.1', '203.0.113.1',
      '224.0.0.1', '240.0.0.1', '255.255.255.255',
    ]);
  });

  it('refuses loopback, unspecified, unique-local, link-local, site-local, multicast and documentation IPv6', () => {
    refused(['::1', '::', 'fd00::1', 'fc00::1', 'fe80::1', 'fe80::1%eth0', 'fec0::1', 'feff::1', 'ff02::1', '2001:db8::1', '100::1']);
  });

  it('judges the IPv4 address inside IPv4-mapped, -translated and -compatible IPv6', () => {
    refused(['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '[::ffff:127.0.0.1]']);
    refused(['::ffff:0:127.0.0.1', '::ffff:0:7f00:1', '::ffff:0:192.168.0.1']);
    refused(['::127.0.0.1', '::7f00:1', '::10.0.0.1', '::0.0.0.0']);
    allowed(['::ffff:1.1.1.1', '::ffff:0:1.1.1.1', '::1.1.1.1']);
  });

  it('judges the IPv4 address inside NAT64 and 6to4, and refuses the NAT64 local-use prefix', () => {
    refused(['64:ff9b::127.0.0.1', '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::7f00:1', '64:ff9b:1::101:101']);
    allowed(['64:ff9b::1.1.1.1', '64:ff9b::808:808']);
    refused(['2002:7f00:1::', '2002:7f00:0001::1', '2002:a00:1::1', '2002:c0a8:101::1']);
    allowed(['2002:101:101::1']);
  });

  it('refuses Teredo whatever it carries', () => {
    refused(['2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2']);
  });

  it('refuses what is not an address at all', () => {
    refused(['', 'localhost', 'example.com', '127.1', '0x7f.0.0.1', '1.2.3.4.5', ':::1']);
  });
});
